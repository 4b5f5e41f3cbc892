// Package wasmbuild compiles the calculator's WebAssembly adapter
// (calc/wasm) with GOOS=js GOARCH=wasm and reads the matching
// wasm_exec.js from the Go toolchain.
//
// When binaryen's wasm-opt is installed (Debian package binaryen), the
// module is then shrunk with wasm-opt -Oz; without it the build works
// and ships the larger module.
//
// Compiling takes seconds, so the result is kept in the build's cache
// (package cache, kind "wasm"), keyed by a hash of the Go version, the
// build flags, go.mod, go.sum and every Go source file the adapter imports
// from this module (and the wasm-opt version, when there is one). A
// rebuild with unchanged rules reads the cache in
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
	Wasm      []byte // calc/wasm compiled to WebAssembly
	WasmExec  []byte // $(go env GOROOT)/lib/wasm/wasm_exec.js of the same toolchain
	Cached    bool   // Wasm came from the cache
	Optimizer string // the wasm-opt that shrank Wasm ("wasm-opt version 108"), "" if none
}

// optFlags are wasm-opt's flags: optimise for size, with the features
// the Go compiler's output uses.
var optFlags = []string{"-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int"}

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
	key, opt, optVersion, err := buildKey(root, tc.version)
	if err != nil {
		return nil, err
	}
	out := &Output{WasmExec: support, Optimizer: optVersion}
	if data, ok := c.Get("wasm", key+".wasm", IsWasm); ok {
		out.Wasm, out.Cached = data, true
		return out, nil
	}
	if out.Wasm, err = compile(goBin, root, opt); err != nil {
		return nil, err
	}
	if !IsWasm(out.Wasm) {
		return nil, fmt.Errorf("compiling the calculator: %s is not a WebAssembly module", Package)
	}
	c.Put("wasm", key+".wasm", out.Wasm)
	return out, nil
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

// buildKey is the cache key of the module: cacheKey, and the wasm-opt
// that will shrink it, if any.
func buildKey(root, goVersion string) (key, opt, optVersion string, err error) {
	if key, err = cacheKey(root, goVersion); err != nil {
		return "", "", "", err
	}
	if opt, optVersion = optimizer(); optVersion != "" {
		key = hashHex([]byte(key + "\n" + optVersion + fmt.Sprint(optFlags)))[:32]
	}
	return key, opt, optVersion, nil
}

// optimizer finds binaryen's wasm-opt (Debian package binaryen) and its
// version; "" when it is not installed: the build works without it, with
// a larger file.
func optimizer() (path, version string) {
	p, err := exec.LookPath("wasm-opt")
	if err != nil {
		return "", ""
	}
	v, err := exec.Command(p, "--version").Output()
	if err != nil {
		return "", ""
	}
	return p, strings.TrimSpace(string(v))
}

// compile runs go build for js/wasm into a temporary file, then wasm-opt
// when opt is set, and reads the result.
func compile(goBin, root, opt string) ([]byte, error) {
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
	if opt != "" {
		small := filepath.Join(tmp, "calc.opt.wasm")
		cmd := exec.Command(opt, append(append([]string{}, optFlags...), out, "-o", small)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("wasm-opt -Oz: %w\n%.2000s", err, msg)
		}
		out = small
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
