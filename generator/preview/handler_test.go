package preview

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gyportal/generator/site"
)

// noRedirect is a client that reports redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// request sends method path to the fixture with the Host header host
// ("" keeps the URL's) over a real HTTP client.
func (f *fixture) request(t *testing.T, method, path, host string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.url+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestSecurityHeaders checks that every kind of response carries the
// site's security headers, the CSP among them.
func TestSecurityHeaders(t *testing.T) {
	f := start(t)
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/", 200}, {"GET", "/clauses/3.2.12/", 200}, {"GET", "/robots.txt", 200},
		{"GET", ReloadPath, 200}, {"GET", OverlayCSSPath, 200}, {"GET", "/nowhere/", 404},
		{"GET", "/clauses/3.2.12", 301}, {"HEAD", "/", 200}, {"POST", "/", 405},
	} {
		resp, body := f.request(t, tt.method, tt.path, "")
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, resp.StatusCode, tt.status)
		}
		for _, h := range site.SecurityHeaders {
			if got := resp.Header.Get(h.Name); got != h.Value {
				t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, h.Name, got, h.Value)
			}
		}
		if tt.status == 405 && !strings.Contains(body, "不支持这种请求方法") {
			t.Errorf("405 body %q", body)
		}
	}
	if !strings.Contains(site.CSP, "default-src 'self'") || strings.Contains(site.CSP, "unsafe-inline") {
		t.Errorf("unexpected CSP %q", site.CSP)
	}
}

// TestHostCheck checks the defence against DNS rebinding: only the
// server's own address (or localhost on a loopback address) is served.
func TestHostCheck(t *testing.T) {
	f := start(t)
	u, _ := url.Parse(f.url)
	port := u.Port()
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"localhost:" + port, true},
		{"LocalHost:" + port, true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"127.0.0.1.nip.io:" + port, false},
		{"127.0.0.1:1", false},
		{"127.0.0.1", false}, // port 80 implied
		{"127.0.0.2:" + port, false},
		{"[::1]:" + port, false}, // not the address the connection came in on
		{"", false},
	} {
		for _, path := range []string{"/", EventsPath, "/feed.xml"} {
			if tt.ok && path == EventsPath {
				continue // an open event stream; its refusal is what matters
			}
			host := tt.host
			if host == "" {
				host = " " // an empty Host header
			}
			resp, body := f.request(t, "GET", path, host)
			if tt.ok {
				if resp.StatusCode == http.StatusForbidden {
					t.Errorf("Host %q %s: refused", tt.host, path)
				}
				continue
			}
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "拒绝访问") || !strings.Contains(body, f.url) {
				t.Errorf("Host %q %s: status %d, body %q; want 403 naming %s", tt.host, path, resp.StatusCode, body, f.url)
			}
			if resp.Header.Get("Content-Security-Policy") != site.CSP {
				t.Errorf("Host %q %s: refusal without the CSP", tt.host, path)
			}
		}
	}
}
