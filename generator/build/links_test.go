package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var refRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinksResolve builds the real content and checks that every internal
// link and asset of every page resolves to a file (and anchors to an id).
func TestLinksResolve(t *testing.T) {
	out := build(t, "../../content")
	files, err := listFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{}
	idsOf := func(page string) map[string]bool {
		if ids[page] == nil {
			ids[page] = map[string]bool{}
			for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(read(t, filepath.Join(out, page)), -1) {
				ids[page][m[1]] = true
			}
		}
		return ids[page]
	}
	checked := 0
	for name := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range refRE.FindAllStringSubmatch(read(t, filepath.Join(out, name)), -1) {
			ref := m[1]
			if strings.HasPrefix(ref, "http:") || strings.HasPrefix(ref, "https:") || strings.HasPrefix(ref, "//") {
				t.Errorf("%s: external reference %q", name, ref)
				continue
			}
			if ref == "data:," { // the empty favicon of base.html
				continue
			}
			if strings.HasPrefix(ref, "#") {
				if !idsOf(name)[ref[1:]] {
					t.Errorf("%s: link %q: no element with that id", name, ref)
				}
				continue
			}
			if !strings.HasPrefix(ref, "/") {
				t.Errorf("%s: relative reference %q", name, ref)
				continue
			}
			path, frag, _ := strings.Cut(ref, "#")
			path, _, _ = strings.Cut(path, "?")
			target := strings.TrimPrefix(path, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; !ok {
				if _, err := os.Stat(filepath.Join(out, target)); err != nil {
					t.Errorf("%s: broken link %q", name, ref)
					continue
				}
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[frag] {
				t.Errorf("%s: link %q: no element with id %q", name, ref, frag)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d links checked; the site should have many more", checked)
	}
}
