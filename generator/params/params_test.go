package params

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

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

// TestCheckPositions: each problem is named at its file, line and key,
// in Chinese.
func TestCheckPositions(t *testing.T) {
	if _, err := Check(load(t)); err != nil {
		t.Fatalf("the real content: %v", err)
	}
	tests := []struct {
		name string
		edit func(p *model.Plan)
		want string // a line of the error
	}{
		{"a benefit missing", func(p *model.Plan) { p.Clause("3.2.16").Benefits = nil },
			"content/measures/3.2.16.toml:1: benefits: 缺少这项待遇：计算器第3.2.16条的规则要用到它（id 为 microloan）"},
		{"an amount beyond the fen", func(p *model.Plan) {
			p.Clause("3.2.12").Benefits[5].Amount.Decimal = decimal.RequireFromString("1000.005")
		}, `content/measures/3.2.12.toml:` + line(t, "3.2.12", "benefits[5].amount") + `: benefits[5].amount: "1000.005" 最多写到小数点后两位（金额写到分）`},
		{"a kind", func(p *model.Plan) { p.Clause("3.2.12").Benefits[0].Kind = "service" },
			`content/measures/3.2.12.toml:` + line(t, "3.2.12", "benefits[0].kind") + `: benefits[0].kind: 是 "service"；计算器的规则要求 "cash"`},
		{"the 3.1 series", func(p *model.Plan) {
			p.Adjustment.Expenditure = []model.Expenditure{{Year: 2012}}
		}, "content/adjustment.toml"},
	}
	for _, tt := range tests {
		p := load(t)
		tt.edit(p)
		_, err := Check(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v\nwant a line %q", tt.name, err, tt.want)
		}
	}
}

func line(t *testing.T, clause, key string) string {
	n := load(t).Clause(clause).Line(key)
	if n <= 1 {
		t.Fatalf("no line for %s %s", clause, key)
	}
	return strconv.Itoa(n)
}
