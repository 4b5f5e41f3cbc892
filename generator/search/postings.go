package search

import (
	"encoding/binary"
	"runtime"

	"gyportal/generator/search/internal/format"
)

// Postings are built without materialising the site's occurrences: each
// document's grams are gathered in one walk of its positions (the deepest
// gram at each, found while selecting grams, and its prefixes), into
// per-worker arrays indexed by gram (count, then fill the positions), and
// encoded; then each gram's list grows by one entry per document, in
// document order. Batches of documents are gathered in parallel and
// merged in parallel, each merger owning a share of the grams.

// docEntry is one gram of the document being gathered.
type docEntry struct {
	node   int32
	tf     [nFields]int32
	first  int32 // first body position, or -1
	posOff int32 // start of its positions in scratch.pos
	filled int32
}

// occRef is an occurrence of a gram that keeps positions.
type occRef struct{ ent, pos int32 }

// scratch is one worker's gathering state.
type scratch struct {
	stamp []int32 // per node: 1 + the document that last touched it
	slot  []int32 // per node: its entry in ents
	ents  []docEntry
	occ   []occRef
	pos   []int32
}

// docOut is the encoded grams of one document, one part per merger
// (node mod the number of mergers).
type docOut []docPart

// docPart is some encoded grams of a document: for entry i, node[i], the
// entry bytes ent[entEnd[i-1]:entEnd[i]] and the positions bytes likewise.
type docPart struct {
	node   []int32
	ent    []byte
	entEnd []int32
	pos    []byte
	posEnd []int32
}

func (o docOut) reset() {
	for i := range o {
		p := &o[i]
		p.node, p.ent, p.entEnd, p.pos, p.posEnd = p.node[:0], p.ent[:0], p.entEnd[:0], p.pos[:0], p.posEnd[:0]
	}
}

// Node properties the hot loops read, dense by node.
const (
	nodePos    = 1 << iota // keeps positions
	nodeImpact             // entries are impacts
)

// postings builds the posting list of every gram.
func (b *builder) postings() {
	props := make([]uint8, len(b.grams)+1)
	parent := make([]int32, len(b.grams)+1)
	for i, g := range b.grams {
		if g.withPos {
			props[i+1] |= nodePos
		}
		if g.impact() {
			props[i+1] |= nodeImpact
		}
		parent[i+1] = g.parent
	}
	workers := runtime.GOMAXPROCS(0)
	scr := make([]*scratch, workers)
	for w := range scr {
		scr[w] = &scratch{stamp: make([]int32, len(b.grams)+1), slot: make([]int32, len(b.grams)+1)}
	}
	const batch = 256
	outs := make([]docOut, batch)
	for i := range outs {
		outs[i] = make(docOut, workers)
	}
	for lo := 0; lo < len(b.docs); lo += batch {
		hi := min(lo+batch, len(b.docs))
		jobs := make(chan int, hi-lo)
		for i := lo; i < hi; i++ {
			jobs <- i
		}
		close(jobs)
		parallel(workers, func(w int) {
			for id := range jobs {
				o := outs[id-lo]
				o.reset()
				b.gather(scr[w], props, parent, int32(id))
				b.encodeDoc(scr[w], props, b.docs[id], o)
			}
		})
		parallel(workers, func(w int) {
			for i := range hi - lo {
				b.merge(int32(lo+i), &outs[i][w])
			}
		})
	}
	for _, gi := range b.grams {
		gi.listed = gi.common || len(gi.ids)+len(gi.entries)+len(gi.pos) > b.opts.ListBytes
	}
}

// gather collects the grams of document id with their frequencies and
// positions: at each position, the deepest indexed gram and its prefixes.
func (b *builder) gather(s *scratch, props []uint8, parent []int32, id int32) {
	d := b.docs[id]
	s.ents, s.occ = s.ents[:0], s.occ[:0]
	stamp := id + 1
	for f := range nFields {
		for _, r := range d.fields[f] {
			for i := range r.n {
				pos := r.start + i
				for node := b.deepest[r.off+i]; node > 0; node = parent[node] {
					if s.stamp[node] != stamp {
						s.stamp[node] = stamp
						s.slot[node] = int32(len(s.ents))
						s.ents = append(s.ents, docEntry{node: node, first: -1})
					}
					e := &s.ents[s.slot[node]]
					e.tf[f]++
					if f == fBody && e.first < 0 {
						e.first = pos
					}
					if props[node]&nodePos != 0 {
						s.occ = append(s.occ, occRef{s.slot[node], pos})
					}
				}
			}
		}
	}
	// Fill: each entry's positions, in field and position order.
	total := int32(0)
	for i := range s.ents {
		e := &s.ents[i]
		if props[e.node]&nodePos != 0 {
			e.posOff = total
			total += e.tf[0] + e.tf[1] + e.tf[2] + e.tf[3]
		}
	}
	if cap(s.pos) < int(total) {
		s.pos = make([]int32, total)
	}
	s.pos = s.pos[:total]
	for _, o := range s.occ {
		e := &s.ents[o.ent]
		s.pos[e.posOff+e.filled] = o.pos
		e.filled++
	}
}

// encodeDoc encodes the gathered entries of d (see format.DecodePostings).
func (b *builder) encodeDoc(s *scratch, props []uint8, d *idoc, out docOut) {
	for i := range s.ents {
		e := &s.ents[i]
		o := &out[int(e.node)%len(out)]
		o.node = append(o.node, e.node)
		o.ent = b.appendEntry(o.ent, props[e.node]&nodeImpact != 0, d, e)
		o.entEnd = append(o.entEnd, int32(len(o.ent)))
		if props[e.node]&nodePos != 0 {
			at := e.posOff
			for f := range nFields {
				prev := int32(0)
				for _, p := range s.pos[at : at+e.tf[f]] {
					o.pos = binary.AppendUvarint(o.pos, uint64(p-prev))
					prev = p
				}
				at += e.tf[f]
			}
		}
		o.posEnd = append(o.posEnd, int32(len(o.pos)))
	}
}

// appendEntry appends the entry of a gram in document d, as an impact or
// with frequencies.
func (b *builder) appendEntry(buf []byte, impact bool, d *idoc, e *docEntry) []byte {
	var tf [nFields]int
	for f := range nFields {
		tf[f] = int(e.tf[f])
	}
	hasSeg := d.long && tf[fBody] > 0
	if impact {
		sat := format.Saturation(format.FieldWeight, format.K1, format.B, b.avgB[d.rank], tf, d.lenq)
		q := format.QuantizeImpact(sat)
		if hasSeg {
			q |= 0x80
		}
		buf = append(buf, q)
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
		buf = binary.AppendUvarint(buf, uint64(v))
		for f := range 3 {
			if tf[f] > 0 {
				buf = binary.AppendUvarint(buf, uint64(tf[f]))
			}
		}
		buf = append(buf, d.lenq)
	}
	if hasSeg {
		buf = binary.AppendUvarint(buf, uint64(int(e.first)/b.opts.Segment))
	}
	return buf
}

// merge appends document id's entries of one part to their grams' lists.
func (b *builder) merge(id int32, o *docPart) {
	ent, pos := int32(0), int32(0)
	for i, node := range o.node {
		entEnd, posEnd := o.entEnd[i], o.posEnd[i]
		gi := b.gram(node)
		gi.ids = binary.AppendUvarint(gi.ids, uint64(id-max(gi.last, 0)))
		if gi.df == 0 {
			gi.first = id
		}
		gi.last = id
		gi.df++
		gi.entries = append(gi.entries, o.ent[ent:entEnd]...)
		gi.pos = append(gi.pos, o.pos[pos:posEnd]...)
		ent, pos = entEnd, posEnd
	}
}

// docs returns the documents part of gi's postings, ids and entries, and
// its flags (format.FlagBitmap, format.FlagNibble): impact lists of
// nibbleDF documents or more have four-bit impacts.
func (gi *gramInfo) docs(nibbleDF int) ([]byte, []byte, int) {
	entries, flags := gi.entries, 0
	if gi.impact() && gi.df >= nibbleDF {
		entries, flags = format.Nibbles(gi.entries, gi.df), format.FlagNibble
	}
	base := int(gi.first)
	n := (int(gi.last)-base)/8 + 1
	if gi.df == 0 || len(gi.ids) <= n+4 {
		return gi.ids, entries, flags
	}
	ids := make([]int32, 0, gi.df)
	r := format.Reader{B: gi.ids}
	d := 0
	for r.More() {
		d += r.Uvarint()
		ids = append(ids, int32(d))
	}
	enc, bitmap := format.EncodeIDs(ids)
	if bitmap {
		flags |= format.FlagBitmap
	}
	return enc, entries, flags
}

// release drops gi's postings once they are written.
func (gi *gramInfo) release() { gi.ids, gi.entries, gi.pos = nil, nil, nil }
