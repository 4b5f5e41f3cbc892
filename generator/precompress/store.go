package precompress

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"slices"
	"sync"

	"gyportal/generator/build/cache"
)

// A Store reads the compressed forms of an earlier build from one pack
// file of the build cache and collects those of this build into a new
// pack, which Close puts in the cache in place of the old one.
//
// A pack is the forms one after another, then an index (per form: the
// hash of the source, the format, offset, length and the hash of the
// form itself) and a trailer (index offset, entry count, magic). Every
// form is checked against its recorded hash when read, and a gzip form
// also by its magic number: a damaged pack costs compression time, never
// a wrong file.
type Store struct {
	c    *cache.Cache
	name string // cache key of the pack

	old   *os.File
	index map[entryKey]entry // forms of the old pack

	mu    sync.Mutex
	new   *os.File
	off   int64
	added []indexRow
	seen  map[entryKey]bool
	err   error
}

type srcKey [16]byte

type entryKey struct {
	src srcKey
	fmt uint8
}

type entry struct {
	off  int64
	n    uint32
	hash [16]byte
}

// indexRow is one index record: 16 + 1 + 8 + 4 + 16 bytes.
type indexRow struct {
	key entryKey
	e   entry
}

const (
	rowSize   = 16 + 1 + 8 + 4 + 16
	packMagic = "GYPACK1\n"
	trailer   = 8 + 4 + len(packMagic)
	packKind  = "precompress"
)

// keyOf is the key of data in the store.
func keyOf(data []byte) srcKey { return Key(data) }

// Key is the content hash a file's forms are kept under: the first 16
// bytes of its SHA-256. Close takes the keys of the files still live.
func Key(data []byte) [16]byte {
	sum := sha256.Sum256(data)
	return [16]byte(sum[:16])
}

// OpenStore opens the pack name of c (the build keeps one, "site": its
// last build's forms). A missing or unreadable pack gives an empty store;
// a nil c gives a store that keeps nothing.
func OpenStore(c *cache.Cache, name string) *Store {
	s := &Store{c: c, name: Settings + "-" + name, index: map[entryKey]entry{}, seen: map[entryKey]bool{}}
	if c.Root() == "" {
		return s
	}
	if f, err := c.OpenRaw(packKind, s.name); err == nil {
		if s.readIndex(f) {
			s.old = f
		} else {
			f.Close()
		}
	}
	if f, err := c.CreateRaw(packKind); err == nil {
		s.new = f
	}
	return s
}

// readIndex loads the index of the pack f; false if f is not a pack.
func (s *Store) readIndex(f *os.File) bool {
	info, err := f.Stat()
	if err != nil || info.Size() < int64(trailer) {
		return false
	}
	tr := make([]byte, trailer)
	if _, err := f.ReadAt(tr, info.Size()-int64(trailer)); err != nil || string(tr[12:]) != packMagic {
		return false
	}
	at, n := int64(binary.LittleEndian.Uint64(tr)), int64(binary.LittleEndian.Uint32(tr[8:]))
	if at < 0 || at+n*rowSize != info.Size()-int64(trailer) {
		return false
	}
	idx := make([]byte, n*rowSize)
	if _, err := f.ReadAt(idx, at); err != nil {
		return false
	}
	for r := idx; len(r) >= rowSize; r = r[rowSize:] {
		var k entryKey
		var e entry
		copy(k.src[:], r)
		k.fmt = r[16]
		e.off = int64(binary.LittleEndian.Uint64(r[17:]))
		e.n = binary.LittleEndian.Uint32(r[25:])
		copy(e.hash[:], r[29:])
		if e.off >= 0 && e.off+int64(e.n) <= at {
			s.index[k] = e
		}
	}
	return true
}

// big returns f.best(data), from its own cache entry when that
// decompresses to data.
func (s *Store) big(data []byte, f format) ([]byte, error) {
	var c *cache.Cache
	if s != nil {
		c = s.c
	}
	key := cache.Key(data) + f.ext
	if z, ok := c.Get(packKind, key, func(z []byte) bool { return DecodesTo(f.ext, z, data) }); ok {
		return z, nil
	}
	z, err := f.best(data)
	if err == nil {
		c.Put(packKind, key, z)
	}
	return z, err
}

// get returns the cached form fmt of the source key, verified.
func (s *Store) get(src srcKey, fmt int) ([]byte, bool) {
	if s == nil || s.old == nil {
		return nil, false
	}
	k := entryKey{src, uint8(fmt)}
	e, ok := s.index[k]
	if !ok {
		return nil, false
	}
	z := make([]byte, e.n)
	if _, err := s.old.ReadAt(z, e.off); err != nil {
		return nil, false
	}
	sum := sha256.Sum256(z)
	if [16]byte(sum[:16]) != e.hash || (formats[fmt].ext == ".gz" && !bytes.HasPrefix(z, []byte{0x1f, 0x8b, 8})) {
		return nil, false
	}
	return z, true
}

// put adds a newly made form to the new pack.
func (s *Store) put(src srcKey, fmt int, z []byte) {
	if s == nil || s.new == nil {
		return
	}
	k := entryKey{src, uint8(fmt)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[k] || s.err != nil {
		return
	}
	if _, err := s.new.Write(z); err != nil {
		s.err = err
		return
	}
	sum := sha256.Sum256(z)
	s.seen[k] = true
	s.added = append(s.added, indexRow{k, entry{s.off, uint32(len(z)), [16]byte(sum[:16])}})
	s.off += int64(len(z))
}

// Close finishes the store. live are the source hashes (the first 16
// bytes of their SHA-256) of every file of the build that has compressed
// forms. When the build compressed nothing new and the old pack holds
// every live form, the old pack stays as it is; otherwise the new pack
// gets the live forms of the old one too, and replaces it in the cache.
// A store that cannot write costs only time.
func (s *Store) Close(live [][16]byte) error {
	if s == nil {
		return nil
	}
	if s.old != nil {
		defer s.old.Close()
	}
	if s.new == nil {
		return nil
	}
	if len(s.added) == 0 && s.covers(live) {
		s.c.Discard(s.new)
		return nil
	}
	var rows []indexRow
	for _, h := range live {
		for i := range formats {
			k := entryKey{srcKey(h), uint8(i)}
			if e, ok := s.index[k]; ok && !s.seen[k] {
				s.seen[k] = true
				rows = append(rows, indexRow{k, e})
			}
		}
	}
	s.copyOld(rows)
	if s.err != nil || s.writeIndex() != nil {
		s.c.Discard(s.new)
		return nil
	}
	return s.c.Commit(s.new, packKind, s.name)
}

// covers reports whether the old pack has every form of live.
func (s *Store) covers(live [][16]byte) bool {
	for _, h := range live {
		for i := range formats {
			if _, ok := s.index[entryKey{srcKey(h), uint8(i)}]; !ok {
				return false
			}
		}
	}
	return true
}

// copyOld appends the old forms rows to the new pack with their
// recorded hashes: each run of forms that lie one after another in the
// old pack is one copy, which the kernel makes (copy_file_range) without
// the bytes passing through the build. Most of a pack is still live
// after an edit, so a build that compressed one page copies it in a few
// runs instead of reading and hashing every form.
func (s *Store) copyOld(rows []indexRow) {
	slices.SortFunc(rows, func(a, b indexRow) int { return cmp.Compare(a.e.off, b.e.off) })
	for i := 0; i < len(rows) && s.err == nil; {
		start, end, j := rows[i].e.off, rows[i].e.off+int64(rows[i].e.n), i+1
		for j < len(rows) && rows[j].e.off == end {
			end += int64(rows[j].e.n)
			j++
		}
		if s.err = s.copyRun(start, end); s.err != nil {
			return
		}
		for _, r := range rows[i:j] {
			s.added = append(s.added, indexRow{r.key, entry{s.off + r.e.off - start, r.e.n, r.e.hash}})
		}
		s.off += end - start
		i = j
	}
}

// copyRun appends the bytes [from, to) of the old pack to the new one.
func (s *Store) copyRun(from, to int64) error {
	if _, err := s.old.Seek(from, io.SeekStart); err != nil {
		return err
	}
	n, err := io.Copy(s.new, io.LimitReader(s.old, to-from))
	if err == nil && n != to-from {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// writeIndex appends the index and the trailer to the new pack.
func (s *Store) writeIndex() error {
	var buf bytes.Buffer
	for _, r := range s.added {
		buf.Write(r.key.src[:])
		buf.WriteByte(r.key.fmt)
		buf.Write(binary.LittleEndian.AppendUint64(nil, uint64(r.e.off)))
		buf.Write(binary.LittleEndian.AppendUint32(nil, r.e.n))
		buf.Write(r.e.hash[:])
	}
	buf.Write(binary.LittleEndian.AppendUint64(nil, uint64(s.off)))
	buf.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(s.added))))
	buf.WriteString(packMagic)
	_, err := io.Copy(s.new, &buf)
	return err
}
