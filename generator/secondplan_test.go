package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plan2 is a second, fictional plan kept as a test fixture (see its
// README.md): its own document, departments, groups, measures, rules and
// calculator cases, over the same vocabulary.
const plan2 = "testdata/plan2/content"

// TestSecondPlan: the generator checks and builds another plan's content
// with no Go change, its calculator cases pass, and `generator calc`
// follows its rules (a benefit instead of another, per child, not_assessed).
func TestSecondPlan(t *testing.T) {
	var o, e bytes.Buffer
	if c := run([]string{"check", "--content", plan2, "--templates", "../templates"}, nil, &o, &e); c != exitOK ||
		!strings.Contains(o.String(), "2 个计算器测试用例全部通过") {
		t.Fatalf("check: exit %d\n%s%s", c, o.String(), e.String())
	}
	out := filepath.Join(t.TempDir(), "public")
	o.Reset()
	if c := run([]string{"build", "--content", plan2, "--templates", "../templates", "--out", out}, nil, &o, &e); c != exitOK {
		t.Fatalf("build: exit %d\n%s", c, e.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "clauses", "2.3", "index.html"))
	if err != nil || !strings.Contains(string(page), `data-rule="dibao-allowance-urban"`) || !strings.Contains(string(page), "代替而不是加在100元之上") {
		t.Errorf("clause 2.3's page lacks its rule and reading (%v)", err)
	}
	for _, tt := range []struct{ facts, want string }{
		{`{"hukou":"urban","family":"bereaved","dibao":true,"date":"2021-01-01"}`,
			`"totals":{"once":"0.00","month":"150.00","year":"2000.00"},"not_granted":[],"not_assessed":[{"benefit":"village-award","name":"示范村奖励","clause":"2.4","reason":"这是奖励给村的，不是发给家庭的待遇，计算器不判断。"}]}`},
		{`{"hukou":"rural","family":"two_daughters","children":"primary;junior","date":"2021-01-01"}`,
			`"totals":{"once":"0.00","month":"0.00","year":"600.00"}`},
	} {
		o.Reset()
		e.Reset()
		if c := run([]string{"calc", "--content", plan2}, strings.NewReader(tt.facts), &o, &e); c != exitOK || !strings.Contains(o.String(), tt.want) {
			t.Errorf("calc %s: exit %d\n%s%s\nwant %s", tt.facts, c, o.String(), e.String(), tt.want)
		}
	}
}
