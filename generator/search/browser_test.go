package search_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// searchPage stands in for the site's /search/ template: a GET form, a
// status line, an empty #search-results and the script; errors.js records
// script errors and CSP violations. The servers send a strict CSP.
const searchPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<script src="/search/errors.js"></script>
<script src="%s" defer></script></head>
<body><form action="/search/" method="get" role="search"><input name="q" type="search"><button>搜索</button></form>
<p id="search-status" role="status" aria-live="polite"></p><div id="search-results"></div></body></html>`

const errorsJS = `window.errors = [];
addEventListener("error", function (e) { errors.push(String(e.message)); });
addEventListener("unhandledrejection", function (e) { errors.push(String(e.reason)); });
document.addEventListener("securitypolicyviolation", function (e) { errors.push("CSP: " + e.violatedDirective + " " + e.blockedURI); });`

// csp is the policy of the site's pages (generator/site), without the
// wasm allowance the calculator needs.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// countingServer serves dir and counts requests, bytes and answers to
// Range requests.
type countingServer struct {
	mu      sync.Mutex
	paths   []string
	bytes   int
	ranged  int // requests with a Range header
	partial int // 206 answers
}

type countingWriter struct {
	http.ResponseWriter
	n      int
	status int
}

func (w *countingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// handler serves dir with http.FileServer, which honours Range; with
// ignoreRange it drops the Range header first, as some servers do.
func (s *countingServer) handler(dir string, ignoreRange bool) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		ranged := r.Header.Get("Range") != ""
		if ignoreRange {
			r.Header.Del("Range")
		}
		cw := &countingWriter{ResponseWriter: w, status: 200}
		fs.ServeHTTP(cw, r)
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.bytes += cw.n
		if ranged {
			s.ranged++
		}
		if cw.status == http.StatusPartialContent {
			s.partial++
		}
		s.mu.Unlock()
	})
}

// take returns the requests since the last call, their bytes and how
// many Range requests were answered with 206.
func (s *countingServer) take() (paths []string, n, ranged, partial int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	paths, n, ranged, partial = s.paths, s.bytes, s.ranged, s.partial
	s.paths, s.bytes, s.ranged, s.partial = nil, 0, 0, 0
	return
}

type resultItem struct {
	Href, Title, Dept, Snippet string
	Marks                      []string
}

const readResults = `[...document.querySelectorAll("#search-results ol > li")].map(li => ({
	Href: li.querySelector("a").href,
	Title: li.querySelector("a").textContent,
	Dept: (li.querySelector(".search-dept") || {}).textContent || "",
	Snippet: li.querySelector(".search-snippet").textContent,
	Marks: [...li.querySelectorAll("mark")].map(m => m.textContent),
}))`

// writeSite writes a small site with the fixture index: the search page
// and a page per document.
func writeSite(t *testing.T) string {
	docs, syn := searchtest.MustFixture()
	dir := t.TempDir()
	a, err := search.Write(dir, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"search/index.html": fmt.Sprintf(searchPage, a.Script),
		"search/errors.js":  errorsJS,
	}
	for _, d := range docs {
		files[strings.TrimPrefix(d.URL, "/")+"index.html"] =
			fmt.Sprintf(`<!doctype html><meta charset="utf-8"><title>%s</title><h1>%[1]s</h1>`, d.Title)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrowser serves a small site with the fixture index on 127.0.0.1,
// types a query into the form in headless Chromium, waits for the results
// and follows the first link; then runs more queries by URL. It runs
// against a server that honours Range (net/http's FileServer, as the
// preview serves), one that ignores it, and Python's http.server (which
// ignores it too) when python3 is installed.
func TestBrowser(t *testing.T) {
	chromium := needTool(t, "chromium", "/usr/bin/chromium")
	dir := writeSite(t)
	ctx := newBrowser(t, chromium)
	t.Run("range", func(t *testing.T) {
		cs := &countingServer{}
		ts := httptest.NewServer(cs.handler(dir, false))
		defer ts.Close()
		browse(t, ctx, ts.URL, cs, true)
	})
	t.Run("no-range", func(t *testing.T) {
		cs := &countingServer{}
		ts := httptest.NewServer(cs.handler(dir, true))
		defer ts.Close()
		browse(t, ctx, ts.URL, cs, false)
	})
	t.Run("python-http.server", func(t *testing.T) {
		python, err := exec.LookPath("python3")
		if err != nil {
			t.Skip("python3 is not installed; the Go server that ignores Range covers the fallback")
		}
		origin := pythonServer(t, python, dir)
		browse(t, ctx, origin, nil, false)
	})
}

// newBrowser starts headless Chromium for the test.
func newBrowser(t *testing.T, chromium string) context.Context {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // start the browser, without a deadline
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	return ctx
}

// pythonServer serves dir with python3 -m http.server on a free port and
// returns its origin.
func pythonServer(t *testing.T, python, dir string) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(python, "-m", "http.server", "--bind", "127.0.0.1", "--directory", dir, fmt.Sprint(port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	origin := fmt.Sprintf("http://127.0.0.1:%d", port)
	for range 100 {
		if resp, err := http.Get(origin + "/search/"); err == nil {
			resp.Body.Close()
			return origin
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("python3 -m http.server did not start")
	return ""
}

// browse runs the user path against origin.
func browse(t *testing.T, ctx context.Context, origin string, cs *countingServer, wantRanges bool) {
	first := `#search-results ol > li a`
	err := chromedp.Do(ctx,
		chromedp.Navigate(origin+"/search/"),
		chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "失独"),
		chromedp.Submit(chromedp.CSS("form")),
		chromedp.WaitVisible(chromedp.CSS(first)),
	)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if u, _ := url.Parse(loc); u.Query().Get("q") != "失独" {
		t.Errorf("location %s, want ?q=失独", loc)
	}
	items, err := chromedp.Run(ctx, chromedp.Evaluate[[]resultItem](readResults))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 || !strings.HasSuffix(items[0].Href, "/clauses/3.2.12/") {
		t.Fatalf("first result %+v, want /clauses/3.2.12/", items)
	}
	if items[0].Dept == "" || !strings.Contains(items[0].Snippet, "失独") || len(items[0].Marks) == 0 || items[0].Marks[0] != "失独" {
		t.Errorf("first result lacks department, snippet or highlight: %+v", items[0])
	}
	value, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`input[name="q"]`)))
	if value != "失独" {
		t.Errorf("search box holds %q after the search", value)
	}
	checkPage(t, ctx, origin, cs, wantRanges)

	// Follow the first link.
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(first)), chromedp.WaitVisible(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	if loc, _ = chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/clauses/3.2.12/") {
		t.Errorf("the first link led to %s", loc)
	}
	if cs != nil {
		cs.take()
	}

	// More queries by URL: spaced words, synonym, a clause number, a long
	// document, a resident's question, nothing found, a crafted notice.
	for _, c := range []struct{ q, want, status string }{
		{"独女户 8000", "/clauses/3.2.8/", "搜索：“独女户 8000”，找到 "},
		{"独生女", "/clauses/3.2.8/", "，找到 "},
		{"3.2.12", "/clauses/3.2.12/", "，找到 "},
		{"科学储粮", "/clauses/3.2.15/", "，找到 "},
		{"抚慰金怎么领", "/clauses/3.2.12/", "搜索：“抚慰金怎么领”，找到 "},
		{"火星探险", "", "搜索：“火星探险”，没有找到相关内容。"},
		{notice, "", "搜索：“" + string([]rune(notice)[:40]) + "…”，"},
	} {
		err := chromedp.Do(ctx, chromedp.Navigate(origin+"/search/?q="+url.QueryEscape(c.q)))
		if err == nil {
			_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("search-status").textContent !== ""`,
				chromedp.WithPollingInterval(50*time.Millisecond)))
		}
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		items, err := chromedp.Run(ctx, chromedp.Evaluate[[]resultItem](readResults))
		if err != nil {
			t.Fatal(err)
		}
		status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-status")))
		switch {
		case c.want == "" && len(items) > 0 && !strings.Contains(status, "部分匹配"):
			t.Errorf("%s: got %d results, want none or partial ones", c.q, len(items))
		case c.want != "" && (len(items) == 0 || !strings.HasSuffix(items[0].Href, c.want)):
			t.Errorf("%s: first result %+v, want %s", c.q, items, c.want)
		}
		if !strings.HasPrefix(status, "搜索：“") || !strings.Contains(status, c.status) {
			t.Errorf("%s: status %q, want it to contain %q", c.q, status, c.status)
		}
		checkPage(t, ctx, origin, cs, wantRanges)
	}
}

// notice is a crafted query that tries to pass for an official notice.
const notice = "紧急通知：您的补贴已冻结，请立即拨打4001234567并提供银行卡号和验证码办理解冻手续\u202e"

// checkPage fails on script errors, CSP violations and requests to other
// hosts, checks that index reads were (or were not) answered as ranges,
// and logs what the page fetched.
func checkPage(t *testing.T, ctx context.Context, origin string, cs *countingServer, wantRanges bool) {
	t.Helper()
	errs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.errors || []`))
	if err != nil || len(errs) > 0 {
		t.Errorf("script errors: %v %v", errs, err)
	}
	urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`performance.getEntriesByType("resource").map(e => e.name)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, origin+"/") {
			t.Errorf("request to another origin: %s", u)
		}
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if cs == nil {
		t.Logf("%s: %d resources", loc, len(urls))
		return
	}
	paths, n, ranged, partial := cs.take()
	switch {
	case wantRanges && (ranged == 0 || partial != ranged):
		t.Errorf("%s: %d Range requests, %d answered 206", loc, ranged, partial)
	case !wantRanges && partial > 0:
		t.Errorf("%s: %d ranges answered by a server that ignores Range", loc, partial)
	}
	t.Logf("%s: %d requests (%d ranges), %d bytes (page, script, meta, index)", loc, len(paths), ranged, n)
}
