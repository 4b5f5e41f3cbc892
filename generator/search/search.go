// Package search builds the static full-text index of the site: a
// tokenizer shared (by test) with the browser, an index split into small
// shards, and the JavaScript that queries it.
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
}

// Write indexes docs and writes the index shards and the search script
// under outDir. It must be deterministic: same input, same bytes.
func Write(outDir string, docs []Doc, syn []Synonym) (Assets, error) {
	return Assets{}, nil
}
