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
//	offline     the web app manifest and /sw.js, the service worker,
//	            with the list of the files published so far (offline.go)
//	search      the search index and script (package search), in the
//	            background: it runs beside the site step, whose search
//	            page waits for the script's URL
//	site        the pages, feed, sitemap, robots.txt and open data
//	            (package site, which imports only the content model)
//	headers     _headers: the security headers (site.SecurityHeaders)
//	            for hosts that read such a file
//
// Every step writes through the sink (sink.go): into memory
// (Options.Memory, for the preview) or into the tree beside Options.Out
// that --out does not show; only once every step has succeeded is --out
// switched to it (out.go), so a failed build leaves the output exactly
// as it was. The sink writes only the files whose content hash differs
// from what that tree holds, with a bounded pool of workers, and adds
// the .gz and .br forms of text files (precompress). Check runs the same
// steps into a sink that keeps nothing.
//
// With GYPORTAL_TRACE set in the environment, a build prints the time and
// memory of each step to standard error.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"gyportal/generator/build/cache"
	"gyportal/generator/model"
	"gyportal/generator/precompress"
	"gyportal/generator/site"
)

// Options configure one build.
type Options struct {
	Content       fs.FS  // the content tree
	ContentName   string // its name in messages, e.g. "content"
	Templates     fs.FS  // the templates tree (with assets/ and static/)
	TemplatesName string
	// ContentDir and TemplatesDir are the source directories on disk, if
	// they are on disk: --out may not be, contain or lie inside them.
	ContentDir, TemplatesDir string
	Out                      string    // output directory (see out.go)
	Force                    bool      // replace an --out that is not a build's output
	Today                    time.Time // decides which publish dates have passed
	Drafts                   bool      // include draft clauses (preview only)
	// Memory, when set, receives the site instead of Out: nothing is
	// written to disk (the preview server serves it from memory).
	Memory *Memory
	// SkipWasm skips compiling the calculator (tests of pages only).
	SkipWasm bool
	// Cache is the content-addressed cache; nil means cache.Open().
	Cache *cache.Cache
	// Log receives progress messages for staff (waiting for the lock);
	// nil discards them.
	Log io.Writer
	// Keep is how long the content-named files of earlier builds stay
	// in --out for pages loaded before a publish; nil means
	// DefaultRetention.
	Keep *Retention
}

// Result reports a successful build.
type Result struct {
	Stats    Stats
	Plan     *model.Plan // the visible plan that was rendered
	Full     *model.Plan // every clause, drafts and unpublished ones included
	Warnings []string    // problems that did not stop the build
	Changes  *Changes    // Check: what publishing would change in Out, if it holds a build
}

// Stats summarises a build against the previous one.
type Stats struct {
	Files   int // files of the site, not counting the .gz and .br forms
	Forms   int // .gz and .br files beside them
	Added   int // files (forms not counted) the previous build did not have
	Changed int // files whose content changed
	Removed int // files of the previous build the site no longer has
	Written int // files this build wrote to disk, forms included (0 in memory)
	Kept    int // content-named files of earlier builds kept for their pages (forms not counted)
	Reused  int // pages, and search index files, whose inputs had not changed: taken from an earlier build, not made again
}

// Build builds the site. Content errors come back as an errlist.List.
func Build(o Options) (*Result, error) {
	if o.Cache == nil {
		o.Cache = cache.Open()
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Memory != nil {
		return buildMemory(o)
	}
	d, err := resolveOut(o)
	if err != nil {
		return nil, err
	}
	// Refuse before creating anything (the lock file); look again under
	// the lock, since another build may have changed --out meanwhile.
	if err := d.inspect(o.Out, o.Force); err != nil {
		return nil, err
	}
	r, err := prepare(o)
	if err != nil {
		return nil, err
	}
	if err := d.takeLock(o.Log); err != nil {
		return nil, err
	}
	defer d.unlock()
	hook("locked")
	if err := d.inspect(o.Out, o.Force); err != nil {
		return nil, err
	}
	d.cleanTemps()
	return r.publish(d)
}

// buildMemory builds into o.Memory.
func buildMemory(o Options) (*Result, error) {
	r, err := prepare(o)
	if err != nil {
		return nil, err
	}
	r.out = newMemSink(o.Memory.cur.Load())
	if err := r.runSteps(); err != nil {
		return nil, err
	}
	if _, err := r.out.finish(); err != nil {
		return nil, err
	}
	res := &Result{Stats: o.Memory.install(r.out.mem, r.out.files), Plan: r.plan, Full: r.full}
	res.Stats.Reused = int(r.out.reused.Load())
	return res, nil
}

// publish runs the steps into the tree --out does not show and switches
// --out to it.
func (r *run) publish(d *outDirs) (*Result, error) {
	n := d.next()
	tree := d.tree(n)
	old, ok := readManifest(tree)
	if !ok || old.compress != precompress.Settings {
		// No manifest, or forms made with other settings: start the tree
		// afresh, so that nothing it holds outlives its manifest.
		old = nil
		if err := os.RemoveAll(tree); err != nil {
			return nil, fmt.Errorf("清理 %s：%w", tree, err)
		}
	}
	if err := os.MkdirAll(tree, 0o755); err != nil {
		return nil, err
	}
	if err := os.Remove(filepath.Join(tree, MarkerName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	store := precompress.OpenStore(r.opts.Cache, "site")
	r.out = newTreeSink(tree, old, store, r.past(d))
	if err := r.runSteps(); err != nil {
		r.out.wait()
		store.Close(nil)
		return nil, err
	}
	m, err := r.out.finish()
	if err != nil {
		return nil, err
	}
	res := &Result{Plan: r.plan, Full: r.full, Stats: compare(previous(d), m)}
	res.Stats.Written, res.Stats.Kept, res.Stats.Reused = int(r.out.written.Load()), len(m.kept), int(r.out.reused.Load())
	if err := d.switchTo(n, func(w string) { res.Warnings = append(res.Warnings, w) }); err != nil {
		return nil, err
	}
	return res, nil
}

// past is what this build keeps of the earlier builds of d: it is the
// build after the one --out shows.
func (r *run) past(d *outDirs) past {
	p := past{prev: previous(d), from: d.active, retention: DefaultRetention}
	if r.opts.Keep != nil {
		p.retention = *r.opts.Keep
	}
	p.build = buildID{n: 1, date: r.opts.Today.Format(time.DateOnly)}
	if p.prev != nil {
		p.build.n = p.prev.build.n + 1
	}
	return p
}

// previous is the manifest of what --out shows now, if anything.
func previous(d *outDirs) *manifest {
	if d.state == outAbsent {
		return nil
	}
	m, _ := readManifest(d.active)
	return m
}

// compare counts the files of m against the previous manifest.
func compare(prev, m *manifest) Stats {
	s := Stats{Files: len(m.files)}
	for name, e := range m.files {
		if e.forms {
			s.Forms += len(precompress.Exts)
		}
		if prev == nil {
			s.Added++
			continue
		}
		switch p, ok := prev.files[name]; {
		case !ok:
			s.Added++
		case p.hash != e.hash:
			s.Changed++
		}
	}
	if prev != nil {
		for name := range prev.files {
			if _, ok := m.files[name]; !ok {
				s.Removed++
			}
		}
	}
	return s
}

// run is the state of one build, shared by its steps.
type run struct {
	opts   Options
	out    *sink
	full   *model.Plan // every clause, drafts included
	plan   *model.Plan // the visible plan
	tmpl   *site.Templates
	assets *assetURLs      // asset name → URL, for the template function asset
	calc   site.Calculator // the calculator step's view values
	check  bool            // Check: compile nothing, write nothing
	prev   *manifest       // Check: the build in Out, if any
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
	return &run{opts: o, full: full, plan: full.Visible(o.Today, o.Drafts), tmpl: tmpl, assets: newAssetURLs()}, nil
}

// step is one stage of the build.
type step struct {
	name string
	run  func(*run) error
	// background steps run beside the steps after them (the build has
	// cores to spare while it renders); makes are the assets they
	// publish, which the template function asset waits for.
	background bool
	makes      []string
}

// steps are the build's steps, in order (see the package comment).
var steps = []step{
	{name: "assets", run: (*run).publishAssets},
	{name: "calculator", run: (*run).calculator},
	{name: "offline", run: (*run).offline},
	{name: "search", run: (*run).search, background: true, makes: []string{"search.js"}},
	{name: "site", run: (*run).site},
	{name: "headers", run: (*run).headers},
}

// runSteps runs every step, the background ones beside the others, and
// returns once all have ended.
func (r *run) runSteps() error {
	var wg sync.WaitGroup
	errs := make([]error, len(steps))
	for i, s := range steps {
		if !s.background {
			if errs[i] = r.timed(s); errs[i] != nil {
				break
			}
			continue
		}
		done := r.assets.promise(s.makes)
		wg.Go(func() {
			defer done()
			errs[i] = r.timed(s)
		})
	}
	wg.Wait()
	return errors.Join(errs...) // each step's messages say what failed, file:line first
}

// timed runs one step, tracing it when GYPORTAL_TRACE is set.
func (r *run) timed(s step) error {
	start := time.Now()
	err := s.run(r)
	if os.Getenv("GYPORTAL_TRACE") != "" {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Fprintf(os.Stderr, "build step %s: %s (heap in use %d MiB, system %d MiB)\n",
			s.name, time.Since(start), m.HeapInuse>>20, m.Sys>>20)
	}
	return err
}

// site renders the pages and files of package site.
func (r *run) site() error {
	s, err := site.New(site.Input{Plan: r.plan, Templates: r.tmpl, Assets: r.assets.lookup, Calculator: r.calc})
	if err != nil {
		return err
	}
	return s.Render(r.out)
}
