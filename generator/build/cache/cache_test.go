package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTripAndDamage(t *testing.T) {
	c := At(t.TempDir())
	data := []byte("\x00asm\x01\x00\x00\x00 some module")
	c.Put("wasm", "k.wasm", data)
	if got, ok := c.Get("wasm", "k.wasm", nil); !ok || !bytes.Equal(got, data) {
		t.Fatalf("Get after Put: %q, %v", got, ok)
	}
	p := filepath.Join(c.Root(), "wasm", "k.wasm")
	damages := map[string][]byte{
		"garbage":   []byte("34 bytes of garbage, not an entry!"),
		"truncated": encode(data)[:len(encode(data))-3],
		"flipped":   append(encode(data[:len(data)-1]), 'X'),
		"empty":     nil,
	}
	for name, raw := range damages {
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get("wasm", "k.wasm", nil); ok {
			t.Errorf("%s entry accepted: %q", name, got)
		}
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s entry not removed", name)
		}
	}
	c.Put("wasm", "k.wasm", data)
	if _, ok := c.Get("wasm", "k.wasm", func([]byte) bool { return false }); ok {
		t.Error("an entry the caller's check rejects was returned")
	}
}

func TestNoCache(t *testing.T) {
	var c *Cache
	c.Put("x", "y", []byte("z"))
	if _, ok := c.Get("x", "y", nil); ok {
		t.Error("a nil cache returned an entry")
	}
	t.Setenv("GYPORTAL_CACHE", "/some/dir")
	if Open().Root() != "/some/dir" {
		t.Error("GYPORTAL_CACHE not honoured")
	}
}
