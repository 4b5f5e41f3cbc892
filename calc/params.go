package calc

import (
	"slices"
	"sync"

	"github.com/shopspring/decimal"
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
	Kind       string           `json:"kind"`                // cash | service | standard
	Amount     *decimal.Decimal `json:"amount,omitempty"`    // yuan for cash; else in Unit
	Rate       *decimal.Decimal `json:"rate,omitempty"`      // a ratio, 0.20 for 20%
	Threshold  *decimal.Decimal `json:"threshold,omitempty"` // yuan the benefit starts above
	Unit       string           `json:"unit,omitempty"`
	Period     string           `json:"period,omitempty"` // once | month | year
	Minimum    bool             `json:"minimum,omitempty"`
	Level      string           `json:"level,omitempty"` // city | province
	Adjustable bool             `json:"adjustable,omitempty"`
	Payer      string           `json:"payer,omitempty"`
	Note       string           `json:"note,omitempty"`
	Changes    []Change         `json:"changes,omitempty"`
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
type ClauseInfo struct {
	Title      string `json:"title"`
	Department string `json:"department"` // responsible department name(s), joined by "、"
}

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

// Standards returns the parameters in the calculator's own exact units,
// converting them on first use. The error is Validate's.
func (p *Params) Standards() (*Standards, error) {
	if p == nil {
		return nil, fieldErr("params", "missing")
	}
	p.once.Do(func() {
		if p.std == nil {
			p.std = p.convert()
		}
	})
	return p.std, p.std.err
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

// convert reads the decimals of p as text into Standards, as
// ParseStandards reads the JSON, and validates them.
func (p *Params) convert() *Standards {
	s := newStandards()
	s.effective = p.Effective
	ids := make([]string, 0, len(p.Benefits))
	for id := range p.Benefits {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		b := p.Benefits[id]
		st := &istd{clause: b.Clause, name: b.Name, forWhom: b.For, kind: b.Kind, unit: b.Unit, period: b.Period,
			minimum: b.Minimum, level: b.Level, adjustable: b.Adjustable, payer: b.Payer, note: b.Note}
		k := "benefits." + id
		st.amount = s.figPtr(k+".amount", b.Amount, amountPlaces)
		st.rate = s.figPtr(k+".rate", b.Rate, ratePlaces)
		st.threshold = s.figPtr(k+".threshold", b.Threshold, amountPlaces)
		for _, c := range b.Changes {
			st.changes = append(st.changes, ichange{from: c.From, note: c.Note, text: c.Amount.String()})
		}
		s.benefits[id] = st
	}
	for id, c := range p.Clauses {
		s.clauses[id] = c
	}
	s.adj.baseYear = p.Adjustment.BaseYear
	s.adj.threshold = s.figText("adjustment.threshold", p.Adjustment.Threshold.String(), ratePlaces)
	for i, e := range p.Adjustment.Expenditure {
		s.adj.exp = append(s.adj.exp, iexp{year: e.Year, source: e.Source,
			yuan: s.figText("adjustment.expenditure["+itoa(i)+"].yuan", e.Yuan.String(), amountPlaces)})
	}
	s.finish()
	return s
}

func (s *Standards) figPtr(field string, d *decimal.Decimal, places int) fig {
	if d == nil {
		return fig{}
	}
	return s.figText(field, d.String(), places)
}

// params rebuilds the Params of Standards read from JSON: the decimals
// are the exact figures read.
func (s *Standards) params() *Params {
	p := &Params{Effective: s.effective, Benefits: map[string]*Standard{}, Clauses: s.clauses, std: s}
	p.once.Do(func() {})
	for id, st := range s.benefits {
		b := &Standard{Clause: st.clause, Name: st.name, For: st.forWhom, Kind: st.kind, Unit: st.unit,
			Period: st.period, Minimum: st.minimum, Level: st.level, Adjustable: st.adjustable, Payer: st.payer,
			Note: st.note, Amount: st.amount.decPtr(amountPlaces), Rate: st.rate.decPtr(ratePlaces),
			Threshold: st.threshold.decPtr(amountPlaces)}
		for _, c := range st.changes {
			b.Changes = append(b.Changes, Change{From: c.from, Note: c.note, Amount: decimal.RequireFromString(c.text)})
		}
		p.Benefits[id] = b
	}
	p.Adjustment = Adjustment{BaseYear: s.adj.baseYear, Threshold: decimal.New(s.adj.threshold.v, -ratePlaces),
		Expenditure: []Expenditure{}}
	for _, e := range s.adj.exp {
		p.Adjustment.Expenditure = append(p.Adjustment.Expenditure,
			Expenditure{Year: e.year, Yuan: decimal.New(e.yuan.v, -amountPlaces), Source: e.source})
	}
	return p
}

func (f fig) decPtr(places int) *decimal.Decimal {
	if !f.ok {
		return nil
	}
	d := decimal.New(f.v, -int32(places))
	return &d
}

// ParseParams parses parameters as generator/params writes them (the
// JSON of Params, encoding/json's field names) and validates them.
// Unknown fields are errors.
func ParseParams(data []byte) (*Params, error) {
	s, err := ParseStandards(data)
	if err != nil {
		return nil, err
	}
	return s.params(), nil
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

// Raises lists the adjustments the series triggers, in date order; none
// while the series is empty or growth stays below the threshold.
func (p *Params) Raises() []Raise {
	s, _ := p.Standards()
	if s == nil {
		return nil
	}
	var out []Raise
	for _, r := range s.adj.raises(s.effective) {
		out = append(out, Raise{From: r.from, Scheduled: r.scheduled, Year: r.year, BaseYear: r.baseYear,
			Yuan: decimal.New(r.yuan, -2), BaseYuan: decimal.New(r.baseYuan, -2), Growth: decimal.New(r.growth(), -4)})
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

// Sum returns the cash total for a period (once, month or year).
func (t *Totals) Sum(period string) decimal.Decimal {
	for i, p := range periods {
		if p == period {
			return decimal.New(t.fen[i], -2)
		}
	}
	return decimal.Zero
}

// Decimal returns the figure as a decimal.
func (a Amount) Decimal() decimal.Decimal { return decimal.New(a.h, -2) }
