package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// build renders the content at contentDir with the real templates into a
// fresh directory and returns it.
func build(t *testing.T, contentDir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := renderSite(testOptions(contentDir, out)); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

func testOptions(contentDir, out string) renderOptions {
	return renderOptions{
		Content: os.DirFS(contentDir), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: out, Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestGolden compares rendered pages of the fixture site with testdata/golden.
func TestGolden(t *testing.T) {
	out := build(t, "testdata/content")
	for _, page := range []string{"index.html", "clauses/3.2.12/index.html", "clauses/3.2.9/index.html",
		"departments/population/index.html", "groups/bereaved/index.html", "full/index.html", "sitemap.xml", "robots.txt"} {
		got := read(t, filepath.Join(out, page))
		golden := filepath.Join("testdata/golden", strings.ReplaceAll(page, "/", "_"))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if want := read(t, golden); got != want {
			t.Errorf("%s differs from %s (run go test ./generator/site -run TestGolden -update after checking the change)", page, golden)
		}
	}
}

func TestHostileMarkdownIsEscaped(t *testing.T) {
	out := build(t, "testdata/content")
	for _, page := range []string{"clauses/3.2.9/index.html", "departments/population/index.html"} {
		html := read(t, filepath.Join(out, page))
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`} {
			if strings.Contains(html, bad) {
				t.Errorf("%s contains %q unescaped", page, bad)
			}
		}
	}
}

func TestDataClauseOnlyOnClausePages(t *testing.T) {
	out := build(t, "testdata/content")
	files, _ := listFiles(out)
	for name := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		html := read(t, filepath.Join(out, name))
		n := strings.Count(html, "data-clause=")
		if strings.HasPrefix(name, "clauses/") {
			id := strings.Split(name, "/")[1]
			if n != 1 || !strings.Contains(html, `data-clause="`+id+`"`) {
				t.Errorf("%s: want exactly one data-clause=%q, found %d", name, id, n)
			}
		} else if n != 0 {
			t.Errorf("%s carries data-clause", name)
		}
		if !strings.Contains(html, `<html lang="zh-CN">`) {
			t.Errorf("%s lacks lang=zh-CN", name)
		}
	}
}

func TestDraftsStayOut(t *testing.T) {
	out := build(t, "testdata/content")
	if _, err := os.Stat(filepath.Join(out, "clauses/3.2.18")); err == nil {
		t.Error("draft clause 3.2.18 was published")
	}
	if strings.Contains(read(t, filepath.Join(out, "sitemap.xml")), "3.2.18") {
		t.Error("draft clause 3.2.18 is in the sitemap")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := build(t, "testdata/content"), build(t, "testdata/content")
	fa, _ := listFiles(a)
	fb, _ := listFiles(b)
	if len(fa) != len(fb) {
		t.Fatalf("builds wrote %d and %d files", len(fa), len(fb))
	}
	for name := range fa {
		if !bytes.Equal([]byte(read(t, filepath.Join(a, name))), []byte(read(t, filepath.Join(b, name)))) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
