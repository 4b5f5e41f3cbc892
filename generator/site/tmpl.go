package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// templates holds one parsed template set per page kind, each laid out by
// base.html.
type templates struct {
	kinds map[string]*template.Template
}

// pageKinds lists the page templates every template tree must provide.
var pageKinds = []string{"home", "clause", "department", "group", "full", "search", "calculator", "updates", "data", "404"}

func parseTemplates(fsys fs.FS, name string) (*templates, error) {
	base, err := template.New("base.html").Funcs(funcs()).ParseFS(fsys, "base.html")
	if err != nil {
		return nil, tmplErr(name, err)
	}
	if partials, _ := fs.Glob(fsys, "partials/*.html"); len(partials) > 0 {
		if base, err = base.ParseFS(fsys, partials...); err != nil {
			return nil, tmplErr(name, err)
		}
	}
	t := &templates{kinds: map[string]*template.Template{}}
	for _, k := range pageKinds {
		clone := template.Must(base.Clone())
		if t.kinds[k], err = clone.ParseFS(fsys, k+".html"); err != nil {
			return nil, tmplErr(name, err)
		}
	}
	return t, nil
}

// tmplErr prefixes a template error with the templates directory, so it
// reads "templates/clause.html:12: …".
func tmplErr(dir string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if strings.HasPrefix(msg, "pattern matches no files") || strings.Contains(msg, "no such file") {
		return fmt.Errorf("%s: %s", dir, msg)
	}
	return fmt.Errorf("%s", path.Join(dir, msg))
}

// render executes the kind's template with p.
func (t *templates) render(kind string, p *Page) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.kinds[kind].ExecuteTemplate(&buf, "base.html", p); err != nil {
		return nil, fmt.Errorf("%s: %w", p.URL, err)
	}
	return buf.Bytes(), nil
}
