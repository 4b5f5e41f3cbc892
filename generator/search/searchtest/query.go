package searchtest

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"gyportal/generator/search"
	"gyportal/generator/search/internal/format"
)

// How a query combines its phrases (search.js: Engine.search):
//
//  1. All: a page must contain every phrase of the query (the words a
//     resident separates with spaces, or punctuation) or one of its
//     synonyms; phrases made only of question words (怎么, 多少, …) are
//     left out when there are others. The phrases' scores add up.
//  2. Without question words: if nothing has them all, each phrase is cut
//     at its question words ("抚慰金怎么领" → 抚慰金) and step 1 runs again
//     on the pieces (single characters left over are dropped).
//  3. Partial: if still nothing, each phrase is searched by its parts:
//     from each token, the longest piece that occurs (at least two
//     tokens, or one word such as 8000, never only question words), and
//     every page that holds a part is listed, ranked by the square of the
//     share of the query's other tokens its parts cover (each token
//     weighed by the idf of its rarest part; a part found in more than
//     half the pages covers nothing, unless all are) times their scores.
//     The page says so ("没有找到完全一致的内容").
//
// A phrase that occurs nowhere and has no part in the index finds nothing.

// Hit is one result.
type Hit struct {
	Doc   int     // document id (the order of the index: clauses first)
	Score float64 // rounded to 1e-6, as in the browser
	Seg   int     // body segment that holds the first body match
}

// Answer is the result of a query.
type Answer struct {
	Hits    []Hit
	Partial bool       // step 3: no page has the query's words as typed
	Phrases [][]string // what to highlight: every phrase searched and its synonyms
}

// maxPartChecks bounds the phrase evaluations of the partial step.
const maxPartChecks = 64

// Query searches q and loads the fragments of the first show hits, as
// the browser does; it returns the answer and what was fetched.
func (r *Reader) Query(q string, show int) (Answer, Cost, error) {
	r.reset()
	a, err := r.search(q)
	if err != nil {
		return Answer{}, Cost{}, err
	}
	for _, h := range a.Hits[:min(show, len(a.Hits))] {
		if _, err := r.Fragment(h, a.Phrases); err != nil {
			return Answer{}, Cost{}, err
		}
	}
	c := r.cost
	slices.Sort(c.Names)
	return a, c, nil
}

// Search returns the hits for q in rank order.
func (r *Reader) Search(q string) ([]Hit, error) {
	r.reset()
	a, err := r.search(q)
	return a.Hits, err
}

// Answer returns the answer to q.
func (r *Reader) Answer(q string) (Answer, error) {
	r.reset()
	return r.search(q)
}

func (r *Reader) search(q string) (Answer, error) {
	phrases := search.ParseQuery(q)
	if len(phrases) == 0 {
		return Answer{Hits: []Hit{}}, nil
	}
	marks := make([][]bool, len(phrases))
	var content [][]string
	for i, p := range phrases {
		marks[i] = questionMarks(p, r.meta.Question)
		if slices.Contains(marks[i], false) {
			content = append(content, p)
		}
	}
	if len(content) == 0 {
		content = phrases
	}
	a, err := r.all(content)
	if err != nil || len(a.Hits) > 0 {
		return a, err
	}
	if pieces, changed := withoutQuestions(phrases, marks); changed && len(pieces) > 0 {
		if a, err = r.all(pieces); err != nil || len(a.Hits) > 0 {
			return a, err
		}
	}
	return r.partial(phrases, marks)
}

// questionMarks marks the tokens of p that belong to a question word,
// longest word first, left to right (search.js: questionMarks).
func questionMarks(p []string, words [][]string) []bool {
	marks := make([]bool, len(p))
	for i := 0; i < len(p); {
		n := 0
		for _, w := range words {
			if len(w) > n && i+len(w) <= len(p) && slices.Equal(p[i:i+len(w)], w) {
				n = len(w)
			}
		}
		for k := i; k < i+n; k++ {
			marks[k] = true
		}
		i += max(n, 1)
	}
	return marks
}

// withoutQuestions cuts the phrases at their question words and drops
// single Han characters left over (search.js: withoutQuestions).
func withoutQuestions(phrases [][]string, marks [][]bool) ([][]string, bool) {
	var out [][]string
	changed := false
	for i, p := range phrases {
		for lo := 0; lo < len(p); {
			if marks[i][lo] {
				changed = true
				lo++
				continue
			}
			hi := lo
			for hi < len(p) && !marks[i][hi] {
				hi++
			}
			if hi-lo >= 2 || isWordKey(p[lo]) {
				out = append(out, p[lo:hi])
			} else {
				changed = true
			}
			lo = hi
		}
	}
	return out, changed
}

func isWordKey(k string) bool { return k != "" && k[0] < 0x80 }

// scored is the best score of each document for one phrase.
type scored struct {
	best map[int]Hit
	docs []int // in order of first match
}

// phraseScores evaluates a phrase and its synonyms: each document's best
// weighted score (search.js: Engine.phraseScores).
func (r *Reader) phraseScores(p []string, out *[][]string) (scored, error) {
	sc := scored{best: map[int]Hit{}}
	for _, alt := range expand(p, r.meta.Synonyms, r.meta.SynWeight) {
		*out = append(*out, alt.keys)
		ms, err := r.phrase(alt.keys)
		if err != nil {
			return sc, err
		}
		for _, m := range ms {
			s := alt.weight * r.score(m, len(ms))
			cur, ok := sc.best[m.doc]
			if !ok {
				sc.docs = append(sc.docs, m.doc)
			}
			if !ok || s > cur.Score {
				sc.best[m.doc] = Hit{m.doc, s, m.seg}
			}
		}
	}
	return sc, nil
}

// all returns the documents that hold every phrase, their scores added
// up in phrase order (search.js: Engine.all).
func (r *Reader) all(phrases [][]string) (Answer, error) {
	a := Answer{}
	var per []scored
	for _, p := range phrases {
		sc, err := r.phraseScores(p, &a.Phrases)
		if err != nil {
			return a, err
		}
		per = append(per, sc)
	}
	for _, d := range per[0].docs {
		h := per[0].best[d]
		ok := true
		for _, sc := range per[1:] {
			x, found := sc.best[d]
			if !found {
				ok = false
				break
			}
			h.Score += x.Score
		}
		if ok {
			a.Hits = append(a.Hits, h)
		}
	}
	a.Hits = sortHits(a.Hits)
	return a, nil
}

func sortHits(hits []Hit) []Hit {
	if hits == nil {
		hits = []Hit{}
	}
	for i := range hits {
		hits[i].Score = math.Round(hits[i].Score*1e6) / 1e6
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	})
	return hits
}

// part is a piece [i, j) of phrase p that occurs.
type part struct{ p, i, j int }

// partial lists the documents that hold the phrases' longest parts
// (search.js: Engine.partial).
func (r *Reader) partial(phrases [][]string, marks [][]bool) (Answer, error) {
	a := Answer{Partial: true}
	budget := maxPartChecks
	var parts []part
	for pi, p := range phrases {
		ps, err := r.parts(pi, p, marks[pi], &budget)
		if err != nil {
			return a, err
		}
		parts = append(parts, ps...)
	}
	if len(parts) == 0 {
		a.Hits = []Hit{}
		return a, nil
	}
	type acc struct {
		hit     Hit
		covered []bool // per phrase token, flattened
	}
	offsets := make([]int, len(phrases)+1)
	for i, p := range phrases {
		offsets[i+1] = offsets[i] + len(p)
	}
	// A part found in more than half the pages (家庭) adds to the score
	// of the pages that hold it but covers nothing, unless every part is
	// that common. A token weighs the idf of the rarest part that covers
	// it; one that no part covers, the idf of the rarest part.
	per := make([]scored, len(parts))
	counts := make([]bool, len(parts))
	anySpecific := false
	for k, pt := range parts {
		sc, err := r.phraseScores(phrases[pt.p][pt.i:pt.j], &a.Phrases)
		if err != nil {
			return a, err
		}
		per[k], counts[k] = sc, 2*len(sc.docs) <= r.meta.Docs
		anySpecific = anySpecific || counts[k]
	}
	weight := make([]float64, offsets[len(phrases)])
	rarest := 0.0
	for k, pt := range parts {
		if counts[k] = counts[k] || !anySpecific; !counts[k] {
			continue
		}
		idf := format.IDF(r.meta.Docs, len(per[k].docs))
		rarest = max(rarest, idf)
		for t := pt.i; t < pt.j; t++ {
			weight[offsets[pt.p]+t] = max(weight[offsets[pt.p]+t], idf)
		}
	}
	total := 0.0
	for pi := range phrases {
		for t, m := range marks[pi] {
			if w := weight[offsets[pi]+t]; !m && w > 0 {
				total += w
			} else if !m {
				total += rarest
			}
		}
	}
	docs := map[int]*acc{}
	var order []int
	for k, pt := range parts {
		sc := per[k]
		for _, d := range sc.docs {
			h := sc.best[d]
			x := docs[d]
			if x == nil {
				x = &acc{hit: Hit{Doc: d, Seg: h.Seg}, covered: make([]bool, offsets[len(phrases)])}
				docs[d] = x
				order = append(order, d)
			}
			x.hit.Score += h.Score
			if counts[k] {
				for t := pt.i; t < pt.j; t++ {
					x.covered[offsets[pt.p]+t] = true
				}
			}
		}
	}
	for _, d := range order {
		x := docs[d]
		cov := 0.0
		for pi := range phrases {
			for t, m := range marks[pi] {
				if !m && x.covered[offsets[pi]+t] {
					cov += weight[offsets[pi]+t]
				}
			}
		}
		if cov > 0 {
			cov /= total
			x.hit.Score = cov * cov * x.hit.Score
			a.Hits = append(a.Hits, x.hit)
		}
	}
	a.Hits = sortHits(a.Hits)
	return a, nil
}

// parts returns, for each start, the longest piece of phrase p of at
// least two tokens (one for a word) that is not only question words and
// occurs, or one of whose synonyms does. It tries only the ends where
// every adjacent pair is indexed (or a synonym ends). Each check of a
// piece costs one of budget (search.js: Engine.parts).
func (r *Reader) parts(pi int, p []string, marks []bool, budget *int) ([]part, error) {
	n := len(p)
	pair := make([]bool, max(n-1, 0))
	for i := range pair {
		k := gramKey(p[i : i+2])
		ok, err := r.indexed(k, k)
		if err != nil {
			return nil, err
		}
		pair[i] = ok
	}
	var out []part
	for i := range n {
		for _, j := range r.ends(p, pair, i) {
			if allMarked(marks[i:j]) {
				continue
			}
			ok, err := r.occurs(p[i:j], budget)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, part{pi, i, j})
				break
			}
		}
	}
	return out, nil
}

// ends lists, longest first, the ends j of the pieces [i, j) of p worth
// checking: where every adjacent pair of the piece occurs, or where a
// synonym source that starts at i ends (search.js: partEnds).
func (r *Reader) ends(p []string, pair []bool, i int) []int {
	var out []int
	for _, m := range r.meta.Synonyms {
		if j := i + len(m.From); j <= len(p) && slices.Equal(p[i:j], m.From) {
			out = append(out, j)
		}
	}
	j := i + 1
	for j < len(p) && pair[j-1] {
		j++
	}
	for ; j >= i+2; j-- {
		out = append(out, j)
	}
	if isWordKey(p[i]) {
		out = append(out, i+1)
	}
	slices.SortFunc(out, func(a, b int) int { return cmp.Compare(b, a) })
	return slices.Compact(out)
}

func allMarked(m []bool) bool { return !slices.Contains(m, false) }

// occurs reports whether keys, or one of its synonyms, occurs anywhere.
func (r *Reader) occurs(keys []string, budget *int) (bool, error) {
	for _, alt := range expand(keys, r.meta.Synonyms, r.meta.SynWeight) {
		if *budget <= 0 {
			return false, nil
		}
		*budget--
		ms, err := r.phrase(alt.keys)
		if err != nil || len(ms) > 0 {
			return err == nil, err
		}
	}
	return false, nil
}

// score is BM25F: the saturated field-weighted frequency of the phrase,
// times its idf and the boost of the document's kind.
func (r *Reader) score(m match, df int) float64 {
	return float64(r.kind(m.doc).Boost*format.IDF(r.meta.Docs, df)) * m.sat
}

// kind returns the kind range that holds doc.
func (r *Reader) kind(doc int) format.KindRange {
	for _, k := range r.meta.Kinds {
		if doc >= k.Start && doc < k.End {
			return k
		}
	}
	return format.KindRange{Boost: 1, AvgBody: 1}
}

// match is one document that contains a phrase.
type match struct {
	doc int
	sat float64 // saturation (see format.Saturation)
	seg int
}

// matches turns the postings of a phrase that is one gram into matches.
func (r *Reader) matches(ps []format.Posting) []match {
	out := make([]match, len(ps))
	for i, p := range ps {
		out[i] = match{doc: p.Doc, sat: p.Sat, seg: p.Seg}
		if !p.Impact {
			out[i].sat = r.saturation(p.Doc, p.TF, p.LenQ)
		}
	}
	return out
}

func (r *Reader) saturation(doc int, tf [format.NFields]int, lenq byte) float64 {
	mt := &r.meta
	return format.Saturation(mt.Weights, mt.K1, mt.B, r.kind(doc).AvgBody, tf, lenq)
}

// phrase returns the documents that contain the token sequence keys
// (search.js: Engine.phrase).
func (r *Reader) phrase(keys []string) ([]match, error) {
	n := len(keys)
	texts := make([]string, n)
	for i, k := range keys {
		texts[i] = gramKey([]string{k})
	}
	key := func(i, j int) string { return strings.Join(texts[i:j], "") }
	listed := map[string]dictEntry{}
	for i := 0; i == 0 || i+1 < n; i++ {
		d, err := r.dict(format.Shard(key(i, min(n, i+2)), len(r.meta.Dict)-1))
		if err != nil {
			return nil, err
		}
		for k, e := range d.listed {
			listed[k] = e
		}
	}
	inC := func(i, j int) bool { e, ok := listed[key(i, j)]; return ok && e.flags&format.FlagCommon != 0 }
	var cover [][2]int
	if n == 1 || (n <= r.meta.MaxGram && inC(0, n)) {
		cover = [][2]int{{0, n}}
	} else if cover = coverPhrase(n, r.meta.MaxGram, inC); cover == nil {
		return nil, nil
	}
	first2 := func(iv [2]int) string { return key(iv[0], min(iv[1], iv[0]+2)) }
	if len(cover) == 1 {
		ps, ok, err := r.gram(key(0, n), first2(cover[0]), false)
		if !ok || err != nil {
			return nil, err
		}
		return r.matches(ps), nil
	}
	// Read every gram of the cover (the browser fetches them in
	// parallel) before giving up on a missing one.
	lists := make([][]format.Posting, len(cover))
	missing := false
	for c, iv := range cover {
		ps, ok, err := r.gram(key(iv[0], iv[1]), first2(iv), true)
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
// occurs nowhere (search.js: coverPhrase).
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
func (r *Reader) verify(cover [][2]int, lists [][]format.Posting) []match {
	index := make([]map[int]*format.Posting, len(lists))
	for c := 1; c < len(lists); c++ {
		index[c] = make(map[int]*format.Posting, len(lists[c]))
		for i := range lists[c] {
			index[c][lists[c][i].Doc] = &lists[c][i]
		}
	}
	var out []match
	for i := range lists[0] {
		p0 := &lists[0][i]
		others := make([]*format.Posting, len(lists))
		ok := true
		for c := 1; c < len(lists) && ok; c++ {
			others[c], ok = index[c][p0.Doc]
		}
		if !ok {
			continue
		}
		var tf [format.NFields]int
		first := -1
		for f := range format.NFields {
			for _, p := range p0.Pos[f] {
				all := true
				for c := 1; c < len(lists) && all; c++ {
					_, all = slices.BinarySearch(others[c].Pos[f], p+cover[c][0])
				}
				if all {
					tf[f]++
					if f == format.FBody && first < 0 {
						first = p
					}
				}
			}
		}
		if tf == [format.NFields]int{} {
			continue
		}
		m := match{doc: p0.Doc, sat: r.saturation(p0.Doc, tf, p0.LenQ)}
		if p0.HasSeg && first >= 0 {
			m.seg = first / r.meta.Segment
		}
		out = append(out, m)
	}
	return out
}

// Exact returns the documents that hold every phrase of q as typed, with
// their synonyms: step 1 without leaving out question words, and no
// fallback. The recall tests compare it with brute force.
func (r *Reader) Exact(q string) ([]Hit, error) {
	r.reset()
	phrases := search.ParseQuery(q)
	if len(phrases) == 0 {
		return []Hit{}, nil
	}
	a, err := r.all(phrases)
	return a.Hits, err
}
