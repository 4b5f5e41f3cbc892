package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gyportal/calc"
	"gyportal/generator/build"
	"gyportal/generator/params"
)

// TestRuleEditNeedsNoGo: a benefit added by copying the block of another
// into a measure file is answered by window.policyCalc with its amount,
// and the calculator's WebAssembly is the same bytes as before the edit.
func TestRuleEditNeedsNoGo(t *testing.T) {
	setup(t)
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(content, "measures", "3.2.12.toml")
	data, _ := os.ReadFile(f)
	at := bytes.Index(data, []byte("\n[[benefits]]\nid         = \"complication-level1\""))
	newBenefit, err := os.ReadFile(filepath.Join(root, "generator", "testdata", "new-benefit.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, append(append(data[:at:at], newBenefit...), data[at:]...), 0o644)
	// The staff's case of an urban 失独 household follows the edit: build
	// runs the cases and refuses an amount they contradict.
	f = filepath.Join(content, "tests", "3.2.12-bereaved-complication.toml")
	data, _ = os.ReadFile(f)
	os.WriteFile(f, bytes.Replace(data, []byte("once    = \"50000.00\"\nmonth   = \"0.00\""),
		[]byte("once    = \"50000.00\"\nmonth   = \"300.00\""), 1), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Content: os.DirFS(content), ContentName: "content",
		Templates: os.DirFS(filepath.Join(root, "templates")), TemplatesName: "templates", Out: out, Today: Today()}); err != nil {
		t.Fatal(err)
	}
	before, after := wasmOf(t, env.dir), wasmOf(t, out)
	if !bytes.Equal(before, after) {
		t.Errorf("calc.wasm changed with a rule edit (%d → %d bytes)", len(before), len(after))
	}
	srv := Serve(out)
	defer srv.Close()
	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`window.policyCalc('{"hukou":"urban","family":"bereaved","date":"2016-01-01"}')`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want := `"title":"失独老人养老护理补贴（测试）","kind":"cash","amount":"300.00","period":"month"`
	if !strings.Contains(got, want) || !strings.Contains(got, `"month":"300.00"`) {
		t.Errorf("policyCalc after the edit:\n%s\nwant %s and a monthly total of 300.00", got, want)
	}
}

// wasmOf returns the calculator's WebAssembly in a built site.
func wasmOf(t *testing.T, dir string) []byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "assets", "calc*.wasm"))
	if len(names) != 1 {
		t.Fatalf("%s: calc wasm files %v", dir, names)
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSecondPlanInBrowser: the second, fictional plan of the fixture
// (generator/testdata/plan2) builds with the same WebAssembly, and
// window.policyCalc answers its households byte for byte as calc.Run
// does with its parameters.
func TestSecondPlanInBrowser(t *testing.T) {
	setup(t)
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(build.Options{Content: os.DirFS(filepath.Join(root, "generator", "testdata", "plan2", "content")),
		ContentName: "content", Templates: os.DirFS(filepath.Join(root, "templates")), TemplatesName: "templates", Out: out, Today: Today()})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wasmOf(t, env.dir), wasmOf(t, out)) {
		t.Error("the second plan's calc.wasm differs from the first's")
	}
	pj, err := params.JSON(res.Plan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := calc.ParseParams(pj)
	if err != nil {
		t.Fatal(err)
	}
	srv := Serve(out)
	defer srv.Close()
	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	list := households(p, 100)
	arg, _ := json.Marshal(list)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`window.policyCalcBatch(%s, "2021-01-01")`, arg), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	granted := 0
	for i, facts := range list {
		want := nativeAnswer(facts, p, "2021-01-01")
		if got[i] != want {
			t.Fatalf("household %s:\nbrowser: %s\nnative:  %s", facts, got[i], want)
		}
		if strings.Contains(want, `"benefit":"dibao-allowance-urban"`) {
			granted++
		}
	}
	if granted == 0 {
		t.Error("no household got the second plan's urban allowance")
	}
}
