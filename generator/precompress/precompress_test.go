package precompress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestRoundTripAndDeterminism(t *testing.T) {
	data := []byte(strings.Repeat("计划生育家庭 圆梦小康 ", 500))
	v1, err := Variants(data)
	if err != nil {
		t.Fatal(err)
	}
	v2, _ := Variants(data)
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
	if v, _ := Variants([]byte("tiny")); v != nil {
		t.Errorf("got %d variants for a tiny file", len(v))
	}
}
