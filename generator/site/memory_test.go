package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestMemoryBuild builds into memory: the same files as on disk, a valid
// fs.FS, change counts against the previous build, and nothing written.
func TestMemoryBuild(t *testing.T) {
	disk := build(t, "testdata/content")
	o := testOptions("testdata/content", filepath.Join(t.TempDir(), "never"))
	o.Memory = &Memory{}
	r, err := Build(o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(o.Out); err == nil {
		t.Error("a memory build wrote its output directory")
	}
	files, _ := listFiles(disk)
	if r.Stats.Written != len(files) || r.Stats.Added != len(files) {
		t.Errorf("stats %+v, want %d files added", r.Stats, len(files))
	}
	for name := range files {
		got, err := fs.ReadFile(o.Memory, name)
		if err != nil || string(got) != read(t, filepath.Join(disk, name)) {
			t.Errorf("%s differs between memory and disk builds (%v)", name, err)
		}
	}
	if err := fstest.TestFS(o.Memory, "index.html", "clauses/3.2.12/index.html", "sitemap.xml"); err != nil {
		t.Error(err)
	}
	r2, err := Build(o)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Stats.Added+r2.Stats.Changed+r2.Stats.Removed != 0 {
		t.Errorf("second memory build: %+v", r2.Stats)
	}
}
