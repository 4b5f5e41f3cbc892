package site

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"gyportal/generator/model"
)

// renderOptions are the inputs of a test render: what package build
// would pass, minus the calculator and the search index.
type renderOptions struct {
	Content       fs.FS
	ContentName   string
	Templates     fs.FS
	TemplatesName string
	Out           string
	Today         time.Time
	Drafts        bool
}

// rendered is a test render's result.
type rendered struct {
	Plan *model.Plan
}

// renderSite renders content the way the build does, into o.Out, with
// the assets named /assets/<name> (unhashed) and empty calculator views.
func renderSite(o renderOptions) (*rendered, error) {
	full, err := model.Load(o.Content, o.ContentName)
	if err != nil {
		return nil, err
	}
	plan := full.Visible(o.Today, o.Drafts)
	tmpl, err := Parse(o.Templates, o.TemplatesName)
	if err != nil {
		return nil, err
	}
	assets := map[string]string{"search.js": "/search/search.js", "calc.wasm": "", "wasm_exec.js": "", "calc-params.json": "/assets/calc-params.json"}
	names, _ := fs.Glob(o.Templates, "assets/*")
	for _, n := range names {
		assets[path.Base(n)] = "/" + n
	}
	s, err := New(Input{Plan: plan, Templates: tmpl, Assets: AssetMap(assets), Calculator: Calculator{Page: CalculatorPage{Date: o.Today.Format(time.DateOnly)}, Schema: map[string]any{"title": "test"}}})
	if err != nil {
		return nil, err
	}
	if err := s.Render(dirWriter(o.Out)); err != nil {
		return nil, err
	}
	return &rendered{Plan: plan}, nil
}

// dirWriter writes files under a directory.
type dirWriter string

func (d dirWriter) WriteFile(name string, data []byte) error {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// listFiles lists the regular files under dir, with their sizes.
func listFiles(dir string) (map[string]int64, error) {
	out := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	return out, err
}
