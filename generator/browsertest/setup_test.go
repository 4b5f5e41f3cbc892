package browsertest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gyportal/generator/build"
)

// env is the built site, its server and the browser, shared by every test
// of the package: the site is built once, Chromium started once.
var env struct {
	buildOnce sync.Once
	buildErr  error
	tmp       string        // holds the site and the browser profile
	dir       string        // the built site
	result    *build.Result // its plan
	srv       *httptest.Server
	url       string // the server, http://127.0.0.1:port

	once    sync.Once
	err     error
	browser context.Context
	stop    func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if env.stop != nil {
		env.stop()
	}
	if env.srv != nil {
		env.srv.Close()
	}
	if env.tmp != "" {
		os.RemoveAll(env.tmp)
	}
	os.Exit(code)
}

// need skips the test (or, when CI is set, fails it) for a missing tool.
func need(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set and a browser test tool is missing: %v", err)
	}
	t.Skipf("skipping: %v (set CI=1 to make this a failure)", err)
}

// built builds the project's site once (calculator included) and serves
// it; tests that read files only need no browser.
func built(t *testing.T) {
	t.Helper()
	env.buildOnce.Do(func() {
		root, err := Root()
		if err != nil {
			env.buildErr = err
			return
		}
		if env.tmp, env.buildErr = os.MkdirTemp("", "gyportal-browsertest-"); env.buildErr != nil {
			return
		}
		env.dir = filepath.Join(env.tmp, "public")
		start := time.Now()
		if env.result, env.buildErr = BuildSite(root, env.dir); env.buildErr != nil {
			return
		}
		t.Logf("built the site in %s", time.Since(start).Round(time.Millisecond))
		env.srv = Serve(env.dir)
		env.url = env.srv.URL
	})
	if env.buildErr != nil {
		t.Fatal(env.buildErr)
	}
}

// setup builds and serves the site and starts Chromium, once.
func setup(t *testing.T) {
	t.Helper()
	chromium, err := Chromium()
	need(t, err)
	built(t)
	env.once.Do(func() {
		ctx, cancel := NewBrowser(context.Background(), chromium, filepath.Join(env.tmp, "profile"))
		if env.err = chromedp.Do(ctx); env.err != nil { // launch it
			cancel()
			return
		}
		env.browser = ctx
		env.stop = cancel
	})
	if env.err != nil {
		t.Fatal(env.err)
	}
}

// cspReport is run in every document before the page's own scripts: it
// turns each Content-Security-Policy violation into a console error that
// the tab's watcher collects.
const cspReport = `document.addEventListener("securitypolicyviolation", e =>
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
    " at " + e.sourceFile + ":" + e.lineNumber));`

// tab opens a new tab; it closes when the test ends. With
// chromedp.WithNewBrowserContext() it has its own storage (cookies,
// localStorage), as a fresh visitor does. Every page the tab loads is
// watched for Content-Security-Policy violations, which fail the test:
// so every browser test runs under the site's policy.
func tab(t *testing.T, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	ctx, csp := watchedTab(t, opts...)
	t.Cleanup(func() { // runs before the tab closes
		for _, v := range csp.list() {
			t.Error(v)
		}
	})
	return ctx
}

// cspLog collects the violations a tab reports.
type cspLog struct {
	mu   sync.Mutex
	seen []string
}

func (l *cspLog) add(v string) {
	l.mu.Lock()
	l.seen = append(l.seen, v)
	l.mu.Unlock()
}

func (l *cspLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.seen...)
}

// violation is the CSP violation an event reports, or "".
func violation(ev any) string {
	var text string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if len(e.Args) > 0 {
			json.Unmarshal(e.Args[0].Value, &text) // not a string: stays ""
		}
	case *log.EventEntryAdded:
		if e.Entry != nil && e.Entry.Source == log.EntrySourceSecurity && strings.Contains(e.Entry.Text, "Content Security Policy") {
			text = "CSP violation: " + e.Entry.Text
		}
	}
	if strings.HasPrefix(text, "CSP violation: ") {
		return text
	}
	return ""
}

// watchedTab opens a tab whose CSP violations go to the returned log.
func watchedTab(t *testing.T, opts ...chromedp.ContextOption) (context.Context, *cspLog) {
	t.Helper()
	setup(t)
	ctx, cancel := chromedp.NewContext(env.browser, opts...)
	t.Cleanup(cancel)
	csp := &cspLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		if v := violation(ev); v != "" {
			csp.add(v)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	report := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspReport})
		return err
	})
	if err := chromedp.Do(ctx, report); err != nil { // opens the tab without a deadline
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelT)
	return ctx, csp
}

// java returns the java command, or an error when it is missing.
func java() (string, error) {
	return exec.LookPath("java")
}
