package site

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// testToday is the build date of these tests.
var testToday = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// testBase is the real-looking address the tests' copies of the content
// set (the shipped content has none).
const testBase = "https://www.gyfp.cn"

// contentCopy copies the real content into a temporary directory and
// appends extra TOML to the named files (paths relative to content/);
// a file that does not exist is created.
func contentCopy(t testing.TB, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	site := "title = \"测试站点\"\nbase_url = \"" + testBase + "/\"\n"
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		p := filepath.Join(dir, filepath.FromSlash(name))
		f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString("\n" + text); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return dir
}

// buildInto builds content into out (pages only, no WebAssembly).
func buildInto(t testing.TB, content, out string, drafts bool) *rendered {
	t.Helper()
	res, err := renderSite(renderOptions{
		Content: os.DirFS(content), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: out, Today: testToday, Drafts: drafts,
	})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

func readOut(t testing.TB, out, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withUpdates is content with dated updates on two clauses.
var withUpdates = map[string]string{
	"measures/3.2.12.toml": "[[updates]]\ndate = \"2014-03-01\"\ntext = \"失独家庭抚慰金发放流程已公布。\"\n\n" +
		"[[updates]]\ndate = \"2014-03-01\"\ntext = \"同日第二条说明 <b>&</b>。\"\n",
	"measures/1.toml": "[[updates]]\ndate = \"2013-12-01\"\ntext = \"指导思想条款补充说明。\"\n",
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"http://www.w3.org/2005/Atom id"`
	Title   string   `xml:"http://www.w3.org/2005/Atom title"`
	Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Author struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Entries []struct {
		ID      string `xml:"http://www.w3.org/2005/Atom id"`
		Title   string `xml:"http://www.w3.org/2005/Atom title"`
		Updated string `xml:"http://www.w3.org/2005/Atom updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"http://www.w3.org/2005/Atom content"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

func absoluteURL(t *testing.T, what, s string) {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Host == "" {
		t.Errorf("%s %q is not an absolute URL", what, s)
	}
}

func rfc3339(t *testing.T, what, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Errorf("%s %q is not an RFC 3339 date-time", what, s)
	}
	return tm
}

func TestFeedIsValidAtom(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, contentCopy(t, withUpdates), out, false)
	var f atomDoc
	if err := xml.Unmarshal(readOut(t, out, "feed.xml"), &f); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if f.ID == "" || f.Title == "" || f.Author.Name == "" {
		t.Errorf("feed lacks id, title or author: %+v", f)
	}
	absoluteURL(t, "feed id", f.ID)
	rels := map[string]string{}
	for _, l := range f.Links {
		rels[l.Rel] = l.Href
		absoluteURL(t, "feed link", l.Href)
	}
	if !strings.HasSuffix(rels["self"], "/feed.xml") || !strings.HasSuffix(rels["alternate"], "/updates/") {
		t.Errorf("feed links = %v, want self …/feed.xml and alternate …/updates/", rels)
	}
	if len(f.Entries) != 3 {
		t.Fatalf("got %d entries, want 3", len(f.Entries))
	}
	ids := map[string]bool{}
	var newest time.Time
	for i, e := range f.Entries {
		if e.ID == "" || e.Title == "" || e.Link.Href == "" || e.Content.Text == "" {
			t.Errorf("entry %d lacks a required element: %+v", i, e)
		}
		if ids[e.ID] {
			t.Errorf("duplicate entry id %s", e.ID)
		}
		ids[e.ID] = true
		absoluteURL(t, "entry id", e.ID)
		absoluteURL(t, "entry link", e.Link.Href)
		u := rfc3339(t, "entry updated", e.Updated)
		if i > 0 && u.After(rfc3339(t, "entry updated", f.Entries[i-1].Updated)) {
			t.Errorf("entries not newest first at %d", i)
		}
		if u.After(newest) {
			newest = u
		}
	}
	if got := rfc3339(t, "feed updated", f.Updated); !got.Equal(newest) {
		t.Errorf("feed updated %s, want newest entry %s", f.Updated, newest)
	}
	if f.Entries[1].Content.Text != "同日第二条说明 <b>&</b>。" {
		t.Errorf("entry content not kept as text: %q", f.Entries[1].Content.Text)
	}
	if !strings.HasSuffix(f.Entries[0].Link.Href, "/clauses/3.2.12/") {
		t.Errorf("entry link %s, want the clause page", f.Entries[0].Link.Href)
	}
}

func TestFeedWithoutUpdates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, contentCopy(t, nil), out, false)
	var f atomDoc
	if err := xml.Unmarshal(readOut(t, out, "feed.xml"), &f); err != nil {
		t.Fatal(err)
	}
	want := res.Plan.Document.PrintedDate.String()
	if !strings.HasPrefix(f.Updated, want+"T") || len(f.Entries) != len(updatesOf(res.Plan)) {
		t.Errorf("feed updated %q with %d entries; want the printed date %s", f.Updated, len(f.Entries), want)
	}
}

// TestGeneratedFilesDeterministic builds twice into fresh directories
// and compares the feed, sitemap and data files byte for byte.
func TestGeneratedFilesDeterministic(t *testing.T) {
	content := contentCopy(t, withUpdates)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	buildInto(t, content, a, false)
	buildInto(t, content, b, false)
	names := []string{"feed.xml", "sitemap.xml", "updates/index.html", "open-data/index.html"}
	data, _ := filepath.Glob(filepath.Join(a, "data", "*.json"))
	for _, d := range data {
		names = append(names, "data/"+filepath.Base(d))
	}
	for _, n := range names {
		if !bytes.Equal(readOut(t, a, n), readOut(t, b, n)) {
			t.Errorf("%s differs between two builds", n)
		}
	}
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// w3cDate matches the W3C Datetime forms the sitemap protocol accepts.
var w3cDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$`)

func TestSitemapAndLastUpdated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, contentCopy(t, withUpdates), out, false)
	var sm sitemapDoc
	if err := xml.Unmarshal(readOut(t, out, "sitemap.xml"), &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	lastmod := map[string]string{}
	for _, u := range sm.URLs {
		absoluteURL(t, "loc", u.Loc)
		if !w3cDate.MatchString(u.Lastmod) {
			t.Errorf("lastmod %q of %s is not a W3C date", u.Lastmod, u.Loc)
		}
		if lastmod[u.Loc] != "" {
			t.Errorf("duplicate loc %s", u.Loc)
		}
		lastmod[u.Loc] = u.Lastmod
	}
	base := testBase
	checks := map[string]string{
		"/clauses/3.2.12/": "2014-03-01", "/clauses/1/": "2013-12-01",
		"/clauses/3.2.4/": "2013-06-09", "/": "2014-03-01", "/updates/": "2014-03-01",
	}
	for path, want := range checks {
		if got := lastmod[base+path]; got != want {
			t.Errorf("sitemap lastmod of %s = %q, want %s", path, got, want)
		}
	}
	if _, ok := lastmod[base+"/404.html"]; ok {
		t.Error("sitemap lists 404.html")
	}
	page := string(readOut(t, out, "clauses/3.2.12/index.html"))
	if !strings.Contains(page, `最后更新：<time datetime="2014-03-01">`) {
		t.Error("clause page does not show 最后更新 2014-03-01")
	}
	upd := string(readOut(t, out, "updates/index.html"))
	for _, s := range []string{"失独家庭抚慰金发放流程已公布。", "指导思想条款补充说明。", `href="/clauses/3.2.12/"`, "/feed.xml"} {
		if !strings.Contains(upd, s) {
			t.Errorf("updates page lacks %q", s)
		}
	}
	if i, j := strings.Index(upd, "2014-03-01"), strings.Index(upd, "2013-12-01"); i < 0 || j < 0 || i > j {
		t.Error("updates page is not newest first")
	}
}

// allOutput returns every file under out with its contents.
func allOutput(t testing.TB, out string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(out, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return files
}

func sortedNames(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
