// Package wasmbuild compiles the calculator's WebAssembly adapter
// (calc/wasm) with GOOS=js GOARCH=wasm and reads the matching
// wasm_exec.js from the Go toolchain.
//
// Compiling takes seconds, so the result is kept in the build's cache
// (package cache, kind "wasm"), keyed by a hash of the Go version, the
// build flags, go.mod, go.sum and every Go source file the adapter imports
// from this module. A rebuild with unchanged rules reads the cache in
// milliseconds; a cached file that is not intact WebAssembly is compiled
// again. The build is reproducible (-trimpath, -buildvcs=false, no debug
// information), so a cache hit and a fresh compile give the same bytes.
package wasmbuild

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"gyportal/generator/build/cache"
)

// Package is the adapter's import path relative to the module root.
const Package = "./calc/wasm"

// flags are the go build flags; they are part of the cache key.
var flags = []string{"-trimpath", "-buildvcs=false", "-ldflags=-s -w"}

// Output is one compiled adapter with its JavaScript support file.
type Output struct {
	Wasm     []byte // calc/wasm compiled to WebAssembly
	WasmExec []byte // $(go env GOROOT)/lib/wasm/wasm_exec.js of the same toolchain
	Cached   bool   // Wasm came from the cache
}

// ErrNoGo is returned when no Go toolchain is on PATH.
var ErrNoGo = errors.New("the calculator is compiled to WebAssembly with the Go toolchain, but `go` was not found on PATH: install Go (see go.mod for the version) or put it on PATH")

// Build compiles the adapter of the module that contains dir (or a
// parent of dir), using the cache c (which may be nil) when it can.
func Build(dir string, c *cache.Cache) (*Output, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, ErrNoGo
	}
	root, err := moduleRoot(dir)
	if err != nil {
		return nil, err
	}
	tc, err := toolchain(goBin, root)
	if err != nil {
		return nil, err
	}
	support, err := os.ReadFile(filepath.Join(tc.goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js of %s: %w", tc.version, err)
	}
	key, err := cacheKey(root, tc.version)
	if err != nil {
		return nil, err
	}
	if data, ok := c.Get("wasm", key+".wasm", IsWasm); ok {
		return &Output{Wasm: data, WasmExec: support, Cached: true}, nil
	}
	data, err := compile(goBin, root)
	if err != nil {
		return nil, err
	}
	if !IsWasm(data) {
		return nil, fmt.Errorf("compiling the calculator: %s is not a WebAssembly module", Package)
	}
	c.Put("wasm", key+".wasm", data)
	return &Output{Wasm: data, WasmExec: support}, nil
}

// moduleRoot finds the directory holding go.mod, from dir upwards.
func moduleRoot(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(Package))); err != nil {
				return "", fmt.Errorf("calculator adapter %s not found in module %s", Package, d)
			}
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod in %s or its parents: the calculator is compiled from the project's sources", dir)
		}
		d = parent
	}
}

type goToolchain struct{ goroot, version string }

// toolchain asks the go command for its GOROOT and version.
func toolchain(goBin, root string) (goToolchain, error) {
	cmd := exec.Command(goBin, "env", "GOROOT", "GOVERSION")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return goToolchain{}, fmt.Errorf("go env: %w%s", err, stderrOf(err))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return goToolchain{}, fmt.Errorf("go env: unexpected output %q", out)
	}
	return goToolchain{goroot: lines[0], version: lines[1]}, nil
}

// compile runs go build for js/wasm into a temporary file and reads it.
func compile(goBin, root string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "gyportal-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "calc.wasm")
	args := append([]string{"build"}, flags...)
	args = append(args, "-o", out, Package)
	cmd := exec.Command(goBin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling the calculator to WebAssembly (GOOS=js GOARCH=wasm go build %s): %w\n%s",
			Package, err, strings.TrimSpace(string(msg)))
	}
	return os.ReadFile(out)
}

// wasmMagic opens every WebAssembly binary module: "\0asm", version 1.
var wasmMagic = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

// IsWasm reports whether data starts like a WebAssembly module.
func IsWasm(data []byte) bool { return bytes.HasPrefix(data, wasmMagic) }

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}

// hashHex is the hex SHA-256 of data.
func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
