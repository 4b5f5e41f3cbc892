// Package site renders the validated plan as a static web site.
//
// Build loads content (an fs.FS, so tests build sites in memory with
// fstest.MapFS), filters drafts and unpublished clauses, renders every page
// in parallel from html/template files, writes the search index and the
// calculator assets, and only then replaces the output directory whole: a
// failed build leaves the previous output exactly as it was.
//
// Pages and their templates (templates/<kind>.html, each defining "main"
// and laid out by base.html):
//
//	/                       home.html
//	/clauses/<id>/          clause.html (the clause element carries data-clause)
//	/departments/<id>/      department.html
//	/groups/<id>/           group.html
//	/full/                  full.html (the whole document, anchor c-<id> per clause)
//	/search/                search.html
//	/calculator/            calculator.html
//	/updates/               updates.html, and /feed.xml
//	/open-data/             data.html, and /data/*.json
//	/404.html               404.html
//	/sitemap.xml, /robots.txt
//
// With GYPORTAL_TRACE set in the environment, a build prints the time and
// memory of each step to standard error.
//
// Template functions: markdown (staff Markdown → HTML, raw HTML escaped),
// paras (split text at blank lines), yuan, num, pct, period, forName,
// figure (a benefit's amount in words), target, clauseURL, deptURL,
// groupURL, anchor (the full page's anchor for a clause id), forGroup (the
// benefits of a clause that concern a group).
package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"runtime"
	"time"

	"gyportal/generator/model"
)

// Options configure one build.
type Options struct {
	Content       fs.FS  // the content tree
	ContentName   string // its name in messages, e.g. "content"
	Templates     fs.FS  // the templates tree (with assets/)
	TemplatesName string
	Out           string    // output directory, replaced whole on success
	Today         time.Time // decides which publish dates have passed
	Drafts        bool      // include draft clauses (preview only)
	// Preview is HTML injected before </body> of every page by the
	// preview server (live reload, error overlay); empty in a build.
	Preview template.HTML
	// Memory, when set, receives the site instead of Out: nothing is
	// written to disk (the preview server serves it from memory).
	Memory *Memory
	// SkipWasm skips compiling the calculator (tests of pages only).
	SkipWasm bool
}

// Result reports a successful build.
type Result struct {
	Stats Stats
	Plan  *model.Plan // the visible plan that was rendered
}

// Build renders the site. Content errors come back as a model.ErrorList.
func Build(o Options) (*Result, error) {
	full, err := model.Load(o.Content, o.ContentName)
	if err != nil {
		return nil, err
	}
	plan := full.Visible(o.Today, o.Drafts)
	tmpl, err := parseTemplates(o.Templates, o.TemplatesName)
	if err != nil {
		return nil, err
	}
	if o.Memory != nil {
		mem := &memSink{files: map[string][]byte{}}
		if err := generate(mem, plan, full, tmpl, o); err != nil {
			return nil, err
		}
		return &Result{Stats: o.Memory.install(mem.files), Plan: plan}, nil
	}
	staged, err := stage(o.Out)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(staged) // a no-op once renamed into place
	if err := generate(&dirSink{root: staged}, plan, full, tmpl, o); err != nil {
		return nil, err
	}
	stats, err := compare(o.Out, staged)
	if err != nil {
		return nil, err
	}
	if err := swap(staged, o.Out); err != nil {
		return nil, err
	}
	return &Result{Stats: stats, Plan: plan}, nil
}

// generate writes every file of the site under dir.
func generate(out sink, plan, full *model.Plan, t *templates, o Options) error {
	b := &builder{out: out, plan: plan, full: full, t: t, opts: o}
	if err := b.prepareCalc(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	b.list = b.pageList()
	steps := []struct {
		name string
		run  func() error
	}{{"styles", b.styles}, {"extras", b.extras}, {"pages", b.pages}, {"sitemap", b.sitemap}, {"feed", b.feed}, {"open data", b.openData}}
	trace := os.Getenv("GYPORTAL_TRACE") != ""
	for _, s := range steps {
		start := time.Now()
		if err := s.run(); err != nil {
			return fmt.Errorf("build: %w", err)
		}
		if trace {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "build step %s: %s (heap in use %d MiB, system %d MiB)\n",
				s.name, time.Since(start), m.HeapInuse>>20, m.Sys>>20)
		}
	}
	return nil
}
