package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// swBuild reads the BUILD line of a built sw.js.
func swBuild(t *testing.T, out string) (cache string, core []string) {
	t.Helper()
	sw := read(t, filepath.Join(out, "sw.js"))
	line, _, _ := strings.Cut(sw, "\n")
	var b struct {
		Cache string   `json:"cache"`
		Core  []string `json:"core"`
	}
	js, ok := strings.CutPrefix(line, "var BUILD = ")
	if !ok || json.Unmarshal([]byte(strings.TrimSuffix(js, ";")), &b) != nil {
		t.Fatalf("sw.js starts %q, want var BUILD = {…};", line)
	}
	if !strings.Contains(sw, "self.addEventListener('fetch'") {
		t.Error("sw.js lacks the worker's code")
	}
	return b.Cache, b.Core
}

// TestServiceWorker: the build writes /sw.js, whose list of files to keep
// holds the calculator's page and every file it loads, by the hashed
// names the page uses, and the manifest and its icons, all of them
// built; its cache is named by their contents, so another build of other
// files is another cache, and the pages link the manifest.
func TestServiceWorker(t *testing.T) {
	out := build(t, fixture)
	cache, core := swBuild(t, out)
	if !regexp.MustCompile(`^gyportal-[0-9a-f]{12}$`).MatchString(cache) {
		t.Errorf("cache name %q", cache)
	}
	keep := map[string]bool{}
	for _, u := range core {
		keep[u] = true
		file := filepath.Join(out, filepath.FromSlash(u))
		if strings.HasSuffix(u, "/") {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("sw.js keeps %s, which the build did not write", u)
		}
	}
	page := read(t, filepath.Join(out, "calculator", "index.html"))
	loads := regexp.MustCompile(`(?:src|href|data-[a-z-]+)="(/assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(loads) < 4 {
		t.Fatalf("the calculator page loads %d assets", len(loads))
	}
	for _, want := range append([]string{"/calculator/", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"}, firsts(loads)...) {
		if !keep[want] {
			t.Errorf("sw.js does not keep %s (keeps %v)", want, core)
		}
	}
	var m struct {
		Name  string                 `json:"name"`
		Start string                 `json:"start_url"`
		Icons []struct{ Src string } `json:"icons"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "manifest.webmanifest"))), &m); err != nil || m.Name == "" || m.Start != "/" || len(m.Icons) != 2 {
		t.Errorf("manifest %+v, %v", m, err)
	}
	if !strings.Contains(read(t, filepath.Join(out, "index.html")), `<link rel="manifest" href="/manifest.webmanifest">`) {
		t.Error("the home page does not link the manifest")
	}

	// Another build with another stylesheet is another cache.
	tmpl := t.TempDir()
	if err := os.CopyFS(tmpl, os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(tmpl, "assets", "style.css")
	os.WriteFile(css, append([]byte(read(t, css)), "\n/* changed */\n"...), 0o644)
	o := testOptions(fixture, filepath.Join(t.TempDir(), "public"))
	o.Templates = os.DirFS(tmpl)
	if _, err := Build(o); err != nil {
		t.Fatal(err)
	}
	if other, _ := swBuild(t, o.Out); other == cache {
		t.Errorf("a build with another stylesheet keeps the same cache %s", cache)
	}
}

// firsts returns the first group of each match.
func firsts(ms [][]string) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m[1])
	}
	return out
}
