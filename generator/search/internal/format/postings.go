package format

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// A posting list has a documents part and, for grams that keep them, a
// positions part.
//
// The documents part is the ids, then one entry per id. The ids are df
// uvarint differences (the first from 0), or with FlagBitmap a uvarint
// base, a uvarint byte count and a bitmap whose bit i (byte i/8, bit i%8)
// stands for document base+i. An impact entry is one byte hasSeg<<7 |
// impact. A full entry is a uvarint v = tfBody<<4 | hasTitle<<3 |
// hasMeta<<2 | hasSummary<<1 | hasSeg, the title, meta and summary
// frequencies that are flagged, and one byte of quantized body length.
// Either ends, when hasSeg is set (a long body, matched), with the
// uvarint snippet segment of the first body match. With FlagNibble (long
// impact lists), the entries are instead df impacts of four bits, two per
// byte (low nibble first), and no segments.
//
// The positions part lists, document by document and field by field
// (title, meta, summary, body), the tf positions of each field as uvarint
// differences, from 0 in each field.

// Posting is one document entry of a posting list.
type Posting struct {
	Doc    int
	TF     [NFields]int // full entries
	LenQ   byte         // full entries
	Sat    float64      // impact entries
	Impact bool
	HasSeg bool
	Seg    int
	Pos    [NFields][]int
}

// EncodeIDs returns the ids part for the sorted ids, as deltas or as a
// bitmap, whichever is shorter, and whether it is a bitmap.
func EncodeIDs(ids []int32) ([]byte, bool) {
	var delta []byte
	prev := int32(0)
	for _, id := range ids {
		delta = binary.AppendUvarint(delta, uint64(id-prev))
		prev = id
	}
	if len(ids) == 0 {
		return delta, false
	}
	base := ids[0]
	n := int(ids[len(ids)-1]-base)/8 + 1
	head := uvarintLen(uint64(base)) + uvarintLen(uint64(n))
	if head+n >= len(delta) {
		return delta, false
	}
	bm := binary.AppendUvarint(nil, uint64(base))
	bm = binary.AppendUvarint(bm, uint64(n))
	start := len(bm)
	bm = append(bm, make([]byte, n)...)
	for _, id := range ids {
		i := int(id - base)
		bm[start+i/8] |= 1 << (i % 8)
	}
	return bm, true
}

func uvarintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// decodeIDs reads the ids part (search.js: decodeIDs).
func decodeIDs(r *Reader, df int, bitmap bool) []int {
	ids := make([]int, 0, df)
	if !bitmap {
		d := 0
		for range df {
			d += r.Uvarint()
			ids = append(ids, d)
		}
		return ids
	}
	base := r.Uvarint()
	bm := r.Bytes(r.Uvarint())
	for i, c := range bm {
		for c != 0 {
			k := bits.TrailingZeros8(c)
			ids = append(ids, base+8*i+k)
			c &= c - 1
		}
	}
	if len(ids) != df {
		r.Err = ErrCorrupt
	}
	return ids
}

// DecodePostings decodes a posting list of df documents; pos may be nil
// when positions are not needed (search.js: decodePostings).
func DecodePostings(doc, pos []byte, df, flags int, k1 float64) ([]Posting, error) {
	r := &Reader{B: doc}
	ids := decodeIDs(r, df, flags&FlagBitmap != 0)
	impact := Impact(flags)
	out := make([]Posting, len(ids))
	if flags&FlagNibble != 0 {
		nb := r.Bytes((len(ids) + 1) / 2)
		for i, id := range ids {
			if r.Err != nil {
				break
			}
			q := nb[i/2] >> (4 * (i % 2)) & 15
			out[i] = Posting{Doc: id, Impact: true, Sat: float64(q) * (k1 + 1) / NibbleMax}
		}
		if r.Err != nil || r.Off != len(r.B) {
			return nil, ErrCorrupt
		}
		return out, nil
	}
	for i, id := range ids {
		p := &out[i]
		p.Doc, p.Impact = id, impact
		if impact {
			q := r.Byte()
			p.Sat = ImpactSaturation(q&ImpactMax, k1)
			p.HasSeg = q&0x80 != 0
		} else {
			v := r.Uvarint()
			p.TF[FBody] = v >> 4
			for f, bit := range [3]int{8, 4, 2} {
				if v&bit != 0 {
					p.TF[f] = r.Uvarint()
				}
			}
			p.LenQ = r.Byte()
			p.HasSeg = v&1 != 0
		}
		if p.HasSeg {
			p.Seg = r.Uvarint()
		}
	}
	if r.Err != nil || r.Off != len(r.B) {
		return nil, ErrCorrupt
	}
	if pos == nil {
		return out, nil
	}
	pr := &Reader{B: pos}
	for i := range out {
		for f := range NFields {
			prev := 0
			for range out[i].TF[f] {
				prev += pr.Uvarint()
				out[i].Pos[f] = append(out[i].Pos[f], prev)
			}
		}
	}
	if pr.Err != nil {
		return nil, pr.Err
	}
	return out, nil
}

// NibbleMax is the largest four-bit impact.
const NibbleMax = 15

// Nibbles re-encodes df one-byte impact entries (each maybe followed by a
// segment) as four-bit impacts, two per byte.
func Nibbles(entries []byte, df int) []byte {
	r := &Reader{B: entries}
	out := make([]byte, (df+1)/2)
	for i := range df {
		q := r.Byte()
		if q&0x80 != 0 {
			r.Uvarint()
		}
		sat := ImpactSaturation(q&ImpactMax, K1)
		n := byte(max(1, min(NibbleMax, math.Round(sat/(K1+1)*NibbleMax))))
		out[i/2] |= n << (4 * (i % 2))
	}
	return out
}
