package rules

import "sync/atomic"

// Standard is one benefit's standard as content writes it: the one type
// a benefit's figures and rule are decoded into (generator/params fills
// it from the measure files), carried in the parameters' JSON (its
// encoding/json form), and compiled once into the calculator's fixed
// units by NewStandards or ParseStandards. Figures are decimal text
// ("20000", "0.2"), "" when not given.
type Standard struct {
	Clause      string   `json:"clause"`              // clause id, "3.2.12"
	Name        string   `json:"name"`                // shown as the entitlement's title
	For         string   `json:"for,omitempty"`       // household | person | …
	Kind        Kind     `json:"kind"`                // cash | service | standard
	Amount      string   `json:"amount,omitempty"`    // yuan for cash; else in Unit
	Rate        string   `json:"rate,omitempty"`      // a ratio, "0.2" for 20%
	Threshold   string   `json:"threshold,omitempty"` // yuan the benefit starts above
	Unit        string   `json:"unit,omitempty"`
	Period      Period   `json:"period,omitempty"`
	Minimum     bool     `json:"minimum,omitempty"`
	Level       Level    `json:"level,omitempty"`
	Adjustable  bool     `json:"adjustable,omitempty"`
	Payer       string   `json:"payer,omitempty"`
	Note        string   `json:"note,omitempty"`
	Changes     []Change `json:"changes,omitempty"`
	Rule        *Spec    `json:"rule,omitempty"`         // how the calculator decides the benefit
	NotAssessed string   `json:"not_assessed,omitempty"` // why the calculator does not decide it
}

// Change is a later standard entered by staff, in force from From
// (YYYY-MM-DD). Its Amount (decimal text) replaces the benefit's amount,
// or its rate for a benefit given as a rate.
type Change struct {
	From   string `json:"from"`
	Amount string `json:"amount"`
	Note   string `json:"note,omitempty"`
}

// Series is the 3.1 adjustment series; figures are decimal text.
type Series struct {
	BaseYear  int
	Threshold string
	Years     []Year
}

// Year is one year's 居民家庭年人均生活消费支出.
type Year struct {
	Year         int
	Yuan, Source string
}

// NewStandards reads the standards from text, as ParseStandards reads
// the JSON, and validates them; Err reports the problems.
func NewStandards(effective string, benefits map[string]*Standard, clauses map[string]*ClauseInfo, readings []*Reading, adj Series) *Standards {
	s := newStandards()
	s.effective, s.readings = effective, readings
	s.compile(benefits)
	for id, c := range clauses {
		s.clauses[id] = c
	}
	s.adj = iadj{baseYear: adj.BaseYear, threshold: s.figOpt("adjustment.threshold", adj.Threshold, ratePlaces)}
	for i, y := range adj.Years {
		s.adj.exp = append(s.adj.exp, iexp{year: y.Year, source: y.Source,
			yuan: s.figOpt("adjustment.expenditure["+itoa(i)+"].yuan", y.Yuan, amountPlaces)})
	}
	s.finish((*Standards).explainRules)
	return s
}

// compile reads each standard into the calculator's units, once.
func (s *Standards) compile(benefits map[string]*Standard) {
	s.source = benefits
	for _, id := range sortedKeys(benefits) {
		b := benefits[id]
		k := "benefits." + id
		st := &istd{Standard: b, amount: s.figOpt(k+".amount", b.Amount, amountPlaces),
			rate: s.figOpt(k+".rate", b.Rate, ratePlaces), threshold: s.figOpt(k+".threshold", b.Threshold, amountPlaces)}
		for _, c := range b.Changes {
			st.changes = append(st.changes, ichange{from: c.From, note: c.Note, text: c.Amount})
		}
		s.benefits[id] = st
	}
}

func (s *Standards) figOpt(field, text string, places int) fig {
	if text == "" {
		return fig{}
	}
	return s.figText(field, text, places)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Err returns the problems found reading and validating the standards,
// joined (nil when they can be evaluated).
func (s *Standards) Err() error { return s.err }

// Effective returns the plan's effective date.
func (s *Standards) Effective() string { return s.effective }

// Source returns what the standards were read from: the benefits'
// standards themselves (not copies), the clauses, the readings, and the
// 3.1 series as text.
func (s *Standards) Source() (benefits map[string]*Standard, clauses map[string]*ClauseInfo, readings []*Reading, adj Series) {
	adj = Series{BaseYear: s.adj.baseYear, Threshold: s.adj.threshold.text(ratePlaces)}
	if adj.Threshold == "" {
		adj.Threshold = "0"
	}
	for _, e := range s.adj.exp {
		adj.Years = append(adj.Years, Year{Year: e.year, Yuan: e.yuan.text(amountPlaces), Source: e.source})
	}
	return s.source, s.clauses, s.readings, adj
}

func (f fig) text(places int) string {
	if !f.ok {
		return ""
	}
	return string(appendNum(nil, f.v, places))
}

// Raise is one 3.1 dynamic adjustment the series triggers.
type Raise struct {
	From      string // when it takes effect
	Scheduled string // 1 January after Year; earlier than From when that is before the plan took effect
	Year      int    // the year whose expenditure reached the threshold
	BaseYear  int    // the base it is measured against
	Yuan      int64  // E(Year), hundredths of yuan
	BaseYuan  int64  // E(BaseYear), hundredths of yuan
	Growth    int64  // E(Year)/E(BaseYear) − 1, ten-thousandths
}

// Raises lists the adjustments the series triggers, in date order.
func (s *Standards) Raises() []Raise {
	var out []Raise
	for _, r := range s.adj.raises(s.effective) {
		out = append(out, Raise{From: r.from, Scheduled: r.scheduled, Year: r.year, BaseYear: r.baseYear,
			Yuan: r.yuan, BaseYuan: r.baseYuan, Growth: r.growth()})
	}
	return out
}

// Evaluate applies the rules to the household on f.Date; brief leaves
// out the explanations and the not_granted conditions.
func (s *Standards) Evaluate(f *Facts, brief bool) (*Result, error) {
	switch {
	case f == nil:
		return nil, fieldErr("$", "缺少家庭情况")
	case !validDate(f.Date):
		return nil, fieldErr("date", quote(f.Date), " 不是日期 YYYY-MM-DD")
	}
	t, err := s.table(f.Date)
	if err != nil {
		return nil, err
	}
	var o outcome
	o.decide(t, f)
	return o.result(brief), nil
}

// ClauseInfo is what an entitlement shows about its clause.
type ClauseInfo struct {
	Title      string   `json:"title"`
	Department string   `json:"department"`         // responsible department name(s), joined by "、"
	Benefits   []string `json:"benefits,omitempty"` // its benefits with a rule or not_assessed, in order
	Readings   []string `json:"readings,omitempty"` // ids of the readings of the clause as a whole
}

// hint is kept in each table: the longest answer written so far, so that
// the next is written into one allocation.
type hint = atomic.Int64

// Indent returns a compact JSON answer (Run's) indented by two spaces,
// for a person reading it; strings are copied unchanged.
func Indent(compact []byte) []byte { return indent(compact) }

// Limits of one household's JSON, for readers that split a stream of
// households before ParseFacts sees each (calc/batch).
const (
	MaxFactsBytes = maxFactsBytes // bytes of one household's JSON
	MaxDepth      = maxDepth      // nesting of its arrays and objects
)
