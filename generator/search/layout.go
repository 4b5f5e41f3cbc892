package search

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"

	"gyportal/generator/search/internal/format"
)

// layout says where each gram goes: listed grams (common, or with large
// postings) into the dictionary shard of their first two tokens, with
// their postings as items of their own; the other grams, postings inline,
// into a rare bucket of that shard by the hash of their key. Shard and
// bucket counts are powers of two chosen from the total size so that a
// shard or a bucket is about a kilobyte or two.
type layout struct {
	shards, sub int
	listed      [][]*gramInfo   // by shard, sorted by key
	rare        [][][]*gramInfo // by shard and bucket, sorted by key
	nListed     int
	nCommon     int
}

func pow2(n int) int {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(n-1))
}

func (b *builder) layout() *layout {
	var dictBytes, rareBytes int
	for _, gi := range b.grams {
		if gi.listed {
			dictBytes += len(gi.key)/2 + 12
		} else {
			rareBytes += len(gi.key)/2 + len(gi.ids) + len(gi.entries) + len(gi.pos) + 5
		}
	}
	l := &layout{shards: pow2(dictBytes / b.opts.DictTarget)}
	l.sub = pow2(rareBytes / l.shards / b.opts.BucketTarget)
	l.listed = make([][]*gramInfo, l.shards)
	l.rare = make([][][]*gramInfo, l.shards)
	for s := range l.rare {
		l.rare[s] = make([][]*gramInfo, l.sub)
	}
	for _, gi := range b.grams {
		s := format.Shard(gi.first2, l.shards)
		if gi.listed {
			l.listed[s] = append(l.listed[s], gi)
			l.nListed++
			if gi.common {
				l.nCommon++
			}
		} else {
			k := format.Bucket(gi.key, l.sub)
			l.rare[s][k] = append(l.rare[s][k], gi)
		}
	}
	byKey := func(x, y *gramInfo) int { return cmp.Compare(x.key, y.key) }
	for s := range l.shards {
		slices.SortFunc(l.listed[s], byKey)
		for _, r := range l.rare[s] {
			slices.SortFunc(r, byKey)
		}
	}
	return l
}

// flags returns the entry flags of gi and its documents part (ids and
// entries).
func (gi *gramInfo) flags(nibbleDF int) (int, []byte, []byte) {
	ids, entries, f := gi.docs(nibbleDF)
	if gi.common {
		f |= format.FlagCommon
	}
	if gi.withPos {
		f |= format.FlagPos
	}
	return f, ids, entries
}

// span is an item's place in the packs.
type span struct{ off, n int }

// listedAt is where a listed gram's postings went.
type listedAt struct {
	span
	flags, docLen, posLen int
}

// writePacks writes every item into the packs: the rare buckets, the
// listed grams' postings, the result fragments, the document table and
// last the dictionary shards, which point at the others. It returns the
// meta file with the places filled in.
func (b *builder) writePacks(w *fileWriter) format.Meta {
	l := b.layout()
	p := &packer{w: w, target: b.opts.PackTarget}
	buckets := make([][]span, l.shards)
	for s := range l.shards {
		for _, grams := range l.rare[s] {
			buckets[s] = append(buckets[s], p.add(encodeBucket(grams, b.opts.NibbleDF)))
		}
	}
	at := map[*gramInfo]listedAt{}
	for s := range l.shards {
		for _, gi := range l.listed[s] {
			f, ids, entries := gi.flags(b.opts.NibbleDF)
			at[gi] = listedAt{p.add(ids, entries, gi.pos), f, len(ids) + len(entries), len(gi.pos)}
			gi.release()
		}
	}
	table := b.writeFragments(p)
	tableAt := p.add(table)
	dict := []int{}
	for s := range l.shards {
		var buf []byte
		buf = binary.AppendUvarint(buf, uint64(buckets[s][0].off))
		for _, sp := range buckets[s] {
			buf = binary.AppendUvarint(buf, uint64(sp.n))
		}
		prev := ""
		for _, gi := range l.listed[s] {
			buf = format.AppendPrefixed(buf, prev, gi.key)
			a := at[gi]
			buf = binary.AppendUvarint(buf, uint64(gi.df))
			buf = binary.AppendUvarint(buf, uint64(a.flags))
			buf = binary.AppendUvarint(buf, uint64(a.off))
			buf = binary.AppendUvarint(buf, uint64(a.docLen))
			if gi.withPos {
				buf = binary.AppendUvarint(buf, uint64(a.posLen))
			}
			prev = gi.key
		}
		sp := p.add(buf)
		if s == 0 {
			dict = append(dict, sp.off)
		}
		dict = append(dict, sp.n)
	}
	p.flush()
	return format.Meta{Packs: p.sizes, Dict: dict, Sub: l.sub, Table: tableAt.off,
		Stats: map[string]int{"listed": l.nListed, "common": l.nCommon}}
}

// encodeBucket encodes a rare bucket (see package format).
func encodeBucket(grams []*gramInfo, nibbleDF int) []byte {
	var buf []byte
	prev := ""
	for _, gi := range grams {
		f, ids, entries := gi.flags(nibbleDF)
		buf = format.AppendPrefixed(buf, prev, gi.key)
		buf = binary.AppendUvarint(buf, uint64(gi.df))
		buf = binary.AppendUvarint(buf, uint64(f))
		buf = binary.AppendUvarint(buf, uint64(len(ids)+len(entries)))
		buf = append(append(buf, ids...), entries...)
		if gi.withPos {
			buf = format.AppendBytes(buf, gi.pos)
		}
		prev = gi.key
		gi.release()
	}
	return buf
}

// writeFragments adds every document's result fragment and returns the
// document table (see package format). Fragments are encoded in parallel,
// in batches, and added in document order.
func (b *builder) writeFragments(p *packer) []byte {
	le := binary.LittleEndian
	table := make([]byte, 0, format.TableEntry*(len(b.docs)+1))
	const batch = 512
	heads := make([][]byte, batch)
	for lo := 0; lo < len(b.docs); lo += batch {
		hi := min(lo+batch, len(b.docs))
		parallel(hi-lo, func(i int) { heads[i] = b.fragmentHead(b.docs[lo+i]) })
		for i, d := range b.docs[lo:hi] {
			sp := p.add(heads[i], []byte(d.src.Body), []byte(d.src.Summary))
			body := sp.off + len(heads[i])
			table = le.AppendUint32(le.AppendUint32(le.AppendUint32(table, uint32(sp.off)), uint32(body)),
				uint32(body+len(d.src.Body)))
			heads[i] = nil
		}
	}
	end := uint32(p.base + len(p.cur))
	return le.AppendUint32(le.AppendUint32(le.AppendUint32(table, end), end), end)
}

// fragmentHead returns the head of d's result fragment.
func (b *builder) fragmentHead(d *idoc) []byte {
	f := format.Fragment{URL: d.src.URL, Title: d.src.Title, Department: d.src.Department}
	if d.long {
		f.Segs = segments(d.src.Body, b.opts.Segment, d.lastPos/b.opts.Segment+1, d.bodyLen)
	}
	head, err := marshal(f)
	if err != nil {
		panic(err) // strings and ints only
	}
	return head
}

// segments splits body into n segments of seg positions each and returns
// their byte ranges, start and end of each (tokens is how many body has);
// a segment runs on for snippetOverlap tokens into the next. Tokens come
// in position order, so each boundary is found by binary search (linear
// overall).
func segments(body string, seg, n, tokens int) []int {
	type tok struct{ pos, start, end int }
	toks := make([]tok, 0, tokens)
	scan(body, false, func(_ rune, _ []byte, pos, start, end int) { toks = append(toks, tok{pos, start, end}) })
	first := func(pos int) int { // index of the first token at or after pos
		return sort.Search(len(toks), func(i int) bool { return toks[i].pos >= pos })
	}
	out := make([]int, 0, 2*n)
	for k := range n {
		end := len(body)
		if i := first((k + 1) * seg); k < n-1 && i < len(toks) {
			if i+snippetOverlap < len(toks) {
				end = toks[i+snippetOverlap].start
			} else {
				end = toks[len(toks)-1].end
			}
		}
		start := end
		if k == 0 {
			start = 0
		} else if i := first(k * seg); i < len(toks) {
			start = toks[i].start
		}
		out = append(out, start, end)
	}
	return out
}

// packer appends items to pack files of about target bytes; an item never
// straddles two packs, and one larger than target has a pack of its own.
type packer struct {
	w      *fileWriter
	target int
	sizes  []int
	cur    []byte
	base   int // global offset of cur
}

// add appends one item made of parts.
func (p *packer) add(parts ...[]byte) span {
	n := 0
	for _, d := range parts {
		n += len(d)
	}
	if len(p.cur) > 0 && len(p.cur)+n > p.target {
		p.flush()
	}
	if p.cur == nil {
		p.cur = make([]byte, 0, max(p.target, n))
	}
	sp := span{p.base + len(p.cur), n}
	for _, d := range parts {
		p.cur = append(p.cur, d...)
	}
	return sp
}

// flush writes the current pack, if it holds anything.
func (p *packer) flush() {
	if len(p.cur) == 0 {
		return
	}
	p.w.write(fmt.Sprintf("%d.bin", len(p.sizes)), p.cur)
	p.sizes = append(p.sizes, len(p.cur))
	p.base += len(p.cur)
	p.cur = nil
}
