package preview

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// TestBrowserReloads opens a clause page in Chromium, edits the content
// and checks that the page reloads by itself (a marker set on the old
// window is gone, the new title is there) without the test navigating;
// then breaks the file and sees the overlay, and fixes it.
func TestBrowserReloads(t *testing.T) {
	ctx := browser(t)
	f := start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+strings.TrimPrefix(clausePage, "/"))); err != nil {
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

	f.edit(t, clauseFile, `title       = "浏览器自动刷新`, `title       = "浏览器修好了"`)
	poll(t, ctx, "the fixed page", `!document.querySelector('[role="alert"]') && document.querySelector("h1").textContent.includes("浏览器修好了")`)
}
