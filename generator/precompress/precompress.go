// Package precompress makes the .gz and .br files that static servers
// (nginx gzip_static, brotli_static) send instead of compressing on every
// request. Output is deterministic: the gzip header carries no name and no
// modification time, and the levels depend only on the size of the input,
// so identical input gives identical files.
//
// Levels: the files of a build (pages, data, scripts, which change with
// the content) get gzip level 6 and brotli quality 5, ten times faster
// than the best levels for a few per cent more bytes; files compressed
// "best" (the calculator's WebAssembly, which changes only with the rules)
// get gzip 9 and brotli 11, once, each form a cache entry of its own. A
// Store keeps the other forms of a build in one pack file of the build
// cache, so the next build with the same files compresses nothing.
package precompress

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the size below which precompressing is not worth a file.
const MinSize = 1024

// Levels of the two kinds of files.
const (
	fastGzip, fastBrotli = 6, 5
	bestGzip, bestBrotli = gzip.BestCompression, brotli.BestCompression
)

// Settings names the levels above; it changes whenever they do, so that
// compressed forms made with other settings are not reused.
const Settings = "gz6-br5.gz9-br11"

// Writers are reused: making one costs more than compressing a page.
var (
	gzPools = map[int]*sync.Pool{}
	brPools = map[int]*sync.Pool{}
)

func init() {
	for _, l := range []int{fastGzip, bestGzip} {
		gzPools[l] = &sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, l); return w }}
	}
	for _, q := range []int{fastBrotli, bestBrotli} {
		brPools[q] = &sync.Pool{New: func() any { return brotli.NewWriterLevel(io.Discard, q) }}
	}
}

// Gzip compresses data at the best level with an empty header.
func Gzip(data []byte) ([]byte, error) { return gzipAt(bestGzip, data) }

// Brotli compresses data at the best quality.
func Brotli(data []byte) ([]byte, error) { return brotliAt(bestBrotli, data) }

func gzipAt(level int, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := gzPools[level].Get().(*gzip.Writer)
	defer gzPools[level].Put(w)
	w.Reset(&buf) // the zero Header: no Name, no ModTime, OS 255 (unknown)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func brotliAt(q int, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brPools[q].Get().(*brotli.Writer)
	defer brPools[q].Put(w)
	w.Reset(&buf)
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

// format is one compression: its file extension, compressors (fast and
// best) and decompressor.
type format struct {
	ext        string
	fast, best func([]byte) ([]byte, error)
	decode     func(io.Reader) (io.Reader, error)
}

var formats = []format{
	{".gz", func(d []byte) ([]byte, error) { return gzipAt(fastGzip, d) }, Gzip,
		func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	{".br", func(d []byte) ([]byte, error) { return brotliAt(fastBrotli, d) }, Brotli,
		func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
}

// Exts are the extensions of the forms, in the order Variants returns them.
var Exts = []string{".gz", ".br"}

// Worth reports whether data gets precompressed forms.
func Worth(data []byte) bool { return len(data) >= MinSize }

// Variants returns the .gz and .br forms of data, or none when data is
// smaller than MinSize. With best, the forms are at the best levels and
// each is a cache entry of its own (kind "precompress", keyed by the
// content hash), used only if it decompresses to data exactly; otherwise
// they come from and go to the store's pack. s may be nil (no cache).
func Variants(s *Store, data []byte, best bool) ([]Variant, error) {
	return VariantsOf(s, data, Key(data), best)
}

// VariantsOf is Variants for a caller that already has Key(data): a
// build hashes every file it writes, and a page of the full text or the
// open data is megabytes long.
func VariantsOf(s *Store, data []byte, key [16]byte, best bool) ([]Variant, error) {
	if !Worth(data) {
		return nil, nil
	}
	out := make([]Variant, len(formats))
	errs := make([]error, len(formats))
	if !best {
		for i, f := range formats {
			out[i] = Variant{Ext: f.ext}
			var ok bool
			if out[i].Data, ok = s.get(key, i); ok {
				continue
			}
			if out[i].Data, errs[i] = f.fast(data); errs[i] == nil {
				s.put(key, i, out[i].Data)
			}
		}
	} else { // the two best-level compressions at once
		var wg sync.WaitGroup
		for i, f := range formats {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out[i] = Variant{Ext: f.ext}
				out[i].Data, errs[i] = s.big(data, f)
			}()
		}
		wg.Wait()
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// DecodesTo reports whether z, a form with extension ext, decompresses
// to exactly want.
func DecodesTo(ext string, z, want []byte) bool {
	for _, f := range formats {
		if f.ext == ext {
			r, err := f.decode(bytes.NewReader(z))
			if err != nil {
				return false
			}
			got, err := io.ReadAll(io.LimitReader(r, int64(len(want))+1))
			return err == nil && bytes.Equal(got, want)
		}
	}
	return false
}
