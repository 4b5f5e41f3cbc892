package searchtest

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"

	"gyportal/generator/search"
	"gyportal/generator/search/internal/format"
)

// Reader evaluates queries against a written index with the algorithm of
// search.js, request for request: the tests use it to check recall,
// precision and ranking against brute force and against the browser, and
// the benchmarks to count the bytes a query fetches. No binary links it:
// in the site, search.js is the engine.
//
// To find a phrase of n tokens (see phrase):
//
//  1. read the dictionary shards of the phrase's n-1 adjacent token pairs
//     (of the token, if n is 1): they list every common gram, and every
//     rare gram with large postings, that starts with those tokens, and
//     where the shard's rare buckets are;
//  2. if the phrase is one indexed gram (every token and pair is; a
//     longer gram is exactly when its prefix or suffix of one token less
//     is common), read its documents: its own postings if it is listed,
//     else from its rare bucket. Done;
//  3. otherwise cover the phrase with indexed grams that keep positions
//     (rare grams, and common grams of the maximal length), each reaching
//     as far right as it can; read them and keep the documents where they
//     sit at the right distances from each other.
//
// Then score the documents (format/rank.go). How a query combines its
// phrases (all of them, without question words, or the longest parts) is
// in query.go.
type Reader struct {
	root      string // the /search/ directory
	meta      format.Meta
	metaGzip  int
	noRange   bool
	packStart []int
	cache     map[string][]byte
	dicts     map[int]*shard
	buckets   map[[2]int]map[string]bucketEntry
	cost      Cost
	touched   map[string]bool
	// Seen counts the encodings the reader met, for tests that must
	// exercise each: "bitmap" and "nibble" lists, "segment" reads of
	// long bodies.
	Seen map[string]int
}

// Cost is what a query downloads besides the script: the meta file
// (gzip-compressed, as a static server sends it), and the index ranges
// or, where Range is refused, whole packs (binary, sent as they are).
type Cost struct {
	Requests int      // index requests
	Bytes    int      // bytes of the index requests
	Meta     int      // bytes of the meta file, gzip
	Names    []string // the index requests, "<pack>.bin@<start>+<length>" or "<pack>.bin", sorted
}

// Cold is the cost of a first query: the meta file and the index.
func (c Cost) Cold() int { return c.Meta + c.Bytes }

// OpenDir opens the index written under outDir/search/ whose meta file
// has the site-absolute URL metaURL (search.Assets.Meta). With noRange the
// reader behaves as search.js does against a server that ignores Range:
// it fetches whole packs.
func OpenDir(outDir, metaURL string, noRange bool) (*Reader, error) {
	root := filepath.Join(outDir, "search")
	data, err := os.ReadFile(filepath.Join(root, path.Base(metaURL)))
	if err != nil {
		return nil, err
	}
	r := &Reader{root: root, noRange: noRange, cache: map[string][]byte{}, dicts: map[int]*shard{},
		buckets: map[[2]int]map[string]bucketEntry{}, Seen: map[string]int{}}
	if err := json.Unmarshal(data, &r.meta); err != nil {
		return nil, fmt.Errorf("search: meta: %w", err)
	}
	if r.meta.Version != format.Version {
		return nil, fmt.Errorf("search: meta version %d", r.meta.Version)
	}
	r.metaGzip = GzipLen(data)
	at := 0
	for _, n := range r.meta.Packs {
		r.packStart = append(r.packStart, at)
		at += n
	}
	r.reset()
	return r, nil
}

// GzipLen is the length of data compressed with gzip at the best level,
// as a static server precompresses text.
func GzipLen(data []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// MetaGzip is the size of the meta file, gzip.
func (r *Reader) MetaGzip() int { return r.metaGzip }

// Meta returns the decoded meta file.
func (r *Reader) Meta() format.Meta { return r.meta }

// Docs returns the number of indexed documents.
func (r *Reader) Docs() int { return r.meta.Docs }

func (r *Reader) reset() {
	r.cost = Cost{Meta: r.metaGzip}
	r.touched = map[string]bool{}
}

// count records one request of the current query.
func (r *Reader) count(name string, n int) {
	if !r.touched[name] {
		r.touched[name] = true
		r.cost.Requests++
		r.cost.Bytes += n
		r.cost.Names = append(r.cost.Names, name)
	}
}

// read returns n bytes at global offset off (search.js: Engine.range).
func (r *Reader) read(off, n int) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	k := sort.SearchInts(r.packStart, off+1) - 1
	if k < 0 || off+n > r.packStart[k]+r.meta.Packs[k] {
		return nil, format.ErrCorrupt
	}
	name := fmt.Sprintf("%d.bin", k)
	local := off - r.packStart[k]
	if r.noRange {
		data, err := r.file(name)
		if err != nil {
			return nil, err
		}
		r.count(name, len(data))
		return data[local : local+n], nil
	}
	data, err := r.file(name)
	if err != nil {
		return nil, err
	}
	r.count(fmt.Sprintf("%s@%d+%d", name, local, n), n)
	return data[local : local+n], nil
}

func (r *Reader) file(name string) ([]byte, error) {
	if data, ok := r.cache[name]; ok {
		return data, nil
	}
	data, err := os.ReadFile(filepath.Join(r.root, r.meta.Dir, name))
	if err != nil {
		return nil, err
	}
	r.cache[name] = data
	return data, nil
}

// shard is a decoded dictionary shard.
type shard struct {
	bucket []span // rare buckets
	listed map[string]dictEntry
}

type span struct{ off, n int }

// dictEntry is a listed gram.
type dictEntry struct {
	df, flags, off, docLen, posLen int
}

// bucketEntry is a rare gram with its postings.
type bucketEntry struct {
	df, flags int
	docs, pos []byte
}

// dict returns the decoded dictionary shard s.
func (r *Reader) dict(s int) (*shard, error) {
	off := r.meta.Dict[0]
	for _, n := range r.meta.Dict[1 : s+1] {
		off += n
	}
	data, err := r.read(off, r.meta.Dict[s+1])
	if err != nil {
		return nil, err
	}
	if d, ok := r.dicts[s]; ok {
		return d, nil
	}
	rd := &format.Reader{B: data}
	d := &shard{listed: map[string]dictEntry{}}
	at := rd.Uvarint()
	for range r.meta.Sub {
		n := rd.Uvarint()
		d.bucket = append(d.bucket, span{at, n})
		at += n
	}
	prev := ""
	for rd.More() {
		key := rd.Prefixed(prev)
		e := dictEntry{df: rd.Uvarint(), flags: rd.Uvarint(), off: rd.Uvarint(), docLen: rd.Uvarint()}
		if e.flags&format.FlagPos != 0 {
			e.posLen = rd.Uvarint()
		}
		d.listed[key] = e
		prev = key
	}
	if rd.Err != nil {
		return nil, rd.Err
	}
	r.dicts[s] = d
	return d, nil
}

// bucket returns the decoded rare bucket k of shard s.
func (r *Reader) bucket(s, k int) (map[string]bucketEntry, error) {
	d, err := r.dict(s)
	if err != nil {
		return nil, err
	}
	data, err := r.read(d.bucket[k].off, d.bucket[k].n)
	if err != nil {
		return nil, err
	}
	if b, ok := r.buckets[[2]int{s, k}]; ok {
		return b, nil
	}
	rd := &format.Reader{B: data}
	b := map[string]bucketEntry{}
	prev := ""
	for rd.More() {
		key := rd.Prefixed(prev)
		e := bucketEntry{df: rd.Uvarint(), flags: rd.Uvarint()}
		e.docs = rd.Bytes(rd.Uvarint())
		if e.flags&format.FlagPos != 0 {
			e.pos = rd.Bytes(rd.Uvarint())
		}
		b[key] = e
		prev = key
	}
	if rd.Err != nil {
		return nil, rd.Err
	}
	r.buckets[[2]int{s, k}] = b
	return b, nil
}

// decode decodes postings and counts their encodings.
func (r *Reader) decode(docs, pos []byte, df, flags int) ([]format.Posting, error) {
	if flags&format.FlagBitmap != 0 {
		r.Seen["bitmap"]++
	}
	if flags&format.FlagNibble != 0 {
		r.Seen["nibble"]++
	}
	return format.DecodePostings(docs, pos, df, flags, r.meta.K1)
}

// gram reads the postings of the gram key whose first two tokens are
// first2: from its own range when it is listed, else from its rare
// bucket; positions only if withPos. ok is false when the gram is not
// indexed at all.
func (r *Reader) gram(key, first2 string, withPos bool) (ps []format.Posting, ok bool, err error) {
	s := format.Shard(first2, len(r.meta.Dict)-1)
	d, err := r.dict(s)
	if err != nil {
		return nil, false, err
	}
	if e, ok := d.listed[key]; ok {
		n := e.docLen
		if withPos {
			n += e.posLen
		}
		data, err := r.read(e.off, n)
		if err != nil {
			return nil, false, err
		}
		var pos []byte
		if withPos {
			pos = data[e.docLen:]
		}
		ps, err = r.decode(data[:e.docLen], pos, e.df, e.flags)
		return ps, true, err
	}
	b, err := r.bucket(s, format.Bucket(key, r.meta.Sub))
	if err != nil {
		return nil, false, err
	}
	e, ok := b[key]
	if !ok {
		return nil, false, nil
	}
	pos := e.pos
	if !withPos {
		pos = nil
	}
	ps, err = r.decode(e.docs, pos, e.df, e.flags)
	return ps, true, err
}

// indexed reports whether the gram key (first two tokens first2) is
// indexed, without reading its postings (search.js: Engine.indexed).
func (r *Reader) indexed(key, first2 string) (bool, error) {
	s := format.Shard(first2, len(r.meta.Dict)-1)
	d, err := r.dict(s)
	if err != nil {
		return false, err
	}
	if _, ok := d.listed[key]; ok {
		return true, nil
	}
	b, err := r.bucket(s, format.Bucket(key, r.meta.Sub))
	_, ok := b[key]
	return ok, err
}

// Result is a hit with what the results list shows.
type Result struct {
	Hit
	URL, Title, Department, Summary string
	Text                            string // the body, or the segment that holds the first body match
}

// Fragment reads what the results list shows for h, the summary only
// when the body text shows none of phrases (search.js: Engine.fragment).
func (r *Reader) Fragment(h Hit, phrases [][]string) (Result, error) {
	t, err := r.read(r.meta.Table+format.TableEntry*h.Doc, format.TableEntry+4)
	if err != nil {
		return Result{}, err
	}
	le := binary.LittleEndian
	start, body, summary, end := int(le.Uint32(t)), int(le.Uint32(t[4:])), int(le.Uint32(t[8:])), int(le.Uint32(t[12:]))
	var head, text []byte
	if summary-body <= r.meta.Whole {
		region, err := r.read(start, summary-start)
		if err != nil {
			return Result{}, err
		}
		head, text = region[:body-start], region[body-start:]
	} else if head, err = r.read(start, body-start); err != nil {
		return Result{}, err
	}
	var f format.Fragment
	if err := json.Unmarshal(head, &f); err != nil {
		return Result{}, err
	}
	if text == nil && len(f.Segs) > 0 {
		k := min(h.Seg, len(f.Segs)/2-1)
		r.Seen["segment"]++
		if text, err = r.read(body+f.Segs[2*k], f.Segs[2*k+1]-f.Segs[2*k]); err != nil {
			return Result{}, err
		}
	}
	res := Result{Hit: h, URL: f.URL, Title: f.Title, Department: f.Department, Text: string(text)}
	if end > summary && !shows(res.Text, phrases) {
		s, err := r.read(summary, end-summary)
		if err != nil {
			return Result{}, err
		}
		res.Summary = string(s)
	}
	return res, nil
}

// shows reports whether any phrase occurs in text (search.js: matches).
func shows(text string, phrases [][]string) bool {
	toks := search.Tokenize(text)
	for _, p := range phrases {
		for i := 0; i+len(p) <= len(toks); i++ {
			ok := true
			for k := 0; k < len(p) && ok; k++ {
				ok = toks[i+k].Key == p[k] && (k == 0 || toks[i+k].Pos == toks[i+k-1].Pos+1)
			}
			if ok && len(p) > 0 {
				return true
			}
		}
	}
	return false
}

// URLs returns the URL of every document, by id (not counted as a query's
// cost).
func (r *Reader) URLs() ([]string, error) {
	defer r.reset()
	urls := make([]string, r.meta.Docs)
	for id := range urls {
		f, err := r.Fragment(Hit{Doc: id}, nil)
		if err != nil {
			return nil, err
		}
		urls[id] = f.URL
	}
	return urls, nil
}

// Expand returns the synonym alternatives of a query phrase (token keys)
// and their weights, from the index's synonyms.
func (r *Reader) Expand(phrase []string) ([][]string, []float64) {
	var alts [][]string
	var weights []float64
	for _, a := range expand(phrase, r.meta.Synonyms, r.meta.SynWeight) {
		alts = append(alts, a.keys)
		weights = append(weights, a.weight)
	}
	return alts, weights
}

// alternative is one phrase to search for, with the weight of its score.
type alternative struct {
	keys   []string
	weight float64
}

// maxAlternatives bounds the phrases one query phrase expands to.
const maxAlternatives = 16

// expand returns the phrase itself and its synonym variants. Longer
// source words claim their tokens first, so 残疾人 is not also read as
// 残疾 + 人 (search.js: expand).
func expand(phrase []string, maps []format.SynMap, weight float64) []alternative {
	alts := []alternative{{phrase, 1}}
	seen := map[string]bool{gramKey(phrase): true}
	claimed := make([]bool, len(phrase))
	for _, m := range maps {
		n := len(m.From)
		for p := 0; p+n <= len(phrase); {
			if !slices.Equal(phrase[p:p+n], m.From) || slices.Contains(claimed[p:p+n], true) {
				p++
				continue
			}
			for i := p; i < p+n; i++ {
				claimed[i] = true
			}
			for _, t := range m.To {
				alt := slices.Concat(phrase[:p], t, phrase[p+n:])
				if k := gramKey(alt); !seen[k] && len(alts) < maxAlternatives {
					seen[k] = true
					alts = append(alts, alternative{alt, weight})
				}
			}
			p += n
		}
	}
	return alts
}

// gramKey is the key text of a token sequence (search.GramKey).
func gramKey(keys []string) string { return search.GramKey(keys) }
