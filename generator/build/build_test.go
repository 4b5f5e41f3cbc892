package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gyportal/generator/precompress"
)

// fixture is the small content tree of the renderer's tests.
const fixture = "../site/testdata/content"

// build builds the content at contentDir with the real templates into a
// fresh directory and returns it.
func build(t *testing.T, contentDir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(testOptions(contentDir, out)); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

func testOptions(contentDir, out string) Options {
	return Options{
		Content: os.DirFS(contentDir), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: out, Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), SkipWasm: true,
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

func TestDeterministic(t *testing.T) {
	a, b := build(t, fixture), build(t, fixture)
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

// TestAssetsAndHeaders checks the published assets (hashed, referenced
// by the pages, precompressed when large), the verbatim static files and
// the _headers file.
func TestAssetsAndHeaders(t *testing.T) {
	tmpl := t.TempDir()
	if err := os.CopyFS(tmpl, os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(tmpl, "static"), 0o755)
	os.WriteFile(filepath.Join(tmpl, "static", "favicon.ico"), []byte("icon"), 0o644)
	o := testOptions(fixture, filepath.Join(t.TempDir(), "public"))
	o.Templates = os.DirFS(tmpl)
	if _, err := Build(o); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(o.Out, "favicon.ico")); got != "icon" {
		t.Errorf("static file: %q", got)
	}
	css, _ := filepath.Glob(filepath.Join(o.Out, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("style assets: %v", css)
	}
	if !strings.Contains(read(t, filepath.Join(o.Out, "index.html")), `href="/assets/`+filepath.Base(css[0])+`"`) {
		t.Error("the home page does not link the hashed stylesheet")
	}
	for _, ext := range []string{".gz", ".br"} {
		if _, err := os.Stat(css[0] + ext); err != nil {
			t.Errorf("no %s form of the stylesheet", ext)
		}
	}
	h := read(t, filepath.Join(o.Out, "_headers"))
	for _, want := range []string{"/*\n", "  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'\n",
		"  X-Content-Type-Options: nosniff\n", "  Referrer-Policy: no-referrer\n", "  X-Frame-Options: DENY\n"} {
		if !strings.Contains(h, want) {
			t.Errorf("_headers lacks %q:\n%s", want, h)
		}
	}
}

// TestStaticCannotShadow checks that a static file named like a
// generated one fails the build.
func TestStaticCannotShadow(t *testing.T) {
	tmpl := t.TempDir()
	os.CopyFS(tmpl, os.DirFS("../../templates"))
	os.MkdirAll(filepath.Join(tmpl, "static"), 0o755)
	os.WriteFile(filepath.Join(tmpl, "static", "sitemap.xml"), []byte("x"), 0o644)
	o := testOptions(fixture, filepath.Join(t.TempDir(), "public"))
	o.Templates = os.DirFS(tmpl)
	if _, err := Build(o); err == nil || !strings.Contains(err.Error(), "sitemap.xml") {
		t.Errorf("want a duplicate-file error, got %v", err)
	}
}

// TestUnknownAsset checks that a template naming a missing asset fails.
func TestUnknownAsset(t *testing.T) {
	tmpl := t.TempDir()
	os.CopyFS(tmpl, os.DirFS("../../templates"))
	p := filepath.Join(tmpl, "404.html")
	os.WriteFile(p, []byte(strings.Replace(read(t, p), `{{define "main"}}`, `{{define "main"}}{{asset "nope.js"}}`, 1)), 0o644)
	o := testOptions(fixture, filepath.Join(t.TempDir(), "public"))
	o.Templates = os.DirFS(tmpl)
	if _, err := Build(o); err == nil || !strings.Contains(err.Error(), `asset "nope.js"`) {
		t.Errorf("want an unknown-asset error, got %v", err)
	}
}

// TestMemoryBuild builds into memory: the same files as on disk, a valid
// fs.FS, change counts against the previous build, and nothing written.
func TestMemoryBuild(t *testing.T) {
	disk := build(t, fixture)
	o := testOptions(fixture, filepath.Join(t.TempDir(), "never"))
	o.Memory = &Memory{}
	r, err := Build(o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(o.Out); err == nil {
		t.Error("a memory build wrote its output directory")
	}
	files, _ := listFiles(disk)
	for name := range files { // the memory build has no compressed forms, no marker
		if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") || name == MarkerName {
			delete(files, name)
		}
	}
	if r.Stats.Files != len(files) || r.Stats.Added != len(files) {
		t.Errorf("stats %+v, want %d files added", r.Stats, len(files))
	}
	for name := range files {
		got, err := fs.ReadFile(o.Memory, name)
		if err != nil || string(got) != read(t, filepath.Join(disk, name)) {
			t.Errorf("%s differs between memory and disk builds (%v)", name, err)
		}
	}
	if err := fstest.TestFS(o.Memory, "index.html", "clauses/3.2.12/index.html", "sitemap.xml"); err != nil {
		t.Error(err)
	}
	r2, err := Build(o)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Stats.Added+r2.Stats.Changed+r2.Stats.Removed != 0 {
		t.Errorf("second memory build: %+v", r2.Stats)
	}
}

// TestFailedBuildKeepsOutput breaks the content and checks that the
// previous output is left exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	out := build(t, fixture)
	before, _ := listFiles(out)
	beforeHome := read(t, filepath.Join(out, "index.html"))
	broken := t.TempDir()
	copyDir(t, fixture, broken)
	bad := filepath.Join(broken, "measures/3.2.12.toml")
	os.WriteFile(bad, []byte(strings.Replace(read(t, bad), `amount = "20000"`, `amount = "2万"`, 1)), 0o644)
	_, err := Build(testOptions(broken, out))
	if err == nil || !strings.Contains(err.Error(), `content/measures/3.2.12.toml:24: benefits[1].amount: "2万" 不是数字，金额请写成 "20000"`) {
		t.Fatalf("want the positioned error, got %v", err)
	}
	after, _ := listFiles(out)
	if len(after) != len(before) || read(t, filepath.Join(out, "index.html")) != beforeHome {
		t.Error("a failed build changed the previous output")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging directories left behind: %v", leftovers)
	}
}

func TestStats(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	r1, err := Build(testOptions(fixture, out))
	if err != nil {
		t.Fatal(err)
	}
	if r1.Stats.Added != r1.Stats.Files || r1.Stats.Files == 0 || r1.Stats.Written != r1.Stats.Files+r1.Stats.Forms {
		t.Errorf("first build: %+v", r1.Stats)
	}
	r2, err := Build(testOptions(fixture, out))
	if err != nil {
		t.Fatal(err)
	}
	if r2.Stats.Added != 0 || r2.Stats.Changed != 0 || r2.Stats.Removed != 0 || r2.Stats.Files != r1.Stats.Files {
		t.Errorf("second build of the same content: %+v", r2.Stats)
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

// listFiles lists the regular files of the tree dir shows (following the
// link --out is), with their sizes.
func listFiles(dir string) (map[string]int64, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	err = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(real, p)
		out[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	return out, err
}

// TestIncremental builds, builds again, edits one clause and builds a
// third time: the third build writes only the files that changed (into
// the tree the second build did not use), and its output is the same as
// a fresh build's.
func TestIncremental(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", content)
	out := filepath.Join(t.TempDir(), "public")
	for range 2 {
		if _, err := Build(testOptions(content, out)); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(content, "measures", "3.2.12.toml")
	os.WriteFile(p, []byte(strings.Replace(read(t, p), "title", "title = \"增量生成\"\n#", 1)), 0o644)
	r, err := Build(testOptions(content, out))
	if err != nil {
		t.Fatal(err)
	}
	if r.Stats.Changed == 0 || r.Stats.Written > 3*(r.Stats.Changed+r.Stats.Added)+1 || r.Stats.Written >= r.Stats.Files+r.Stats.Forms {
		t.Errorf("one edited clause: %+v", r.Stats)
	}
	if r.Stats.Kept == 0 {
		t.Errorf("no file of the earlier builds kept: %+v", r.Stats)
	}
	sameSite(t, out, build(t, content))
}

// siteFiles lists the files of the site out shows: the tree's files but
// the marker and what it keeps of earlier builds.
func siteFiles(t *testing.T, out string) map[string]int64 {
	t.Helper()
	files, err := listFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := readManifest(realTree(t, out))
	if !ok {
		t.Fatal("no manifest")
	}
	delete(files, MarkerName)
	for name := range m.kept {
		for _, ext := range append([]string{""}, precompress.Exts...) {
			delete(files, name+ext)
		}
	}
	return files
}

// sameSite checks that the trees a and b show hold the same site, byte
// for byte, and name it with the same tree hash in their manifests.
func sameSite(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := siteFiles(t, a), siteFiles(t, b)
	if len(fa) != len(fb) {
		t.Errorf("%d files, a fresh build %d", len(fa), len(fb))
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("%s: missing", name)
		} else if read(t, filepath.Join(a, name)) != read(t, filepath.Join(b, name)) {
			t.Errorf("%s differs from a fresh build", name)
		}
	}
	if ha, hb := treeHash([]byte(read(t, filepath.Join(a, MarkerName)))), treeHash([]byte(read(t, filepath.Join(b, MarkerName)))); ha != hb {
		t.Errorf("tree hashes %s and %s", ha, hb)
	}
}
