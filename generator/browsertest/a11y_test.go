package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageKind is one kind of page and how to reach a state of it.
type pageKind struct {
	name string
	path string // URL path
	// ready, when set, is run after loading (e.g. to show the answer).
	ready []chromedp.Action[chromedp.Void]
}

// pageKinds lists every page kind, and the calculator's states.
func pageKinds(t *testing.T) []pageKind {
	pl := env.result.Plan
	if len(pl.Clauses) == 0 || len(pl.Departments) == 0 || len(pl.Groups) == 0 {
		t.Fatal("the built plan has no clause, department or group")
	}
	submit := chromedp.Click(chromedp.CSS(`#calc-form button[type=submit]`))
	return []pageKind{
		{name: "home", path: "/"},
		{name: "clause", path: "/clauses/" + pl.Clauses[len(pl.Clauses)/2].ID + "/"},
		{name: "department", path: "/departments/" + pl.Departments[0].ID + "/"},
		{name: "group", path: "/groups/" + pl.Groups[0].ID + "/"},
		{name: "full", path: "/full/"},
		{name: "search", path: "/search/"},
		{name: "search-results", path: "/search/?q=%E5%A4%B1%E7%8B%AC", ready: []chromedp.Action[chromedp.Void]{chromedp.Sleep(500e6)}},
		{name: "calculator", path: "/calculator/"},
		{name: "calculator-errors", path: "/calculator/", ready: []chromedp.Action[chromedp.Void]{submit, chromedp.WaitVisible(chromedp.ID("calc-errors"))}},
		{name: "calculator-result", path: "/calculator/?hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=junior&disabled_parent=1",
			ready: []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.ID("calc-result"))}},
		{name: "updates", path: "/updates/"},
		{name: "open-data", path: "/open-data/"},
		{name: "404", path: "/no-such-page/"},
	}
}

// modes are the two ways a page can look: standard, and 长辈模式.
var modes = []string{"standard", "elder"}

// modeTab opens a tab of its own (own storage) in a mode.
func modeTab(t *testing.T, mode string) context.Context {
	t.Helper()
	ctx := tab(t, chromedp.WithNewBrowserContext())
	if mode == "elder" {
		do(t, ctx, chromedp.Navigate(env.url+"/"), chromedp.Evaluate[chromedp.Void](`localStorage.setItem("gy-elder", "1")`))
	}
	return ctx
}

// TestAccessibility injects axe-core into every page kind, in both modes,
// and requires zero violations (WCAG 2.x A and AA and axe's best
// practices).
func TestAccessibility(t *testing.T) {
	axe, err := NodeModule(".", "axe-core/axe.min.js")
	need(t, err)
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	setup(t)
	for _, mode := range modes {
		ctx := modeTab(t, mode) // one tab per mode: fewer browser contexts
		for _, k := range pageKinds(t) {
			t.Run(mode+"/"+k.name, func(t *testing.T) { axePage(t, ctx, k, string(src)) })
		}
	}
}

// axePage runs axe-core on one page kind in the tab.
func axePage(t *testing.T, ctx context.Context, k pageKind, src string) {
	steps := append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(env.url + k.path)}, k.ready...)
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var vs []struct {
		ID, Impact, Help string
		Nodes            []struct{ HTML string }
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, n.HTML)
		}
		t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(nodes, "\n  "))
	}
}

// TestReflow checks that no page kind scrolls sideways at 320 CSS pixels,
// the width of a 1280-pixel window at 400% zoom (WCAG 1.4.10), so 200%
// zoom on a phone or a desktop reads without sideways scrolling.
func TestReflow(t *testing.T) {
	setup(t)
	for _, k := range pageKinds(t) {
		ctx := tab(t)
		steps := append([]chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(320, 640), chromedp.Navigate(env.url + k.path)}, k.ready...)
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if w > 320 {
			t.Errorf("%s: page is %d px wide at a 320 px viewport", k.name, w)
		}
	}
}

// snapshot writes the tab's document as it is now to file.
func snapshot(t *testing.T, ctx context.Context, file string) string {
	t.Helper()
	html := eval[string](t, ctx, `"<!DOCTYPE html>\n" + document.documentElement.outerHTML`)
	if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestHTMLValid runs the Nu HTML Checker on every page kind: the built
// files, and the calculator's pages as the browser shows them with an
// answer and with errors.
func TestHTMLValid(t *testing.T) {
	jar, err := NodeModule(".", "vnu-jar/build/dist/vnu.jar")
	need(t, err)
	javaBin, err := java()
	need(t, err)
	setup(t)
	tmp := t.TempDir()
	var files []string
	elder, plain := modeTab(t, "elder"), tab(t)
	for _, k := range pageKinds(t) {
		// 长辈模式 changes the DOM (a class, aria-pressed): check it as shown.
		do(t, elder, append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(env.url + k.path)}, k.ready...)...)
		files = append(files, snapshot(t, elder, filepath.Join(tmp, "elder-"+k.name+".html")))
		switch {
		case k.name == "404":
			files = append(files, filepath.Join(env.dir, "404.html"))
		case k.ready == nil:
			files = append(files, filepath.Join(env.dir, filepath.FromSlash(strings.TrimPrefix(k.path, "/")), "index.html"))
		default: // the calculator's states and search results, as the browser shows them
			do(t, plain, append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(env.url + k.path)}, k.ready...)...)
			files = append(files, snapshot(t, plain, filepath.Join(tmp, k.name+".html")))
		}
	}
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)
	cmd := exec.Command(javaBin, args...)
	out, _ := cmd.CombinedOutput() // exit status 1 when it finds errors
	var rep struct {
		Messages []struct {
			URL, Type, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("vnu output: %v\n%s", err, out)
	}
	for _, m := range rep.Messages {
		t.Errorf("%s:%d: %s: %s\n  %s", filepath.Base(filepath.Dir(m.URL))+"/"+filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
	t.Log(fmt.Sprintf("checked %d pages", len(files)))
}
