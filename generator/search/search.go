// Package search builds the static full-text index of the site and the
// script that queries it in the browser.
//
// Any contiguous phrase a resident types is found exactly: text is split
// into single Han characters and ASCII words (tokenize.go), and the index
// holds every token and token pair, plus the longer grams that extend
// frequent ones (index.go), so that a phrase is either one indexed gram
// or a few grams whose positions are checked for adjacency (query.go).
// Results are ranked by BM25F with a boost per kind of page (rank.go);
// staff synonyms expand queries (synonym.go).
//
// The index is split into small files (write.go): dictionary shards,
// postings packs and per-document fragments, so that a query downloads
// a few of them. search.js repeats the tokenizer and the query evaluation
// of the Reader in query.go; the tests run it under node and compare.
//
// PlanDocs and PlanSynonyms (plandocs.go) turn the plan into the
// documents and synonyms to index.
//
// The package searchtest holds the relevance table, the test fixture and
// a synthetic corpus for benchmarks (scripts/search-bench.sh).
package search

// Doc is one page to index.
type Doc struct {
	URL        string   // site-absolute URL, e.g. "/clauses/3.2.12/"
	Kind       string   // "clause", "department", "group", "full", "page"
	Title      string   // page title
	Department string   // department name(s) shown in results, may be empty
	Groups     []string // group names
	Summary    string   // plain-language summary
	Body       string   // original text, plain
	// Keywords are short names of what the page grants or sets (for a
	// clause: its benefit and target names). They are indexed with the
	// department and group names, above the body.
	Keywords []string
}

// Synonym is a staff-maintained equivalence: every word in Words is
// equivalent to every other; or, when From is set, From expands to To.
type Synonym struct {
	Words []string
	From  string
	To    []string
}

// Assets names the files the pages must reference.
type Assets struct {
	Script string // site-absolute URL of the search script, content-hashed
	Meta   string // site-absolute URL of the index meta file, content-hashed
	Files  int    // files written
	Bytes  int64  // bytes written
}
