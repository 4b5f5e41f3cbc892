package site

import (
	"bytes"
	"encoding/xml"
	"strings"

	"gyportal/generator/model"
)

// sitemap writes sitemap.xml (every page but 404) and robots.txt.
func (b *builder) sitemap() error {
	base := strings.TrimSuffix(b.plan.Site.BaseURL, "/")
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range b.list {
		if p.Kind == "404" {
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
	if err := b.write("sitemap.xml", buf.Bytes()); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n"
	return b.write("robots.txt", []byte(robots))
}

func deptNames(ds []*model.Department) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Name
	}
	return strings.Join(names, "、")
}

func groupNames(gs []*model.Group) []string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.Name
	}
	return names
}
