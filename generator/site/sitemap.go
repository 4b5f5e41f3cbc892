package site

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// sitemap writes sitemap.xml (every page but 404 and drafts) and
// robots.txt. A sitemap needs absolute addresses: while the site has no
// real address (BaseURL "") it writes robots.txt alone.
func (s *Site) sitemap(w Writer) error {
	base := strings.TrimSuffix(s.in.Plan.Site.BaseURL, "/")
	if base == "" {
		return w.WriteFile("robots.txt", []byte("User-agent: *\nAllow: /\n"))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.pages {
		if p.Kind == "404" || p.Draft() {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(base+p.URL))
		buf.WriteString("</loc>")
		if p.Updated != "" {
			buf.WriteString("<lastmod>" + p.Updated + "</lastmod>")
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	if err := w.WriteFile("sitemap.xml", buf.Bytes()); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n"
	return w.WriteFile("robots.txt", []byte(robots))
}
