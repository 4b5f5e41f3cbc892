package preview

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"gyportal/generator/site"
)

// FuzzHandler sends arbitrary paths (and Host headers) to the preview's
// handler: no panic, a known status, the security headers always, and a
// redirect only to a path within the site.
// Run: go test -run='^$' -fuzz=FuzzHandler -fuzztime=60s ./generator/preview/
func FuzzHandler(f *testing.F) {
	fx := start(f)
	u, _ := url.Parse(fx.url)
	local, err := net.ResolveTCPAddr("tcp", u.Host)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range []string{"/", "/clauses/3.2.12", "/clauses/3.2.12/", "/../../etc/passwd", "//evil.example/",
		"/%2e%2e/", "/clauses/3.2.12/index.html", "/nowhere", "/assets/", ReloadPath, "/\x00", "/search/?q=<script>"} {
		f.Add(p, "") // "": the server's own address (each fuzz process has its own port)
	}
	f.Add("/", "evil.example")
	f.Fuzz(func(t *testing.T, p, host string) {
		if strings.HasPrefix(p, EventsPath) {
			return // an event stream stays open
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL = &url.URL{Path: p}
		req.Host = host
		if host == "" {
			req.Host = u.Host
		}
		req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, net.Addr(local)))
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 301, 403, 404:
		default:
			t.Fatalf("path %q host %q: status %d", p, host, rec.Code)
		}
		for _, h := range site.SecurityHeaders {
			if rec.Header().Get(h.Name) != h.Value {
				t.Fatalf("path %q: %s missing", p, h.Name)
			}
		}
		if loc := rec.Header().Get("Location"); rec.Code == 301 && !inSite(loc) {
			t.Fatalf("path %q: redirect to %q leaves the site", p, loc)
		}
		if rec.Code == 200 && !ownHost(req) {
			t.Fatalf("host %q served", host)
		}
	})
}

// inSite reports whether a redirect target is a path of this site: it
// starts with one slash (not "//" or "/\\", which browsers read as
// another host) and has no scheme or host.
func inSite(loc string) bool {
	u, err := url.Parse(loc)
	return err == nil && strings.HasPrefix(loc, "/") && !strings.HasPrefix(loc, "//") &&
		!strings.HasPrefix(loc, "/\\") && u.Scheme == "" && u.Host == ""
}
