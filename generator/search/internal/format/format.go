// Package format is the search index's file format, shared by the
// builder (package search) and the test engine (package searchtest):
// the meta file, the varint streams, the posting lists and the ranking
// arithmetic. search.js decodes the same bytes; each function here names
// the JavaScript it mirrors.
//
// The index is a meta file (JSON) and a few pack files. The packs form one
// address space: pack k holds the bytes [start_k, start_k + Packs[k]) of it,
// where start_k is the sum of the sizes before it. Every item (a
// dictionary shard, a bucket of rare grams, a posting list, the document
// table, a document's result fragment) lies inside one pack and is read
// with an HTTP Range request of exactly its bytes, or, where a server
// ignores Range, by fetching its whole pack once.
//
// Items:
//
//   - Dictionary shard s (of len(Dict)-1, by FNV-1a of a gram's first two
//     tokens modulo the shard count): the global offset of the shard's Sub
//     rare buckets and their lengths, then the listed grams (common grams,
//     and rare grams with large postings) whose first two tokens hash to s,
//     sorted by key: prefix length shared with the previous key, the rest
//     of the key, df, flags, global offset of the postings, length of the
//     documents part, and (FlagPos) length of the positions part.
//   - Rare bucket b of shard s (b = (FNV-1a(key) >> 16) mod Sub): the other
//     grams of the shard with that hash, sorted by key: prefix length, rest
//     of the key, df, flags, documents part and positions part (each
//     length-prefixed).
//   - Postings: see DecodePostings.
//   - Document table: Docs+1 entries of three little-endian uint32: the
//     global offsets of document d's fragment, of its body and of its
//     summary within it (the last entry: where the fragments end).
//   - Fragment: the JSON Fragment, the body text and the summary (UTF-8).
//     The summary is read only when the body shows no match.
package format

import (
	"encoding/binary"
	"errors"
)

// Version is the meta file's format version.
const Version = 3

// Meta is the meta file (meta.<hash>.json), the first file a query reads.
type Meta struct {
	Version   int            `json:"v"`
	Dir       string         `json:"dir"` // directory of the packs, relative to /search/
	Docs      int            `json:"n"`   // documents
	MaxGram   int            `json:"maxGram"`
	K1        float64        `json:"k1"`
	B         float64        `json:"b"`
	Weights   [4]float64     `json:"w"`
	SynWeight float64        `json:"sw"`
	Kinds     []KindRange    `json:"kinds"`
	Synonyms  []SynMap       `json:"syn"`
	Question  [][]string     `json:"q"`     // question words, as token keys
	Packs     []int          `json:"packs"` // byte size of pack k, <Dir>/<k>.bin
	Dict      []int          `json:"dict"`  // global offset of shard 0, then each shard's length
	Sub       int            `json:"sub"`   // rare buckets per dictionary shard
	Table     int            `json:"docs"`  // global offset of the document table
	Segment   int            `json:"seg"`   // body positions per snippet segment
	Whole     int            `json:"whole"` // bodies of more bytes are read by segment (see Fragment)
	Fields    [4]string      `json:"fields"`
	Stats     map[string]int `json:"stats"`
}

// KindRange gives the documents [Start, End) of one kind, its boost and
// its average body length.
type KindRange struct {
	Kind    string  `json:"kind"`
	Start   int     `json:"s"`
	End     int     `json:"e"`
	Boost   float64 `json:"boost"`
	AvgBody float64 `json:"avgB"`
}

// SynMap says that the token sequence From may be replaced by any of To.
type SynMap struct {
	From []string   `json:"f"`
	To   [][]string `json:"t"`
}

// Fragment is the head of a document's result fragment: what the results
// list shows besides the body and the summary. A long body lists its
// snippet segments as byte ranges of the body: segment k is
// body[Segs[2k]:Segs[2k+1]].
type Fragment struct {
	URL        string `json:"u"`
	Title      string `json:"t"`
	Department string `json:"d,omitempty"`
	Segs       []int  `json:"o,omitempty"`
}

// TableEntry is the size of a document table entry.
const TableEntry = 12

// Flags of a dictionary or bucket entry.
const (
	FlagCommon = 1 << iota // occurs more than the common threshold
	FlagPos                // positions are stored
	FlagBitmap             // documents are a bitmap, not deltas
	FlagNibble             // impacts of four bits, two per byte (long lists)
)

// Impact reports whether entries of a gram with these flags are impacts
// (one quantized score per document) rather than frequencies.
func Impact(flags int) bool { return flags&FlagCommon != 0 && flags&FlagPos == 0 }

// Fields of a document, in posting order.
const (
	FTitle = iota
	FMeta  // department, group and keyword names
	FSummary
	FBody
	NFields
)

// FNV32 is the 32-bit FNV-1a hash of the UTF-8 bytes of s (search.js:
// fnv32).
func FNV32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Shard is the dictionary shard of a gram whose first two tokens (one for
// a unigram) have the key text first2.
func Shard(first2 string, shards int) int { return int(FNV32(first2) % uint32(shards)) }

// Bucket is the rare bucket, within its shard, of the gram key.
func Bucket(key string, sub int) int { return int((FNV32(key) >> 16) % uint32(sub)) }

// AppendString appends a length-prefixed string.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendBytes appends a length-prefixed byte string.
func AppendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ErrCorrupt reports bytes that do not decode.
var ErrCorrupt = errors.New("search: corrupt index data")

// Reader decodes varint streams (search.js: Reader).
type Reader struct {
	B   []byte
	Off int
	Err error
}

// More reports whether bytes remain and nothing failed.
func (r *Reader) More() bool { return r.Err == nil && r.Off < len(r.B) }

// Uvarint reads an unsigned LEB128 varint.
func (r *Reader) Uvarint() int {
	if r.Err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.B[r.Off:])
	if n <= 0 || v > 1<<40 {
		r.Err = ErrCorrupt
		return 0
	}
	r.Off += n
	return int(v)
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.Err != nil || r.Off >= len(r.B) {
		r.Err = ErrCorrupt
		return 0
	}
	c := r.B[r.Off]
	r.Off++
	return c
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n int) []byte {
	if r.Err != nil || n < 0 || r.Off+n > len(r.B) {
		r.Err = ErrCorrupt
		return nil
	}
	s := r.B[r.Off : r.Off+n]
	r.Off += n
	return s
}

// String reads a length-prefixed string.
func (r *Reader) String() string { return string(r.Bytes(r.Uvarint())) }

// Prefixed reads a key written as the length of the prefix it shares
// with prev and the rest.
func (r *Reader) Prefixed(prev string) string {
	p := r.Uvarint()
	if p > len(prev) {
		r.Err = ErrCorrupt
		return ""
	}
	return prev[:p] + r.String()
}

// AppendPrefixed writes key after prev (see Reader.Prefixed).
func AppendPrefixed(b []byte, prev, key string) []byte {
	p := 0
	for p < len(prev) && p < len(key) && prev[p] == key[p] {
		p++
	}
	b = binary.AppendUvarint(b, uint64(p))
	return AppendString(b, key[p:])
}
