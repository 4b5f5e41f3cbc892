// Package calc is the policy calculator for 筑委厅字〔2013〕89号: given
// what a household tells it (Facts) and the standards built from the
// content (Params), it lists the entitlements with their amounts and
// arithmetic, the totals per period, and the cash benefits not granted
// with the condition that failed.
//
// The package is pure: its functions depend only on their arguments, it
// reads no files and no clock, and money never goes through float64.
// Run is the one entry point the command line and the browser
// (WebAssembly) both call, so their answers are byte-identical.
package calc

import (
	"encoding/json"
)

// Run answers for one household: facts is a JSON object (see ParseFacts),
// today (YYYY-MM-DD) is the date used when the facts give none. The answer
// is the Result as JSON, indented by two spaces, without a trailing
// newline. Errors are *FieldError values (joined when several) naming the
// field.
func Run(facts []byte, p *Params, today string) ([]byte, error) {
	f, err := ParseFacts(facts)
	if err != nil {
		return nil, err
	}
	if f.Date == "" {
		if !validDate(today) {
			return nil, fieldErrf("today", "%q 不是日期 YYYY-MM-DD", clip(today))
		}
		f.Date = today
	}
	r, err := Evaluate(f, p)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(r, "", "  ")
}

// Evaluate applies the rules to the household on f.Date with the
// standards in force that day.
func Evaluate(f *Facts, p *Params) (*Result, error) {
	return evaluateWith(f, p, false, nil)
}

// evaluateWith is Evaluate; with brief (RunCSV) the result carries the
// amounts and benefit ids but no explanations or not_granted conditions,
// and cache keeps the standards' values from one household to the next.
func evaluateWith(f *Facts, p *Params, brief bool, cache *valueCache) (*Result, error) {
	switch {
	case p == nil:
		return nil, fieldErr("params", "missing")
	case f == nil:
		return nil, fieldErr("$", "缺少家庭情况")
	case !validDate(f.Date):
		return nil, fieldErrf("date", "%q 不是日期 YYYY-MM-DD", clip(f.Date))
	}
	r, err := evaluate(f, p, brief, cache)
	if err != nil {
		return nil, err
	}
	r.Totals.finish()
	return r, nil
}

// EvaluateBrief is Evaluate for registers (CSV, spreadsheets): the result
// carries the amounts, totals, benefit ids, pending benefits' ids and
// needs, but no explanations and no not_granted conditions.
func EvaluateBrief(f *Facts, p *Params) (*Result, error) {
	return evaluateWith(f, p, true, nil)
}
