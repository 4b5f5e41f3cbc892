package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Reader evaluates queries against a written index with the algorithm of
// search.js, file for file: the tests use it to check recall, precision
// and ranking against brute force and against the browser, and the
// benchmarks to count the bytes a query fetches.
//
// To find a phrase of n tokens (see phrase):
//
//  1. load the dictionary shards of the phrase's n-1 adjacent token pairs
//     (of the token, if n is 1): they list every common gram, and every
//     rare gram with large postings, that starts with those tokens;
//  2. if the phrase is one indexed gram (every token and pair is; a
//     longer gram is exactly when its prefix or suffix of one token less
//     is common), read its documents: from its own files if it is
//     listed, else from its pack. Done;
//  3. otherwise cover the phrase with indexed grams that keep positions
//     (rare grams, and common grams of the maximal length), each reaching
//     as far right as it can; read them and keep the documents where they
//     sit at the right distances from each other.
//
// Then score the documents (rank.go). A query is split into phrases at
// spaces and punctuation; each phrase is expanded with synonyms, and the
// best alternative's score counts; the phrases' scores add up.
type Reader struct {
	fetch   func(name string) ([]byte, error)
	meta    metaFile
	metaLen int
	cache   map[string][]byte
	dicts   map[int]map[string]dictEntry
	touched map[string]bool
	bytes   int
}

// OpenDir opens the index written under outDir/search/ whose meta file
// has the site-absolute URL metaURL (Assets.Meta).
func OpenDir(outDir, metaURL string) (*Reader, error) {
	root := filepath.Join(outDir, "search")
	return Open(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	}, path.Base(metaURL))
}

// Open opens an index through fetch, which reads a file by its name
// relative to the /search/ directory.
func Open(fetch func(name string) ([]byte, error), metaName string) (*Reader, error) {
	r := &Reader{fetch: fetch, cache: map[string][]byte{}, dicts: map[int]map[string]dictEntry{}}
	r.reset()
	data, err := r.load(metaName)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &r.meta); err != nil {
		return nil, fmt.Errorf("search: meta: %w", err)
	}
	r.metaLen = len(data)
	return r, nil
}

// Docs returns the number of indexed documents.
func (r *Reader) Docs() int { return r.meta.Docs }

func (r *Reader) reset() {
	r.touched = map[string]bool{}
	r.bytes = 0
}

// load reads a file once, and counts it as fetched by the current query.
func (r *Reader) load(name string) ([]byte, error) {
	data, ok := r.cache[name]
	if !ok {
		var err error
		if data, err = r.fetch(name); err != nil {
			return nil, err
		}
		r.cache[name] = data
	}
	if !r.touched[name] {
		r.touched[name] = true
		r.bytes += len(data)
	}
	return data, nil
}

func (r *Reader) loadIndex(name string) ([]byte, error) { return r.load(r.meta.Dir + "/" + name) }

// Hit is one result.
type Hit struct {
	Doc   int     // document id (the order of the index: clauses first)
	Score float64 // rounded to 1e-6, as in the browser
	Seg   int     // body segment that holds the first body match
}

// Cost is what a query downloads: the meta file, the index files, and
// the result fragments the browser shows.
type Cost struct {
	Files int
	Bytes int
	Names []string // sorted
}

// Query searches q and loads the fragments of the first show hits, as
// the browser does; it returns the hits and what was fetched.
func (r *Reader) Query(q string, show int) ([]Hit, Cost, error) {
	r.reset()
	hits, err := r.search(q)
	if err != nil {
		return nil, Cost{}, err
	}
	for _, h := range hits[:min(show, len(hits))] {
		if _, err := r.fragmentFiles(h); err != nil {
			return nil, Cost{}, err
		}
	}
	// The meta file is fetched once per page, before the query.
	c := Cost{Files: len(r.touched) + 1, Bytes: r.bytes + r.metaLen}
	for n := range r.touched {
		c.Names = append(c.Names, n)
	}
	slices.Sort(c.Names)
	return hits, c, nil
}

// Search returns the hits for q in rank order.
func (r *Reader) Search(q string) ([]Hit, error) {
	r.reset()
	return r.search(q)
}

// Result is a hit with what the results list shows.
type Result struct {
	Hit
	URL, Title, Department string
}

// Fragment returns the URL, title and department of document id.
func (r *Reader) Fragment(id int) (Result, error) {
	data, err := r.loadIndex(fmt.Sprintf("d/%d.json", id))
	if err != nil {
		return Result{}, err
	}
	var f fragment
	if err := json.Unmarshal(data, &f); err != nil {
		return Result{}, err
	}
	return Result{Hit: Hit{Doc: id}, URL: f.URL, Title: f.Title, Department: f.Department}, nil
}

func (r *Reader) fragmentFiles(h Hit) (Result, error) {
	res, err := r.Fragment(h.Doc)
	if err == nil && h.Seg > 0 {
		_, err = r.loadIndex(fmt.Sprintf("d/%d-%d.json", h.Doc, h.Seg))
	}
	res.Hit = h
	return res, err
}

func (r *Reader) search(q string) ([]Hit, error) {
	phrases := ParseQuery(q)
	total := map[int]*Hit{}
	var order []int
	for _, p := range phrases {
		best := map[int]Hit{}
		var docs []int
		for _, alt := range expand(p, r.meta.Synonyms) {
			ms, err := r.phrase(alt.keys)
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				s := alt.weight * r.score(m, len(ms))
				cur, ok := best[m.doc]
				if !ok {
					docs = append(docs, m.doc)
				}
				if !ok || s > cur.Score {
					best[m.doc] = Hit{m.doc, s, m.seg}
				}
			}
		}
		for _, d := range docs {
			h := best[d]
			if t, ok := total[d]; ok {
				t.Score += h.Score
			} else {
				total[d] = &h
				order = append(order, d)
			}
		}
	}
	hits := make([]Hit, 0, len(order))
	for _, d := range order {
		h := *total[d]
		h.Score = math.Round(h.Score*1e6) / 1e6
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	})
	return hits, nil
}

// score is BM25F: the saturated field-weighted frequency of the phrase,
// times its idf and the boost of the document's kind.
func (r *Reader) score(m match, df int) float64 {
	n := float64(r.meta.Docs)
	idf := math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	return float64(r.kind(m.doc).Boost*idf) * m.sat
}

// kind returns the kind range that holds doc.
func (r *Reader) kind(doc int) kindRange {
	for _, k := range r.meta.Kinds {
		if doc >= k.Start && doc < k.End {
			return k
		}
	}
	return kindRange{Boost: 1, AvgBody: 1}
}

// match is one document that contains a phrase.
type match struct {
	doc int
	sat float64 // saturation (see saturation)
	seg int
}

// dictEntry is a listed gram: common, or rare with large postings.
type dictEntry struct {
	shard, ord, df int
	common, pos    bool
}

// dict returns the decoded dictionary shard s.
func (r *Reader) dict(s int) (map[string]dictEntry, error) {
	data, err := r.loadIndex(fmt.Sprintf("c/%d.bin", s))
	if err != nil {
		return nil, err
	}
	if d, ok := r.dicts[s]; ok {
		return d, nil
	}
	d := map[string]dictEntry{}
	rd := reader{b: data}
	prev := ""
	for ord := 0; rd.more(); ord++ {
		p := rd.uvarint()
		if p > len(prev) {
			return nil, errCorrupt
		}
		key := prev[:p] + rd.string()
		df := rd.uvarint()
		flags := rd.uvarint()
		d[key] = dictEntry{s, ord, df, flags&1 != 0, flags&2 != 0}
		prev = key
	}
	if rd.err != nil {
		return nil, rd.err
	}
	r.dicts[s] = d
	return d, nil
}

// gram reads the postings of a gram: from its own files when it is listed
// (e is its entry), else from its pack; positions only if withPos. ok is
// false when the gram is not indexed at all.
func (r *Reader) gram(key string, e *dictEntry, withPos bool) (ps []posting, ok bool, err error) {
	if e != nil {
		name := fmt.Sprintf("g/%d-%d", e.shard, e.ord)
		doc, err := r.loadIndex(name + ".bin")
		if err != nil {
			return nil, false, err
		}
		var pos []byte
		if withPos {
			if pos, err = r.loadIndex(name + "p.bin"); err != nil {
				return nil, false, err
			}
		}
		ps, err = decodePostings(doc, pos, e.common && !e.pos, r.meta.K1)
		return ps, true, err
	}
	data, err := r.loadIndex(fmt.Sprintf("p/%d.bin", fnv32(key)%uint32(r.meta.Packs)))
	if err != nil {
		return nil, false, err
	}
	rd := reader{b: data}
	for rd.more() {
		k := rd.string()
		rd.uvarint() // df
		doc := rd.bytes(rd.uvarint())
		pos := rd.bytes(rd.uvarint())
		if k == key {
			if !withPos {
				pos = nil
			}
			ps, err = decodePostings(doc, pos, false, r.meta.K1)
			return ps, true, err
		}
	}
	return nil, false, rd.err
}

// matches turns the postings of a phrase that is one gram into matches.
func (r *Reader) matches(ps []posting) []match {
	out := make([]match, len(ps))
	for i, p := range ps {
		out[i] = match{doc: p.doc, sat: p.sat, seg: p.seg}
		if !p.impact {
			out[i].sat = r.saturation(p.doc, p.tf, p.lenq)
		}
	}
	return out
}

func (r *Reader) saturation(doc int, tf [nFields]int, lenq byte) float64 {
	mt := &r.meta
	return saturation(mt.Weights, mt.K1, mt.B, r.kind(doc).AvgBody, tf, lenq)
}

// phrase returns the documents that contain the token sequence keys.
func (r *Reader) phrase(keys []string) ([]match, error) {
	n := len(keys)
	texts := make([]string, n)
	for i, k := range keys {
		texts[i] = gramKey([]string{k})
	}
	key := func(i, j int) string { return strings.Join(texts[i:j], "") }
	// The dictionary shards of the first two tokens of every gram in
	// the phrase (of the token itself, for one token).
	listed := map[string]dictEntry{}
	for i := 0; i == 0 || i+1 < n; i++ {
		d, err := r.dict(int(fnv32(key(i, min(n, i+2))) % uint32(r.meta.Dict)))
		if err != nil {
			return nil, err
		}
		for k, e := range d {
			listed[k] = e
		}
	}
	entry := func(i, j int) *dictEntry {
		if e, ok := listed[key(i, j)]; ok {
			return &e
		}
		return nil
	}
	inC := func(i, j int) bool { e := entry(i, j); return e != nil && e.common }
	var cover [][2]int
	if n == 1 || (n <= r.meta.MaxGram && inC(0, n)) {
		cover = [][2]int{{0, n}}
	} else if cover = coverPhrase(n, r.meta.MaxGram, inC); cover == nil {
		return nil, nil
	}
	if len(cover) == 1 {
		ps, ok, err := r.gram(key(0, n), entry(0, n), false)
		if !ok || err != nil {
			return nil, err
		}
		return r.matches(ps), nil
	}
	// Load every gram of the cover (the browser fetches them in
	// parallel) before giving up on a missing one.
	lists := make([][]posting, len(cover))
	missing := false
	for c, iv := range cover {
		ps, ok, err := r.gram(key(iv[0], iv[1]), entry(iv[0], iv[1]), true)
		if err != nil {
			return nil, err
		}
		missing = missing || !ok
		lists[c] = ps
	}
	if missing {
		return nil, nil
	}
	return r.verify(cover, lists), nil
}

// coverPhrase covers [0, n) with the intervals [i, j) of grams that are
// indexed with positions, each reaching as far right as possible. It
// returns nil when no cover exists, which happens only when the phrase
// occurs nowhere.
func coverPhrase(n, maxGram int, inC func(i, j int) bool) [][2]int {
	usable := func(i, j int) bool {
		member := j-i == 2 || inC(i, j-1) || inC(i+1, j)
		return member && (!inC(i, j) || j-i == maxGram)
	}
	var cover [][2]int
	for e := 0; e < n; {
		best := [2]int{-1, -1}
		for i := 0; i <= e && i < n; i++ {
			for j := min(n, i+maxGram); j > e && j >= i+2; j-- {
				if usable(i, j) {
					if j > best[1] {
						best = [2]int{i, j}
					}
					break
				}
			}
		}
		if best[0] < 0 {
			return nil
		}
		cover = append(cover, best)
		e = best[1]
	}
	return cover
}

// verify keeps the documents where every gram of the cover occurs at its
// offset from the first, field by field, and counts the phrase there.
func (r *Reader) verify(cover [][2]int, lists [][]posting) []match {
	index := make([]map[int]*posting, len(lists))
	for c := 1; c < len(lists); c++ {
		index[c] = make(map[int]*posting, len(lists[c]))
		for i := range lists[c] {
			index[c][lists[c][i].doc] = &lists[c][i]
		}
	}
	var out []match
	for i := range lists[0] {
		p0 := &lists[0][i]
		others := make([]*posting, len(lists))
		ok := true
		for c := 1; c < len(lists) && ok; c++ {
			others[c], ok = index[c][p0.doc]
		}
		if !ok {
			continue
		}
		var tf [nFields]int
		first := -1
		for f := range nFields {
			for _, p := range p0.pos[f] {
				all := true
				for c := 1; c < len(lists) && all; c++ {
					_, all = slices.BinarySearch(others[c].pos[f], p+cover[c][0])
				}
				if all {
					tf[f]++
					if f == fBody && first < 0 {
						first = p
					}
				}
			}
		}
		if tf == [nFields]int{} {
			continue
		}
		m := match{doc: p0.doc, sat: r.saturation(p0.doc, tf, p0.lenq)}
		if p0.hasSeg && first >= 0 {
			m.seg = first / r.meta.Segment
		}
		out = append(out, m)
	}
	return out
}
