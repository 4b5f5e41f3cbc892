package params

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gyportal/calc"
	"gyportal/calc/rules"
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
	if p.Effective != "2013-06-09" || len(p.Benefits) != len(p.BenefitIDs())+8 {
		t.Errorf("effective %q, %d benefits", p.Effective, len(p.Benefits))
	}
	s := p.Benefits["bereaved-city"]
	if s.Amount != "20000" || s.Clause != "3.2.12" || !s.Adjustable {
		t.Errorf("bereaved-city = %+v", s)
	}
	if s := p.Benefits["dibao-supplement"]; s.Rate != "0.2" {
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

// TestNotAssessed: a cash benefit without a rule fails Check at its file
// and line; with not_assessed it passes, and every answer lists it.
func TestNotAssessed(t *testing.T) {
	plan := load(t)
	b := &plan.Clause("3.2.12").Benefits[0]
	b.Rule = nil
	want := "content/measures/3.2.12.toml:" + line(t, "3.2.12", "benefits[0].kind") +
		": benefits[0].kind: 现金待遇 bereaved-province 没有计算器规则：写 [benefits.rule]（谁能领、怎么算），或写 not_assessed = \"…\" 说明计算器为什么不判断"
	if _, err := Check(plan); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Check: %v\nwant a line %q", err, want)
	}
	b.NotAssessed = "测试：计算器不判断这一项。"
	cp, err := Check(plan)
	if err != nil {
		t.Fatal(err)
	}
	out, err := calc.Run([]byte(`{"hukou":"urban","family":"bereaved"}`), cp, "2016-01-01")
	if err != nil {
		t.Fatal(err)
	}
	na := `{"benefit":"bereaved-province","name":"失独家庭一次性抚慰金（省标准）","clause":"3.2.12","reason":"测试：计算器不判断这一项。"}`
	if !strings.Contains(string(out), `"not_assessed":[{"benefit":"project-priority-township"`) || !strings.Contains(string(out), na) ||
		strings.Contains(string(out), `"benefit":"bereaved-province","clause_title"`) {
		t.Errorf("answer %s\nwant %s", out, na)
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
		{"an amount beyond the fen", func(p *model.Plan) {
			p.Clause("3.2.12").Benefits[5].Amount.Decimal = decimal.RequireFromString("1000.005")
		}, `content/measures/3.2.12.toml:` + line(t, "3.2.12", "benefits[5].amount") + `: benefits[5].amount: "1000.005" 最多写到小数点后两位（金额写到分）`},
		{"a kind", func(p *model.Plan) { p.Clause("3.2.4").Benefits[0].Kind = rules.KindService },
			`content/measures/3.2.4.toml:` + line(t, "3.2.4", "benefits[0].kind") + `: benefits[0].kind: 是 "service"；计算器的规则要求 "cash"`},
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

// TestRulesFixture: calc/testdata/params.json, which the calculator's own
// tests read, has the content's rules, clause lists and readings (its
// names and figures are the tests' own).
func TestRulesFixture(t *testing.T) {
	cp, err := FromPlan(load(t))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../calc/testdata/params.json")
	if err != nil {
		t.Fatal(err)
	}
	fx, err := calc.ParseParams(data)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fx.Readings)
	b, _ := json.Marshal(cp.Readings)
	if len(fx.Benefits) != len(cp.Benefits) || !bytes.Equal(a, b) {
		t.Errorf("fixture: %d benefits and %d readings, content: %d and %d", len(fx.Benefits), len(fx.Readings), len(cp.Benefits), len(cp.Readings))
	}
	for id, b := range cp.Benefits {
		if f := fx.Benefits[id]; f == nil || !reflect.DeepEqual(f.Rule, b.Rule) || f.NotAssessed != b.NotAssessed {
			t.Errorf("benefit %s: fixture %+v, content rule %+v", id, f, b.Rule)
		}
	}
	for id, c := range cp.Clauses {
		if f := fx.Clauses[id]; f == nil || !slices.Equal(f.Benefits, c.Benefits) || !slices.Equal(f.Readings, c.Readings) {
			t.Errorf("clause %s: fixture %+v, content %+v", id, f, c)
		}
	}
}
