package params

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// rule returns the rule of benefit i of clause id.
func rule(p *model.Plan, id string, i int) *rules.Spec { return p.Clause(id).Benefits[i].Rule }

// at is the position of key in a measure file, as messages write it.
func at(t *testing.T, clause, key string) string {
	return "content/measures/" + clause + ".toml:" + line(t, clause, key) + ": " + key + ": "
}

// TestBadRules: each kind of bad rule gets its own message, in Chinese,
// at the file, line and key staff fix, with 候选 for a misspelt name.
func TestBadRules(t *testing.T) {
	readingsLine := func(key string) string {
		return "content/readings.toml:" + strconv.Itoa(load(t).Line("readings.toml", key)) + ": " + key + ": "
	}
	tests := []struct {
		name string
		edit func(p *model.Plan)
		want []string // the error's lines, in order
	}{
		{"unknown condition", func(p *model.Plan) { rule(p, "3.2.12", 0).Who = []string{"bereaved", "rual"} },
			[]string{at(t, "3.2.12", "benefits[0].rule.who") + `没有名为 "rual" 的条件；候选：rural`}},
		{"unknown formula", func(p *model.Plan) { rule(p, "3.2.4", 0).Formula = "dibao-shar" },
			[]string{at(t, "3.2.4", "benefits[0].rule.formula") + `没有名为 "dibao-shar" 的计算方法；候选：dibao-share`}},
		{"unknown child condition", func(p *model.Plan) { rule(p, "3.2.12", 5).PerChild = "admited" },
			[]string{at(t, "3.2.12", "benefits[5].rule.per_child") + `没有名为 "admited" 的子女条件；候选：admitted`}},
		{"a child condition in who", func(p *model.Plan) { rule(p, "3.2.12", 0).Who = []string{"admitted"} },
			[]string{at(t, "3.2.12", "benefits[0].rule.who") + `"admitted" 是子女的条件，应写在 per_child`}},
		{"no such level", func(p *model.Plan) { rule(p, "3.2.12", 2).Who = []string{"complication(5)"} },
			[]string{at(t, "3.2.12", "benefits[2].rule.who") + `条件 "complication(5)"：并发症等级 "5" 不存在，应为 1 到 4`}},
		{"no such stage", func(p *model.Plan) { rule(p, "3.2.12", 7).PerChild = "stage(primry)" },
			[]string{at(t, "3.2.12", "benefits[7].rule.per_child") + `条件 "stage(primry)"：阶段 "primry" 不存在；候选：primary`}},
		{"a parameter where none is taken", func(p *model.Plan) { rule(p, "3.2.12", 0).Who = []string{"bereaved(1)"} },
			[]string{at(t, "3.2.12", "benefits[0].rule.who") + `条件 "bereaved(1)"：不带参数`}},
		{"an area of -1", func(p *model.Plan) {
			p.Clause("3.2.7").Benefits[0].Amount.Decimal = p.Clause("3.2.7").Benefits[0].Amount.Decimal.Neg()
		},
			[]string{at(t, "3.2.7", "benefits[0].amount") + `"-15" 不能为负数`}},
		{"a child condition on a household benefit", func(p *model.Plan) { rule(p, "3.2.12", 1).PerChild = "admitted" },
			[]string{at(t, "3.2.12", "benefits[1].rule.per_child") + `这项待遇按户发放（for = "household"），不能按子女计算；按人发放的待遇写 for = "person"`}},
		{"instead of an unknown benefit", func(p *model.Plan) { rule(p, "3.2.12", 6).Instead = "college-awrd" },
			[]string{at(t, "3.2.12", "benefits[6].rule.instead") + `没有 id 为 "college-awrd" 的、有规则的待遇；候选：college-award`}},
		{"instead of itself", func(p *model.Plan) { rule(p, "3.2.12", 6).Instead = "college-award-dibao" },
			[]string{at(t, "3.2.12", "benefits[6].rule.instead") + `不能代替它自己`}},
		{"instead in a cycle", func(p *model.Plan) { rule(p, "3.2.12", 5).Instead = "college-award-dibao" }, []string{
			at(t, "3.2.12", "benefits[5].rule.instead") + `instead 成环："college-award" 经 "college-award-dibao" 又回到 "college-award"`,
			at(t, "3.2.12", "benefits[6].rule.instead") + `instead 成环："college-award-dibao" 经 "college-award" 又回到 "college-award-dibao"`}},
		{"a formula needing a figure the benefit lacks", func(p *model.Plan) { rule(p, "3.2.12", 5).Formula = "excess" }, []string{
			at(t, "3.2.12", "benefits[5].rate") + `必填：计算器的规则要用到它`,
			at(t, "3.2.12", "benefits[5].threshold") + `必填：计算器的规则要用到它`}},
		{"a reading with no words", func(p *model.Plan) { p.Readings[1].Words = " " },
			[]string{readingsLine("readings[1].words") + `必填：写出这条理解所读的方案原文`}},
		{"a reading defined nowhere", func(p *model.Plan) { rule(p, "3.2.12", 5).Readings = []string{"named-by-sx"} },
			[]string{at(t, "3.2.12", "benefits[5].rule.readings") + `没有 id 为 "named-by-sx" 的理解（content/readings.toml 或本文件的 [[readings]]）；候选：named-by-sex`}},
		{"conditions that exclude each other", func(p *model.Plan) { rule(p, "3.2.12", 0).Who = []string{"rural", "urban", "bereaved"} },
			[]string{at(t, "3.2.12", "benefits[0].rule.who") + `这些条件不可能同时成立（户口或家庭类型互相排斥），这项待遇永远不会发放`}},
		{"a cash benefit with no rule", func(p *model.Plan) { p.Clause("3.2.12").Benefits[3].Rule = nil },
			[]string{at(t, "3.2.12", "benefits[3].kind") + `现金待遇 complication-level2 没有计算器规则：写 [benefits.rule]（谁能领、怎么算），或写 not_assessed = "…" 说明计算器为什么不判断`}},
		{"a rule and not_assessed", func(p *model.Plan) { p.Clause("3.2.12").Benefits[3].NotAssessed = "不判断" },
			[]string{at(t, "3.2.12", "benefits[3].not_assessed") + `这项待遇已有规则 [benefits.rule]，不能同时写 not_assessed`}},
		{"all of them in one run, sorted", func(p *model.Plan) {
			rule(p, "3.2.12", 6).Instead = "college-awrd"
			rule(p, "3.2.4", 0).Formula = "dibao-shar"
			rule(p, "3.2.12", 0).Who = []string{"bereaved", "rual"}
		}, []string{
			at(t, "3.2.12", "benefits[0].rule.who") + `没有名为 "rual" 的条件；候选：rural`,
			at(t, "3.2.12", "benefits[6].rule.instead") + `没有 id 为 "college-awrd" 的、有规则的待遇；候选：college-award`,
			at(t, "3.2.4", "benefits[0].rule.formula") + `没有名为 "dibao-shar" 的计算方法；候选：dibao-share`}},
	}
	for _, tt := range tests {
		p := load(t)
		tt.edit(p)
		_, err := Check(p)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if got := err.Error(); got != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, strings.Join(tt.want, "\n"))
		}
	}
}

// TestTwoRules: a benefit with two [benefits.rule] tables is refused
// where the second one is written.
func TestTwoRules(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "measures", "3.2.12.toml")
	data, _ := os.ReadFile(f)
	two := strings.Replace(string(data), "[benefits.rule]\nwho       = [\"bereaved\"]\n",
		"[benefits.rule]\nwho       = [\"bereaved\"]\n[benefits.rule]\nwho       = [\"rural\"]\n", 1)
	os.WriteFile(f, []byte(two), 0o644)
	_, err := model.Load(os.DirFS(dir), "content")
	if err == nil || !strings.Contains(err.Error(), "content/measures/3.2.12.toml:24: benefits[0]: 这个键写了两次（同一处只能写一次）") {
		t.Errorf("two rules for one benefit: %v", err)
	}
}
