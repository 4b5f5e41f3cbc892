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

// planStd is a test standard with the plan's own figures.
type planStd struct {
	clause, kind, amount, rate, threshold, unit, period, level, payer string
	minimum, adjustable                                               bool
}

// planFigures are the plan's figures for the cash and standard benefits;
// every other rule's benefit is a service.
var planFigures = map[string]planStd{
	"dibao-supplement":               {clause: "3.2.4", kind: "cash", rate: "0.20", period: "year", minimum: true, level: "city"},
	"public-rental-housing":          {clause: "3.2.7", kind: "service", amount: "15", unit: "平方米"},
	"rural-homestead-area":           {clause: "3.2.7", kind: "standard", amount: "260", unit: "平方米", minimum: true, level: "city"},
	"poverty-aid-increase":           {clause: "3.2.8", kind: "standard", rate: "0.30", minimum: true, level: "city"},
	"project-fund-only-daughter":     {clause: "3.2.8", kind: "cash", amount: "8000", unit: "元", period: "once", minimum: true, level: "city", adjustable: true},
	"project-fund-son-two-daughters": {clause: "3.2.8", kind: "cash", amount: "6000", unit: "元", period: "once", minimum: true, level: "city", adjustable: true},
	"serious-illness-reimbursement":  {clause: "3.2.11", kind: "cash", rate: "0.50", threshold: "5000", period: "year", minimum: true, level: "city"},
	"bereaved-province":              {clause: "3.2.12", kind: "cash", amount: "30000", unit: "元", period: "once", level: "province"},
	"bereaved-city":                  {clause: "3.2.12", kind: "cash", amount: "20000", unit: "元", period: "once", level: "city", adjustable: true},
	"complication-level1":            {clause: "3.2.12", kind: "cash", amount: "20000", unit: "元", period: "once", level: "city", adjustable: true},
	"complication-level2":            {clause: "3.2.12", kind: "cash", amount: "1000", unit: "元", period: "month", level: "city", adjustable: true},
	"complication-level3-4":          {clause: "3.2.12", kind: "cash", amount: "500", unit: "元", period: "month", level: "city", adjustable: true},
	"college-award":                  {clause: "3.2.12", kind: "cash", amount: "1000", unit: "元", period: "once", level: "city", adjustable: true},
	"college-award-dibao":            {clause: "3.2.12", kind: "cash", amount: "6000", unit: "元", period: "once", level: "city", adjustable: true},
	"school-aid-primary":             {clause: "3.2.12", kind: "cash", amount: "500", unit: "元", period: "year", level: "city", adjustable: true, payer: "市、区（市、县）各承担50%"},
	"school-aid-junior":              {clause: "3.2.12", kind: "cash", amount: "1000", unit: "元", period: "year", level: "city", adjustable: true, payer: "市、区（市、县）各承担50%"},
	"school-aid-senior":              {clause: "3.2.12", kind: "cash", amount: "3000", unit: "元", period: "year", level: "city", adjustable: true, payer: "市、区（市、县）各承担50%"},
	"school-aid-college":             {clause: "3.2.12", kind: "cash", amount: "5000", unit: "元", period: "year", level: "city", adjustable: true, payer: "市、区（市、县）各承担50%"},
	"three-combination-cash":         {clause: "3.2.17", kind: "cash", amount: "500", unit: "元", period: "year", minimum: true, level: "city", adjustable: true},
	"three-combination-cash-dibao":   {clause: "3.2.17", kind: "cash", amount: "1000", unit: "元", period: "year", minimum: true, level: "city", adjustable: true},
}

// personal benefits are paid per person; the rest per household.
var personal = map[string]bool{
	"complication-level1": true, "complication-level2": true, "complication-level3-4": true,
	"college-award": true, "college-award-dibao": true, "school-aid-primary": true,
	"school-aid-junior": true, "school-aid-senior": true, "school-aid-college": true,
}

// tparams are test parameters as text, built into Standards on use.
type tparams struct {
	Effective  string
	Benefits   map[string]*Std
	Clauses    map[string]*ClauseInfo
	Adjustment Series
}

func (p *tparams) std() *Standards {
	return NewStandards(p.Effective, p.Benefits, p.Clauses, p.Adjustment)
}

// Validate is the standards' Err.
func (p *tparams) Validate() error { return p.std().Err() }

// testParams returns parameters with the plan's figures, effective
// 2013-06-09, with an empty adjustment series.
func testParams() *tparams {
	p := &tparams{
		Effective:  "2013-06-09",
		Benefits:   map[string]*Std{},
		Clauses:    map[string]*ClauseInfo{},
		Adjustment: Series{BaseYear: 2011, Threshold: "0.30"},
	}
	for _, c := range clauses {
		for _, r := range c.rules {
			f, ok := planFigures[r.benefit]
			if !ok {
				f = planStd{clause: c.id, kind: "service"}
			}
			forWhom := "household"
			if personal[r.benefit] {
				forWhom = "person"
			}
			p.Benefits[r.benefit] = &Std{
				Clause: f.clause, Name: "名称-" + r.benefit, For: forWhom, Kind: f.kind,
				Amount: f.amount, Rate: f.rate, Threshold: f.threshold,
				Unit: f.unit, Period: f.period, Minimum: f.minimum, Level: f.level,
				Adjustable: f.adjustable, Payer: f.payer,
			}
			p.Clauses[c.id] = &ClauseInfo{Title: "条款" + c.id, Department: "部门" + c.id}
		}
	}
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
		if e.Kind == "cash" {
			out = append(out, e.Benefit+":"+e.Amount)
		}
	}
	return strings.Join(out, " ")
}

// serviceSet returns the service benefit ids granted.
func serviceSet(r *Result) map[string]bool {
	m := map[string]bool{}
	for _, e := range r.Entitlements {
		if e.Kind == "service" {
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

// TestParamsFixture writes (with -update) or checks ../testdata/params.json,
// testParams as the parameters' JSON, which package calc's tests read.
func TestParamsFixture(t *testing.T) {
	p := testParams()
	bs := map[string]any{}
	for id, b := range p.Benefits {
		m := map[string]any{"clause": b.Clause, "name": b.Name, "for": b.For, "kind": b.Kind}
		for k, v := range map[string]string{"amount": b.Amount, "rate": b.Rate, "threshold": b.Threshold,
			"unit": b.Unit, "period": b.Period, "level": b.Level, "payer": b.Payer} {
			if v != "" {
				m[k] = v
			}
		}
		if b.Minimum {
			m["minimum"] = true
		}
		if b.Adjustable {
			m["adjustable"] = true
		}
		bs[id] = m
	}
	data, err := json.MarshalIndent(map[string]any{"effective": p.Effective, "benefits": bs, "clauses": p.Clauses,
		"adjustment": map[string]any{"base_year": p.Adjustment.BaseYear, "threshold": p.Adjustment.Threshold, "expenditure": []any{}}}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	const file = "../testdata/params.json"
	if *update {
		if err := os.WriteFile(file, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil || string(got) != string(data)+"\n" {
		t.Errorf("%s is out of date (go test ./calc/rules -run TestParamsFixture -update): %v", file, err)
	}
	if _, err := ParseStandards(got); err != nil {
		t.Error(err)
	}
}
