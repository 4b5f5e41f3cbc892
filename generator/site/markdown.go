package site

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
)

// md is the one Markdown converter of the site. Raw HTML is off (the
// goldmark default): a hostile string in content is escaped, and
// dangerous link schemes are dropped by goldmark's renderer.
var md = goldmark.New()

// markdown renders staff-written Markdown (summaries, readings, notes).
func markdown(s string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := md.Convert([]byte(s), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
