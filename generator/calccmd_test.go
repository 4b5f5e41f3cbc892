package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"gyportal/calc"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// contentFS copies ../content into memory, plus extra files.
func contentFS(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	src := os.DirFS("../content")
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

// TestContentCases runs the calculator cases in ../content/tests.
func TestContentCases(t *testing.T) {
	plan, err := model.Load(os.DirFS("../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Cases) == 0 {
		t.Fatal("no calculator cases in content/tests")
	}
	for _, e := range runCases(plan) {
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
	for _, e := range runCases(plan) {
		got = append(got, e.Error())
	}
	want := []string{
		`content/tests/zz-bad.toml:1: case "wrong": expected once 40000.00, got 50000.00`,
		`content/tests/zz-bad.toml:1: case "wrong": expected clauses [3.2.11], got [3.2.12]`,
		`content/tests/zz-bad.toml:12: case "bad facts": facts.children[0].stage: "nursery"`,
		`content/tests/zz-bad.toml:16: case "float money": facts.medical_out_of_pocket: write decimals as strings`,
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

// testParams builds the parameters from ../content.
func testParams(t *testing.T) *calc.Params {
	t.Helper()
	plan, err := model.Load(os.DirFS("../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	cp, err := params.FromPlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

func runCmd(stdin string, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(append([]string{"calc", "--content", "../content"}, args...), strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestCalcCommand(t *testing.T) {
	cp := testParams(t)
	one := `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true,"medical_out_of_pocket":"12000"}`
	two := `{"hukou":"urban","family":"bereaved","date":"2020-01-01"}`
	want1, err := calc.Run([]byte(one), cp, "2024-01-01")
	if err != nil {
		t.Fatal(err)
	}
	want2, _ := calc.Run([]byte(two), cp, "2024-01-01")

	// An object: exactly calc.Run's bytes and a newline.
	code, out, errs := runCmd(one, "--date", "2024-01-01")
	if code != 0 || out != string(want1)+"\n" || errs != "" {
		t.Errorf("object: code %d, stderr %q, stdout %.80q", code, errs, out)
	}
	// An array: the answers in order.
	code, out, errs = runCmd("["+one+",\n"+two+"]", "--date", "2024-01-01", "-")
	var answers []json.RawMessage
	if code != 0 || errs != "" || json.Unmarshal([]byte(out), &answers) != nil || len(answers) != 2 {
		t.Fatalf("array: code %d, stderr %q, stdout %.80q", code, errs, out)
	}
	for i, w := range [][]byte{want1, want2} {
		var a, b bytes.Buffer
		json.Compact(&a, answers[i])
		json.Compact(&b, w)
		if a.String() != b.String() {
			t.Errorf("array answer %d differs", i)
		}
	}
	// A file.
	f := t.TempDir() + "/h.json"
	os.WriteFile(f, []byte(one), 0o644)
	if code, out, _ = runCmd("", "--date", "2024-01-01", f); code != 0 || out != string(want1)+"\n" {
		t.Errorf("file: code %d", code)
	}
	// CSV.
	code, out, errs = runCmd("id,hukou,family,children\nx,rural,only_daughter,senior+admitted\n", "--csv", "--date", "2024-01-01")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "line,id,date,once,month,year,clauses,benefits,services\n2,x,2024-01-01,1000.00,0.00,0.00,3.2.12,college-award,") ||
		!strings.HasSuffix(out, "\ntotal,,,1000.00,0.00,0.00,,,\n") {
		t.Errorf("csv: code %d, stderr %q, stdout %q", code, errs, out)
	}
}

func TestCalcCommandErrors(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		stderr      []string
	}{
		{"object", `{"hukou":"town","family":"none","members":0}`, nil, 1,
			[]string{"stdin: hukou: ", "stdin: members: "}},
		{"array", `[{"hukou":"rural","family":"none"}, {"hukou":"rural","family":"none","children":[{"stage":"x"}]}, 3]`, nil, 1,
			[]string{"stdin: [1].children[0].stage: ", "stdin: [2]: "}},
		{"bad array", `[{"hukou":"rural"`, nil, 1, []string{"stdin: $: "}},
		{"csv", "hukou,family,dibao\nrural,none,true\nrural,none,maybe\n", []string{"--csv"}, 1,
			[]string{"stdin: line 3: dibao: "}},
		{"missing file", "", []string{"/nonexistent/x.json"}, 1, []string{"/nonexistent/x.json"}},
		{"bad date", "{}", []string{"--date", "2024-02-30"}, 2, []string{"--date"}},
		{"two files", "{}", []string{"a", "b"}, 2, []string{"at most one"}},
		{"unknown flag", "{}", []string{"--xml"}, 2, []string{"-xml"}},
		{"bad content", "{}", []string{"--content", "/nonexistent"}, 1, []string{"/nonexistent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(tt.stdin, tt.args...)
			if code != tt.code || out != "" {
				t.Errorf("code %d (want %d), stdout %q", code, tt.code, out)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}
}
