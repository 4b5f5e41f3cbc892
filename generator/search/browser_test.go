package search_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
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
// status line, an empty #search-results and the script. It records
// script errors.
const searchPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<script>window.errors = []; addEventListener("error", e => errors.push(String(e.message)));
addEventListener("unhandledrejection", e => errors.push(String(e.reason)));</script>
<script src="%s" defer></script></head>
<body><form action="/search/" method="get" role="search"><input name="q" type="search"><button>搜索</button></form>
<p id="search-status" role="status" aria-live="polite"></p><div id="search-results"></div></body></html>`

// countingServer serves dir and counts the bytes of every response.
type countingServer struct {
	mu    sync.Mutex
	paths []string
	bytes map[string]int
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

func (s *countingServer) handler(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		fs.ServeHTTP(cw, r)
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.bytes[r.URL.Path] = cw.n
		s.mu.Unlock()
	})
}

// take returns the requests since the last call and their bytes.
func (s *countingServer) take() ([]string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	paths, n := s.paths, 0
	for _, p := range paths {
		n += s.bytes[p]
	}
	s.paths = nil
	return paths, n
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

// TestBrowser serves a small site with the fixture index on 127.0.0.1,
// types a query into the form in headless Chromium, waits for the results
// and follows the first link.
func TestBrowser(t *testing.T) {
	chromium := needTool(t, "chromium", "/usr/bin/chromium")
	docs, syn := searchtest.MustFixture()
	dir := t.TempDir()
	a, err := search.Write(dir, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "search", "index.html"), fmt.Appendf(nil, searchPage, a.Script), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		p := filepath.Join(dir, filepath.FromSlash(d.URL), "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		page := fmt.Sprintf(`<!doctype html><meta charset="utf-8"><title>%s</title><h1>%[1]s</h1>`, d.Title)
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cs := &countingServer{bytes: map[string]int{}}
	ts := httptest.NewServer(cs.handler(dir))
	defer ts.Close()

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
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // start the browser, without a deadline
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()

	// Type a query into the form, as a resident does.
	first := `#search-results ol > li a`
	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/search/"),
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
	checkPage(t, ctx, ts.URL, cs)

	// Follow the first link.
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(first)), chromedp.WaitVisible(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/clauses/3.2.12/") {
		t.Errorf("the first link led to %s", loc)
	}
	cs.take()

	// More queries by URL: mixed, synonym, long document, nothing found.
	for _, c := range []struct{ q, want string }{
		{"低保 8000", "/clauses/3.2.8/"},
		{"独生女", "/clauses/3.2.8/"},
		{"3.2.12", "/clauses/3.2.12/"},
		{"科学储粮", "/clauses/3.2.15/"},
		{"火星移民", ""},
	} {
		err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/search/?q="+url.QueryEscape(c.q)))
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
		switch {
		case c.want == "" && len(items) > 0:
			t.Errorf("%s: got %d results, want none", c.q, len(items))
		case c.want == "":
			status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-status")))
			if !strings.Contains(status, "没有找到") {
				t.Errorf("%s: status %q", c.q, status)
			}
		case len(items) == 0 || !strings.HasSuffix(items[0].Href, c.want):
			t.Errorf("%s: first result %+v, want %s", c.q, items, c.want)
		}
		checkPage(t, ctx, ts.URL, cs)
	}
}

// checkPage fails on script errors and on requests to other hosts, and
// logs what the page fetched.
func checkPage(t *testing.T, ctx context.Context, origin string, cs *countingServer) {
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
	paths, n := cs.take()
	t.Logf("%s: %d requests, %d bytes (page, script, meta, index)", loc, len(paths), n)
}
