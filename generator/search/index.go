package search

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"gyportal/generator/search/internal/format"
)

// The index is a variable-length n-gram index that answers any contiguous
// phrase exactly, with small downloads.
//
// Every token (unigram) and every pair of adjacent tokens (bigram) is
// indexed. A gram that occurs more than Common times in the whole site is
// "common"; the one-token extensions of a common gram, to the left and to
// the right, are indexed too, up to MaxGram tokens. So a frequent phrase
// such as 计划生育 is itself an indexed gram: a query for it reads one
// list with a byte per document (its impact, see format/rank.go) instead
// of three long position lists. Rare grams, and common grams of the
// maximal length, keep positions; a phrase that is not itself an indexed
// gram is covered by a few of them and checked for adjacency.
//
// The indexed grams are closed under prefixes and under substrings that
// are common, which gives the two properties the tests check against
// brute force: a phrase that occurs can always be covered by grams that
// keep positions, or is one indexed gram (searchtest: coverPhrase), so
// recall is 100%; adjacency is checked, so precision is 100%.

const (
	fTitle   = format.FTitle
	fMeta    = format.FMeta
	fSummary = format.FSummary
	fBody    = format.FBody
	nFields  = format.NFields
)

// maxGramCap bounds Options.MaxGram.
const maxGramCap = 16

// Options tunes the index layout. The zero value gives the defaults.
type Options struct {
	MaxGram      int // longest indexed gram, in tokens (default 8)
	Common       int // occurrences above which a gram is common (default max(32, tokens/4096))
	Segment      int // body positions per snippet segment of a long body (default 160)
	WholeBody    int // bodies of at most this many bytes are fetched whole, longer ones by segment (default 1024)
	DictTarget   int // target bytes of a dictionary shard (default 1536)
	BucketTarget int // target bytes of a rare bucket (default 1024)
	PackTarget   int // target bytes of a pack file (default 128 KiB)
	ListBytes    int // rare grams with larger postings are listed in the dictionary (default 512)
	// NibbleDF is the document frequency from which the lists of common
	// grams keep four-bit impacts instead of seven (default 1024): a very
	// common word (家庭, 计划生育) is read whole by every query that names
	// it, and ranks no page far above another.
	NibbleDF int
}

func (o Options) withDefaults(tokens int) Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxGram, 8)
	o.MaxGram = max(3, min(o.MaxGram, maxGramCap))
	def(&o.Common, max(32, tokens/4096))
	def(&o.Segment, 160)
	def(&o.WholeBody, 1024)
	def(&o.DictTarget, 1536)
	def(&o.BucketTarget, 1024)
	def(&o.PackTarget, 128<<10)
	def(&o.ListBytes, 512)
	def(&o.NibbleDF, 1024)
	return o
}

// run is a maximal sequence of adjacent tokens: start is the position of
// its first token, which is flat[off]; n tokens.
type run struct {
	start, off, n int32
}

// idoc is a document prepared for indexing.
type idoc struct {
	src     *Doc
	rank    int // kind rank
	fields  [nFields][]run
	bodyLen int  // body tokens
	lastPos int  // position of the last body token
	long    bool // body longer than WholeBody bytes: fetched by segment
	lenq    byte
}

// symtab maps tokens to dense ids 1, 2, ... in order of first use.
type symtab struct {
	bmp   []uint32 // Han characters of the basic plane, by code point
	runes map[rune]uint32
	words map[string]uint32
	keys  []string // gram-key text by id-1 (words end with a space)
}

func newSymtab() symtab {
	return symtab{bmp: make([]uint32, 0x10000), runes: map[rune]uint32{}, words: map[string]uint32{}}
}

func (s *symtab) add(key string) uint32 {
	s.keys = append(s.keys, gramKey([]string{key}))
	return uint32(len(s.keys))
}

// id returns the id of a Han character r, or of a word when word is not
// nil.
func (s *symtab) id(r rune, word []byte) uint32 {
	switch {
	case word != nil:
		if id, ok := s.words[string(word)]; ok {
			return id
		}
		id := s.add(string(word))
		s.words[string(word)] = id
		return id
	case r < 0x10000:
		if s.bmp[r] == 0 {
			s.bmp[r] = s.add(string(r))
		}
		return s.bmp[r]
	default:
		if id, ok := s.runes[r]; ok {
			return id
		}
		id := s.add(string(r))
		s.runes[r] = id
		return id
	}
}

func (s *symtab) key(id uint32) string { return s.keys[id-1] }

// gramInfo is one indexed gram and its postings. The indexed grams form a
// trie: a gram's prefix of one token less is always indexed too.
type gramInfo struct {
	parent  int32  // node of the prefix (0: the root)
	first2  string // key text of the first two tokens (one for a unigram)
	key     string
	n       int // tokens
	occ     int
	df      int
	last    int32 // last document added
	first   int32 // first document added
	common  bool
	withPos bool   // positions are stored (rare grams of 2+ tokens, common grams of MaxGram tokens)
	listed  bool   // in the dictionary (common, or large postings)
	ids     []byte // document ids as uvarint differences
	entries []byte // one entry per document (see format.DecodePostings)
	pos     []byte
}

// builder holds the index while it is built.
type builder struct {
	opts  Options
	docs  []*idoc
	syms  symtab
	flat  []uint32    // the tokens of all runs, each run followed by 0
	grams []*gramInfo // node i+1 is grams[i]
	// deepest[p] is the node of the longest indexed gram that starts at
	// flat[p] (0 at run ends); its prefixes are the parents.
	deepest []int32
	tokens  int
	avgB    []float64 // average body length by kind rank
}

// childKey is the key of the gram that extends node by the token sym.
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
		out[i] = &idoc{src: d, rank: format.KindRank(d.Kind)}
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
	b := &builder{docs: ds, syms: newSymtab()}
	size := 0
	for _, d := range ds {
		for _, s := range fieldText(d.src) {
			size += len(s)/3 + 1
		}
	}
	b.flat = make([]uint32, 0, size)
	for _, d := range ds {
		b.tokenizeDoc(d)
	}
	b.opts = opts.withDefaults(b.tokens)
	b.kindStats()
	b.selectGrams()
	b.postings()
	b.flat, b.deepest = nil, nil
	return b, nil
}

// tokenizeDoc appends the runs of every field of d to flat.
func (b *builder) tokenizeDoc(d *idoc) {
	for f, s := range fieldText(d.src) {
		var runs []run
		last := -2
		scan(s, false, func(r rune, word []byte, pos, _, _ int) {
			if pos != last+1 {
				if len(runs) > 0 {
					b.flat = append(b.flat, 0)
				}
				runs = append(runs, run{start: int32(pos), off: int32(len(b.flat))})
			}
			b.flat = append(b.flat, b.syms.id(r, word))
			runs[len(runs)-1].n++
			last = pos
		})
		if len(runs) > 0 {
			b.flat = append(b.flat, 0)
		}
		d.fields[f] = runs
		for _, r := range runs {
			b.tokens += int(r.n)
			if f == fBody {
				d.bodyLen += int(r.n)
				d.lastPos = int(r.start + r.n - 1)
			}
		}
	}
	d.lenq = format.QuantizeLen(d.bodyLen)
}

// kindStats sets the average body length of each kind and which bodies
// are long.
func (b *builder) kindStats() {
	sum := make([]int, format.Kinds+1)
	count := make([]int, format.Kinds+1)
	for _, d := range b.docs {
		d.long = len(d.src.Body) > b.opts.WholeBody
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
}

// selectGrams decides, level by level, which grams are indexed: all
// unigrams and bigrams, and the one-token extensions of common grams.
// prev[p] is the node of the gram of the previous level that starts at
// flat[p], or -1. It records the deepest gram at each position.
func (b *builder) selectGrams() {
	flat := b.flat
	prev := make([]int32, len(flat)) // level 0: the empty gram (node 0) everywhere
	cur := make([]int32, len(flat))
	b.deepest = make([]int32, len(flat))
	for n := 1; n <= b.opts.MaxGram; n++ {
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
		counts := newU64map(1024)
		for p := range flat {
			cur[p] = -1
			if candidate(p) {
				cur[p] = counts.inc(childKey(prev[p], flat[p+n-1]))
			}
		}
		common := b.addLevel(n, counts, cur)
		if !common && n >= 2 {
			break
		}
		prev, cur = cur, prev
	}
}

// addLevel creates the grams of level n from their counts, in key order,
// and maps each position's count slot in cur to the new node, which
// becomes the position's deepest gram. It reports whether any gram of
// the level is common.
func (b *builder) addLevel(n int, counts *u64map, cur []int32) bool {
	keys := counts.keys()
	slices.Sort(keys)
	node := make([]int32, counts.len()) // slot -> node
	anyCommon := false
	for _, k := range keys {
		slot, occ := counts.get(k)
		parent, sym := int32(k>>32), uint32(k)
		gi := &gramInfo{parent: parent, n: n, occ: occ, last: -1, first: -1}
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
		node[slot] = int32(len(b.grams))
	}
	for p, s := range cur {
		if s >= 0 {
			cur[p] = node[s]
			b.deepest[p] = cur[p] // the deepest gram starting at p so far
		}
	}
	return anyCommon
}

// parallel calls fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	next := make(chan int, workers)
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
