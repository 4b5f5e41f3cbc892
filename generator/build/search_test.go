package build

import (
	"os"
	"testing"

	"gyportal/generator/model"
	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// realPlan loads the real content, for tests of what the build hands
// to the search index.
func realPlan(t *testing.T) *model.Plan {
	t.Helper()
	p, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSearchRelevanceRealContent runs the relevance table (residents'
// queries and the page that must come first) over the documents the site
// really indexes.
func TestSearchRelevanceRealContent(t *testing.T) {
	p := realPlan(t)
	searchtest.CheckRelevance(t, searchDocs(p), synonyms(p), searchtest.Cases)
}

// TestSearchCostRealContent checks that no query of the table fetches
// more than 30 KB on the real site.
func TestSearchCostRealContent(t *testing.T) {
	p := realPlan(t)
	dir := t.TempDir()
	a, err := search.Write(dir, searchDocs(p), synonyms(p))
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
