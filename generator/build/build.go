// Package build is the site's build pipeline: it owns the options, the
// steps, the one sink every file goes through, the one content-addressed
// cache (package cache), precompression, and publishing the result.
//
// A build loads and validates the content, keeps the clauses visible on
// its date, parses the templates, then runs its steps in order:
//
//	assets      every file of templates/assets/ under a content-hashed
//	            name (/assets/<base>.<hash12><ext>) with .gz and .br
//	            beside it; every file of templates/static/ verbatim at the
//	            output root
//	calculator  package calcstep: the calculator's parameters, the rules
//	            compiled to WebAssembly, wasm_exec.js (published like the
//	            assets), and the view values of the calculator page and
//	            of clause 3.1
//	search      the search index and script (package search)
//	site        the pages, feed, sitemap, robots.txt and open data
//	            (package site, which imports only the content model)
//	headers     _headers: the security headers (site.SecurityHeaders)
//	            for hosts that read such a file
//
// Every step writes through the sink: into memory (Options.Memory, for
// the preview) or into a staging directory beside Options.Out that
// replaces the output whole only once every step has succeeded, so a
// failed build leaves the previous output exactly as it was.
//
// With GYPORTAL_TRACE set in the environment, a build prints the time and
// memory of each step to standard error.
package build

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"time"

	"gyportal/generator/build/cache"
	"gyportal/generator/model"
	"gyportal/generator/site"
)

// Options configure one build.
type Options struct {
	Content       fs.FS  // the content tree
	ContentName   string // its name in messages, e.g. "content"
	Templates     fs.FS  // the templates tree (with assets/ and static/)
	TemplatesName string
	Out           string    // output directory, replaced whole on success
	Today         time.Time // decides which publish dates have passed
	Drafts        bool      // include draft clauses (preview only)
	// Memory, when set, receives the site instead of Out: nothing is
	// written to disk (the preview server serves it from memory).
	Memory *Memory
	// SkipWasm skips compiling the calculator (tests of pages only).
	SkipWasm bool
	// Cache is the content-addressed cache; nil means cache.Open().
	Cache *cache.Cache
}

// Result reports a successful build.
type Result struct {
	Stats Stats
	Plan  *model.Plan // the visible plan that was rendered
}

// Build builds the site. Content errors come back as a model.ErrorList.
func Build(o Options) (*Result, error) {
	if o.Cache == nil {
		o.Cache = cache.Open()
	}
	r, err := prepare(o)
	if err != nil {
		return nil, err
	}
	if o.Memory != nil {
		r.out = newMemSink()
		if err := r.runSteps(); err != nil {
			return nil, err
		}
		return &Result{Stats: o.Memory.install(r.out.files), Plan: r.plan}, nil
	}
	staged, err := stage(o.Out)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(staged) // a no-op once renamed into place
	r.out = newDirSink(staged)
	if err := r.runSteps(); err != nil {
		return nil, err
	}
	stats, err := compare(o.Out, staged)
	if err != nil {
		return nil, err
	}
	if err := swap(staged, o.Out); err != nil {
		return nil, err
	}
	return &Result{Stats: stats, Plan: r.plan}, nil
}

// run is the state of one build, shared by its steps.
type run struct {
	opts   Options
	out    *sink
	full   *model.Plan // every clause, drafts included
	plan   *model.Plan // the visible plan
	tmpl   *site.Templates
	assets map[string]string // asset name → URL, for the template function asset
	calc   site.Calculator   // the calculator step's view values
}

// prepare loads the content and parses the templates: everything that
// can fail on the staff's input before a step runs.
func prepare(o Options) (*run, error) {
	full, err := model.Load(o.Content, o.ContentName)
	if err != nil {
		return nil, err
	}
	tmpl, err := site.Parse(o.Templates, o.TemplatesName)
	if err != nil {
		return nil, err
	}
	return &run{opts: o, full: full, plan: full.Visible(o.Today, o.Drafts), tmpl: tmpl, assets: map[string]string{}}, nil
}

// step is one stage of the build.
type step struct {
	name string
	run  func(*run) error
}

// steps are the build's steps, in order (see the package comment).
var steps = []step{
	{"assets", (*run).publishAssets},
	{"calculator", (*run).calculator},
	{"search", (*run).search},
	{"site", (*run).site},
	{"headers", (*run).headers},
}

// runSteps runs every step, tracing each when GYPORTAL_TRACE is set.
func (r *run) runSteps() error {
	trace := os.Getenv("GYPORTAL_TRACE") != ""
	for _, s := range steps {
		start := time.Now()
		if err := s.run(r); err != nil {
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

// site renders the pages and files of package site.
func (r *run) site() error {
	s, err := site.New(site.Input{Plan: r.plan, Templates: r.tmpl, Assets: r.assets, Calculator: r.calc})
	if err != nil {
		return err
	}
	return s.Render(r.out)
}
