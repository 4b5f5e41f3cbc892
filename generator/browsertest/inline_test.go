package browsertest

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlPages returns every HTML file of the built site, by its path.
func htmlPages(t *testing.T) map[string][]byte {
	t.Helper()
	built(t)
	pages := map[string][]byte{}
	root, err := filepath.EvalSymlinks(env.dir) // --out may be a link to the tree
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		pages[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("only %d pages built", len(pages))
	}
	return pages
}

// inlineCode lists what a Content-Security-Policy without 'unsafe-inline'
// would block in a page: script elements with a body or without src,
// style elements, style attributes, event handler attributes, and
// javascript: or data: URLs.
func inlineCode(page []byte) []string {
	var found []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript, inNoscript := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				found = append(found, "unparsable: "+z.Err().Error())
			}
			return found
		}
		tok := z.Token()
		switch {
		case tt == html.TextToken && inScript && strings.TrimSpace(tok.Data) != "":
			found = append(found, "inline script body")
		case tt == html.TextToken && inNoscript: // the tokenizer reads <noscript> as text
			found = append(found, inlineCode([]byte(tok.Data))...)
		case tt == html.EndTagToken && tok.Data == "script":
			inScript = false
		case tt == html.EndTagToken && tok.Data == "noscript":
			inNoscript = false
		case tt == html.StartTagToken && tok.Data == "noscript":
			inNoscript = true
		case tt == html.StartTagToken || tt == html.SelfClosingTagToken:
			found = append(found, inlineInTag(tok)...)
			inScript = tok.Data == "script" && tt == html.StartTagToken
		}
	}
}

func inlineInTag(tok html.Token) []string {
	var found []string
	hasSrc := false
	for _, a := range tok.Attr {
		key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
		switch {
		case key == "style":
			found = append(found, "<"+tok.Data+" style=…>")
		case strings.HasPrefix(key, "on"):
			found = append(found, "<"+tok.Data+" "+key+"=…>")
		case key == "src" || key == "href" || key == "action" || key == "formaction" || key == "data":
			hasSrc = hasSrc || key == "src"
			if strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") {
				found = append(found, "<"+tok.Data+" "+key+"=\""+val+"\">")
			}
		}
	}
	switch {
	case tok.Data == "style":
		found = append(found, "<style> element")
	case tok.Data == "script" && !hasSrc:
		found = append(found, "<script> without src")
	}
	return found
}

// TestNoInlineCode parses every built page and fails on anything the
// site's Content-Security-Policy (no 'unsafe-inline', no data:) blocks.
func TestNoInlineCode(t *testing.T) {
	for name, page := range htmlPages(t) {
		for _, f := range inlineCode(page) {
			t.Errorf("%s: %s", name, f)
		}
	}
}

// TestInlineCodeCheck shows the checker finds each kind of inline code.
func TestInlineCodeCheck(t *testing.T) {
	for _, c := range []struct {
		page string
		bad  bool
	}{
		{`<p>ok</p><script src="/a.js"></script>`, false},
		{`<script>alert(1)</script>`, true},
		{`<script></script>`, true},
		{`<style>p{}</style>`, true},
		{`<noscript><style>.x{}</style></noscript>`, true},
		{`<p style="color:red">x</p>`, true},
		{`<svg><path style="fill:red"/></svg>`, true},
		{`<button onclick="x()">x</button>`, true},
		{`<a href="javascript:x()">x</a>`, true},
		{`<link rel="icon" href="data:,">`, true},
		{`<img src="data:image/png;base64,AA">`, true},
		{`<a href="/data/clauses.json">data</a>`, false},
	} {
		if got := len(inlineCode([]byte(c.page))) > 0; got != c.bad {
			t.Errorf("%s: found inline code %v, want %v", c.page, got, c.bad)
		}
	}
}

// TestStatusBannerEverywhere: every page carries exactly one banner with
// data-policy-status, holding the status staff set in document.toml.
func TestStatusBannerEverywhere(t *testing.T) {
	pages := htmlPages(t)
	want := `data-policy-status="` + env.result.Plan.Document.Status + `"`
	for name, page := range pages {
		if n := bytes.Count(page, []byte("data-policy-status=")); n != 1 || !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s: %d data-policy-status attributes, want one %s", name, n, want)
		}
	}
}
