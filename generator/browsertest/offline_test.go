package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// keptJS waits (up to 60 s) until the service worker controls the page
// and its cache holds the calculator's WebAssembly and the page itself;
// it returns the names of the portal's caches.
const keptJS = `(async () => {
  const until = Date.now() + 60000;
  for (;;) {
    const keys = (await caches.keys()).filter(k => k.startsWith("gyportal-"));
    let ok = !!navigator.serviceWorker.controller && keys.length > 0;
    if (ok) {
      const c = await caches.open(keys[0]), reqs = (await c.keys()).map(r => new URL(r.url).pathname);
      ok = reqs.some(p => /^\/assets\/calc\.[0-9a-f]+\.wasm$/.test(p)) && reqs.includes(location.pathname);
    }
    if (ok) return keys;
    if (Date.now() > until) return ["timeout"];
    await new Promise(r => setTimeout(r, 100));
  }
})()`

// TestOffline: a resident opens a clause page and the calculator once;
// then the site is unreachable. Both open again, and the calculator
// answers another family from the answers in its URL; a page never
// opened says plainly that it needs a network. A new build (another
// sw.js) replaces what was kept: one cache, the new build's.
func TestOffline(t *testing.T) {
	setup(t)
	var down atomic.Bool
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(env.dir)); err != nil {
		t.Fatal(err)
	}
	files := Handler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down.Load() { // as a lost signal: the connection fails
			if hj, ok := w.(http.Hijacker); ok {
				if c, _, err := hj.Hijack(); err == nil {
					c.Close()
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := tab(t, chromedp.WithNewBrowserContext())
	do(t, ctx, viewport(phoneW, phoneH), chromedp.Navigate(srv.URL+"/clauses/3.2.4/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if keys := eval[[]string](t, ctx, keptJS); len(keys) != 1 || keys[0] == "timeout" {
		t.Fatalf("after the first visit the caches are %v, want one holding the calculator and the page", keys)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/calculator/?"+results[1]), chromedp.WaitVisible(chromedp.ID("calc-result")))
	// Chromium reads the manifest without error and finds nothing that
	// stops the portal being installed (添加到主屏幕) but the test's own
	// private browser context.
	installable := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		m, err := cdp.Call(ctx, tg, page.GetAppManifest, page.GetAppManifestParams{})
		if err != nil {
			return err
		}
		if !strings.HasSuffix(m.URL, "/manifest.webmanifest") || len(m.Errors) > 0 || m.Manifest == nil {
			t.Errorf("manifest %s: errors %v", m.URL, m.Errors)
		}
		res, err := cdp.Call(ctx, tg, page.GetInstallabilityErrors, cdp.Empty{})
		if err != nil {
			return err
		}
		for _, e := range res.InstallabilityErrors {
			if e.ErrorID != "in-incognito" {
				t.Errorf("not installable: %s", e.ErrorID)
			}
		}
		return nil
	})
	do(t, ctx, installable)

	down.Store(true)
	if _, err := http.Get(srv.URL + "/"); err == nil {
		t.Fatal("the server still answers")
	}
	want := expected(t, results[0])
	do(t, ctx, chromedp.Navigate(srv.URL+"/calculator/?"+results[0]), chromedp.WaitVisible(chromedp.ID("calc-result")))
	got := eval[shown](t, ctx, shownJS)
	if strings.Join(got.Totals, "|") != strings.Join(want.totals, "|") || len(got.Titles) != len(want.cash) {
		t.Errorf("offline answer: totals %q, cash %q; want %q, %q", got.Totals, got.Titles, want.totals, want.cash)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/clauses/3.2.4/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h, "3.2.4") {
		t.Errorf("offline clause page shows %q", h)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/updates/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(h, "没有网络") {
		t.Errorf("a page never opened shows offline %q", h)
	}

	// A new build: another sw.js (as another build's files make). Once it
	// has taken over, only its cache is left.
	down.Store(false)
	sw := filepath.Join(dir, "sw.js")
	data, err := os.ReadFile(sw)
	if err != nil {
		t.Fatal(err)
	}
	next := strings.Replace(string(data), `"cache":"gyportal-`, `"cache":"gyportal-next`, 1)
	os.Remove(sw + ".gz")
	os.Remove(sw + ".br")
	if err := os.WriteFile(sw, []byte(next), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/calculator/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	keys := eval[[]string](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => new Promise(r => setTimeout(r, 50))).then(async () => {
	  for (let i = 0; i < 300; i++) {
	    const keys = (await caches.keys()).filter(k => k.startsWith("gyportal-"));
	    if (keys.length === 1 && keys[0].startsWith("gyportal-next")) return keys;
	    await new Promise(r => setTimeout(r, 100));
	  }
	  return caches.keys();
	})`)
	if len(keys) != 1 || !strings.HasPrefix(keys[0], "gyportal-next") {
		t.Errorf("after a new build the caches are %v, want only the new build's", keys)
	}
}
