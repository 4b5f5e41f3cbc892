package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutChanges builds the content, then makes three edits (an
// amount, with the test cases it changes; a new clause; a removed
// benefit) and runs check --out on the build: it lists the pages,
// the amount old → new, the benefits added and removed and the cases
// whose answers change. Then build publishes it and check finds nothing
// left to change.
func TestCheckOutChanges(t *testing.T) {
	content := copyContent(t)
	// The rules of the calculator need every benefit of the plan: the
	// benefit to remove is one of a clause of the test's own.
	const pilot = `id          = "3.3.2"
title       = "试点条款"
departments = ["population"]
groups      = ["fp-family"]
text        = "试点。"
summary     = "试点。"
`
	edit{"measures/3.3.2.toml", "", ""}.write(t, content, pilot+`
[[benefits]]
id     = "pilot-visit"
name   = "试点走访"
for    = "household"
groups = ["fp-family"]
kind   = "service"
`)
	out := filepath.Join(t.TempDir(), "public")
	flags := []string{"--content", content, "--templates", "../templates", "--out", out}
	var stdout, stderr bytes.Buffer
	if c := run(append([]string{"build"}, flags...), nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("build: exit %d\n%s", c, stderr.String())
	}

	edit{"measures/3.2.12.toml", `amount     = "20000"`, `amount     = "25000"`}.apply(t, content)
	for _, f := range []string{"tests/3.2.12-bereaved-complication.toml", "tests/readings.toml"} {
		b := strings.ReplaceAll(string(mustRead(t, filepath.Join(content, f))), `"50000.00"`, `"55000.00"`)
		edit{f, "", ""}.write(t, content, b)
	}
	edit{"measures/3.3.2.toml", "", ""}.write(t, content, pilot)
	edit{"measures/3.3.1.toml", "", ""}.write(t, content, `id          = "3.3.1"
title       = "新增的试点条款"
departments = ["population"]
groups      = ["fp-family"]
text        = "试点。"
summary     = "试点。"

[[benefits]]
id     = "pilot-award"
name   = "试点奖励"
for    = "household"
groups = ["fp-family"]
kind   = "cash"
amount = "1000"
unit   = "元"
period = "once"
not_assessed = "试点奖励的条件另行规定，计算器不判断。"
`)

	stdout.Reset()
	if c := run(append([]string{"check"}, flags...), nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("check: exit %d\n%s", c, stderr.String())
	}
	got := strings.ReplaceAll(stdout.String(), content, "content")
	got = strings.ReplaceAll(got, out, "public")
	want := []string{
		"与 public 里已生成的网站相比，发布后：",
		"  新增页面 /clauses/3.3.1/",
		"  修改页面 /",
		"  修改页面 /clauses/3.2.12/",
		"  修改页面 /clauses/3.3.2/",
		"  修改页面 /groups/bereaved/",
		"  金额 3.2.12 失独家庭一次性抚慰金（市增发）20,000元 → 25,000元",
		"  新增待遇 3.3.1 试点奖励1,000元",
		"  移除待遇 3.3.2 试点走访（无金额）",
		`  计算器测试用例 content/tests/3.2.12-bereaved-complication.toml:7: case "城镇失独家庭：省3万元加市增发2万元"：一次性 50,000元 → 55,000元`,
	}
	for _, w := range want {
		if !strings.Contains(got, w+"\n") {
			t.Errorf("check --out lacks %q; it says:\n%s", w, got)
		}
	}
	if _, changes, _ := strings.Cut(got, "\n"); changes != readmeBlock(t, "<!-- check-out-example -->") {
		t.Errorf("README.md's check-out-example is not what check says:\n%s", changes)
	}

	if c := run(append([]string{"build"}, flags...), nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("second build: exit %d\n%s", c, stderr.String())
	}
	stdout.Reset()
	if c := run(append([]string{"check"}, flags...), nil, &stdout, &stderr); c != exitOK || !strings.HasSuffix(stdout.String(), "里已生成的网站相比：发布后没有变化\n") {
		t.Errorf("check after the build: exit %d, %q", c, stdout.String())
	}
}

// write replaces the file of e with data.
func (e edit) write(t *testing.T, dir, data string) {
	t.Helper()
	if err := writeFile(filepath.Join(dir, e.file), data); err != nil {
		t.Fatal(err)
	}
}
