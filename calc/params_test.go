package calc

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
)

// TestParamsJSON: parameters round-trip through JSON exactly.
func TestParamsJSON(t *testing.T) {
	p := withSeries("2011:12345.67", "2013:16049.38")
	p.Benefits["bereaved-city"].Changes = []rules.Change{{From: "2015-01-01", Amount: "25000.50", Note: "调整"}}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParseParams(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(q)
	if string(again) != string(data) {
		t.Errorf("round trip differs:\n%s\n%s", data, again)
	}
	if !strings.Contains(string(data), `"amount":"25000.50"`) || !strings.Contains(string(data), `"yuan":"16049.38"`) {
		t.Errorf("decimals not written as strings: %s", data)
	}
	// Numbers are read from their text too.
	q, err = ParseParams([]byte(strings.Replace(string(data), `"yuan":"16049.38"`, `"yuan":16049.38`, 1)))
	if err != nil || q.Adjustment.Expenditure[1].Yuan.String() != "16049.38" {
		t.Errorf("numeric decimal: %v", err)
	}
}

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *Params)
		fields string
	}{
		{"ok", func(p *Params) {}, ""},
		{"missing benefit", func(p *Params) { delete(p.Benefits, "bereaved-city"); delete(p.Benefits, "microloan") },
			"benefits.bereaved-city benefits.microloan"},
		{"missing amount", func(p *Params) { p.Benefits["college-award"].Amount = "" }, "benefits.college-award.amount"},
		{"missing rate", func(p *Params) { p.Benefits["dibao-supplement"].Rate = "" }, "benefits.dibao-supplement.rate"},
		{"missing threshold", func(p *Params) { p.Benefits["serious-illness-reimbursement"].Threshold = "" },
			"benefits.serious-illness-reimbursement.threshold"},
		{"no period", func(p *Params) { p.Benefits["complication-level2"].Period = rules.PeriodUnset }, "benefits.complication-level2.period"},
		{"wrong kind", func(p *Params) { p.Benefits["dibao-supplement"].Kind = rules.KindService }, "benefits.dibao-supplement.kind"},
		{"wrong clause", func(p *Params) { p.Benefits["microloan"].Clause = "3.2.6" }, "benefits.microloan.clause"},
		{"clause info", func(p *Params) { delete(p.Clauses, "3.2.16") }, "clauses.3.2.16"},
		{"public rental housing needs its area", func(p *Params) { p.Benefits["public-rental-housing"].Amount = "" },
			"benefits.public-rental-housing.amount"},
		{"bad change", func(p *Params) {
			p.Benefits["bereaved-city"].Changes = []rules.Change{{From: "2015", Amount: "1"},
				{From: "2016-01-01", Amount: "-1"}, {From: "2016-01-01", Amount: "2"}}
		}, "benefits.bereaved-city.changes[0].from benefits.bereaved-city.changes[1].amount benefits.bereaved-city.changes[2].from"},
		{"effective", func(p *Params) { p.Effective = "" }, "effective"},
		{"an amount beyond the fen", func(p *Params) { p.Benefits["college-award"].Amount = "1000.005" },
			"benefits.college-award.amount"},
		{"a rate beyond four places", func(p *Params) { p.Benefits["dibao-supplement"].Rate = "0.20001" },
			"benefits.dibao-supplement.rate"},
		{"a rate too large", func(p *Params) { p.Benefits["dibao-supplement"].Rate = "11" },
			"benefits.dibao-supplement.rate"},
		{"an amount too large", func(p *Params) { p.Benefits["college-award"].Amount = "100000000" },
			"benefits.college-award.amount"},
		{"a rate's change to four places is fine", func(p *Params) {
			p.Benefits["dibao-supplement"].Changes = []rules.Change{{From: "2016-01-01", Amount: "0.2525"}}
		}, ""},
		{"no base row", func(p *Params) {
			p.Adjustment.Expenditure = []Expenditure{{Year: 2012, Yuan: decimal.NewFromInt(1)}}
		}, "adjustment.expenditure"},
		{"years out of order", func(p *Params) {
			p.Adjustment.Expenditure = []Expenditure{{Year: 2011, Yuan: decimal.NewFromInt(1)}, {Year: 2011, Yuan: decimal.Zero}}
		}, "adjustment.expenditure[1].year adjustment.expenditure[1].yuan"},
	}
	for _, tt := range tests {
		p := testParams()
		tt.edit(p)
		err := p.Validate()
		if err == nil {
			if tt.fields != "" {
				t.Errorf("%s: no error", tt.name)
			}
			continue
		}
		if got := strings.Join(fieldsOf(t, err), " "); got != tt.fields {
			t.Errorf("%s: fields %q, want %q (%v)", tt.name, got, tt.fields, err)
		}
	}
}

// TestParamsMessages: staff read the messages, in Chinese.
func TestParamsMessages(t *testing.T) {
	p := testParams()
	delete(p.Benefits, "microloan")
	p.Benefits["dibao-supplement"].Kind = rules.KindService
	err := p.Validate()
	for _, want := range []string{"benefits.microloan: 缺少这项待遇：第3.2.16条列出了它",
		`benefits.dibao-supplement.kind: 是 "service"；计算器的规则要求 "cash"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate: %v, want %q", err, want)
		}
	}
}

func TestParseParamsErrors(t *testing.T) {
	for _, in := range []string{`{"effective":"2013-06-09","bogus":1}`, `{`, `[]`, `{"effective":"2013-06-09"} x`} {
		if _, err := ParseParams([]byte(in)); err == nil {
			t.Errorf("ParseParams(%s) succeeded", in)
		}
	}
}

func TestBenefitIDs(t *testing.T) {
	ids := testParams().BenefitIDs()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("benefit %s has two rules", id)
		}
		seen[id] = true
	}
	if len(ids) < 40 || !seen["bereaved-province"] || !seen["water-connection-free"] {
		t.Errorf("BenefitIDs = %v", ids)
	}
}
