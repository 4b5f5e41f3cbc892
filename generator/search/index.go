package search

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"sync"
)

// The index is a variable-length n-gram index that answers any contiguous
// phrase exactly, with small downloads.
//
// Every token (unigram) and every pair of adjacent tokens (bigram) is
// indexed. A gram that occurs more than Common times in the whole site is
// "common"; the one-token extensions of a common gram, to the left and to
// the right, are indexed too, up to MaxGram tokens. So a frequent phrase
// such as 计划生育 is itself an indexed gram: a query for it reads one
// list with a byte or two per document (its impact, see rank.go) instead
// of three long position lists. Rare grams, and common grams of the
// maximal length, keep positions; a phrase that is not itself an indexed
// gram is covered by a few of them and checked for adjacency.
//
// The indexed grams are closed under prefixes and under substrings that
// are common, which gives the two properties the tests check against
// brute force: a phrase that occurs can always be covered by grams that
// keep positions, or is one indexed gram (see coverPhrase in query.go),
// so recall is 100%; adjacency is checked, so precision is 100%.

// Fields of a document, in posting order.
const (
	fTitle = iota
	fMeta  // department, group and keyword names
	fSummary
	fBody
	nFields
)

// maxGramCap bounds Options.MaxGram.
const maxGramCap = 16

// Options tunes the index layout. The zero value gives the defaults.
type Options struct {
	MaxGram    int // longest indexed gram, in tokens (default 8)
	Common     int // occurrences above which a gram is common (default max(32, tokens/2048))
	Segment    int // body positions per snippet segment (default 240)
	DictTarget int // target bytes of a dictionary shard (default 2048)
	PackTarget int // target bytes of a postings pack (default 4096)
	ListBytes  int // rare grams with larger postings get a file of their own (default 1024)
}

func (o Options) withDefaults(tokens int) Options {
	if o.MaxGram <= 0 {
		o.MaxGram = 8
	}
	o.MaxGram = max(3, min(o.MaxGram, maxGramCap))
	if o.Common <= 0 {
		o.Common = max(32, tokens/2048)
	}
	if o.Segment <= 0 {
		o.Segment = 240
	}
	if o.DictTarget <= 0 {
		o.DictTarget = 2048
	}
	if o.PackTarget <= 0 {
		o.PackTarget = 4096
	}
	if o.ListBytes <= 0 {
		o.ListBytes = 1024
	}
	return o
}

// run is a maximal sequence of adjacent tokens: start is the position of
// syms[0]. syms is a slice of builder.flat.
type run struct {
	start int32
	syms  []uint32
}

// idoc is a document prepared for indexing.
type idoc struct {
	src     *Doc
	rank    int // kind rank
	fields  [nFields][]run
	bodyLen int // body tokens
	lenq    byte
	nseg    int // snippet segments of the body
}

// symtab maps token keys to dense ids 1, 2, ... in order of first use.
type symtab struct {
	ids  map[string]uint32
	keys []string // gram-key text by id (words end with a space)
}

func (s *symtab) id(key string) uint32 {
	if id, ok := s.ids[key]; ok {
		return id
	}
	s.keys = append(s.keys, gramKey([]string{key}))
	id := uint32(len(s.keys))
	s.ids[key] = id
	return id
}

func (s *symtab) key(id uint32) string { return s.keys[id-1] }

// gramInfo is one indexed gram and its postings. The indexed grams form a
// trie: a gram's prefix of one token less is always indexed too.
type gramInfo struct {
	parent  int32  // node of the prefix (0: the root)
	sym     uint32 // last token
	n       int    // tokens
	first2  string // key text of the first two tokens (one for a unigram)
	key     string
	occ     int
	df      int
	common  bool
	withPos bool // positions are stored (rare grams of 2+ tokens, common grams of MaxGram tokens)
	listed  bool // in the dictionary with files of its own (common, or large postings)
	doc     []byte
	pos     []byte
	last    int // last document added
}

// builder holds the index while it is built.
type builder struct {
	opts   Options
	docs   []*idoc
	syms   symtab
	flat   []uint32    // the tokens of all runs, each run followed by 0
	grams  []*gramInfo // node i+1 is grams[i]
	child  map[uint64]int32
	tokens int
	avgB   []float64 // average body length by kind rank
}

func childKey(node int32, sym uint32) uint64 { return uint64(node)<<32 | uint64(sym) }

// impact reports whether the gram's documents are stored as impacts.
func (gi *gramInfo) impact() bool { return gi.common && !gi.withPos }

// gram returns the indexed gram of node (>= 1).
func (b *builder) gram(node int32) *gramInfo { return b.grams[node-1] }

// prepare checks the documents and orders them by kind.
func prepare(docs []Doc) ([]*idoc, error) {
	seen := make(map[string]bool, len(docs))
	out := make([]*idoc, len(docs))
	for i := range docs {
		d := &docs[i]
		if d.URL == "" {
			return nil, fmt.Errorf("search: document %d (%q) has no URL", i, d.Title)
		}
		if seen[d.URL] {
			return nil, fmt.Errorf("search: two documents have the URL %s", d.URL)
		}
		seen[d.URL] = true
		out[i] = &idoc{src: d, rank: kindRank(d.Kind)}
	}
	slices.SortStableFunc(out, func(a, b *idoc) int { return cmp.Compare(a.rank, b.rank) })
	return out, nil
}

// fieldText returns the text of each field of d. The meta field joins the
// department, group names and keywords with a separator that breaks
// phrases.
func fieldText(d *Doc) [nFields]string {
	meta := d.Department
	for _, g := range slices.Concat(d.Groups, d.Keywords) {
		meta += "；" + g
	}
	return [nFields]string{d.Title, meta, d.Summary, d.Body}
}

// build indexes docs.
func build(docs []Doc, opts Options) (*builder, error) {
	ds, err := prepare(docs)
	if err != nil {
		return nil, err
	}
	// Tokenize in parallel, in batches, so that only one batch of
	// token lists is alive at a time.
	b := &builder{docs: ds, syms: symtab{ids: map[string]uint32{}}, child: map[uint64]int32{}}
	lastPos := make([]int, len(ds))
	const batch = 256
	for lo := 0; lo < len(ds); lo += batch {
		hi := min(lo+batch, len(ds))
		toks := make([][nFields][]Token, hi-lo)
		parallel(hi-lo, func(i int) {
			for f, s := range fieldText(ds[lo+i].src) {
				toks[i][f] = Tokenize(s)
			}
		})
		for i, d := range ds[lo:hi] {
			for f := range nFields {
				d.fields[f] = b.runs(toks[i][f])
				b.tokens += len(toks[i][f])
			}
			body := toks[i][fBody]
			d.bodyLen = len(body)
			d.lenq = quantizeLen(d.bodyLen)
			if len(body) > 0 {
				lastPos[lo+i] = body[len(body)-1].Pos
			}
		}
	}
	// Runs point into flat; fix them up now that flat stops growing.
	off := 0
	for _, d := range ds {
		for f := range nFields {
			for k := range d.fields[f] {
				n := len(d.fields[f][k].syms)
				d.fields[f][k].syms = b.flat[off : off+n : off+n]
				off += n + 1
			}
		}
	}
	b.opts = opts.withDefaults(b.tokens)
	sum := make([]int, len(kindOrder)+1)
	count := make([]int, len(kindOrder)+1)
	for i, d := range ds {
		d.nseg = lastPos[i]/b.opts.Segment + 1
		sum[d.rank] += d.bodyLen
		count[d.rank]++
	}
	b.avgB = make([]float64, len(sum))
	for r := range sum {
		b.avgB[r] = 1
		if sum[r] > 0 {
			b.avgB[r] = float64(sum[r]) / float64(count[r])
		}
	}
	b.selectGrams()
	b.postings()
	return b, nil
}

// runs splits a token list into runs of adjacent tokens and appends them
// to flat. The returned runs hold lengths only; build points them into
// flat at the end.
func (b *builder) runs(toks []Token) []run {
	var out []run
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].Pos == toks[j-1].Pos+1 {
			j++
		}
		for k := i; k < j; k++ {
			b.flat = append(b.flat, b.syms.id(toks[k].Key))
		}
		b.flat = append(b.flat, 0)
		out = append(out, run{start: int32(toks[i].Pos), syms: make([]uint32, j-i)})
		i = j
	}
	return out
}

// selectGrams decides, level by level, which grams are indexed: all
// unigrams and bigrams, and the one-token extensions of common grams.
// prev[p] is the node of the gram of the previous level that starts at
// flat[p], or -1.
func (b *builder) selectGrams() {
	flat := b.flat
	prev := make([]int32, len(flat))
	cur := make([]int32, len(flat))
	for i := range prev {
		prev[i] = 0 // level 0: the empty gram at every position
	}
	for n := 1; n <= b.opts.MaxGram; n++ {
		counts := map[uint64]int{}
		candidate := func(p int) bool {
			end := p + n - 1
			if end >= len(flat) || prev[p] < 0 || flat[end] == 0 {
				return false
			}
			if n <= 2 {
				return true
			}
			return b.gram(prev[p]).common || (prev[p+1] > 0 && b.gram(prev[p+1]).common)
		}
		for p := range flat {
			if candidate(p) {
				counts[childKey(prev[p], flat[p+n-1])]++
			}
		}
		keys := make([]uint64, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		anyCommon := false
		for _, k := range keys {
			parent, sym := int32(k>>32), uint32(k)
			gi := &gramInfo{parent: parent, sym: sym, n: n, occ: counts[k]}
			gi.common = gi.occ > b.opts.Common
			gi.withPos = n >= 2 && (!gi.common || n == b.opts.MaxGram)
			gi.key = b.syms.key(sym)
			gi.first2 = gi.key
			if parent > 0 {
				pg := b.gram(parent)
				gi.key = pg.key + gi.key
				if n == 2 {
					gi.first2 = gi.key
				} else {
					gi.first2 = pg.first2
				}
			}
			anyCommon = anyCommon || gi.common
			b.grams = append(b.grams, gi)
			b.child[k] = int32(len(b.grams))
		}
		for p := range flat {
			cur[p] = -1
			if candidate(p) {
				cur[p] = b.child[childKey(prev[p], flat[p+n-1])]
			}
		}
		prev, cur = cur, prev
		if !anyCommon && n >= 2 {
			break
		}
	}
}

// occurrence is one gram at one position of one field of a document.
type occurrence struct {
	gram  int32 // node
	field uint8
	pos   int32
}

// occurrences lists the indexed grams of document d, sorted by gram,
// field and position.
func (b *builder) occurrences(d *idoc) []occurrence {
	var occ []occurrence
	for f := range nFields {
		for _, r := range d.fields[f] {
			for i := range r.syms {
				node := int32(0)
				for n := 1; n <= b.opts.MaxGram && i+n <= len(r.syms); n++ {
					next, ok := b.child[childKey(node, r.syms[i+n-1])]
					if !ok {
						break // the indexed grams are prefix-closed
					}
					node = next
					occ = append(occ, occurrence{node, uint8(f), r.start + int32(i)})
				}
			}
		}
	}
	slices.SortFunc(occ, func(x, y occurrence) int {
		if c := cmp.Compare(x.gram, y.gram); c != 0 {
			return c
		}
		if c := cmp.Compare(x.field, y.field); c != 0 {
			return c
		}
		return cmp.Compare(x.pos, y.pos)
	})
	return occ
}

// postings encodes the posting list of every gram, document by document;
// batches of documents are scanned in parallel and appended in order.
//
// A document entry starts with the uvarint difference of its id from the
// previous entry's. An impact entry (common grams without positions) then
// has one byte hasSeg<<7 | impact. A full entry has uvarint v = tfBody<<4
// | hasTitle<<3 | hasMeta<<2 | hasSummary<<1 | hasSeg; the title, meta
// and summary frequencies that are flagged; and one byte of quantized
// body length. Both end, when hasSeg is set (a body longer than one
// snippet segment, with a match), with the uvarint segment of the first
// body match. Positions, where stored, are per document and field (title,
// meta, summary, body), delta coded.
func (b *builder) postings() {
	const batch = 128
	occ := make([][]occurrence, batch)
	for lo := 0; lo < len(b.docs); lo += batch {
		hi := min(lo+batch, len(b.docs))
		parallel(hi-lo, func(i int) { occ[i] = b.occurrences(b.docs[lo+i]) })
		for i := range hi - lo {
			o := occ[i]
			for j := 0; j < len(o); {
				k := j
				for k < len(o) && o[k].gram == o[j].gram {
					k++
				}
				b.addDoc(b.gram(o[j].gram), lo+i, b.docs[lo+i], o[j:k])
				j = k
			}
			occ[i] = nil
		}
	}
	for _, gi := range b.grams {
		gi.listed = gi.common || len(gi.doc)+len(gi.pos) > b.opts.ListBytes
	}
}

func (b *builder) addDoc(gi *gramInfo, docID int, d *idoc, occ []occurrence) {
	var tf [nFields]int
	firstBody := -1
	for _, o := range occ {
		tf[o.field]++
		if o.field == fBody && firstBody < 0 {
			firstBody = int(o.pos)
		}
	}
	hasSeg := d.nseg > 1 && tf[fBody] > 0
	gi.doc = binary.AppendUvarint(gi.doc, uint64(docID-gi.last))
	gi.df++
	gi.last = docID
	if gi.impact() {
		q := quantizeImpact(saturation(fieldWeight, bm25K1, bm25B, b.avgB[d.rank], tf, d.lenq))
		if hasSeg {
			q |= 0x80
		}
		gi.doc = append(gi.doc, q)
	} else {
		v := tf[fBody] << 4
		for f, bit := range [3]int{8, 4, 2} {
			if tf[f] > 0 {
				v |= bit
			}
		}
		if hasSeg {
			v |= 1
		}
		gi.doc = binary.AppendUvarint(gi.doc, uint64(v))
		for f := range 3 {
			if tf[f] > 0 {
				gi.doc = binary.AppendUvarint(gi.doc, uint64(tf[f]))
			}
		}
		gi.doc = append(gi.doc, d.lenq)
	}
	if hasSeg {
		gi.doc = binary.AppendUvarint(gi.doc, uint64(firstBody/b.opts.Segment))
	}
	if !gi.withPos {
		return
	}
	prev, field := 0, -1
	for _, o := range occ {
		if int(o.field) != field {
			field, prev = int(o.field), 0
		}
		gi.pos = binary.AppendUvarint(gi.pos, uint64(int(o.pos)-prev))
		prev = int(o.pos)
	}
}

// parallel calls fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
