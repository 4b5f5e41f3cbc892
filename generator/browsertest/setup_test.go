package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gyportal/generator/build"
)

// env is the built site, its server and the browser, shared by the tests
// and set up by the first test that needs them.
var env struct {
	once    sync.Once
	err     error
	dir     string // the built site
	url     string // its server, http://127.0.0.1:port
	result  *build.Result
	browser context.Context
	stop    func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if env.stop != nil {
		env.stop()
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

// setup builds and serves the site and starts Chromium, once.
func setup(t *testing.T) {
	t.Helper()
	chromium, err := Chromium()
	need(t, err)
	env.once.Do(func() {
		root, err := Root()
		if err != nil {
			env.err = err
			return
		}
		tmp, err := os.MkdirTemp("", "gyportal-browsertest-")
		if err != nil {
			env.err = err
			return
		}
		env.dir = filepath.Join(tmp, "public")
		start := time.Now()
		if env.result, env.err = BuildSite(root, env.dir); env.err != nil {
			return
		}
		t.Logf("built the site in %s", time.Since(start).Round(time.Millisecond))
		srv := Serve(env.dir)
		env.url = srv.URL
		ctx, cancel := NewBrowser(context.Background(), chromium, filepath.Join(tmp, "profile"))
		if env.err = chromedp.Do(ctx); env.err != nil { // launch it
			cancel()
			return
		}
		env.browser = ctx
		env.stop = func() { cancel(); srv.Close(); os.RemoveAll(tmp) }
	})
	if env.err != nil {
		t.Fatal(env.err)
	}
}

// tab opens a new tab; it closes when the test ends.
func tab(t *testing.T) context.Context {
	t.Helper()
	setup(t)
	ctx, cancel := chromedp.NewContext(env.browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // open the tab without a deadline
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelT)
	return ctx
}

// java returns the java command, or an error when it is missing.
func java() (string, error) {
	return exec.LookPath("java")
}
