package wasmbuild

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// cacheKey hashes everything the compiled adapter depends on: the Go
// version, the build flags, go.mod, go.sum, and the non-test Go files of
// every package of this module that the adapter imports, directly or not.
// Files are included whatever their build tags, which can only make the
// key change more often than needed, never less.
func cacheKey(root, goVersion string) (string, error) {
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	gosum, _ := os.ReadFile(filepath.Join(root, "go.sum")) // may not exist
	module := modulePath(gomod)
	if module == "" {
		return "", fmt.Errorf("%s: no module line", filepath.Join(root, "go.mod"))
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "go %s\nflags %q\ngo.mod %s\ngo.sum %s\n", goVersion, flags, hashHex(gomod), hashHex(gosum))
	files, err := sources(root, module)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&buf, "%s %s\n", f, hashHex(data))
	}
	return hashHex(buf.Bytes())[:32], nil
}

// modulePath reads the module line of a go.mod file.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// sources lists, sorted and slash-separated relative to root, the Go
// files of the adapter package and of every in-module package it reaches.
func sources(root, module string) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	queue := []string{path.Clean(strings.TrimPrefix(Package, "./"))}
	fset := token.NewFileSet()
	for len(queue) > 0 {
		dir := queue[0]
		queue = queue[1:]
		if seen[dir] {
			continue
		}
		seen[dir] = true
		entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
		if err != nil {
			return nil, fmt.Errorf("calculator sources: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			rel := path.Join(dir, name)
			files = append(files, rel)
			f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(rel)), nil, parser.ImportsOnly)
			if err != nil {
				return nil, err
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if p == module || strings.HasPrefix(p, module+"/") {
					queue = append(queue, strings.TrimPrefix(strings.TrimPrefix(p, module), "/"))
				}
			}
		}
	}
	sort.Strings(files)
	return files, nil
}
