package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleAddress matches an address on an example or local host.
var exampleAddress = regexp.MustCompile(`(?i)(https?:)?//([a-z0-9-]+\.)*(example(\.[a-z.]+)?|localhost|127\.0\.0\.1)\b`)

// TestNoPlaceholderAddress builds the shipped content, and the same
// content with base_url set to each kind of placeholder: no built file
// carries an example address, the 明白纸 has no QR code, and there is no
// sitemap or feed. With a real base_url the 明白纸 carries it.
func TestNoPlaceholderAddress(t *testing.T) {
	for _, base := range []string{"", "https://example.gov.cn/", "https://www.example.com/", "https://gy.example/",
		"http://localhost:8080/", "http://127.0.0.1/"} {
		dir := contentCopy(t, nil)
		site := "title = \"测试站点\"\nbase_url = \"" + base + "\"\n"
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(site), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		res := buildInto(t, dir, out, false)
		if res.Plan.Site.BaseURL != "" {
			t.Errorf("base_url %q kept as the site's address", base)
		}
		for name, text := range allOutput(t, out) {
			if m := exampleAddress.FindString(text); m != "" {
				t.Errorf("base_url %q: %s contains %q", base, name, m)
			}
		}
		for _, name := range []string{"sitemap.xml", "feed.xml"} {
			if _, err := os.Stat(filepath.Join(out, name)); err == nil {
				t.Errorf("base_url %q: %s written without an absolute address", base, name)
			}
		}
		if g := string(readOut(t, out, "groups/bereaved/index.html")); strings.Contains(g, "data-qr") || strings.Contains(g, "扫码") {
			t.Errorf("base_url %q: the 明白纸 still offers a QR code or an address", base)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, contentCopy(t, nil), out, false)
	if g := string(readOut(t, out, "groups/bereaved/index.html")); !strings.Contains(g, `data-qr="`+testBase+`/groups/bereaved/"`) ||
		!strings.Contains(g, "扫码或访问 "+testBase+"/groups/bereaved/") {
		t.Errorf("with a real base_url the 明白纸 lacks its address and QR code")
	}
}
