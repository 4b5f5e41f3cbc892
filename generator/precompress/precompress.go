// Package precompress makes the .gz and .br files that static servers
// (nginx gzip_static, brotli_static) send instead of compressing on every
// request. Output is deterministic: the gzip header carries no name and no
// modification time, and the levels depend only on the size of the input,
// so identical input gives identical files.
//
// Levels: gzip at its best level always; brotli at quality 5 below
// BigSize (pages, scripts, search packs: about ten times faster than the
// best quality for a few per cent more bytes) and at its best quality
// from BigSize up (the calculator's WebAssembly, compressed once and
// cached). A Store keeps every compressed form of a build in one pack
// file of the build cache, so the next build with the same files
// compresses nothing.
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

// BigSize is the size from which brotli runs at its best quality.
const BigSize = 256 << 10

// smallQuality is brotli's quality below BigSize.
const smallQuality = 5

// Settings names the levels above; it changes whenever they do, so that
// compressed forms made with other settings are not reused.
const Settings = "gzip9-br5-br11@256k"

var (
	gzPool = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestCompression)
		return w
	}}
	brPools = map[int]*sync.Pool{}
)

func init() {
	for _, q := range []int{smallQuality, brotli.BestCompression} {
		brPools[q] = &sync.Pool{New: func() any { return brotli.NewWriterLevel(io.Discard, q) }}
	}
}

// Gzip compresses data at the best level with an empty header.
func Gzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(w)
	w.Reset(&buf) // the zero Header: no Name, no ModTime, OS 255 (unknown)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Brotli compresses data at the quality its size calls for.
func Brotli(data []byte) ([]byte, error) {
	q := smallQuality
	if len(data) >= BigSize {
		q = brotli.BestCompression
	}
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

// format is one compression: its file extension, compressor and
// decompressor.
type format struct {
	ext    string
	encode func([]byte) ([]byte, error)
	decode func(io.Reader) (io.Reader, error)
}

var formats = []format{
	{".gz", Gzip, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	{".br", Brotli, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
}

// Exts are the extensions of the forms, in the order Variants returns them.
var Exts = []string{".gz", ".br"}

// Worth reports whether data gets precompressed forms.
func Worth(data []byte) bool { return len(data) >= MinSize }

// Variants returns the .gz and .br forms of data, or none when data is
// smaller than MinSize. Forms of files below BigSize come from and go to
// the store's pack; forms of big files are cache entries of their own
// (kind "precompress", keyed by the content hash), used only if they
// decompress to data exactly. s may be nil (no cache).
func Variants(s *Store, data []byte) ([]Variant, error) {
	if !Worth(data) {
		return nil, nil
	}
	out := make([]Variant, len(formats))
	errs := make([]error, len(formats))
	if len(data) < BigSize {
		key := keyOf(data)
		for i, f := range formats {
			out[i] = Variant{Ext: f.ext}
			var ok bool
			if out[i].Data, ok = s.get(key, i); ok {
				continue
			}
			if out[i].Data, errs[i] = f.encode(data); errs[i] == nil {
				s.put(key, i, out[i].Data)
			}
		}
	} else { // the two best-level compressions of a big file at once
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
