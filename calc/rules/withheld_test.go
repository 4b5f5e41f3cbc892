package rules

import (
	"strings"
	"testing"
)

// TestWithheldClause: parameters that leave a clause out (neither its
// title nor any of its benefits: a draft) leave its rules out with it,
// answered and described nowhere, and no error; a benefit missing from a
// clause they publish is still an error.
func TestWithheldClause(t *testing.T) {
	p := testParams()
	for id, st := range p.Benefits {
		if st.Clause == "3.2.12" {
			delete(p.Benefits, id)
		}
	}
	delete(p.Clauses, "3.2.12")
	if err := p.Validate(); err != nil {
		t.Fatalf("3.2.12 left out: %v", err)
	}
	r := eval(t, p, "2014-01-01", `{"hukou":"urban","family":"bereaved","complication_level":1}`)
	if len(r.Entitlements) == 0 {
		t.Fatal("nothing granted: the other clauses' rules were left out too")
	}
	if out := mustJSON(r); strings.Contains(out, `"3.2.12"`) {
		t.Errorf("the answer names 3.2.12: %s", out)
	}
	ds, err := p.std().Describe("2014-01-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Clause == "3.2.12" {
			t.Error("3.2.12 is described")
		}
	}

	p.Clauses["3.2.12"] = &ClauseInfo{Title: "条款3.2.12", Department: "部门3.2.12"}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "benefits.bereaved-city: 缺少这项待遇") {
		t.Errorf("3.2.12 published without its benefits: %v", err)
	}
}
