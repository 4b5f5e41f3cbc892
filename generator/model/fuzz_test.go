package model

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"gyportal/calc/errlist"
)

// FuzzLoadClause loads arbitrary bytes as a clause file: the loader must
// not panic, and every error it reports names the file and a line of it.
// Run: go test -run='^$' -fuzz=FuzzLoadClause -fuzztime=60s ./generator/model/
func FuzzLoadClause(f *testing.F) {
	// Small seeds: the fuzzer minimises what it finds, and the real
	// clause files (10 KB) make each minimisation take minutes.
	f.Add(minimal()["measures/3.2.12.toml"].Data)
	if data, err := os.ReadFile("../../content/measures/3.2.9.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[[targets]]\n\"a\\u202e\" = 1\nb.c = [1, {d = 2}]\n[x]\n'y' = '''\n'''\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "measures/3.2.12.toml"
		fsys := minimal()
		fsys[file].Data = data
		p, err := LoadOn(fsys, "content", day)
		if err == nil {
			if p.Clause("3.2.12") == nil {
				t.Fatal("loaded without the clause")
			}
			return
		}
		list, ok := err.(errlist.List)
		if !ok {
			t.Fatalf("not an errlist.List: %T %v", err, err)
		}
		lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + 1
		for _, e := range list {
			if e.File != "content/"+file {
				continue // the fixture's other files: a reference may break
			}
			if e.Line < 1 || e.Line > lines {
				t.Errorf("error not positioned in the file (%d lines): %v", lines, e)
			}
			if msg := e.Error(); !utf8.ValidString(msg) && utf8.ValidString(string(data)) {
				t.Errorf("invalid UTF-8 in message: %q", msg)
			}
			if _, _, bad := firstBad(e.Error()); bad {
				t.Errorf("message carries a control or bidi character: %q", e.Error())
			}
		}
	})
}

// FuzzLocator scans arbitrary text: no panic, lines within the text.
func FuzzLocator(f *testing.F) {
	f.Add(`a = 1` + "\n[[b]]\nc.d = \"x\"\n")
	f.Add("x = [\n[\n{")
	f.Fuzz(func(t *testing.T, src string) {
		l := newLocator(src)
		n := strings.Count(src, "\n") + 1
		for _, e := range l.scanned().entries {
			if e.line < 1 || e.line > n {
				t.Fatalf("entry %s at line %d of %d", e.path, e.line, n)
			}
		}
	})
}
