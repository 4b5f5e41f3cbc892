package search_test

import (
	"testing"

	"gyportal/generator/search/searchtest"
)

// TestRelevance checks the relevance table on the test fixture. The site
// runs the same table on the real content (searchtest.CheckRelevance).
func TestRelevance(t *testing.T) {
	docs, syn := searchtest.MustFixture()
	if len(searchtest.Cases) < 30 {
		t.Fatalf("the relevance table has %d queries, want at least 30", len(searchtest.Cases))
	}
	searchtest.CheckRelevance(t, docs, syn, searchtest.Cases)
}
