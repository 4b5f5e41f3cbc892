package site

import (
	"os"
	"testing"

	"gyportal/generator/model"
	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// realBuilder returns a builder over the real content, for tests of what
// the site hands to the search index.
func realBuilder(t *testing.T) *builder {
	t.Helper()
	p, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return &builder{plan: p, full: p}
}

// TestSearchRelevanceRealContent runs the relevance table (residents'
// queries and the page that must come first) over the documents the site
// really indexes.
func TestSearchRelevanceRealContent(t *testing.T) {
	b := realBuilder(t)
	searchtest.CheckRelevance(t, b.searchDocs(), b.synonyms(), searchtest.Cases)
}

// TestSearchCostRealContent checks that no query of the table fetches
// more than 30 KB on the real site.
func TestSearchCostRealContent(t *testing.T) {
	b := realBuilder(t)
	dir := t.TempDir()
	a, err := search.Write(dir, b.searchDocs(), b.synonyms())
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.OpenDir(dir, a.Meta)
	if err != nil {
		t.Fatal(err)
	}
	worst := 0
	for _, c := range searchtest.Cases {
		_, cost, err := r.Query(c.Query, 10)
		if err != nil {
			t.Fatal(err)
		}
		worst = max(worst, cost.Bytes)
		if cost.Bytes > 30<<10 {
			t.Errorf("%s: fetches %d bytes, over the 30 KB budget", c.Query, cost.Bytes)
		}
	}
	t.Logf("index: %d files, %d bytes; worst query fetches %d bytes", a.Files, a.Bytes, worst)
}
