// Package calc is the policy calculator for 筑委厅字〔2013〕89号: given
// what a household tells it (Facts) and the standards built from the
// content (Params), it lists the entitlements with their amounts and
// arithmetic, the benefits that wait for a fact the household left out
// (pending), the totals of the amounts known, and the benefits one change
// of circumstances could grant (not_granted).
//
// The rules live one clause per file (clause_<id>.go), next to the
// clause's words; Describe renders them for the site. The package is
// pure: its functions depend only on their arguments, it reads no files
// and no clock, and money never goes through float64. Run is the one
// entry point the command line and the browser (WebAssembly) both call,
// so their answers are byte-identical.
package calc

import "sync/atomic"

// Run answers for one household: facts is a JSON object (see ParseFacts),
// today (YYYY-MM-DD) is the date used when the facts give none. The answer
// is the Result as compact JSON, written in one pass, without a trailing
// newline (Indent makes it readable). Errors are *FieldError values
// (joined when several) naming the field. The browser calls the same
// (*Standards).Run on the same JSON parameters.
func Run(facts []byte, p *Params, today string) ([]byte, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	return s.Run(facts, today)
}

// Evaluate applies the rules to the household on f.Date with the
// standards in force that day.
func Evaluate(f *Facts, p *Params) (*Result, error) { return evaluate(f, p, false) }

// EvaluateBrief is Evaluate for registers (CSV, spreadsheets): the result
// carries the amounts, totals, benefit ids, pending benefits' ids and
// needs, but no explanations and no not_granted conditions.
func EvaluateBrief(f *Facts, p *Params) (*Result, error) { return evaluate(f, p, true) }

func evaluate(f *Facts, p *Params, brief bool) (*Result, error) {
	switch {
	case p == nil:
		return nil, fieldErr("params", "missing")
	case f == nil:
		return nil, fieldErr("$", "缺少家庭情况")
	case !validDate(f.Date):
		return nil, fieldErr("date", quote(f.Date), " 不是日期 YYYY-MM-DD")
	}
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	t, err := s.table(f.Date)
	if err != nil {
		return nil, err
	}
	var o outcome
	o.decide(t, f)
	return o.result(brief), nil
}

// hint is kept in each table: the longest answer written so far, so that
// the next is written into one allocation.
type hint = atomic.Int64
