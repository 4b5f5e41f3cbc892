package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Layout under <outDir>/search/ (all names relative to that directory):
//
//	search.<hash>.js          the script (Assets.Script)
//	meta.<hash>.json          parameters, synonyms, the index directory
//	i-<hash>/c/<s>.bin        dictionary shard s: the listed grams (common
//	                          grams, and rare grams with large postings)
//	                          whose first two tokens hash to s
//	i-<hash>/g/<s>-<o>.bin    documents of listed gram o of shard s;
//	                          <s>-<o>p.bin: its positions, if it keeps them
//	i-<hash>/p/<k>.bin        pack k: the other rare grams whose key hashes
//	                          to k, each with documents and positions
//	i-<hash>/d/<id>.json      document id: URL, title, department, summary,
//	                          first body segment, segment count
//	i-<hash>/d/<id>-<k>.json  body segment k of a long document
//
// Every name under i-<hash> changes when any index file changes, so a
// browser cache never mixes two builds.

//go:embed search.js
var scriptSource []byte

// snippetOverlap is how many tokens a body segment repeats of the next
// one, so that a match across the boundary can still be highlighted.
const snippetOverlap = 24

// metaFile is the JSON the script loads first.
type metaFile struct {
	Version   int            `json:"v"`
	Dir       string         `json:"dir"`
	Docs      int            `json:"n"`
	MaxGram   int            `json:"maxGram"`
	Segment   int            `json:"seg"`
	Dict      int            `json:"dc"`
	Packs     int            `json:"np"`
	K1        float64        `json:"k1"`
	B         float64        `json:"b"`
	Weights   [4]float64     `json:"w"`
	SynWeight float64        `json:"sw"`
	Kinds     []kindRange    `json:"kinds"`
	Synonyms  []synMap       `json:"syn"`
	Fields    [4]string      `json:"fields"`
	Stats     map[string]int `json:"stats"`
}

// kindRange gives the documents [Start, End) of one kind, its boost and
// its average body length.
type kindRange struct {
	Kind    string  `json:"kind"`
	Start   int     `json:"s"`
	End     int     `json:"e"`
	Boost   float64 `json:"boost"`
	AvgBody float64 `json:"avgB"`
}

// Writer receives the files of the index, named relative to the site
// root ("search/meta.….json"). It must be safe for concurrent use.
// RenameDir moves a directory written with WriteFile: the index is
// streamed into a temporary directory, then named after its content.
type Writer interface {
	WriteFile(name string, data []byte) error
	RenameDir(from, to string) error
}

// Write indexes docs and writes the index shards and the search script
// under outDir/search/, replacing the index of an earlier Write there. It
// is deterministic: same input, same bytes.
func Write(outDir string, docs []Doc, syn []Synonym) (Assets, error) {
	return WriteOptions(outDir, docs, syn, Options{})
}

// WriteOptions is Write with a tuned layout.
func WriteOptions(outDir string, docs []Doc, syn []Synonym, opts Options) (Assets, error) {
	dir := filepath.Join(outDir, "search")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Assets{}, err
	}
	if err := clean(dir); err != nil {
		return Assets{}, err
	}
	return WriteTo(dirWriter(outDir), docs, syn, opts)
}

// WriteTo indexes docs and hands every file of the index to w.
func WriteTo(out Writer, docs []Doc, syn []Synonym, opts Options) (Assets, error) {
	b, err := build(docs, opts)
	if err != nil {
		return Assets{}, err
	}
	const tmp = "search/.i-build"
	w := &fileWriter{out: out, prefix: tmp + "/"}
	layout := b.layout()
	b.writeIndex(w, layout)
	b.writeDocs(w)
	if err := w.wait(); err != nil {
		return Assets{}, err
	}
	idxDir := "i-" + w.hash()
	if err := out.RenameDir(tmp, "search/"+idxDir); err != nil {
		return Assets{}, err
	}

	m := metaFile{
		Version: 1, Dir: idxDir, Docs: len(b.docs), MaxGram: b.opts.MaxGram,
		Segment: b.opts.Segment, Dict: layout.dict, Packs: layout.packs,
		K1: bm25K1, B: bm25B, Weights: fieldWeight, SynWeight: synonymWeight,
		Synonyms: buildSynonyms(syn),
		Fields:   [4]string{"title", "meta", "summary", "body"},
		Stats: map[string]int{"tokens": b.tokens, "grams": len(b.grams),
			"common": layout.common, "listed": layout.listed, "threshold": b.opts.Common},
	}
	for i := 0; i < len(b.docs); {
		j := i
		for j < len(b.docs) && b.docs[j].rank == b.docs[i].rank {
			j++
		}
		r := b.docs[i].rank
		m.Kinds = append(m.Kinds, kindRange{b.docs[i].src.Kind, i, j, kindBoost(r), b.avgB[r]})
		i = j
	}
	metaJSON, err := marshal(m)
	if err != nil {
		return Assets{}, err
	}
	metaName := "meta." + shortHash(metaJSON) + ".json"
	script := bytes.Replace(compactJS(scriptSource), []byte(`"__META__"`), []byte(strconv.Quote(metaName)), 1)
	scriptName := "search." + shortHash(script) + ".js"
	for _, f := range []struct {
		name string
		data []byte
	}{{metaName, metaJSON}, {scriptName, script}} {
		if err := out.WriteFile("search/"+f.name, f.data); err != nil {
			return Assets{}, err
		}
	}
	return Assets{
		Script: "/search/" + scriptName,
		Meta:   "/search/" + metaName,
		Files:  len(w.hashes) + 2,
		Bytes:  w.bytes + int64(len(metaJSON)+len(script)),
	}, nil
}

// dirWriter writes files under a directory on disk.
type dirWriter string

func (d dirWriter) WriteFile(name string, data []byte) error {
	path := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func (d dirWriter) RenameDir(from, to string) error {
	return os.Rename(filepath.Join(string(d), filepath.FromSlash(from)), filepath.Join(string(d), filepath.FromSlash(to)))
}

// clean removes the outputs of earlier builds from dir: index
// directories, meta files and scripts. Other files are left alone.
func clean(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if (e.IsDir() && strings.HasPrefix(n, "i-")) ||
			(strings.HasPrefix(n, "meta.") && strings.HasSuffix(n, ".json")) ||
			(strings.HasPrefix(n, "search.") && strings.HasSuffix(n, ".js")) {
			if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// compactJS drops the comment lines, blank lines and indentation of
// search.js (about a quarter of it). It relies on the file's style: no
// comment shares a line with code it must keep, and no string or regular
// expression spans lines.
func compactJS(src []byte) []byte {
	var out []byte
	inBlock := false
	for line := range bytes.Lines(src) {
		l := bytes.TrimSpace(line)
		switch {
		case inBlock:
			inBlock = !bytes.Contains(l, []byte("*/"))
			continue
		case bytes.HasPrefix(l, []byte("/*")):
			inBlock = !bytes.Contains(l, []byte("*/"))
			continue
		case len(l) == 0 || bytes.HasPrefix(l, []byte("//")):
			continue
		}
		out = append(append(out, l...), '\n')
	}
	return out
}

func shortHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:6])
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// layout says where each gram's postings go: listed grams in dictionary
// shards by the hash of their first two tokens, the others in packs by the
// hash of their key. Both counts are powers of two chosen from the total
// size so that a shard or a pack is a few kilobytes.
type layout struct {
	dict, packs    int
	listed, common int
	shards         [][]*gramInfo // listed grams by dictionary shard, sorted by key
	packed         [][]*gramInfo // the other grams by pack, sorted by key
}

func pow2(n int) int {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(n-1))
}

func (b *builder) layout() *layout {
	var dictBytes, packBytes int
	for _, gi := range b.grams {
		if gi.listed {
			dictBytes += len(gi.key) + 5
		} else {
			packBytes += len(gi.key) + len(gi.doc) + len(gi.pos) + 8
		}
	}
	l := &layout{dict: pow2(dictBytes / b.opts.DictTarget), packs: pow2(packBytes / b.opts.PackTarget)}
	l.shards = make([][]*gramInfo, l.dict)
	l.packed = make([][]*gramInfo, l.packs)
	for _, gi := range b.grams {
		if gi.listed {
			s := fnv32(gi.first2) % uint32(l.dict)
			l.shards[s] = append(l.shards[s], gi)
			l.listed++
			if gi.common {
				l.common++
			}
		} else {
			p := fnv32(gi.key) % uint32(l.packs)
			l.packed[p] = append(l.packed[p], gi)
		}
	}
	byKey := func(x, y *gramInfo) int { return cmp.Compare(x.key, y.key) }
	for _, s := range l.shards {
		slices.SortFunc(s, byKey)
	}
	for _, p := range l.packed {
		slices.SortFunc(p, byKey)
	}
	return l
}

// writeIndex writes, in parallel, the dictionary shards, the files of the
// listed grams and the packs.
//
// A dictionary shard is a list of entries sorted by key: uvarint length
// of the prefix shared with the previous key, the rest of the key as a
// string, uvarint df, uvarint flags (1: common, 2: keeps positions). The
// entry's ordinal names its files. A pack is a list of entries: key, df,
// documents and positions (strings).
func (b *builder) writeIndex(w *fileWriter, l *layout) {
	parallel(len(l.shards), func(s int) {
		var buf []byte
		prev := ""
		for o, gi := range l.shards[s] {
			p := commonPrefix(prev, gi.key)
			buf = binary.AppendUvarint(buf, uint64(p))
			buf = appendString(buf, gi.key[p:])
			buf = binary.AppendUvarint(buf, uint64(gi.df))
			flags := 0
			if gi.common {
				flags |= 1
			}
			if gi.withPos {
				flags |= 2
			}
			buf = binary.AppendUvarint(buf, uint64(flags))
			prev = gi.key
			name := fmt.Sprintf("g/%d-%d", s, o)
			w.write(name+".bin", gi.doc)
			if gi.withPos {
				w.write(name+"p.bin", gi.pos)
			}
		}
		w.write(fmt.Sprintf("c/%d.bin", s), buf)
	})
	parallel(len(l.packed), func(k int) {
		var buf []byte
		for _, gi := range l.packed[k] {
			buf = appendString(buf, gi.key)
			buf = binary.AppendUvarint(buf, uint64(gi.df))
			buf = appendBytes(buf, gi.doc)
			buf = appendBytes(buf, gi.pos)
		}
		w.write(fmt.Sprintf("p/%d.bin", k), buf)
	})
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// fragment is the JSON of one result: what the results list shows.
type fragment struct {
	URL        string `json:"u"`
	Title      string `json:"t"`
	Department string `json:"d,omitempty"`
	Summary    string `json:"s,omitempty"`
	Body       string `json:"b"`
	Segments   int    `json:"n"`
}

// writeDocs writes one fragment per document and the extra body
// segments of long documents, in parallel.
func (b *builder) writeDocs(w *fileWriter) {
	parallel(len(b.docs), func(id int) {
		d := b.docs[id]
		segs := segments(d.src.Body, b.opts.Segment, d.nseg)
		f := fragment{URL: d.src.URL, Title: d.src.Title, Department: d.src.Department,
			Summary: d.src.Summary, Body: segs[0], Segments: d.nseg}
		data, err := marshal(f)
		if err != nil {
			w.fail(err)
			return
		}
		w.write(fmt.Sprintf("d/%d.json", id), data)
		for k := 1; k < len(segs); k++ {
			data, _ := marshal(segs[k])
			w.write(fmt.Sprintf("d/%d-%d.json", id, k), data)
		}
	})
}

// segments splits body into n segments of seg positions each; a segment
// runs on for snippetOverlap tokens into the next. Tokens come in position
// order, so each boundary is found by binary search (linear overall).
func segments(body string, seg, n int) []string {
	if n <= 1 {
		return []string{body}
	}
	toks := Tokenize(body)
	first := func(pos int) int { // index of the first token at or after pos
		return sort.Search(len(toks), func(i int) bool { return toks[i].Pos >= pos })
	}
	out := make([]string, n)
	for k := range n {
		end := len(body)
		if i := first((k + 1) * seg); k < n-1 && i < len(toks) {
			if i+snippetOverlap < len(toks) {
				end = toks[i+snippetOverlap].Start
			} else {
				end = toks[len(toks)-1].End
			}
		}
		start := end
		if k == 0 {
			start = 0
		} else if i := first(k * seg); i < len(toks) {
			start = toks[i].Start
		}
		out[k] = body[start:end]
	}
	return out
}

// fileWriter streams the files of the index to a Writer from many
// goroutines and keeps a hash of each, to name the index directory after
// its content.
type fileWriter struct {
	out    Writer
	prefix string
	mu     sync.Mutex
	err    error
	bytes  int64
	hashes []string
}

func (w *fileWriter) write(name string, data []byte) {
	if err := w.out.WriteFile(w.prefix+name, data); err != nil {
		w.fail(err)
		return
	}
	sum := sha256.Sum256(data)
	w.mu.Lock()
	w.hashes = append(w.hashes, name+" "+hex.EncodeToString(sum[:]))
	w.bytes += int64(len(data))
	w.mu.Unlock()
}

func (w *fileWriter) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *fileWriter) wait() error { return w.err }

// hash names the index directory after the content of every file.
func (w *fileWriter) hash() string {
	slices.Sort(w.hashes)
	return shortHash([]byte(strings.Join(w.hashes, "\n")))
}
