package search

import (
	"encoding/binary"
	"errors"
)

// The index files are small binary streams of unsigned LEB128 varints
// (encoding/binary's Uvarint) and length-prefixed UTF-8 strings. The
// browser decodes them with a few dozen lines of JavaScript. The posting
// format is described at (*builder).postings.

// fnv32 is the 32-bit FNV-1a hash of the UTF-8 bytes of s. The browser
// computes the same hash to find the shard that holds a key.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errCorrupt = errors.New("search: corrupt index file")

// reader decodes the varint streams written by the index builder.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) more() bool { return r.err == nil && r.off < len(r.b) }

func (r *reader) uvarint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 || v > 1<<40 {
		r.err = errCorrupt
		return 0
	}
	r.off += n
	return int(v)
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.err = errCorrupt
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.off+n > len(r.b) {
		r.err = errCorrupt
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) string() string { return string(r.bytes(r.uvarint())) }

// posting is one document entry of a gram's posting list.
type posting struct {
	doc    int
	tf     [nFields]int // full entries
	lenq   byte         // full entries
	sat    float64      // impact entries
	impact bool
	hasSeg bool
	seg    int
	pos    [nFields][]int
}

func decodePostings(doc, pos []byte, impact bool, k1 float64) ([]posting, error) {
	r := reader{b: doc}
	var out []posting
	d := 0
	for r.more() {
		d += r.uvarint()
		p := posting{doc: d, impact: impact}
		if impact {
			q := r.byte()
			p.sat = impactSaturation(q&impactMax, k1)
			p.hasSeg = q&0x80 != 0
		} else {
			v := r.uvarint()
			p.tf[fBody] = v >> 4
			for f, bit := range [3]int{8, 4, 2} {
				if v&bit != 0 {
					p.tf[f] = r.uvarint()
				}
			}
			p.lenq = r.byte()
			p.hasSeg = v&1 != 0
		}
		if p.hasSeg {
			p.seg = r.uvarint()
		}
		out = append(out, p)
	}
	if r.err != nil {
		return nil, r.err
	}
	if pos == nil {
		return out, nil
	}
	pr := reader{b: pos}
	for i := range out {
		for f := range nFields {
			prev := 0
			for range out[i].tf[f] {
				prev += pr.uvarint()
				out[i].pos[f] = append(out[i].pos[f], prev)
			}
		}
	}
	return out, pr.err
}
