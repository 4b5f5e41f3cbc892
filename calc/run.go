// Package calc is the policy calculator for 筑委厅字〔2013〕89号: given
// what a household tells it (rules.Facts) and the standards built from the
// content (Params), it lists the entitlements with their amounts and
// arithmetic, the benefits that wait for a fact the household left out
// (pending), the totals of the amounts known, and the benefits one change
// of circumstances could grant (not_granted).
//
// The body of the calculator is package calc/rules: the household
// vocabulary, the conditions and formulas the content's rules name, and
// the one-pass answer writer, free of decimals so that the browser's
// calculator stays small. This package gives the rest of the project the
// decimal-typed parameters (Params) around it; its facts, answers and
// vocabulary are package rules' own types, with no second name here. Run
// is the entry point the command line calls, and the browser calls the
// same (*Standards).Run on the same JSON parameters, so their answers
// are byte-identical.
package calc

import "gyportal/calc/rules"

// Run answers for one household: facts is a JSON object (see ParseFacts),
// today (YYYY-MM-DD) is the date used when the facts give none. The answer
// is the Result as compact JSON, written in one pass, without a trailing
// newline (Indent makes it readable). Errors are *FieldError values
// (joined when several) naming the field.
func Run(facts []byte, p *Params, today string) ([]byte, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	return s.Run(facts, today)
}

// Evaluate applies the rules to the household on f.Date with the
// standards in force that day.
func Evaluate(f *rules.Facts, p *Params) (*rules.Result, error) { return evaluate(f, p, false) }

// EvaluateBrief is Evaluate for registers (CSV, spreadsheets): the result
// carries the amounts, totals, benefit ids, pending benefits' ids and
// needs, but no explanations and no not_granted conditions.
func EvaluateBrief(f *rules.Facts, p *Params) (*rules.Result, error) { return evaluate(f, p, true) }

func evaluate(f *rules.Facts, p *Params, brief bool) (*rules.Result, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	return s.Evaluate(f, brief)
}

// Describe returns, for the site, the description of every rule, clause
// by clause, with the figures in force on date (see rules.BenefitRule).
func Describe(p *Params, date string) ([]rules.ClauseRules, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	return s.Describe(date)
}

// BenefitIDs returns the ids of the benefits the rules of p decide, in
// rule order; none when p is not valid.
func (p *Params) BenefitIDs() []string {
	s, err := p.Standards()
	if err != nil {
		return nil
	}
	return s.BenefitIDs()
}
