// Package precompress makes the .gz and .br files that static servers
// (nginx gzip_static, brotli_static) send instead of compressing on every
// request. Output is deterministic: the gzip header carries no name and no
// modification time, so identical input gives identical files.
package precompress

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"sync"

	"github.com/andybalholm/brotli"

	"gyportal/generator/build/cache"
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

// format is one compression: its file extension, compressor and
// decompressor (to verify cached forms).
type format struct {
	ext    string
	encode func([]byte) ([]byte, error)
	decode func(io.Reader) (io.Reader, error)
}

var formats = []format{
	{".gz", Gzip, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	{".br", Brotli, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
}

// cacheMin is the size from which compressed forms are cached: brotli at
// its best quality takes many seconds for the calculator's WebAssembly.
const cacheMin = 256 << 10

// Variants returns the .gz and .br forms of data, or none when data is
// smaller than MinSize. Forms of large files are kept in c (kind
// "precompress", keyed by the content hash), so a rebuild does not
// compress them again; a cached form is used only if it decompresses to
// data exactly. c may be nil.
func Variants(c *cache.Cache, data []byte) ([]Variant, error) {
	if len(data) < MinSize {
		return nil, nil
	}
	out := make([]Variant, len(formats))
	errs := make([]error, len(formats))
	var wg sync.WaitGroup
	for i, f := range formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Variant{Ext: f.ext}
			out[i].Data, errs[i] = cached(c, data, f)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// cached returns f.encode(data), from the cache when data is large.
func cached(c *cache.Cache, data []byte, f format) ([]byte, error) {
	if len(data) < cacheMin || c.Root() == "" {
		return f.encode(data)
	}
	key := cache.Key(data) + f.ext
	if z, ok := c.Get("precompress", key, func(z []byte) bool { return decodesTo(f, z, data) }); ok {
		return z, nil
	}
	z, err := f.encode(data)
	if err != nil {
		return nil, err
	}
	c.Put("precompress", key, z)
	return z, nil
}

// decodesTo reports whether z decompresses to exactly want.
func decodesTo(f format, z, want []byte) bool {
	r, err := f.decode(bytes.NewReader(z))
	if err != nil {
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(want))+1))
	return err == nil && bytes.Equal(got, want)
}
