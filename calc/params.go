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
	// Benefits are the standards by benefit id, as content writes them.
	Benefits map[string]*rules.Standard `json:"benefits"`
	// Clauses are the titles and responsible departments of the clauses
	// the benefits belong to, by clause id ("3.2.12").
	Clauses map[string]*rules.ClauseInfo `json:"clauses"`
	// Readings are the readings the rules and clauses name, by id.
	Readings []*rules.Reading `json:"readings,omitempty"`
	// Adjustment is the 3.1 dynamic adjustment series.
	Adjustment Adjustment `json:"adjustment"`

	once sync.Once
	std  *rules.Standards
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
func (p *Params) Standards() (*rules.Standards, error) {
	if p == nil {
		return nil, &rules.FieldError{Field: "params", Msg: "missing"}
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

// convert compiles the standards of p into the calculator's units.
func (p *Params) convert() *rules.Standards {
	adj := rules.Series{BaseYear: p.Adjustment.BaseYear, Threshold: p.Adjustment.Threshold.String()}
	for _, e := range p.Adjustment.Expenditure {
		adj.Years = append(adj.Years, rules.Year{Year: e.Year, Yuan: e.Yuan.String(), Source: e.Source})
	}
	return rules.NewStandards(p.Effective, p.Benefits, p.Clauses, p.Readings, adj)
}

// ParseParams parses parameters as generator/params writes them (the
// JSON of Params, encoding/json's field names) and validates them.
// Unknown fields are errors.
func ParseParams(data []byte) (*Params, error) {
	s, err := rules.ParseCheckedStandards(data)
	if err != nil {
		return nil, err
	}
	bs, clauses, readings, adj := s.Source()
	p := &Params{Effective: s.Effective(), Benefits: bs, Clauses: clauses, Readings: readings, std: s}
	p.once.Do(func() {})
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
