package search_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gyportal/generator/build"
	"gyportal/generator/model"
	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
	"gyportal/generator/site"
)

// realPlan loads the real content, as the site publishes it on a fixed
// day.
func realPlan(t *testing.T) *model.Plan {
	t.Helper()
	p, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return p.Visible(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), false)
}

// openReal indexes the real content and opens the index.
func openReal(t *testing.T) (*searchtest.Reader, search.Assets, []string) {
	t.Helper()
	p := realPlan(t)
	r, a, _ := openIndex(t, search.PlanDocs(p), search.PlanSynonyms(p), search.Options{})
	return r, a, docURLs(t, r)
}

// TestSearchRelevanceRealContent runs the relevance table (residents'
// queries and the page that must come first) over the documents the site
// really indexes.
func TestSearchRelevanceRealContent(t *testing.T) {
	p := realPlan(t)
	searchtest.CheckRelevance(t, search.PlanDocs(p), search.PlanSynonyms(p), searchtest.Cases)
}

// TestResidentsRealContent runs the residents' table (their questions
// and words, not the plan's) over the real content and reports its score.
func TestResidentsRealContent(t *testing.T) {
	p := realPlan(t)
	cases := searchtest.ResidentCases
	if len(cases) < 20 {
		t.Fatalf("the residents' table has %d questions, want at least 20", len(cases))
	}
	good := searchtest.CheckRelevance(t, search.PlanDocs(p), search.PlanSynonyms(p), cases)
	t.Logf("residents' table: %d of %d questions find their clause first", good, len(cases))
}

// TestSearchCostRealContent checks that no query of the table fetches
// more than 30 KB on the real site.
func TestSearchCostRealContent(t *testing.T) {
	r, a, _ := openReal(t)
	worst := 0
	for _, c := range slices.Concat(searchtest.Cases, searchtest.ResidentCases) {
		_, cost, err := r.Query(c.Query, 10)
		if err != nil {
			t.Fatal(err)
		}
		worst = max(worst, cost.Cold())
		if cost.Cold() > 30<<10 {
			t.Errorf("%s: fetches %d bytes, over the 30 KB budget", c.Query, cost.Cold())
		}
	}
	t.Logf("index: %d files, %d bytes; worst query fetches %d bytes", a.Files, a.Bytes, worst)
}

// TestPlanDocs checks the documents of the real plan: one per clause,
// department and group page and the full text, with the recipients line on
// the full text, each with the address and title of its page in the
// site's page list.
func TestPlanDocs(t *testing.T) {
	p := realPlan(t)
	docs := search.PlanDocs(p)
	if want := len(p.Clauses) + len(p.Departments) + len(p.Groups) + 1; len(docs) != want {
		t.Fatalf("%d documents, want %d", len(docs), want)
	}
	kinds := map[string]int{}
	for _, d := range docs {
		kinds[d.Kind]++
	}
	if kinds["clause"] != len(p.Clauses) || kinds["full"] != 1 {
		t.Errorf("documents by kind: %v", kinds)
	}
	full := docs[len(docs)-1]
	if full.URL != "/full/" || !strings.Contains(full.Body, p.Document.Recipients) {
		t.Errorf("the full text lacks the recipients line: %+v", full)
	}
	pages := map[string]string{} // the site's page list: address → title
	for _, pg := range site.Pages(p) {
		pages[pg.URL] = pg.Title
	}
	for _, d := range docs {
		if title, ok := pages[d.URL]; !ok || title != d.Title {
			t.Errorf("document %s %q: the page list has %q (listed %v)", d.URL, d.Title, title, ok)
		}
	}
	if len(search.PlanSynonyms(p)) != len(p.Synonyms) {
		t.Errorf("%d synonyms, want %d", len(search.PlanSynonyms(p)), len(p.Synonyms))
	}
}

// TestFullTextFound renders the real site's /full/ page and checks that
// every phrase of its visible text (a run of tokens between punctuation
// or tags) is found by search at some page: the clause texts on their
// clause pages, the rest on /full/ itself. The recipients line (企业) is
// the case that used to fail.
func TestFullTextFound(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(build.Options{
		Content: os.DirFS("../../content"), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: out, Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), SkipWasm: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "full", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	phrases := visiblePhrases(t, string(page))
	if len(phrases) < 100 {
		t.Fatalf("only %d phrases on /full/", len(phrases))
	}
	r, _, urls := openReal(t)
	found := map[string]int{}
	for _, q := range phrases {
		hits, err := r.Exact(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q is shown on /full/ but search finds it nowhere", q)
			continue
		}
		found[urls[hits[0].Doc]]++
	}
	if hits, _ := r.Search("企业"); len(hits) == 0 || urls[hits[0].Doc] != "/full/" {
		t.Errorf("企业 (the recipients line) does not find /full/ first: %v", hits)
	}
	t.Logf("%d phrases of /full/ found; first hits on %d pages (/full/ %d)", len(phrases), len(found), found["/full/"])
}

var (
	fullArticle = regexp.MustCompile(`(?s)<article class="fulltext">.*</article>`)
	tag         = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visiblePhrases returns the phrases of the full-text article, as a
// resident would type them: each maximal run of adjacent tokens, split
// where two words would run together.
func visiblePhrases(t *testing.T, page string) []string {
	t.Helper()
	art := fullArticle.FindString(page)
	if art == "" {
		t.Fatal("no <article class=\"fulltext\"> on /full/")
	}
	var out []string
	seen := map[string]bool{}
	for _, chunk := range tag.Split(art, -1) {
		text := html.UnescapeString(chunk)
		toks := search.Tokenize(text)
		for i := 0; i < len(toks); {
			j := i + 1
			for j < len(toks) && toks[j].Pos == toks[j-1].Pos+1 &&
				!(isWord(toks[j].Key) && isWord(toks[j-1].Key)) {
				j++
			}
			var b strings.Builder
			for _, tk := range toks[i:j] {
				b.WriteString(tk.Key)
			}
			if q := b.String(); !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
			i = j
		}
	}
	return out
}

func isWord(k string) bool { return k[0] < 0x80 }
