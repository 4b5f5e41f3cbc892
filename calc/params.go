package calc

import (
	"sync"

	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
)

// Params are the calculator's parameters, built from the content
// (generator/params) and shipped to the browser as JSON: every amount,
// rate and threshold the rules use, with its dates of effect, so that
// staff change a standard in content without touching Go. A Params must
// not be changed once it has been used to evaluate: its figures are
// converted to the calculator's own units (Standards) once and kept.
type Params struct {
	// Effective is the date (YYYY-MM-DD) from which the plan's standards
	// are in force (document.effective).
	Effective string `json:"effective"`
	// Benefits are the standards by benefit id.
	Benefits map[string]*Standard `json:"benefits"`
	// Clauses are the titles and responsible departments of the clauses
	// the benefits belong to, by clause id ("3.2.12").
	Clauses map[string]*ClauseInfo `json:"clauses"`
	// Readings are the readings the rules and clauses name, by id.
	Readings []*rules.Reading `json:"readings,omitempty"`
	// Adjustment is the 3.1 dynamic adjustment series.
	Adjustment Adjustment `json:"adjustment"`

	once sync.Once
	std  *Standards
}

// Standard is one benefit of a clause, as the calculator needs it.
type Standard struct {
	Clause     string           `json:"clause"`              // clause id, "3.2.12"
	Name       string           `json:"name"`                // shown as the entitlement's title
	For        string           `json:"for,omitempty"`       // household | person | …
	Kind       rules.Kind       `json:"kind"`                // cash | service | standard
	Amount     *decimal.Decimal `json:"amount,omitempty"`    // yuan for cash; else in Unit
	Rate       *decimal.Decimal `json:"rate,omitempty"`      // a ratio, 0.20 for 20%
	Threshold  *decimal.Decimal `json:"threshold,omitempty"` // yuan the benefit starts above
	Unit       string           `json:"unit,omitempty"`
	Period     rules.Period     `json:"period,omitempty"` // once | month | year
	Minimum    bool             `json:"minimum,omitempty"`
	Level      rules.Level      `json:"level,omitempty"` // city | province
	Adjustable bool             `json:"adjustable,omitempty"`
	Payer      string           `json:"payer,omitempty"`
	Note       string           `json:"note,omitempty"`
	Changes    []Change         `json:"changes,omitempty"`
	// Rule is how the calculator decides the benefit, as content writes it.
	Rule *rules.Spec `json:"rule,omitempty"`
	// NotAssessed says why the calculator does not decide the benefit.
	NotAssessed string `json:"not_assessed,omitempty"`
}

// Change is a later standard entered by staff, in force from From. Its
// Amount replaces the benefit's amount, or its rate for a benefit given
// as a rate.
type Change struct {
	From   string          `json:"from"`
	Amount decimal.Decimal `json:"amount"`
	Note   string          `json:"note,omitempty"`
}

// ClauseInfo is what an entitlement shows about its clause.
type ClauseInfo = rules.ClauseInfo

// Adjustment is clause 3.1: when 居民家庭年人均生活消费支出 has grown
// by Threshold or more since the base year, adjustable standards are
// raised by the growth.
type Adjustment struct {
	BaseYear    int             `json:"base_year"`
	Threshold   decimal.Decimal `json:"threshold"`
	Expenditure []Expenditure   `json:"expenditure"`
}

// Expenditure is one year's 居民家庭年人均生活消费支出.
type Expenditure struct {
	Year   int             `json:"year"`
	Yuan   decimal.Decimal `json:"yuan"`
	Source string          `json:"source,omitempty"`
}

// Standards are the parameters in the calculator's own exact units (see
// rules.Standards); the browser's calculator reads them straight from the
// parameters' JSON with ParseStandards.
type Standards = rules.Standards

// ParseStandards parses the parameters' JSON into Standards and
// validates them, without building decimals (see rules.ParseStandards).
func ParseStandards(data []byte) (*Standards, error) { return rules.ParseStandards(data) }

// Standards returns the parameters in the calculator's own exact units,
// converting them on first use. The error is Validate's.
func (p *Params) Standards() (*Standards, error) {
	if p == nil {
		return nil, &FieldError{Field: "params", Msg: "missing"}
	}
	p.once.Do(func() {
		if p.std == nil {
			p.std = p.convert()
		}
	})
	return p.std, p.std.Err()
}

// Validate reports, as joined *FieldError values named by their JSON
// path ("benefits.bereaved-city.amount"), every benefit the rules need
// that is missing or lacks what its rule uses, any figure the calculator
// cannot hold exactly, and any malformed date, change or adjustment row.
// Messages are in Chinese, for the staff who edit the content.
func (p *Params) Validate() error {
	_, err := p.Standards()
	return err
}

// convert hands the decimals of p over as their text.
func (p *Params) convert() *Standards {
	bs := map[string]*rules.Std{}
	for id, b := range p.Benefits {
		st := &rules.Std{Clause: b.Clause, Name: b.Name, For: b.For, Kind: b.Kind, Unit: b.Unit, Period: b.Period,
			Minimum: b.Minimum, Level: b.Level, Adjustable: b.Adjustable, Payer: b.Payer, Note: b.Note,
			Amount: text(b.Amount), Rate: text(b.Rate), Threshold: text(b.Threshold), Rule: b.Rule, NotAssessed: b.NotAssessed}
		for _, c := range b.Changes {
			st.Changes = append(st.Changes, rules.StdChange{From: c.From, Amount: c.Amount.String(), Note: c.Note})
		}
		bs[id] = st
	}
	adj := rules.Series{BaseYear: p.Adjustment.BaseYear, Threshold: p.Adjustment.Threshold.String()}
	for _, e := range p.Adjustment.Expenditure {
		adj.Years = append(adj.Years, rules.Year{Year: e.Year, Yuan: e.Yuan.String(), Source: e.Source})
	}
	return rules.NewStandards(p.Effective, bs, p.Clauses, p.Readings, adj)
}

func text(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// ParseParams parses parameters as generator/params writes them (the
// JSON of Params, encoding/json's field names) and validates them.
// Unknown fields are errors.
func ParseParams(data []byte) (*Params, error) {
	s, err := rules.ParseCheckedStandards(data)
	if err != nil {
		return nil, err
	}
	bs, clauses, readings, adj := s.Text()
	p := &Params{Effective: s.Effective(), Benefits: map[string]*Standard{}, Clauses: clauses, Readings: readings, std: s}
	p.once.Do(func() {})
	for id, b := range bs {
		st := &Standard{Clause: b.Clause, Name: b.Name, For: b.For, Kind: b.Kind, Unit: b.Unit, Period: b.Period,
			Minimum: b.Minimum, Level: b.Level, Adjustable: b.Adjustable, Payer: b.Payer, Note: b.Note,
			Amount: dec(b.Amount), Rate: dec(b.Rate), Threshold: dec(b.Threshold), Rule: b.Rule, NotAssessed: b.NotAssessed}
		for _, c := range b.Changes {
			st.Changes = append(st.Changes, Change{From: c.From, Amount: *dec(c.Amount), Note: c.Note})
		}
		p.Benefits[id] = st
	}
	p.Adjustment = Adjustment{BaseYear: adj.BaseYear, Threshold: *dec(adj.Threshold), Expenditure: []Expenditure{}}
	for _, y := range adj.Years {
		p.Adjustment.Expenditure = append(p.Adjustment.Expenditure, Expenditure{Year: y.Year, Yuan: *dec(y.Yuan), Source: y.Source})
	}
	return p, nil
}

// dec reads decimal text the standards wrote (never malformed).
func dec(s string) *decimal.Decimal {
	if s == "" {
		return nil
	}
	d := decimal.RequireFromString(s)
	return &d
}

// Raise describes one 3.1 dynamic adjustment that the expenditure series
// triggers, for display on the site.
type Raise struct {
	From      string          // YYYY-MM-DD, when it takes effect
	Scheduled string          // 1 January after Year; earlier than From when that is before the plan took effect
	Year      int             // the year whose expenditure reached the threshold
	BaseYear  int             // the base it is measured against
	Yuan      decimal.Decimal // E(Year)
	BaseYuan  decimal.Decimal // E(BaseYear)
	Growth    decimal.Decimal // E(Year)/E(BaseYear) − 1, to 4 places
}

// Raises lists the adjustments the series triggers, in date order (a
// raise due before the plan took effect takes effect on its effective
// date); none while the series is empty or growth stays below the
// threshold.
func (p *Params) Raises() []Raise {
	s, _ := p.Standards()
	if s == nil {
		return nil
	}
	var out []Raise
	for _, r := range s.Raises() {
		out = append(out, Raise{From: r.From, Scheduled: r.Scheduled, Year: r.Year, BaseYear: r.BaseYear,
			Yuan: decimal.New(r.Yuan, -2), BaseYuan: decimal.New(r.BaseYuan, -2), Growth: decimal.New(r.Growth, -4)})
	}
	return out
}

// Triggered lists the adjustments as Raises does, dated as scheduled
// (1 January), without the plan's effective date; use Params.Raises.
func (a *Adjustment) Triggered() []Raise {
	p := &Params{Effective: "0001-01-01", Adjustment: *a}
	out := p.Raises()
	for i := range out {
		out[i].From = out[i].Scheduled
	}
	return out
}
