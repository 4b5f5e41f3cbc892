package search_test

import (
	"math"
	"slices"
	"testing"
	"unicode/utf8"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// Fuzz targets for what takes outside input: the tokenizer (page text and
// queries) and query evaluation (queries from ?q=). scripts/fuzz.sh runs
// each for a minute; what they find lands in testdata/fuzz/<target>, and
// TestJSMatchesGo runs those inputs through search.js too.

var fuzzSeeds = []string{
	"失独", "低保 8000", "3.2.12", "抚慰金怎么领", "独生女儿有什么补贴", "ＡＢＣ１２３", "1.5万元", "3..2",
	"𠀀计划\u3000生育", "\u202e通知", "怎么办", "a b c d e f g h i j", "，。、", "计划生育特殊困难家庭",
}

// FuzzTokenize checks that Tokenize and ParseQuery never panic and keep
// their invariants: tokens in order, positions increasing, each token the
// normalized text it spans; at most 8 phrases of at most 32 tokens.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last, end := -1, 0
		for _, tok := range search.Tokenize(s) {
			if tok.Pos <= last || tok.Start < end || tok.End <= tok.Start || tok.End > len(s) || tok.Key == "" {
				t.Fatalf("%q: bad token %+v after position %d, offset %d", s, tok, last, end)
			}
			span := s[tok.Start:tok.End]
			if (tok.Key[0] >= 0x80 && (utf8.RuneCountInString(tok.Key) != 1 || utf8.RuneCountInString(span) != 1)) ||
				(tok.Key[0] < 0x80 && len(tok.Key) > len(span)) {
				t.Fatalf("%q: token %q spans %q", s, tok.Key, span)
			}
			last, end = tok.Pos, tok.End
		}
		phrases := search.ParseQuery(s)
		if len(phrases) > 8 {
			t.Fatalf("%q: %d phrases", s, len(phrases))
		}
		for _, p := range phrases {
			if len(p) == 0 || len(p) > 32 || slices.Contains(p, "") {
				t.Fatalf("%q: phrase %q", s, p)
			}
		}
	})
}

// FuzzQuery checks query evaluation on the fixture: any query answers
// without error, with valid, finite, ordered hits; and, on an index
// without synonyms, every phrase of the query as typed finds exactly the
// documents that hold them all, by brute force.
func FuzzQuery(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	docs, syn := searchtest.MustFixture()
	withSyn, _, _ := openIndex(f, docs, syn, search.Options{})
	plain, _, _ := openIndex(f, docs, nil, search.Options{Common: 8, MaxGram: 4})
	urls := docURLsTB(f, plain)
	c := newCorpus(docs)
	f.Fuzz(func(t *testing.T, q string) {
		a, err := withSyn.Answer(q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		for i, h := range a.Hits {
			if h.Doc < 0 || h.Doc >= withSyn.Docs() || math.IsNaN(h.Score) || math.IsInf(h.Score, 0) || h.Score < 0 ||
				(i > 0 && (h.Score > a.Hits[i-1].Score || (h.Score == a.Hits[i-1].Score && h.Doc < a.Hits[i-1].Doc))) {
				t.Fatalf("%q: bad hit %d %+v", q, i, h)
			}
		}
		hits, err := plain.Exact(q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		var got, want []string
		for _, h := range hits {
			got = append(got, urls[h.Doc])
		}
		slices.Sort(got)
		for i, p := range search.ParseQuery(q) {
			if i == 0 {
				want = c.find(p)
			} else {
				want = intersect(want, c.find(p))
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: %d documents, brute force %d", q, len(got), len(want))
		}
	})
}

// docURLsTB is docURLs for a testing.TB.
func docURLsTB(tb testing.TB, r *searchtest.Reader) []string {
	urls, err := r.URLs()
	if err != nil {
		tb.Fatal(err)
	}
	return urls
}
