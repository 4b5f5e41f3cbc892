package preview

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gyportal/generator/build"
)

// fixture is a preview server over a temporary copy of the real content.
type fixture struct {
	content, out, url string
	srv               *Server
}

// start copies content/ to a temporary directory and serves a preview of
// it on a free port until the test ends.
func start(t testing.TB) *fixture {
	t.Helper()
	tmp := t.TempDir()
	f := &fixture{content: filepath.Join(tmp, "content"), out: filepath.Join(tmp, "public")}
	if err := os.CopyFS(f.content, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	f.srv = New(Config{
		Build: build.Options{
			Content: os.DirFS(f.content), ContentName: "content",
			Templates: os.DirFS("../../templates"), TemplatesName: "templates",
			Out: f.out, Today: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), SkipWasm: true,
		},
		Watch: []string{f.content, "../../templates"},
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln, func(u string) { ready <- u }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	select {
	case f.url = <-ready:
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("preview did not start")
	}
	return f
}

// edit rewrites a content file through a replacement of old by new.
func (f *fixture) edit(t testing.TB, name, old, new string) {
	t.Helper()
	p := filepath.Join(f.content, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get fetches a path of the preview.
func (f *fixture) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(f.url + strings.TrimPrefix(path, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// waitFor polls path until ok accepts its body, for up to 10 s.
func (f *fixture) waitFor(t testing.TB, path, what string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body := f.get(t, path)
		if ok(body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: timed out waiting for %s; last body:\n%s", path, what, body)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

const (
	clauseFile = "measures/3.2.12.toml"
	clausePage = "/clauses/3.2.12/"
	oldTitle   = `title       = "人口计生部门：计划生育家庭特惠机制"`
)

func contains(s string) func(string) bool {
	return func(b string) bool { return strings.Contains(b, s) }
}
func lacks(s string) func(string) bool { return func(b string) bool { return !strings.Contains(b, s) } }
func both(a, b func(string) bool) func(string) bool {
	return func(s string) bool { return a(s) && b(s) }
}

func TestEditBreakFix(t *testing.T) {
	f := start(t)
	status, body := f.get(t, clausePage)
	if status != 200 || !strings.Contains(body, "计划生育家庭特惠机制") {
		t.Fatalf("first page: %d\n%s", status, body)
	}
	if !strings.Contains(body, `data-preview="live-reload"`) || !strings.Contains(body, "data-state=") {
		t.Error("served page lacks the live-reload script or state")
	}

	// A change shows up.
	f.edit(t, clauseFile, oldTitle, `title       = "预览测试新标题一"`)
	f.waitFor(t, clausePage, "the new title", contains("预览测试新标题一"))

	// A broken file: the last good page stays, under an overlay.
	f.edit(t, clauseFile, `title       = "预览测试新标题一"`, `title       = "预览测试新标题二`)
	body = f.waitFor(t, clausePage, "the error overlay", contains(`role="alert"`))
	if !strings.Contains(body, "预览测试新标题一") {
		t.Error("the last good page is not served under the overlay")
	}
	if !strings.Contains(body, "content/measures/3.2.12.toml:2:") || !strings.Contains(body, "预览生成失败") {
		t.Errorf("overlay lacks file:line of the error:\n%s", body)
	}
	if _, home := f.get(t, "/"); !strings.Contains(home, `id="`+OverlayID+`"`) {
		t.Error("the overlay is not on every page")
	}
	if errs := f.srv.Errors(); len(errs) == 0 {
		t.Error("Errors() is empty after a failed build")
	}

	// Fixed: the overlay goes, the new content comes.
	f.edit(t, clauseFile, `title       = "预览测试新标题二`, `title       = "预览测试新标题三"`)
	f.waitFor(t, clausePage, "the fixed page without overlay", both(contains("预览测试新标题三"), lacks(`role="alert"`)))
}

func TestNotFoundAndRedirect(t *testing.T) {
	f := start(t)
	status, body := f.get(t, "/no/such/page/")
	if status != http.StatusNotFound || !strings.Contains(body, "页面未找到") || !strings.Contains(body, "data-state=") {
		t.Errorf("missing page: status %d, body:\n%s", status, body)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(f.url + "clauses/3.2.12")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/clauses/3.2.12/" {
		t.Errorf("directory without slash: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if status, body := f.get(t, "/robots.txt"); status != 200 || strings.Contains(body, "data-state=") {
		t.Errorf("non-HTML file: status %d, injected: %v", status, strings.Contains(body, "data-state="))
	}
}

// TestEventStream reads the reload stream: the current state on connect,
// a new state after a change.
func TestEventStream(t *testing.T) {
	f := start(t)
	resp, err := http.Get(f.url + strings.TrimPrefix(EventsPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				lines <- d
			}
		}
		close(lines)
	}()
	next := func() string {
		select {
		case d := <-lines:
			return d
		case <-time.After(10 * time.Second):
			t.Fatal("no event")
		}
		return ""
	}
	first := next()
	if first != f.srv.State() {
		t.Errorf("first event %q, want state %q", first, f.srv.State())
	}
	f.edit(t, clauseFile, oldTitle, `title       = "事件测试"`)
	if second := next(); second == first {
		t.Errorf("state unchanged after a rebuild: %q", second)
	}
}

// TestScriptOnlyInPreview checks that the reload script comes from
// Options.Preview: a plain build has none of it.
func TestScriptOnlyInPreview(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(build.Options{
		Content: os.DirFS("../../content"), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: out, Today: time.Now(), SkipWasm: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if strings.Contains(string(b), "__preview") || strings.Contains(string(b), "data-preview") {
		t.Error("build output carries the preview script")
	}
}

func TestDebounceCoalescesBursts(t *testing.T) {
	f := start(t)
	before := f.srv.State()
	done := f.srv.NextBuild()
	for i := 0; i < 5; i++ {
		f.edit(t, clauseFile, "人口计生部门要进一步", "人口计生部门要进一步")
	}
	<-done
	time.Sleep(10 * DefaultDebounce)
	// Five quick writes are coalesced: the initial build is generation 1,
	// so one rebuild gives 2 (a very slow machine might need two).
	_, gen, _ := strings.Cut(f.srv.State(), "-")
	if n, _ := strconv.Atoi(gen); n < 2 || n > 3 {
		t.Errorf("after a burst of 5 writes: generation %s (before %s), want one rebuild", gen, before)
	}
}
