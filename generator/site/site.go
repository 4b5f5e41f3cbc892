// Package site renders the validated plan as the pages and files of a
// static web site. It is only the renderer, like
// golang.org/x/website/internal/web: it imports the content model and
// nothing of the build (no calculator, no search index, no file system
// output). Package build prepares its Input (the visible plan, the URLs
// of the published assets, the calculator's view values) and hands the
// rendered files to its sink.
//
// # Pages and their templates
//
// Each page kind has a template templates/<kind>.html that defines
// "main" (and may define "head"), laid out by templates/base.html;
// templates/partials/*.html are shared by all:
//
//	/                       home.html
//	/clauses/<id>/          clause.html (the clause element carries data-clause;
//	                        the page of 3.1 gets the AdjustmentStatus as .Extra)
//	/departments/<id>/      department.html
//	/groups/<id>/           group.html
//	/full/                  full.html (the whole document, anchor c-<id> per
//	                        clause; .Extra is []FullItem)
//	/search/                search.html
//	/calculator/            calculator.html (.Extra is the CalculatorPage)
//	/updates/               updates.html (.Extra is []Update), and /feed.xml
//	/open-data/             data.html (.Extra is the household fields, []FieldRow),
//	                        and /data/*.json
//	/404.html               404.html
//	/sitemap.xml, /robots.txt
//
// Every template receives a *Page. The page list (Pages, pages.go) is the
// one definition of the pages: their addresses, titles and content; the
// sitemap, the feed, the open data, the template functions and the search
// index (search.PlanDocs) read addresses and titles from it.
//
// # Template functions
//
//	asset "style.css"  the site-absolute, content-hashed URL of a published
//	                   asset: a file of templates/assets/, or one the build
//	                   makes (calc.wasm, wasm_exec.js, calc-params.json,
//	                   search.js); an unknown name fails the build, a name
//	                   the build skipped (calc.wasm without --wasm) gives ""
//	csp                the Content-Security-Policy of every page (CSP)
//	markdown           staff Markdown → HTML, raw HTML escaped
//	paras              split verbatim text into paragraphs at blank lines
//	yuan, num, pct     20,000元; 20,000; 0.2 → 20%
//	period, forName    一次性/每月/每年; 每户/每人/…
//	figure             a benefit's amount in words ("不低于20,000元")
//	target             a target's value with its unit
//	clauseURL, deptURL, groupURL   the page of a clause, department, group
//	anchor             the full page's anchor for a clause id
//	forGroup           the benefits of a clause that concern a group
//	rules              the calculator's descriptions of the benefits it
//	                   evaluates among a list (Calculator.Rules), for the
//	                   template "rules" (data-rule elements)
//	clauseReadings     the calculator's readings of a clause as a whole
//	offers             what a group's households can get by the
//	                   calculator's rules (Calculator.Rules.Groups), nil
//	                   for a group without facts
package site

import (
	"fmt"
	"runtime"
	"sync"

	"gyportal/generator/model"
)

// CSP is the Content-Security-Policy of every page: everything from the
// site itself, no inline script or style, WebAssembly allowed for the
// calculator. Pages carry it in a meta element ({{csp}}), the preview
// server and the _headers file of the build send it as a header.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Header is one HTTP response header.
type Header struct{ Name, Value string }

// SecurityHeaders are the headers a web server should send with every
// file of the site; the build writes them to _headers and the preview
// sends them.
var SecurityHeaders = []Header{
	{"Content-Security-Policy", CSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Frame-Options", "DENY"},
}

// Input is everything one render needs.
type Input struct {
	Plan      *model.Plan // the visible plan: what the site publishes
	Templates *Templates
	// Assets resolves an asset's name ("style.css") to its site-absolute
	// URL, ok false for an unknown name; the template function asset
	// calls it. It must be safe for concurrent use; the build's may wait
	// for the step that makes the asset (the search step for "search.js").
	Assets func(name string) (url string, ok bool)
	// Calculator is what the calculator step worked out.
	Calculator Calculator
}

// AssetMap is an Input.Assets over a fixed map.
func AssetMap(m map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) { u, ok := m[name]; return u, ok }
}

// Writer receives the rendered files; it must be safe for concurrent use.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Site renders one input.
type Site struct {
	in    Input
	t     *Templates
	pages []*Page // every HTML page, in a fixed order

	rulesOnce sync.Once
	rulesHash []byte // rulesSum

	clauseSums sync.Map // *model.Clause → its clauseSum
}

// New prepares the render of in: it binds the templates to the assets
// and lists the pages.
func New(in Input) (*Site, error) {
	t, err := in.Templates.bind(in.Assets, &in.Calculator.Rules)
	if err != nil {
		return nil, err
	}
	s := &Site{in: in, t: t}
	s.pages = s.pageList()
	return s, nil
}

// Render writes every file of the site to w: the pages (rendered in
// parallel; each file's bytes do not depend on scheduling), the sitemap,
// robots.txt, the feed and the open data.
func (s *Site) Render(w Writer) error {
	if err := s.renderPages(w); err != nil {
		return err
	}
	for _, f := range []func(Writer) error{s.sitemap, s.feed, s.openData} {
		if err := f(w); err != nil {
			return err
		}
	}
	return nil
}

// renderPages renders every page with GOMAXPROCS workers.
func (s *Site) renderPages(w Writer) error {
	jobs := make(chan int)
	errs := make([]error, len(s.pages))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = s.renderPage(w, s.pages[i])
			}
		}()
	}
	for i := range s.pages {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// renderPage renders p, unless w keeps an earlier build's page of the
// same key.
func (s *Site) renderPage(w Writer, p *Page) error {
	kw, keyed := w.(KeyedWriter)
	var key Key
	if keyed {
		key, keyed = s.key(p)
	}
	if keyed && kw.Reuse(p.Path, key) {
		return nil
	}
	data, err := s.t.render(p.Kind, p)
	if err != nil {
		return err
	}
	if keyed {
		err = kw.WriteKeyed(p.Path, data, key)
	} else {
		err = w.WriteFile(p.Path, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	return nil
}
