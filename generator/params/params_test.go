package params

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"gyportal/calc"
	"gyportal/generator/model"
)

func load(t *testing.T) *model.Plan {
	t.Helper()
	plan, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestFromContent: the real content has every benefit the rules use, and
// the JSON is deterministic and parses back.
func TestFromContent(t *testing.T) {
	plan := load(t)
	a, err := JSON(plan)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := JSON(plan)
	if !bytes.Equal(a, b) {
		t.Error("JSON is not deterministic")
	}
	p, err := calc.ParseParams(a)
	if err != nil {
		t.Fatal(err)
	}
	if p.Effective != "2013-06-09" || len(p.Benefits) != len(calc.BenefitIDs()) {
		t.Errorf("effective %q, %d benefits", p.Effective, len(p.Benefits))
	}
	s := p.Benefits["bereaved-city"]
	if s.Amount == nil || s.Amount.String() != "20000" || s.Clause != "3.2.12" || !s.Adjustable {
		t.Errorf("bereaved-city = %+v", s)
	}
	if s := p.Benefits["dibao-supplement"]; s.Rate == nil || s.Rate.String() != "0.2" {
		t.Errorf("dibao-supplement = %+v", s)
	}
	if p.Adjustment.BaseYear != 2011 || p.Adjustment.Threshold.String() != "0.3" {
		t.Errorf("adjustment = %+v", p.Adjustment)
	}
}

// TestResponsible: an entitlement names the departments its clause addresses.
func TestResponsible(t *testing.T) {
	p, err := FromPlan(load(t))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"3.2.12": "人口计生部门",
		"3.2.13": "卫生部门、人口计生部门",
		"3.2.6":  "人力资源社会保障部门",
		"3.2.16": "市政府金融办",
		"3.2.17": "计划生育“三结合”帮扶部门",
		"3.2.18": "各有关部门",
		"3.3":    "计划生育协会",
	} {
		if c := p.Clauses[id]; c == nil || c.Department != want {
			t.Errorf("clause %s: %+v, want department %q", id, c, want)
		}
	}
}

// TestMissingBenefit: a benefit the rules use but content lacks is named.
func TestMissingBenefit(t *testing.T) {
	plan := load(t)
	for _, c := range plan.Clauses {
		if c.ID == "3.2.16" {
			c.Benefits = nil
		}
	}
	p, err := FromPlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err = p.Validate(); err == nil || !strings.Contains(err.Error(), "benefits.microloan: 缺少这项待遇") {
		t.Errorf("err = %v", err)
	}
}
