package precompress

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"gyportal/generator/build/cache"
)

func TestRoundTripAndDeterminism(t *testing.T) {
	data := []byte(strings.Repeat("计划生育家庭 圆梦小康 ", 500))
	v1, err := Variants(nil, data, false)
	if err != nil {
		t.Fatal(err)
	}
	v2, _ := Variants(nil, data, false)
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
	if v, _ := Variants(nil, []byte("tiny"), false); v != nil {
		t.Errorf("got %d variants for a tiny file", len(v))
	}
}

// TestBestFormsVerified puts wrong data where a file's best cached forms
// belong: they are not used, and are replaced by good ones.
func TestBestFormsVerified(t *testing.T) {
	c := cache.At(t.TempDir())
	s := OpenStore(c, "test")
	defer s.Close(nil)
	data := []byte(strings.Repeat("计划生育家庭特别扶助 ", 2000))
	good, err := Variants(s, data, true)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := Variants(nil, append([]byte("x"), data...), true)
	for i, v := range good {
		// A valid compressed stream of other data, then plain garbage.
		for _, bad := range [][]byte{other[i].Data, []byte("garbage")} {
			c.Put(packKind, cache.Key(data)+v.Ext, bad)
			again, err := Variants(s, data, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again[i].Data, v.Data) {
				t.Errorf("%s: a wrong cached form was used", v.Ext)
			}
		}
	}
}

// TestPack stores the forms of small files in a pack, reads them back
// from the cache, and checks that a damaged pack gives correct forms.
func TestPack(t *testing.T) {
	c := cache.At(t.TempDir())
	var files [][]byte
	var live [][16]byte
	for i := range 20 {
		f := []byte(strings.Repeat(fmt.Sprintf("第%d条 计划生育家庭 ", i), 100))
		files = append(files, f)
		live = append(live, keyOf(f))
	}
	want := map[int][]Variant{}
	s := OpenStore(c, "site")
	for i, f := range files {
		want[i], _ = Variants(s, f, false)
	}
	if err := s.Close(live); err != nil {
		t.Fatal(err)
	}
	s = OpenStore(c, "site")
	for i, f := range files {
		for j := range formats {
			z, ok := s.get(keyOf(f), j)
			if !ok || !bytes.Equal(z, want[i][j].Data) {
				t.Fatalf("file %d form %d: not read back from the pack", i, j)
			}
		}
	}
	s.Close(live) // nothing new: the pack stays
	matches, _ := filepath.Glob(filepath.Join(c.Root(), packKind, "*"))
	if len(matches) != 1 {
		t.Fatalf("cache holds %v, want the pack only", matches)
	}
	raw, _ := os.ReadFile(matches[0])
	for i := 100; i < len(raw)/2; i += 97 {
		raw[i] ^= 0x55
	}
	os.WriteFile(matches[0], raw, 0o644)
	s = OpenStore(c, "site")
	defer s.Close(live)
	for i, f := range files {
		got, err := Variants(s, f, false)
		if err != nil {
			t.Fatal(err)
		}
		for j := range got {
			if !bytes.Equal(got[j].Data, want[i][j].Data) {
				t.Errorf("file %d %s: a damaged form was used", i, got[j].Ext)
			}
		}
	}
}

// TestPackCarriesLiveForms makes a new form in a build after a first
// one: the new pack has it and the old live forms (copied in runs around
// the dropped ones), each read back intact, and not the dropped forms.
func TestPackCarriesLiveForms(t *testing.T) {
	c := cache.At(t.TempDir())
	var files [][]byte
	for i := range 21 {
		files = append(files, []byte(strings.Repeat(fmt.Sprintf("第%d条 扶助 ", i), 120)))
	}
	want := map[int][]Variant{}
	s := OpenStore(c, "site")
	var live [][16]byte
	for i, f := range files[:20] {
		want[i], _ = Variants(s, f, false)
		live = append(live, keyOf(f))
	}
	if err := s.Close(live); err != nil {
		t.Fatal(err)
	}
	dropped := map[int]bool{0: true, 7: true, 8: true, 19: true}
	s = OpenStore(c, "site")
	want[20], _ = Variants(s, files[20], false)
	live = nil
	for i, f := range files {
		if !dropped[i] {
			live = append(live, keyOf(f))
		}
	}
	if err := s.Close(live); err != nil {
		t.Fatal(err)
	}
	s = OpenStore(c, "site")
	defer s.Close(live)
	for i, f := range files {
		for j := range formats {
			z, ok := s.get(keyOf(f), j)
			switch {
			case dropped[i] && ok:
				t.Errorf("file %d form %d: dropped, still in the pack", i, j)
			case !dropped[i] && (!ok || !bytes.Equal(z, want[i][j].Data)):
				t.Errorf("file %d form %d: not carried into the new pack", i, j)
			}
		}
	}
}
