package calc

import "slices"

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
