package cases

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gyportal/calc/errlist"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// contentFS copies ../content into memory, plus extra files.
func contentFS(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	src := os.DirFS("../../content")
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range extra {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// runAll runs the cases of plan as the build does.
func runAll(t *testing.T, plan *model.Plan) []error {
	t.Helper()
	cp, err := params.Check(plan)
	if err != nil {
		t.Fatal(err)
	}
	return errlist.Split(Run(plan, cp, model.Today(time.Now())))
}

// TestContentCases runs the calculator cases in ../content/tests.
func TestContentCases(t *testing.T) {
	plan, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Cases) == 0 {
		t.Fatal("no calculator cases in content/tests")
	}
	for _, e := range runAll(t, plan) {
		t.Error(e)
	}
}

// TestCaseErrors: failed cases are reported at their file and line.
func TestCaseErrors(t *testing.T) {
	const bad = `[[case]]
name = "wrong"
date = "2024-01-01"
[case.facts]
hukou  = "urban"
family = "bereaved"
[case.expect]
once    = "40000"
month   = "0.00"
clauses = ["3.2.11"]
pending = ["dibao-supplement"]

[[case]]
name = "bad facts"
facts = { hukou = "rural", family = "none", children = "nursery" }

[[case]]
name = "float money"
facts = { hukou = "rural", family = "none", medical_out_of_pocket = 5000.01 }
`
	plan, err := model.Load(contentFS(t, map[string]string{"tests/zz-bad.toml": bad}), "content")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range runAll(t, plan) {
		got = append(got, e.Error())
	}
	want := []string{
		`content/tests/zz-bad.toml:1: case "wrong": once 应为 40000.00，实际为 50000.00`,
		`content/tests/zz-bad.toml:1: case "wrong": 发放现金的条款应为 [3.2.11]，实际为 [3.2.12]`,
		`content/tests/zz-bad.toml:1: case "wrong": 待补充情况的待遇应为 [dibao-supplement]，实际为 []`,
		`content/tests/zz-bad.toml:13: case "bad facts": facts.children[0].stage: "nursery"`,
		`content/tests/zz-bad.toml:17: case "float money": facts.medical_out_of_pocket: 小数请写成字符串`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}
