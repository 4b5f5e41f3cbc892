package rules

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestRaises checks when the 3.1 adjustment triggers and what it multiplies.
func TestRaises(t *testing.T) {
	tests := []struct {
		name   string
		series []string
		want   []string // "from ×yuan/base"
	}{
		{"empty", nil, nil},
		{"no base-year row", []string{"2012:100", "2013:200"}, nil},
		{"below threshold", []string{"2011:10000", "2012:12999.99"}, nil},
		{"exactly 30%, before the plan took effect: from its effective date", []string{"2011:10000", "2012:13000"},
			[]string{"2013-06-09 13000/10000"}},
		{"cumulative", []string{"2011:10000", "2012:11000", "2013:12000", "2014:13500"}, []string{"2015-01-01 13500/10000"}},
		{"new base after a raise", []string{"2011:10000", "2012:13000", "2013:16899.99", "2014:16900"},
			[]string{"2013-06-09 13000/10000", "2015-01-01 16900/13000"}},
		{"rows before the base year ignored", []string{"2010:1", "2011:10000", "2012:13000"}, []string{"2013-06-09 13000/10000"}},
		{"the issue's series", []string{"2011:10000", "2012:13000", "2014:16000"}, []string{"2013-06-09 13000/10000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := withSeries(tt.series...)
			var got []string
			for _, r := range p.std().Raises() {
				got = append(got, r.From+" "+string(appendNum(nil, r.Yuan, 2))+"/"+string(appendNum(nil, r.BaseYuan, 2)))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("raises = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAdjustedAmounts checks dated values: plan figures, 3.1 raises after
// the plan's effective date, staff changes, rounding to the fen.
func TestAdjustedAmounts(t *testing.T) {
	// 2011 → 2013 grows 30%: standards rise by 30% from 2014-01-01; the
	// new base 2013 → 2015 grows 30% again: from 2016-01-01.
	series := []string{"2011:10000", "2012:12000", "2013:13000", "2014:15000", "2015:16900"}
	tests := []struct {
		name    string
		series  []string
		changes map[string][]Change
		date    string
		facts   string
		cash    string
	}{
		{"plan figure", nil, nil, "2020-01-01",
			`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter:8000.00"},
		{"day before the raise", series, nil, "2013-12-31",
			`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter:8000.00"},
		{"first raise", series, nil, "2014-01-01",
			`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter:10400.00"},
		{"second raise", series, nil, "2016-01-01",
			`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter:13520.00"},
		{"the provincial standard is not raised; the city's is", series, nil, "2016-06-01",
			`{"hukou":"urban","family":"bereaved"}`, "bereaved-province:30000.00 bereaved-city:33800.00"},
		{"ratios are not raised", series, nil, "2016-06-01",
			`{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`, "serious-illness-reimbursement:3500.00"},
		{"monthly and yearly city standards are raised", series, nil, "2014-06-01",
			`{"hukou":"urban","family":"other_planned","complication_level":3,"poor":true}`, "complication-level3-4:650.00 three-combination-cash:650.00"},
		{"rounded to the fen", []string{"2011:3", "2013:4"}, nil, "2014-01-01",
			`{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:666.67"},
		{"half a fen rounds away from zero", []string{"2011:100000", "2013:130001"}, nil, "2014-01-01",
			`{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:650.01"},
		{"a raise scheduled before the effective date applies from it", []string{"2011:10000", "2012:13000"}, nil, "2013-06-09",
			`{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:650.00"},
		{"the issue's series: 3.2.12's city amount is 26000 from 2013-06-09", []string{"2011:10000", "2012:13000", "2014:16000"},
			nil, "2013-06-09", `{"hukou":"urban","family":"bereaved"}`, "bereaved-province:30000.00 bereaved-city:26000.00"},
		{"the issue's series, later: no second raise (16000/13000 < 1.3)", []string{"2011:10000", "2012:13000", "2014:16000"},
			nil, "2020-01-01", `{"hukou":"urban","family":"bereaved"}`, "bereaved-province:30000.00 bereaved-city:26000.00"},
		{"staff change", nil, map[string][]Change{"three-combination-cash": {{From: "2015-03-01", Amount: "800"}}},
			"2015-03-01", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:800.00"},
		{"staff change not yet in force", nil, map[string][]Change{"three-combination-cash": {{From: "2015-03-01", Amount: "800"}}},
			"2015-02-28", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:500.00"},
		{"latest change wins, in any order", nil, map[string][]Change{"three-combination-cash": {
			{From: "2017-01-01", Amount: "900"},
			{From: "2015-03-01", Amount: "800"}}},
			"2018-01-01", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:900.00"},
		{"raises before a change do not apply to it", series, map[string][]Change{"three-combination-cash": {{From: "2015-03-01", Amount: "800"}}},
			"2015-06-01", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:800.00"},
		{"raises after a change do", series, map[string][]Change{"three-combination-cash": {{From: "2015-03-01", Amount: "800"}}},
			"2016-01-01", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:1040.00"},
		{"a change to a rate", nil, map[string][]Change{"serious-illness-reimbursement": {{From: "2016-01-01", Amount: "0.60"}}},
			"2016-01-01", `{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`, "serious-illness-reimbursement:4200.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := withSeries(tt.series...)
			for id, ch := range tt.changes {
				p.Benefits[id].Changes = ch
			}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			if got := cashList(eval(t, p, tt.date, tt.facts)); got != tt.cash {
				t.Errorf("cash = %q, want %q", got, tt.cash)
			}
		})
	}
}

// TestAdjustedExplanation: the explanation shows how the standard was reached.
func TestAdjustedExplanation(t *testing.T) {
	p := withSeries("2011:10000", "2012:12000", "2013:13000")
	p.Benefits["project-fund-only-daughter"].Changes = nil
	r := eval(t, p, "2014-01-01", `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`)
	for _, e := range r.Entitlements {
		if e.Benefit == "project-fund-only-daughter" {
			for _, w := range []string{"10400元", "方案标准8000元", "2014-01-01起按第3.1条动态调整", "累计增长30%", "8000 × 13000 ÷ 10000 = 10400元"} {
				if !strings.Contains(e.Explanation, w) {
					t.Errorf("explanation %q lacks %q", e.Explanation, w)
				}
			}
			return
		}
	}
	t.Fatalf("not granted: %+v", r)
}

func TestRaisesFromEffective(t *testing.T) {
	p := withSeries("2011:10000", "2012:12999", "2013:13000", "2014:16000", "2015:16900")
	got := p.std().Raises()
	if len(got) != 2 || got[0].From != "2014-01-01" || got[0].Growth != 3000 ||
		got[1].From != "2016-01-01" || got[1].BaseYear != 2013 || got[1].Growth != 3000 {
		t.Fatalf("Raises() = %+v", got)
	}
	p = withSeries("2011:10000", "2012:13000")
	if r := p.std().Raises(); len(r) != 1 || r[0].From != "2013-06-09" || r[0].Scheduled != "2013-01-01" {
		t.Errorf("Raises() = %+v, want from the effective date, scheduled 2013-01-01", r)
	}
	if n := len(testParams().std().Raises()); n != 0 {
		t.Errorf("an empty series triggered %d adjustments", n)
	}
}

// TestEpochTables: one Standards evaluated on every day from before the
// plan took effect to after two raises and two staff changes (more dates
// than its cache keeps) holds, for each date, exactly the table compiled
// for that date alone, and answers as a fresh Standards does.
func TestEpochTables(t *testing.T) {
	p := withSeries("2011:10000", "2012:12000", "2013:13000", "2014:15000", "2015:16900")
	p.Benefits["three-combination-cash"].Changes = []Change{{From: "2013-01-01", Amount: "600"}, {From: "2015-03-01", Amount: "800"}}
	p.Benefits["bereaved-city"].Changes = []Change{{From: "2016-07-15", Amount: "21000"}}
	s := p.std()
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	facts := []byte(`{"hukou":"urban","family":"bereaved","poor":true,"complication_level":3}`)
	f, err := ParseFacts(facts)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2013, 6, 1, 0, 0, 0, 0, time.UTC)
	for ; day.Year() < 2017; day = day.AddDate(0, 0, 1) {
		date := day.Format(time.DateOnly)
		got, err := s.table(date)
		if err != nil {
			t.Fatal(err)
		}
		want := compile(s, date)
		if got.date != date || got.notice != want.notice || !reflect.DeepEqual(got.rules, want.rules) {
			t.Fatalf("%s: the table differs from one compiled for the date alone", date)
		}
		if day.Day() == 1 || day.Day() == 15 {
			f.Date = date
			fresh, _ := p.std().Evaluate(f, false)
			if r, _ := s.Evaluate(f, false); !reflect.DeepEqual(r, fresh) {
				t.Fatalf("%s: answer %+v, a fresh Standards answers %+v", date, r, fresh)
			}
		}
	}
	if n := len(s.tables.epochs); n != 5 {
		t.Errorf("epochs compiled = %d, want 5 (2013-06-09, 2014-01-01, 2015-03-01, 2016-01-01, 2016-07-15; none for the change of 2013-01-01, before the plan)", n)
	}
}
