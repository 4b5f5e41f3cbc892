package search_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic writes the index twice into two directories and once
// more over an older build, and compares the trees byte for byte.
func TestDeterministic(t *testing.T) {
	docs, syn := searchtest.MustFixture()
	d1, d2 := t.TempDir(), t.TempDir()
	a1, err := search.Write(d1, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	// d2 first holds another build and a page of the site.
	if _, err := search.Write(d2, docs[:10], nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d2, "search", "index.html"), []byte("page"), 0o644); err != nil {
		t.Fatal(err)
	}
	a2, err := search.Write(d2, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	if a1 != a2 {
		t.Errorf("assets differ: %+v %+v", a1, a2)
	}
	t1, t2 := readTree(t, d1), readTree(t, d2)
	if string(t2["search/index.html"]) != "page" {
		t.Error("Write removed a file it does not own")
	}
	delete(t2, "search/index.html")
	if len(t1) != len(t2) {
		t.Errorf("%d files, then %d", len(t1), len(t2))
	}
	for name, data := range t1 {
		if !bytes.Equal(data, t2[name]) {
			t.Errorf("%s differs", name)
		}
	}
	if len(t1) != a1.Files {
		t.Errorf("Assets.Files = %d, %d files on disk", a1.Files, len(t1))
	}
	if !strings.HasPrefix(a1.Script, "/search/search.") || t1[strings.TrimPrefix(a1.Script, "/")] == nil {
		t.Errorf("script %s not written", a1.Script)
	}
	for name, data := range t1 {
		if bytes.Contains(data, []byte("http://")) || bytes.Contains(data, []byte("https://")) {
			t.Errorf("%s mentions an external URL", name)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := search.Write(dir, []search.Doc{{URL: "/a/"}, {URL: "/a/"}}, nil); err == nil {
		t.Error("no error for a duplicate URL")
	}
	if _, err := search.Write(dir, []search.Doc{{Title: "x"}}, nil); err == nil {
		t.Error("no error for a missing URL")
	}
	a, err := search.Write(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := searchtest.OpenDir(dir, a.Meta, false)
	if err != nil {
		t.Fatal(err)
	}
	if hits, err := r.Search("失独"); err != nil || len(hits) != 0 {
		t.Errorf("empty index: %v %v", hits, err)
	}
}

// TestSynonyms checks that synonyms apply: 独生女 occurs nowhere in the
// plan, but finds the 独女户 clauses.
func TestSynonyms(t *testing.T) {
	docs, syn := searchtest.MustFixture()
	r, _, _ := openIndex(t, docs, syn, search.Options{})
	urls := docURLs(t, r)
	c := newCorpus(docs)
	if got, want := hitURLs(t, r, urls, "独生女"), c.find(search.ParseQuery("独女户")[0]); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("独生女 found %v, want the 独女户 pages %v", got, want)
	}
	// Without synonyms the exact phrase finds nothing.
	r, _, _ = openIndex(t, docs, nil, search.Options{})
	if hits, _ := r.Exact("独生女"); len(hits) != 0 {
		t.Errorf("独生女 without synonyms found %d pages", len(hits))
	}
}

// TestDeterministicWorkers writes the index of a synthetic site with one
// worker and with four, and compares the trees byte for byte.
func TestDeterministicWorkers(t *testing.T) {
	docs := searchtest.Synthetic(600, 3)
	_, syn := searchtest.MustFixture()
	var trees []map[string][]byte
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		dir := t.TempDir()
		_, err := search.WriteOptions(dir, docs, syn, search.Options{PackTarget: 16 << 10})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, dir))
	}
	if len(trees[0]) != len(trees[1]) || len(trees[0]) < 10 {
		t.Fatalf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for name, data := range trees[0] {
		if !bytes.Equal(data, trees[1][name]) {
			t.Errorf("%s differs between 1 and 4 workers", name)
		}
	}
}
