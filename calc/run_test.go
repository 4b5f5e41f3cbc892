package calc

import (
	"bytes"
	"encoding/json"
	"gyportal/calc/rules"
	"sort"
	"strings"
	"testing"
)

// TestRun: the answer is Evaluate's result as compact JSON without a
// trailing newline; today fills in a missing date.
func TestRun(t *testing.T) {
	p := testParams()
	facts := `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true,"medical_out_of_pocket":"12000"}`
	out, err := Run([]byte(facts), p, "2014-05-06")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(eval(t, p, "2014-05-06", facts))
	if !bytes.Equal(out, want) {
		t.Errorf("Run = %s\nwant %s", out, want)
	}
	if bytes.HasSuffix(out, []byte("\n")) || !bytes.HasPrefix(out, []byte(`{"date":"2014-05-06","complete":true,"entitlements":[`)) {
		t.Errorf("format: %.60s", out)
	}
	var ans struct {
		Entitlements []map[string]any    `json:"entitlements"`
		Totals       map[string]string   `json:"totals"`
		NotGranted   []map[string]string `json:"not_granted"`
	}
	if err := json.Unmarshal(out, &ans); err != nil {
		t.Fatal(err)
	}
	if ans.Totals["once"] != "8000.00" || ans.Totals["month"] != "0.00" || ans.Totals["year"] != "3500.00" {
		t.Errorf("totals = %v", ans.Totals)
	}
	if len(ans.NotGranted) == 0 || ans.NotGranted[0]["condition"] == "" {
		t.Errorf("not_granted = %v", ans.NotGranted)
	}
	// The facts' own date wins over today.
	out, err = Run([]byte(`{"date":"2013-01-01","hukou":"urban","family":"bereaved"}`), p, "2014-05-06")
	if err != nil || !strings.Contains(string(out), `"date":"2013-01-01"`) || !strings.Contains(string(out), `"notice"`) {
		t.Errorf("dated facts: %s %v", out, err)
	}
	// Same input, same bytes.
	a, _ := Run([]byte(facts), p, "2014-05-06")
	b, _ := Run([]byte(facts), p, "2014-05-06")
	if !bytes.Equal(a, b) {
		t.Error("Run is not deterministic")
	}
}

func TestRunErrors(t *testing.T) {
	p := testParams()
	tests := []struct {
		facts, today string
		p            *Params
		fields       string
	}{
		{`{"hukou":"rural","family":"none"}`, "today", p, "today"},
		{`{"hukou":"rural","family":"none"}`, "2014-01-01", nil, "params"},
		{`{"hukou":"rural","family":"none","children":[{"stage":"x"}]}`, "2014-01-01", p, "children[0].stage"},
		{`{"hukou":"rural","family":"none"}`, "2014-01-01", &Params{Effective: "2013-06-09", Clauses: p.Clauses, Readings: p.Readings}, allBenefits()},
	}
	for _, tt := range tests {
		_, err := Run([]byte(tt.facts), tt.p, tt.today)
		if got := strings.Join(fieldsOf(t, err), " "); got != tt.fields {
			t.Errorf("Run(%s, %q): fields %q, want %q (%v)", tt.facts, tt.today, got, tt.fields, err)
		}
	}
	if _, err := Evaluate(nil, p); err == nil {
		t.Error("Evaluate(nil) succeeded")
	}
	if _, err := Evaluate(&rules.Facts{Hukou: rules.Rural, Family: rules.NotPlanned}, p); err == nil {
		t.Error("Evaluate without a date succeeded")
	}
}

// allBenefits is the fields of every benefit missing, sorted.
func allBenefits() string {
	var out []string
	for _, c := range testParams().Clauses {
		for _, id := range c.Benefits {
			out = append(out, "benefits."+id)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
