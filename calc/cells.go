package calc

import (
	"errors"
	"slices"
	"strings"
)

// This file is the smallest door calc/batch needs into the package (the
// calc helper's household vocabulary will replace it): facts from the
// text cells of a register, and evaluation of many households in a row.

// FactsFromCells builds a household from the text cells of a register
// row, by fact name (see FactNames); an absent or empty cell leaves the
// fact out. Yes/no facts take true/false, 1/0, yes/no, y/n or 是/否;
// children takes the short form "primary;senior+admitted" (AdmittedMark).
// Errors are *FieldError values, joined, as ParseFacts gives them.
func FactsFromCells(cells map[string]string) (*Facts, error) {
	m := make(map[string]any, len(cells))
	var p factParser
	for name, cell := range cells {
		cell = strings.TrimSpace(cell)
		col := factIndex[name]
		switch {
		case cell == "":
		case col != nil && col.kind == kBool:
			b, ok := cellBool(cell)
			if !ok {
				p.fail(name, "%q 应为 是/否、true/false、1/0 或 yes/no", clip(cell))
				continue
			}
			m[name] = b
		default:
			m[name] = cell
		}
	}
	f, err := factsFromMap(m)
	if len(p.errs) > 0 {
		return nil, joinErrs(p.errs, err)
	}
	return f, err
}

func joinErrs(errs []error, err error) error {
	if err != nil {
		errs = append(errs, flattenErr(err)...)
	}
	slices.SortStableFunc(errs, func(a, b error) int {
		return factOrder(a.(*FieldError).Field) - factOrder(b.(*FieldError).Field)
	})
	return errors.Join(errs...)
}

// factOrder is the place of a field's fact in factFields.
func factOrder(field string) int {
	name, _, _ := strings.Cut(field, "[")
	for i := range factFields {
		if factFields[i].name == name {
			return i
		}
	}
	return len(factFields)
}

func cellBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1", "yes", "y", "是":
		return true, true
	case "false", "0", "no", "n", "否":
		return false, true
	}
	return false, false
}

// Register evaluates the households of a register one after another: the
// answers carry the amounts and benefit ids but no explanations or
// not_granted conditions, and the standards' values are kept from one
// household to the next.
type Register struct {
	p     *Params
	cache valueCache
}

// NewRegister returns a Register with the parameters p.
func NewRegister(p *Params) *Register { return &Register{p: p} }

// Evaluate is Evaluate for one household of the register.
func (r *Register) Evaluate(f *Facts) (*Result, error) {
	return evaluateWith(f, r.p, true, &r.cache)
}

// CashClauses returns the clauses granting cash, each once, in order.
func (r *Result) CashClauses() []string {
	var out []string
	for _, e := range r.Entitlements {
		if e.Kind == "cash" && !slices.Contains(out, e.Clause) {
			out = append(out, e.Clause)
		}
	}
	return out
}

// flattenErr returns the errors joined in err, one level deep.
func flattenErr(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
