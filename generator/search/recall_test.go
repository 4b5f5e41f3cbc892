package search_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// corpus is the brute-force oracle: every document as runs of token keys.
type corpus struct {
	runs  [][][]string // doc -> runs
	urls  []string
	short map[string][]string // phrase of up to shortPhrase keys -> sorted URLs
}

const shortPhrase = 6

// indexShort lists the documents of every phrase of up to shortPhrase
// tokens, by brute force.
func (c *corpus) indexShort() {
	c.short = map[string][]string{}
	for d, runs := range c.runs {
		seen := map[string]bool{}
		for _, r := range runs {
			for i := range r {
				for n := 1; n <= shortPhrase && i+n <= len(r); n++ {
					k := strings.Join(r[i:i+n], "\x00")
					if !seen[k] {
						seen[k] = true
						c.short[k] = append(c.short[k], c.urls[d])
					}
				}
			}
		}
	}
	for k := range c.short {
		slices.Sort(c.short[k])
	}
}

func newCorpus(docs []search.Doc) *corpus {
	c := &corpus{}
	for _, d := range docs {
		var runs [][]string
		meta := d.Department
		for _, g := range slices.Concat(d.Groups, d.Keywords) {
			meta += "；" + g
		}
		for _, s := range []string{d.Title, meta, d.Summary, d.Body} {
			toks := search.Tokenize(s)
			for i := 0; i < len(toks); {
				j := i + 1
				for j < len(toks) && toks[j].Pos == toks[j-1].Pos+1 {
					j++
				}
				var keys []string
				for _, t := range toks[i:j] {
					keys = append(keys, t.Key)
				}
				runs = append(runs, keys)
				i = j
			}
		}
		c.runs = append(c.runs, runs)
		c.urls = append(c.urls, d.URL)
	}
	return c
}

// find returns the URLs of the documents that contain phrase, sorted.
func (c *corpus) find(phrase []string) []string {
	if len(phrase) <= shortPhrase {
		if c.short == nil {
			c.indexShort()
		}
		return c.short[strings.Join(phrase, "\x00")]
	}
	var out []string
	for d, runs := range c.runs {
		for _, r := range runs {
			if containsSeq(r, phrase) {
				out = append(out, c.urls[d])
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

func containsSeq(s, sub []string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// queryText writes a phrase as a resident would type it; ok is false when
// two words would run together.
func queryText(phrase []string) (string, bool) {
	var b strings.Builder
	for i, k := range phrase {
		if i > 0 && k[0] < 0x80 && phrase[i-1][0] < 0x80 {
			return "", false
		}
		b.WriteString(k)
	}
	return b.String(), true
}

// hitURLs runs q, exactly (every phrase, no fallback), and returns the
// URLs of all hits, sorted.
func hitURLs(t *testing.T, r *searchtest.Reader, urls []string, q string) []string {
	t.Helper()
	hits, err := r.Exact(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, urls[h.Doc])
	}
	slices.Sort(out)
	return out
}

// docURLs maps document ids of an index to URLs.
func docURLs(t *testing.T, r *searchtest.Reader) []string {
	t.Helper()
	urls, err := r.URLs()
	if err != nil {
		t.Fatal(err)
	}
	return urls
}

// openIndex writes docs with opts into a temporary directory and opens
// the index.
func openIndex(t testing.TB, docs []search.Doc, syn []search.Synonym, opts search.Options) (*searchtest.Reader, search.Assets, string) {
	t.Helper()
	dir := t.TempDir()
	a, err := search.WriteOptions(dir, docs, syn, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := searchtest.OpenDir(dir, a.Meta, false)
	if err != nil {
		t.Fatal(err)
	}
	return r, a, dir
}

// TestRecallPrecision checks the index against brute force: every sampled
// phrase of 1 to 6 tokens finds exactly the documents that contain it,
// and phrases that occur nowhere find nothing. Small Common and MaxGram
// settings exercise the extended grams, the covers and the grams of
// maximal length on small corpora.
func TestRecallPrecision(t *testing.T) {
	fx, _ := searchtest.MustFixture()
	for _, tc := range []struct {
		name string
		docs []search.Doc
		opts search.Options
	}{
		{"fixture", fx, search.Options{}},
		{"fixture-common4", fx, search.Options{Common: 4, MaxGram: 4, NibbleDF: 8}},
		{"synthetic-common12", searchtest.Synthetic(200, 7), search.Options{Common: 12, MaxGram: 5, NibbleDF: 40}},
		{"synthetic-common3", searchtest.Synthetic(100, 8), search.Options{Common: 3, MaxGram: 3, PackTarget: 512,
			DictTarget: 256, BucketTarget: 128, ListBytes: 64, WholeBody: 100, Segment: 40}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, a, _ := openIndex(t, tc.docs, nil, tc.opts)
			urls := docURLs(t, r)
			c := newCorpus(tc.docs)
			rng := rand.New(rand.NewPCG(1, 2))
			var alphabet []string
			seen := map[string]bool{}
			for _, runs := range c.runs {
				for _, run := range runs {
					for _, k := range run {
						if !seen[k] {
							seen[k] = true
							alphabet = append(alphabet, k)
						}
					}
				}
			}
			present, absent := 0, 0
			check := func(phrase []string) {
				q, ok := queryText(phrase)
				if !ok {
					return
				}
				want := c.find(phrase)
				got := hitURLs(t, r, urls, q)
				if !slices.Equal(got, want) {
					t.Errorf("%q: got %d docs %v, want %d %v", q, len(got), trim(got), len(want), trim(want))
				}
				if len(want) > 0 {
					present++
				} else {
					absent++
				}
			}
			for range 1500 {
				// A phrase that occurs: a random piece of a random run.
				runs := c.runs[rng.IntN(len(c.runs))]
				run := runs[rng.IntN(len(runs))]
				n := 1 + rng.IntN(6)
				if len(run) < n {
					continue
				}
				i := rng.IntN(len(run) - n + 1)
				phrase := slices.Clone(run[i : i+n])
				check(phrase)
				// The same phrase with one token changed: mostly absent.
				phrase[rng.IntN(n)] = alphabet[rng.IntN(len(alphabet))]
				check(phrase)
				// Random tokens of the corpus alphabet: almost always absent.
				rnd := make([]string, 2+rng.IntN(5))
				for k := range rnd {
					rnd[k] = alphabet[rng.IntN(len(alphabet))]
				}
				check(rnd)
			}
			// Long phrases, which need covers of several grams.
			for range 300 {
				runs := c.runs[rng.IntN(len(c.runs))]
				run := runs[rng.IntN(len(runs))]
				n := 7 + rng.IntN(10)
				if len(run) < n {
					continue
				}
				i := rng.IntN(len(run) - n + 1)
				check(run[i : i+n])
			}
			if present < 500 || absent < 500 {
				t.Errorf("only %d present and %d absent phrases checked", present, absent)
			}
			t.Logf("%d files; %d present and %d absent phrases agree with brute force", a.Files, present, absent)
		})
	}
}

func trim(s []string) string {
	if len(s) > 5 {
		return fmt.Sprint(s[:5], "…")
	}
	return fmt.Sprint(s)
}

// TestAndSemantics checks that space-separated words AND together: a
// query of two or three phrases finds exactly the documents that hold
// every one, by brute force on the fixture and a synthetic corpus.
func TestAndSemantics(t *testing.T) {
	fx, _ := searchtest.MustFixture()
	for _, tc := range []struct {
		name string
		docs []search.Doc
		opts search.Options
	}{
		{"fixture", fx, search.Options{}},
		{"synthetic-common12", searchtest.Synthetic(200, 7), search.Options{Common: 12, MaxGram: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _, _ := openIndex(t, tc.docs, nil, tc.opts)
			urls := docURLs(t, r)
			c := newCorpus(tc.docs)
			rng := rand.New(rand.NewPCG(7, 7))
			some, none := 0, 0
			for range 400 {
				var parts []string
				var want []string
				for range 2 + rng.IntN(2) {
					runs := c.runs[rng.IntN(len(c.runs))]
					run := runs[rng.IntN(len(runs))]
					n := 1 + rng.IntN(min(4, len(run)))
					i := rng.IntN(len(run) - n + 1)
					q, ok := queryText(run[i : i+n])
					if !ok {
						continue
					}
					found := c.find(run[i : i+n])
					if parts = append(parts, q); len(parts) == 1 {
						want = found
					} else {
						want = intersect(want, found)
					}
				}
				if len(parts) < 2 {
					continue
				}
				q := strings.Join(parts, " ")
				if got := hitURLs(t, r, urls, q); !slices.Equal(got, want) {
					t.Errorf("%q: got %d docs %v, want %d %v", q, len(got), trim(got), len(want), trim(want))
				}
				if len(want) > 0 {
					some++
				} else {
					none++
				}
			}
			if some < 50 || none < 20 {
				t.Errorf("only %d queries with results and %d without", some, none)
			}
			t.Logf("%d spaced queries with results and %d without agree with brute force", some, none)
		})
	}
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}
