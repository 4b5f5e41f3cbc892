package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncrementalEqualsFull publishes the real content twice into one
// --out (both trees filled), makes one edit, publishes again, and
// compares with a fresh build of the edited content: the same site, byte
// for byte. The pages whose inputs did not change are taken from the
// earlier builds (neither rendered nor written), the others are
// rendered: one edited clause re-renders its page and the pages listing
// it, a template or the document every page.
func TestIncrementalEqualsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("three builds per edit")
	}
	replace := func(file, old, new string) func(t *testing.T, content, templates string) {
		return func(t *testing.T, content, templates string) {
			p := filepath.Join(content, file)
			if strings.HasPrefix(file, "templates/") {
				p = filepath.Join(templates, strings.TrimPrefix(file, "templates/"))
			}
			data := read(t, p)
			if !strings.Contains(data, old) {
				t.Fatalf("%s lacks %q", file, old)
			}
			os.WriteFile(p, []byte(strings.Replace(data, old, new, 1)), 0o644)
		}
	}
	tests := []struct {
		name      string
		edit      func(t *testing.T, content, templates string)
		reusedAll bool // every clause page but the edited ones is reused
	}{
		{"title", replace("measures/3.2.12.toml", `title       = "`, `title       = "（改）`), true},
		{"amount", func(t *testing.T, content, _ string) { editClause(t, content, 1) }, false},
		{"new clause", func(t *testing.T, content, _ string) {
			data := strings.Replace(read(t, filepath.Join(content, "measures", "4.3.toml")), `id          = "4.3"`, `id          = "4.4"`, 1)
			os.WriteFile(filepath.Join(content, "measures", "4.4.toml"), []byte(data), 0o644)
		}, true},
		{"deleted clause", func(t *testing.T, content, _ string) { os.Remove(filepath.Join(content, "measures", "4.3.toml")) }, true},
		{"group change", replace("measures/4.3.toml", `groups      = []`, `groups      = ["bereaved"]`), true},
		{"document", replace("document.toml", `status_note = "`, `status_note = "（改）`), false},
		{"template", replace("templates/clause.html", `<h2 id="h-summary">通俗解读</h2>`, `<h2 id="h-summary">通俗解读（改）</h2>`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content, templates := filepath.Join(t.TempDir(), "content"), filepath.Join(t.TempDir(), "templates")
			copyDir(t, "../../content", content)
			copyDir(t, "../../templates", templates)
			options := func(out string) Options {
				o := testOptions(content, out)
				o.Templates = os.DirFS(templates)
				return o
			}
			out := filepath.Join(t.TempDir(), "public")
			for range 2 {
				if _, err := Build(options(out)); err != nil {
					t.Fatal(err)
				}
			}
			tt.edit(t, content, templates)
			r, err := Build(options(out))
			if err != nil {
				t.Fatal(err)
			}
			fresh := filepath.Join(t.TempDir(), "public")
			full, err := Build(options(fresh))
			if err != nil {
				t.Fatal(err)
			}
			sameSite(t, out, fresh)
			clauses := len(full.Plan.Clauses)
			if full.Stats.Reused != 0 {
				t.Errorf("a fresh build reused %d pages", full.Stats.Reused)
			}
			if tt.reusedAll && r.Stats.Reused < clauses-2 {
				t.Errorf("%d of %d clause pages reused, want all but the edited", r.Stats.Reused, clauses)
			}
			searchFiles := 0
			for name := range siteFiles(t, fresh) {
				if searchFile(name) && !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".br") {
					searchFiles++
				}
			}
			if !tt.reusedAll && tt.name != "amount" && r.Stats.Reused != searchFiles {
				t.Errorf("%d files reused after an edit every page shows, want the %d of the search index, whose documents are the same", r.Stats.Reused, searchFiles)
			}
		})
	}
}

// TestMemoryIncremental rebuilds the preview's site in memory after one
// clause's title is edited: the pages whose keys are unchanged are taken
// from the build before, and every file equals a fresh build's.
func TestMemoryIncremental(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", content)
	o := testOptions(content, filepath.Join(t.TempDir(), "never"))
	o.Memory = &Memory{}
	if _, err := Build(o); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(content, "measures", "3.2.12.toml")
	os.WriteFile(p, []byte(strings.Replace(read(t, p), `title       = "`, `title       = "（改）`, 1)), 0o644)
	r, err := Build(o)
	if err != nil {
		t.Fatal(err)
	}
	fresh := o
	fresh.Memory = &Memory{}
	if _, err := Build(fresh); err != nil {
		t.Fatal(err)
	}
	if r.Stats.Reused < len(r.Plan.Clauses)-1 || r.Stats.Changed == 0 {
		t.Errorf("one title edited: %+v", r.Stats)
	}
	a, b := o.Memory.cur.Load().files, fresh.Memory.cur.Load().files
	if len(a) != len(b) {
		t.Errorf("%d files, a fresh build %d", len(a), len(b))
	}
	for name, data := range b {
		if string(a[name]) != string(data) {
			t.Errorf("%s differs from a fresh build", name)
		}
	}
}
