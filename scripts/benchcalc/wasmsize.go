package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"gyportal/generator/build/cache"
	"gyportal/generator/precompress"
)

// wasmSizes compiles calc/wasm from the tree at root exactly as the build
// does (GOOS=js GOARCH=wasm, -trimpath -ldflags=-s -w) and prints its size
// raw, gzip and brotli, then the same after `wasm-opt -Oz` when binaryen
// is installed, and the standard-library packages the adapter links that
// the calculator should not need.
func wasmSizes(root string) error {
	tmp, err := os.MkdirTemp("", "benchcalc-wasm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	raw := filepath.Join(tmp, "calc.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", raw, "./calc/wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build calc/wasm: %w\n%s", err, out)
	}
	if err := printSize("go build", raw); err != nil {
		return err
	}
	if opt, err := exec.LookPath("wasm-opt"); err == nil {
		small := filepath.Join(tmp, "calc.opt.wasm")
		cmd := exec.Command(opt, "-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", raw, "-o", small)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("wasm-opt: %w\n%.2000s", err, out)
		}
		if err := printSize("go build + wasm-opt -Oz", small); err != nil {
			return err
		}
	} else {
		fmt.Println("wasm-opt not installed (Debian package binaryen): no -Oz figure")
	}
	return linkedPackages(root)
}

// printSize prints one wasm file's size raw, gzip and brotli, in KiB.
func printSize(what, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	vs, err := precompress.Variants(cache.At(""), data) // uncached: sizes only
	if err != nil {
		return err
	}
	size := map[string]int{"": len(data)}
	for _, v := range vs {
		size[v.Ext] = len(v.Data)
	}
	kib := func(n int) string { return fmt.Sprintf("%.0f KiB", float64(n)/1024) }
	fmt.Printf("WebAssembly (%s): raw %s, gzip %s, brotli %s\n", what, kib(size[""]), kib(size[".gz"]), kib(size[".br"]))
	return nil
}

// unwanted are standard-library packages the browser's calculator does
// not need; the adapter should link none of them.
var unwanted = []string{"encoding/csv", "encoding/json", "regexp", "fmt", "database/sql/driver", "time", "reflect", "math/big"}

// linkedPackages prints which unwanted packages calc/wasm imports,
// directly or not.
func linkedPackages(root string) error {
	cmd := exec.Command("go", "list", "-deps", "./calc/wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list: %w", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	var found []string
	for _, p := range unwanted {
		if deps[p] {
			found = append(found, p)
		}
	}
	fmt.Printf("calc/wasm links %d packages; of those not needed in the browser: %s\n", len(deps), orNone(found))
	return nil
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}
