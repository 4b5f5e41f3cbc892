package wasmbuild

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"gyportal/generator/build/cache"
)

// module writes a small module with an adapter importing a rules package.
func module(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"go.mod":             "module example\n\ngo 1.26\n",
		"calc/wasm/main.go":  "package main\n\nimport _ \"example/calc\"\n\nfunc main() {}\n",
		"calc/calc.go":       "package calc\n\nimport _ \"example/calc/money\"\n",
		"calc/calc_test.go":  "package calc\n",
		"calc/money/m.go":    "package money\n",
		"generator/other.go": "package generator\n",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestSources(t *testing.T) {
	root := module(t)
	got, err := sources(root, "example")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"calc/calc.go", "calc/money/m.go", "calc/wasm/main.go"}
	if len(got) != len(want) {
		t.Fatalf("sources = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sources = %q, want %q", got, want)
		}
	}
}

func TestCacheKey(t *testing.T) {
	root := module(t)
	key := func() string {
		k, err := cacheKey(root, "go1.26.8")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k0 := key()
	if k0 != key() {
		t.Fatal("cache key not stable")
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("generator/other.go", "package generator\n\n// changed\n")
	write("calc/calc_test.go", "package calc\n\n// changed\n")
	if key() != k0 {
		t.Error("a file the adapter does not import changed the key")
	}
	write("calc/money/m.go", "package money\n\n// changed\n")
	k1 := key()
	if k1 == k0 {
		t.Error("a change to an imported package kept the key")
	}
	if k, _ := cacheKey(root, "go1.27.0"); k == k1 {
		t.Error("another Go version kept the key")
	}
}

func TestNoGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Build(".", nil); !errors.Is(err, ErrNoGo) {
		t.Fatalf("Build without go on PATH: %v, want ErrNoGo", err)
	}
}

// TestGarbageCacheNotShipped puts garbage where the compiled adapter is
// cached, framed as a valid entry and raw: Build compiles instead, and
// replaces the entry.
func TestGarbageCacheNotShipped(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a module to WebAssembly")
	}
	root := module(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH")
	}
	tc, err := toolchain(goBin, root)
	if err != nil {
		t.Fatal(err)
	}
	key, err := cacheKey(root, tc.version)
	if err != nil {
		t.Fatal(err)
	}
	c := cache.At(t.TempDir())
	garbage := []byte("34 bytes of garbage, not a module!")
	for _, put := range []func(){
		func() { c.Put("wasm", key+".wasm", garbage) },
		func() { os.WriteFile(filepath.Join(c.Root(), "wasm", key+".wasm"), garbage, 0o644) },
	} {
		put()
		out, err := Build(root, c)
		if err != nil {
			t.Fatal(err)
		}
		if out.Cached || !IsWasm(out.Wasm) {
			t.Fatalf("cached %v, wasm %q…", out.Cached, out.Wasm[:8])
		}
		if again, _ := Build(root, c); !again.Cached || !bytes.Equal(again.Wasm, out.Wasm) {
			t.Error("the rebuilt module was not cached")
		}
	}
}
