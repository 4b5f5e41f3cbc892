package calc

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestNoPlanInGo: no Go file outside tests and test fixtures holds a run
// of 20 characters of the plan's text (whitespace ignored): the plan's
// words, and the readings of them, are content.
func TestNoPlanInGo(t *testing.T) {
	const run = 20
	data, err := os.ReadFile("../content/source/plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	plan := []rune(squeeze(string(data)))
	grams := map[string]bool{}
	for i := 0; i+run <= len(plan); i++ {
		grams[string(plan[i:i+run])] = true
	}
	files := 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != ".." ||
			strings.HasSuffix(d.Name(), "test")): // test helpers: calctest, searchtest, browsertest
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		text := []rune(squeeze(string(src)))
		for i := 0; i+run <= len(text); i++ {
			if grams[string(text[i:i+run])] {
				t.Errorf("%s holds words of the plan: %q", path, string(text[i:i+run]))
				break
			}
		}
		return nil
	})
	if err != nil || files < 50 {
		t.Fatalf("walked %d Go files: %v", files, err)
	}
}

// squeeze drops whitespace.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
