// Package precompress makes the .gz and .br files that static servers
// (nginx gzip_static, brotli_static) send instead of compressing on every
// request. Output is deterministic: the gzip header carries no name and no
// modification time, so identical input gives identical files.
package precompress

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the size below which precompressing is not worth a file.
const MinSize = 1024

// Gzip compresses data at the best level with an empty header.
func Gzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	// The zero Header has no Name, no ModTime and OS 255 (unknown).
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Brotli compresses data at the best quality.
func Brotli(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Variant is one precompressed form of a file.
type Variant struct {
	Ext  string // ".gz" or ".br"
	Data []byte
}

// cacheMin is the size from which compressed forms are cached: brotli at
// its best quality takes many seconds for the calculator's WebAssembly.
const cacheMin = 256 << 10

// Variants returns the .gz and .br forms of data, or none when data is
// smaller than MinSize. Forms of large files are cached by content hash
// under os.UserCacheDir()/gyportal/precompress ($GYPORTAL_CACHE overrides
// the gyportal directory), so a rebuild does not compress them again.
func Variants(data []byte) ([]Variant, error) {
	if len(data) < MinSize {
		return nil, nil
	}
	out := []Variant{{Ext: ".gz"}, {Ext: ".br"}}
	makers := []func([]byte) ([]byte, error){Gzip, Brotli}
	errs := make([]error, len(out))
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i].Data, errs[i] = cached(data, out[i].Ext, makers[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// cached returns make(data), from the cache when data is large.
func cached(data []byte, ext string, make func([]byte) ([]byte, error)) ([]byte, error) {
	dir := cacheDir()
	if len(data) < cacheMin || dir == "" {
		return make(data)
	}
	sum := sha256.Sum256(data)
	p := filepath.Join(dir, hex.EncodeToString(sum[:])+ext)
	if c, err := os.ReadFile(p); err == nil {
		return c, nil
	}
	c, err := make(data)
	if err != nil {
		return nil, err
	}
	if os.MkdirAll(dir, 0o755) == nil {
		if f, err := os.CreateTemp(dir, ".tmp-*"); err == nil {
			_, werr := f.Write(c)
			if f.Close() == nil && werr == nil && os.Rename(f.Name(), p) == nil {
				return c, nil
			}
			os.Remove(f.Name())
		}
	}
	return c, nil
}

func cacheDir() string {
	base := os.Getenv("GYPORTAL_CACHE")
	if base == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		base = filepath.Join(d, "gyportal")
	}
	return filepath.Join(base, "precompress")
}
