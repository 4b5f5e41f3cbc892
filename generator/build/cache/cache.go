// Package cache is the build's one content-addressed cache: compiled
// WebAssembly, compressed forms of large files, anything that is slow to
// make and depends only on a key the caller computes from its inputs.
//
// Entries live under $GYPORTAL_CACHE (default os.UserCacheDir()/gyportal),
// one file per entry at <root>/<kind>/<key>. Every entry records, when it
// is stored, a magic line and the SHA-256 of its data; Get checks both and
// then the caller's own check (a wasm magic number, a decompression that
// gives back the source) before it returns anything. An entry that fails
// is removed and reported as a miss, so the caller rebuilds it: a garbage
// or truncated file in the cache is never shipped.
//
// Writes go to a temporary file renamed into place, so concurrent builds
// may share one cache. A cache that cannot be read or written only costs
// time: Get misses and Put does nothing.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// magic opens every entry; the version changes if the format does.
const magic = "gyportal-cache 1\n"

// Cache is one cache directory. The zero Cache (and a nil *Cache) stores
// nothing.
type Cache struct {
	root string
}

// Open returns the cache of this user: $GYPORTAL_CACHE when set, else
// os.UserCacheDir()/gyportal; a Cache that stores nothing when neither
// is available.
func Open() *Cache {
	if dir := os.Getenv("GYPORTAL_CACHE"); dir != "" {
		return &Cache{root: dir}
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return &Cache{}
	}
	return &Cache{root: filepath.Join(base, "gyportal")}
}

// At returns a cache rooted at dir ("" stores nothing).
func At(dir string) *Cache { return &Cache{root: dir} }

// Root is the cache's directory, "" when it stores nothing.
func (c *Cache) Root() string {
	if c == nil {
		return ""
	}
	return c.root
}

// path is the file of an entry.
func (c *Cache) path(kind, key string) string {
	return filepath.Join(c.root, kind, key)
}

// Get returns the entry kind/key if it is present and intact: its
// recorded hash matches and check (if not nil) accepts the data. A
// damaged entry is removed.
func (c *Cache) Get(kind, key string, check func([]byte) bool) ([]byte, bool) {
	if c.Root() == "" {
		return nil, false
	}
	p := c.path(kind, key)
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(raw)
	if ok && check != nil {
		ok = check(data)
	}
	if !ok {
		os.Remove(p)
		return nil, false
	}
	return data, true
}

// Put stores data as kind/key, replacing any entry there.
func (c *Cache) Put(kind, key string, data []byte) {
	if c.Root() == "" {
		return
	}
	dir := filepath.Join(c.root, kind)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(encode(data))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.path(kind, key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// encode frames data: the magic line, the hex SHA-256 and a newline,
// then the data.
func encode(data []byte) []byte {
	sum := sha256.Sum256(data)
	out := make([]byte, 0, len(magic)+sha256.Size*2+1+len(data))
	out = append(out, magic...)
	out = hex.AppendEncode(out, sum[:])
	out = append(out, '\n')
	return append(out, data...)
}

// decode checks a frame and returns its data.
func decode(raw []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(raw, []byte(magic))
	n := sha256.Size * 2
	if !ok || len(rest) < n+1 || rest[n] != '\n' {
		return nil, false
	}
	data := rest[n+1:]
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]) == string(rest[:n])
}

// Key is the hex SHA-256 of data, the usual key of a content-addressed
// entry.
func Key(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
