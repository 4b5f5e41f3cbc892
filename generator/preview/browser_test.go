package preview

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gyportal/generator/site"
)

// chromiumPath is where the test browser is installed.
const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium with a fresh profile for the test.
// Without Chromium the test is skipped, unless CI is set: there it fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not found; skipping the browser test (set CI to make this a failure)", chromiumPath)
		}
		t.Fatalf("CI is set but %s is missing: %v", chromiumPath, err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}
	return ctx
}

// poll evaluates a boolean expression in the page until it is true.
func poll(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (last error: %v)", what, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// recordViolations makes every document record the Content-Security-
// Policy violations it reports, in window.cspViolations.
const recordViolations = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  // The data: favicon of base.html is the frontend's to move to static/.
  if (e.effectiveDirective === "img-src" && e.blockedURI === "data") return;
  window.cspViolations.push(e.effectiveDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});`

// TestBrowserReloads opens a clause page in Chromium, edits the content
// and checks that the page reloads by itself (a marker set on the old
// window is gone, the new title is there) without the test navigating;
// then breaks the file and sees the overlay, hides it, and fixes it. The
// pages are served with the site's Content-Security-Policy as a header:
// what the preview injects reports no violation and works under it.
func TestBrowserReloads(t *testing.T) {
	ctx := browser(t)
	f := start(t)
	csp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", site.CSP)
		f.srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { csp.CloseClientConnections(); csp.Close() }) // the event stream stays open
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(csp.URL+clausePage)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the page to load", `document.readyState === "complete"`)
	for deadline := time.Now().Add(10 * time.Second); f.srv.Clients() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page did not open the reload stream")
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.testMarker = true`)); err != nil {
		t.Fatal(err)
	}

	f.edit(t, clauseFile, oldTitle, `title       = "浏览器自动刷新"`)
	poll(t, ctx, "the reloaded page", `window.testMarker === undefined && document.querySelector("h1").textContent.includes("浏览器自动刷新")`)

	chromedp.Run(ctx, chromedp.Evaluate[bool](`window.testMarker = true`))
	f.edit(t, clauseFile, `title       = "浏览器自动刷新"`, `title       = "浏览器自动刷新`)
	poll(t, ctx, "the error overlay", `window.testMarker === undefined && !!document.querySelector('[role="alert"]#`+OverlayID+`') &&
		document.querySelector('[role="alert"]').textContent.includes("3.2.12.toml:2:")`)
	poll(t, ctx, "the overlay styled by its stylesheet", `getComputedStyle(document.getElementById("`+OverlayID+`")).position === "fixed"`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(OverlayID+"-hide"))); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the overlay hidden by its button", `document.getElementById("`+OverlayID+`").hidden && getComputedStyle(document.getElementById("`+OverlayID+`")).display === "none"`)
	noViolations(t, ctx)

	f.edit(t, clauseFile, `title       = "浏览器自动刷新`, `title       = "浏览器修好了"`)
	poll(t, ctx, "the fixed page", `!document.querySelector('[role="alert"]') && document.querySelector("h1").textContent.includes("浏览器修好了")`)
	noViolations(t, ctx)
}

// noViolations fails the test if the page reported CSP violations.
func noViolations(t *testing.T, ctx context.Context) {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.cspViolations || ["no recorder"]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", v)
	}
}
