// Package cases runs the staff's calculator test cases
// (content/tests/*.toml) against the calculator's parameters: the one
// guard against a wrong amount, run by `check` and by every build.
package cases

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"gyportal/calc"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// Run runs every case of plan with the parameters cp; a case without a
// date is worked out for today. The error is a errlist.List, one
// error per failed expectation, positioned at the case:
//
//	content/tests/x.toml:12: case "name": once 应为 50000.00，实际为 30000.00
//
// When cases fail and plan leaves out a clause whose benefits the rules
// decide (a draft: its rules are left out with it), an error at that
// clause's draft or publish key says so first.
func Run(plan *model.Plan, cp *calc.Params, today time.Time) error {
	var list errlist.List
	for i := range plan.Cases {
		list = append(list, run(&plan.Cases[i], cp, today)...)
	}
	if len(list) > 0 {
		for _, c := range plan.Withheld {
			if hasRules(c) {
				list = append(list, withheld(c))
			}
		}
	}
	return list.Err()
}

// hasRules reports whether the calculator's rules decide a benefit of c.
func hasRules(c *model.Clause) bool {
	for _, b := range c.Benefits {
		if b.Rule != nil {
			return true
		}
	}
	return false
}

// withheld says that the calculator leaves out clause c, so the cases
// that expect its benefits fail.
func withheld(c *model.Clause) *errlist.Error {
	const then = "计算器不计算本条的待遇，期望本条待遇的计算器测试用例因此不通过（见下）：请一并修改这些用例"
	if c.Draft {
		return c.Errorf("draft", "本条是草稿，不公开；"+then+"，或去掉 draft = true")
	}
	return c.Errorf("publish", "本条要到 %s 才公开；"+then+"，或改 publish 的日期", c.Publish.String())
}

// Totals works out case c with cp: its totals by period ("once",
// "month", "year") as "50000.00".
func Totals(c *model.Case, cp *calc.Params, today time.Time) (map[string]string, error) {
	res, err := evaluate(c, cp, today)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, per := range []string{"once", "month", "year"} {
		out[per] = calc.Yuan(res.Totals.Fen(per)).StringFixed(2)
	}
	return out, nil
}

// factsError marks the errors of a case's facts.
type factsError struct{ error }

// evaluate works out case c with cp.
func evaluate(c *model.Case, cp *calc.Params, today time.Time) (*rules.Result, error) {
	facts, err := rules.ParseFactsTOML(c.Facts)
	if err != nil {
		return nil, factsError{err}
	}
	if facts.Date == "" {
		facts.Date = c.Date
	}
	if facts.Date == "" {
		facts.Date = today.Format(time.DateOnly)
	}
	return calc.Evaluate(facts, cp)
}

// run runs one case.
func run(c *model.Case, cp *calc.Params, today time.Time) errlist.List {
	var list errlist.List
	fail := func(format string, args ...any) {
		list.Add(c.File, c.Line, "case "+strconv.Quote(c.Name), format, args...)
	}
	res, err := evaluate(c, cp, today)
	if fe, ok := err.(factsError); ok {
		for _, e := range errlist.Split(fe.error) {
			fail("facts.%v", e)
		}
		return list
	}
	if err != nil {
		for _, e := range errlist.Split(err) {
			fail("%v", e)
		}
		return list
	}
	for _, x := range []struct {
		period string
		want   model.Dec
	}{{"once", c.Expect.Once}, {"month", c.Expect.Month}, {"year", c.Expect.Year}} {
		got := calc.Yuan(res.Totals.Fen(x.period))
		if x.want.Set && !got.Equal(x.want.Decimal) {
			fail("%s 应为 %s，实际为 %s", x.period, x.want.StringFixed(2), got.StringFixed(2))
		}
	}
	if c.Expect.Clauses != nil {
		if got := res.CashClauses(); !sameSet(got, c.Expect.Clauses) {
			fail("发放现金的条款应为 [%s]，实际为 [%s]", strings.Join(c.Expect.Clauses, ", "), strings.Join(got, ", "))
		}
	}
	if c.Expect.Pending != nil {
		var got []string
		for _, p := range res.Pending {
			got = append(got, p.Benefit)
		}
		if !sameSet(got, c.Expect.Pending) {
			fail("待补充情况的待遇应为 [%s]，实际为 [%s]", strings.Join(c.Expect.Pending, ", "), strings.Join(got, ", "))
		}
	}
	return list
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}
