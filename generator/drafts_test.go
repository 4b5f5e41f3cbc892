package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDraftsLeaveNoTrace drafts clause 4.3, whose departments 市委群工委,
// 市纪委 and 市督办督查局 name no other clause, and clause 3.2.16, whose
// benefit microloan the calculator's rules decide: no file of the built
// site mentions the clauses, their benefit or those departments, the
// calculator's parameters (which carry the rules) included, and build
// names the drafts it left out. The calculator's program (.wasm) holds
// no content: it is the same bytes in a build with the drafts. With
// --drafts the draft pages carry the 草稿 banner and noindex, stay out
// of the sitemap, and the summary says so.
func TestDraftsLeaveNoTrace(t *testing.T) {
	content := copyContent(t)
	edit{"measures/4.3.toml", "", "draft = true\n"}.apply(t, content)
	// A real address, so that the sitemap is written (and the build
	// prints no notice of a missing one).
	edit{"site.toml", `base_url = ""`, `base_url = "https://www.gyfp.cn/"`}.apply(t, content)
	edit{"measures/3.2.16.toml", "", "draft = true\n"}.apply(t, content)
	flags := []string{"--content", content, "--templates", "../templates"}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer

	// The one text that names 4.3 outside it (a note of a department
	// that stays) is the staff's to change with the draft: build and
	// check point at it.
	for _, cmd := range []string{"check", "build"} {
		stderr.Reset()
		if c := run(append([]string{cmd, "--out", out}, flags...), nil, &stdout, &stderr); c != exitOK ||
			strings.ReplaceAll(stderr.String(), content, "content") != "content/departments.toml:48: department[6].note: 提到了第4.3条，但它是草稿，网站上没有这一条；请一并修改这段文字\n" {
			t.Errorf("%s: exit %d, stderr %q", cmd, c, stderr.String())
		}
	}
	edit{"departments.toml", "和4.3所说的“市人口计生委”", ""}.apply(t, content)
	// A fresh --out: one that held the build above keeps that build's
	// content-named files (its search packs) for readers of open pages.
	out = filepath.Join(t.TempDir(), "public")
	stdout.Reset()
	stderr.Reset()
	if c := run(append([]string{"build", "--out", out}, flags...), nil, &stdout, &stderr); c != exitOK || stderr.Len() != 0 {
		t.Fatalf("build: exit %d\n%s", c, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "草稿，未公开：3.2.16、4.3\n") {
		t.Errorf("build says %q, want it to name the draft first", stdout.String())
	}
	traces := regexp.MustCompile(`(^|[^0-9.])(4\.3|3\.2\.16)([^0-9]|$)|加大考核力度|小额担保贷款|microloan|` +
		`mass-work-committee|discipline-inspection|supervision-bureau|市委群工委|市纪委|市督办督查局`)
	files, params := 0, 0
	wasm := map[string][]byte{}
	walkSite(t, out, func(name string, data []byte) {
		if strings.HasSuffix(name, ".wasm") {
			wasm[name] = data
			return
		}
		files++
		if strings.Contains(name, "calc-params") {
			params++
		}
		if m := traces.Find(data); m != nil {
			t.Errorf("%s mentions the draft: %q", name, m)
		}
	})
	if files < 50 || params == 0 || len(wasm) == 0 {
		t.Fatalf("only %d files read (%d calculator parameters, %d programs)", files, params, len(wasm))
	}

	preview := filepath.Join(t.TempDir(), "public")
	stdout.Reset()
	if c := run(append([]string{"build", "--drafts", "--out", preview}, flags...), nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("build --drafts: exit %d\n%s", c, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "含草稿（--drafts：页面标有“草稿”，不让搜索引擎收录，只供内部预览）：3.2.16、4.3\n") {
		t.Errorf("build --drafts says %q", stdout.String())
	}
	for page, draft := range map[string]bool{"clauses/4.3/index.html": true, "departments/discipline-inspection/index.html": true,
		"clauses/4.2/index.html": false, "departments/population/index.html": false} {
		html := string(mustRead(t, filepath.Join(preview, page)))
		banner := strings.Contains(html, `<aside class="draft-banner" aria-label="草稿">`)
		noindex := strings.Contains(html, `<meta name="robots" content="noindex">`)
		if banner != draft || noindex != draft {
			t.Errorf("%s: banner %v, noindex %v, want %v", page, banner, noindex, draft)
		}
	}
	for name, data := range wasm {
		if !bytes.Equal(mustRead(t, filepath.Join(preview, name)), data) {
			t.Errorf("%s differs in the build with the drafts: the calculator's program depends on content", name)
		}
	}
	if sm := string(mustRead(t, filepath.Join(preview, "sitemap.xml"))); strings.Contains(sm, "/clauses/4.3/") || !strings.Contains(sm, "/clauses/4.2/") {
		t.Error("the preview's sitemap lists the draft, or misses a published clause")
	}
}

// walkSite calls f with every file of the site at out (through its
// symbolic link), but the .gz and .br forms of others.
func walkSite(t *testing.T, out string, f func(name string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(out+"/", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
			return err
		}
		b, err := os.ReadFile(p)
		f(strings.TrimPrefix(p, out+"/"), b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestScheduledNamed: check and build name a clause whose publish date
// has not come, with the date.
func TestScheduledNamed(t *testing.T) {
	content := copyContent(t)
	edit{"measures/4.3.toml", "", "publish = \"2099-01-01\"\n"}.apply(t, content)
	edit{"departments.toml", "和4.3所说的“市人口计生委”", ""}.apply(t, content)
	var stdout, stderr bytes.Buffer
	c := run([]string{"check", "--content", content, "--templates", "../templates"}, nil, &stdout, &stderr)
	if c != exitOK || !strings.HasPrefix(stdout.String(), "未到发布日期，未公开：4.3（2099-01-01 公开）\n") || stderr.Len() != 0 {
		t.Errorf("check: exit %d, stdout %q, stderr %q", c, stdout.String(), stderr.String())
	}
}
