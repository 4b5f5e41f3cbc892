package calc

import (
	"errors"
	"gyportal/calc/rules"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gyportal/calc/errlist"
)

// testParams returns the test parameters of package rules (the plan's
// figures, effective 2013-06-09, an empty adjustment series), read from
// testdata/params.json, not yet converted (so tests may edit them).
func testParams() *Params { return withSeries() }

// withSeries returns testParams with an adjustment series year:yuan.
func withSeries(rows ...string) *Params {
	data, err := os.ReadFile("testdata/params.json")
	if err != nil {
		panic(err)
	}
	p, err := ParseParams(data)
	if err != nil {
		panic(err)
	}
	q := &Params{Effective: p.Effective, Benefits: p.Benefits, Clauses: p.Clauses, Readings: p.Readings, Adjustment: p.Adjustment}
	for _, r := range rows {
		y, yuan, _ := strings.Cut(r, ":")
		var year int
		for _, c := range y {
			year = year*10 + int(c-'0')
		}
		q.Adjustment.Expenditure = append(q.Adjustment.Expenditure,
			Expenditure{Year: year, Yuan: decimal.RequireFromString(yuan)})
	}
	return q
}

// eval parses and evaluates facts on date with p.
func eval(t testing.TB, p *Params, date, facts string) *rules.Result {
	t.Helper()
	f, err := rules.ParseFacts([]byte(facts))
	if err != nil {
		t.Fatalf("ParseFacts(%s): %v", facts, err)
	}
	if f.Date == "" {
		f.Date = date
	}
	r, err := Evaluate(f, p)
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", facts, err)
	}
	return r
}

// fieldsOf returns the field names of the *FieldError values in err,
// sorted, and fails if err holds anything else.
func fieldsOf(t testing.TB, err error) []string {
	t.Helper()
	var out []string
	for _, e := range errlist.Split(err) {
		var fe *rules.FieldError
		if !errors.As(e, &fe) || fe.Field == "" || fe.Msg == "" {
			t.Fatalf("error %q is not a *FieldError naming a field", e)
		}
		out = append(out, fe.Field)
	}
	sort.Strings(out)
	return out
}
