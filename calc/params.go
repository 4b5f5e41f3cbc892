package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// Params are the calculator's parameters, built from the content
// (generator/params) and shipped to the browser as JSON: every amount,
// rate and threshold the rules use, with its dates of effect, so that
// staff change a standard in content without touching Go.
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

// ParseParams parses parameters written by encoding/json (as
// generator/params does) and validates them. Unknown fields are errors.
func ParseParams(data []byte) (*Params, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Params
	if err := dec.Decode(&p); err != nil {
		return nil, fieldErrf("params", "invalid JSON: %v", err)
	}
	if dec.More() {
		return nil, fieldErr("params", "trailing data after the JSON object")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// BenefitIDs returns the ids of the benefits the rules use, in rule order.
func BenefitIDs() []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.id
	}
	return out
}

// Validate reports, as joined *FieldError values named by their JSON
// path ("benefits.bereaved-city.amount"), every benefit the rules need
// that is missing or lacks what its rule uses, and any malformed date,
// change or adjustment row.
func (p *Params) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fieldErrf(field, format, args...))
	}
	if !validDate(p.Effective) {
		bad("effective", "%q is not a date YYYY-MM-DD", p.Effective)
	}
	for _, r := range rules {
		k := "benefits." + r.id
		s := p.Benefits[r.id]
		if s == nil {
			bad(k, "missing: the calculator's rule for clause %s uses it", r.clause)
			continue
		}
		if s.Clause != r.clause {
			bad(k+".clause", "is %q; the calculator's rule expects clause %s", s.Clause, r.clause)
		}
		if c := p.Clauses[s.Clause]; c == nil || c.Title == "" || c.Department == "" {
			bad("clauses."+s.Clause, "missing title or department")
		}
		if s.Name == "" {
			bad(k+".name", "required")
		}
		for _, e := range r.how.missing(s, r.uses) {
			bad(k+"."+e[0], "%s", e[1])
		}
		seen := map[string]bool{}
		for i, c := range s.Changes {
			ck := fmt.Sprintf("%s.changes[%d]", k, i)
			if !validDate(c.From) {
				bad(ck+".from", "%q is not a date YYYY-MM-DD", c.From)
			} else if seen[c.From] {
				bad(ck+".from", "two changes from %s", c.From)
			}
			seen[c.From] = true
			if c.Amount.IsNegative() {
				bad(ck+".amount", "must not be negative")
			}
		}
	}
	errs = append(errs, p.Adjustment.validate()...)
	return errors.Join(errs...)
}

func (a *Adjustment) validate() []error {
	var errs []error
	if len(a.Expenditure) == 0 {
		return nil
	}
	if !a.Threshold.IsPositive() {
		errs = append(errs, fieldErr("adjustment.threshold", "must be a positive ratio such as 0.30"))
	}
	hasBase := false
	for i, e := range a.Expenditure {
		k := fmt.Sprintf("adjustment.expenditure[%d]", i)
		if i > 0 && e.Year <= a.Expenditure[i-1].Year {
			errs = append(errs, fieldErrf(k+".year", "years must increase (%d after %d)", e.Year, a.Expenditure[i-1].Year))
		}
		if e.Year < 1000 || e.Year > 9998 {
			errs = append(errs, fieldErrf(k+".year", "%d is not a plausible year", e.Year))
		}
		if !e.Yuan.IsPositive() {
			errs = append(errs, fieldErr(k+".yuan", "must be positive"))
		}
		hasBase = hasBase || e.Year == a.BaseYear
	}
	if !hasBase {
		errs = append(errs, fieldErrf("adjustment.expenditure", "no row for the base year %d", a.BaseYear))
	}
	return errs
}
