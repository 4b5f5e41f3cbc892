package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// Templates is a parsed template tree: one template set per page kind,
// each laid out by base.html. Parse it once; New binds it to a build's
// assets.
type Templates struct {
	kinds map[string]*template.Template
	sum   [32]byte            // the generator and the template files (keys.go)
	deps  map[string]kindDeps // what each kind's templates reach
}

// PageKinds lists the page templates every template tree must provide.
var PageKinds = []string{"home", "clause", "department", "group", "full", "search", "calculator", "updates", "data", "404"}

// Parse reads the templates of fsys; name is the tree's name in messages
// ("templates"), so errors read "templates/clause.html:12: …".
func Parse(fsys fs.FS, name string) (*Templates, error) {
	base, err := template.New("base.html").Funcs(funcs(nil, nil)).ParseFS(fsys, "base.html")
	if err != nil {
		return nil, tmplErr(name, err)
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	if len(partials) > 0 {
		if base, err = base.ParseFS(fsys, partials...); err != nil {
			return nil, tmplErr(name, err)
		}
	}
	t := &Templates{kinds: map[string]*template.Template{}}
	files := append([]string{"base.html"}, partials...)
	for _, k := range PageKinds {
		clone := template.Must(base.Clone())
		if t.kinds[k], err = clone.ParseFS(fsys, k+".html"); err != nil {
			return nil, tmplErr(name, err)
		}
		files = append(files, k+".html")
	}
	if t.sum, err = sourceSum(fsys, files); err != nil {
		return nil, tmplErr(name, err)
	}
	t.scanKinds()
	return t, nil
}

// bind returns a copy of t whose asset function resolves names with
// assets and whose rules functions read rs.
func (t *Templates) bind(assets func(string) (string, bool), rs *Rules) (*Templates, error) {
	if t == nil {
		return nil, fmt.Errorf("site: no templates")
	}
	out := &Templates{kinds: map[string]*template.Template{}, sum: t.sum, deps: t.deps}
	fm := funcs(assets, rs)
	for k, tk := range t.kinds {
		c, err := tk.Clone()
		if err != nil {
			return nil, err
		}
		out.kinds[k] = c.Funcs(fm)
	}
	return out, nil
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
func (t *Templates) render(kind string, p *Page) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.kinds[kind].ExecuteTemplate(&buf, "base.html", p); err != nil {
		return nil, fmt.Errorf("%s: %w", p.URL, err)
	}
	return buf.Bytes(), nil
}
