package rules

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"gyportal/calc/errlist"
)

// tparams are test parameters as text, built into Standards on use.
type tparams struct {
	Effective  string
	Benefits   map[string]*Standard
	Clauses    map[string]*ClauseInfo
	Readings   []*Reading
	Adjustment Series
}

func (p *tparams) std() *Standards {
	return NewStandards(p.Effective, p.Benefits, p.Clauses, p.Readings, p.Adjustment)
}

// Validate is the standards' Err.
func (p *tparams) Validate() error { return p.std().Err() }

// testParams returns ../testdata/params.json: the plan's figures and the
// content's rules and readings (kept equal to content's by
// generator/params' TestRulesFixture), benefits named "名称-<id>",
// effective 2013-06-09, with an empty adjustment series.
func testParams() *tparams {
	data, err := os.ReadFile("../testdata/params.json")
	if err != nil {
		panic(err)
	}
	s, err := ParseStandards(data)
	if err != nil {
		panic(err)
	}
	p := &tparams{Effective: s.Effective()}
	p.Benefits, p.Clauses, p.Readings, p.Adjustment = s.Source()
	return p
}

// withSeries returns testParams with an adjustment series year:yuan.
func withSeries(rows ...string) *tparams {
	p := testParams()
	for _, r := range rows {
		y, yuan, _ := strings.Cut(r, ":")
		var year int
		for _, c := range y {
			year = year*10 + int(c-'0')
		}
		p.Adjustment.Years = append(p.Adjustment.Years, Year{Year: year, Yuan: yuan})
	}
	return p
}

// eval parses and evaluates facts on date with p.
func eval(t testing.TB, p *tparams, date, facts string) *Result {
	t.Helper()
	f, err := ParseFacts([]byte(facts))
	if err != nil {
		t.Fatalf("ParseFacts(%s): %v", facts, err)
	}
	if f.Date == "" {
		f.Date = date
	}
	r, err := p.std().Evaluate(f, false)
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", facts, err)
	}
	return r
}

// cashList summarises the cash grants: "id:amount" in result order.
func cashList(r *Result) string {
	var out []string
	for _, e := range r.Entitlements {
		if e.Kind == KindCash {
			out = append(out, e.Benefit+":"+e.Amount)
		}
	}
	return strings.Join(out, " ")
}

// serviceSet returns the service benefit ids granted.
func serviceSet(r *Result) map[string]bool {
	m := map[string]bool{}
	for _, e := range r.Entitlements {
		if e.Kind == KindService {
			m[e.Benefit] = true
		}
	}
	return m
}

// missed returns the not_granted conditions by benefit id.
func missed(r *Result) map[string]string {
	m := map[string]string{}
	for _, n := range r.NotGranted {
		m[n.Benefit] = n.Condition
	}
	return m
}

// fieldsOf returns the field names of the *FieldError values in err,
// sorted, and fails if err holds anything else.
func fieldsOf(t testing.TB, err error) []string {
	t.Helper()
	var out []string
	for _, e := range errlist.Split(err) {
		var fe *FieldError
		if !errors.As(e, &fe) || fe.Field == "" || fe.Msg == "" {
			t.Fatalf("error %q is not a *FieldError naming a field", e)
		}
		out = append(out, fe.Field)
	}
	sort.Strings(out)
	return out
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var update = flag.Bool("update", false, "rewrite golden files")

// TestParamsFixture: ../testdata/params.json, which package calc's tests
// read too, parses and has a rule for every benefit it lists.
func TestParamsFixture(t *testing.T) {
	data, err := os.ReadFile("../testdata/params.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseStandards(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.rules)+len(s.notAssessed) != len(s.benefits) || len(s.rules) < 40 {
		t.Errorf("%d rules for %d benefits", len(s.rules), len(s.benefits))
	}
}
