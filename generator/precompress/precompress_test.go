package precompress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"gyportal/generator/build/cache"
)

func TestRoundTripAndDeterminism(t *testing.T) {
	data := []byte(strings.Repeat("计划生育家庭 圆梦小康 ", 500))
	v1, err := Variants(nil, data)
	if err != nil {
		t.Fatal(err)
	}
	v2, _ := Variants(nil, data)
	if len(v1) != 2 {
		t.Fatalf("got %d variants, want 2", len(v1))
	}
	for i := range v1 {
		if !bytes.Equal(v1[i].Data, v2[i].Data) {
			t.Errorf("%s not deterministic", v1[i].Ext)
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(v1[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header has name %q, mtime %v", zr.Name, zr.ModTime)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, data) {
		t.Error("gzip round trip differs")
	}
	if got, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(v1[1].Data))); !bytes.Equal(got, data) {
		t.Error("brotli round trip differs")
	}
}

func TestSmallFilesSkipped(t *testing.T) {
	if v, _ := Variants(nil, []byte("tiny")); v != nil {
		t.Errorf("got %d variants for a tiny file", len(v))
	}
}

// TestCachedFormsVerified puts wrong data where a large file's cached
// forms belong: they are not used, and are replaced by good ones.
func TestCachedFormsVerified(t *testing.T) {
	c := cache.At(t.TempDir())
	data := []byte(strings.Repeat("计划生育家庭特别扶助 ", cacheMin/20))
	good, err := Variants(c, data)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := Variants(nil, append([]byte("x"), data...))
	for i, v := range good {
		// A valid compressed stream of other data, then plain garbage.
		for _, bad := range [][]byte{other[i].Data, []byte("garbage")} {
			c.Put("precompress", cache.Key(data)+v.Ext, bad)
			again, err := Variants(c, data)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again[i].Data, v.Data) {
				t.Errorf("%s: a wrong cached form was used", v.Ext)
			}
		}
	}
}
