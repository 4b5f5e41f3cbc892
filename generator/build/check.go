package build

import (
	"io"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gyportal/generator/build/cache"
	"gyportal/generator/build/calcstep"
)

// Check runs everything a build with o would run today, on the same
// visible plan (drafts and clauses whose publish date has not come are
// left out as the build leaves them out): the content, the templates,
// the calculator's parameters, its test cases and its typical
// households, the search index, every page. It writes nothing and
// compiles nothing, so what it accepts the build publishes, and what the
// build rejects it rejects with the same message; its Stats.Files counts
// the files the build would publish.
//
// When o.Out holds a build, Result.Changes lists the files publishing
// would change there. The calculator's compiled files are taken to be
// those of that build (check compiles nothing: it reports what the
// content changes). o.Memory is ignored.
func Check(o Options) (*Result, error) {
	if o.Cache == nil {
		o.Cache = cache.Open()
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	r, err := prepare(o)
	if err != nil {
		return nil, err
	}
	prev, dir := published(o.Out)
	r.check, r.out, r.prev = true, newDiscardSink(), prev
	if err := r.runSteps(); err != nil {
		return nil, err
	}
	m, err := r.out.finish()
	if err != nil {
		return nil, err
	}
	for _, name := range calcstep.Skipped {
		// The files a build compiles count as the build counts them:
		// the previous build's, or new ones.
		if f, ok := prev.asset(name); ok {
			m.files[f] = prev.files[f]
		} else if !o.SkipWasm {
			m.files["assets/"+name] = manEntry{}
		}
	}
	res := &Result{Plan: r.plan, Full: r.full, Stats: compare(prev, m)}
	if prev != nil {
		res.Changes = changes(dir, prev, m)
	}
	return res, nil
}

// Changes are the files publishing would change on the site a build
// left in Options.Out: names relative to it, sorted.
type Changes struct {
	Dir                     string // the tree Out shows
	Added, Removed, Changed []string
}

// published is the manifest and directory of the build out shows, if
// it shows one.
func published(out string) (*manifest, string) {
	if out == "" {
		return nil, ""
	}
	dir, err := filepath.EvalSymlinks(out)
	if err != nil {
		return nil, ""
	}
	m, ok := readManifest(dir)
	if !ok {
		return nil, ""
	}
	return m, dir
}

// assetName matches the name of a published asset: assets/<base>.<hash12><ext>.
var assetName = regexp.MustCompile(`^assets/(.+)\.[0-9a-f]{12}(\.[^.]+)$`)

// asset returns the file of m that is the asset name ("calc.wasm").
func (m *manifest) asset(name string) (string, bool) {
	if m == nil {
		return "", false
	}
	ext := path.Ext(name)
	for f := range m.files {
		if s := assetName.FindStringSubmatch(f); s != nil && s[1] == strings.TrimSuffix(name, ext) && s[2] == ext {
			return f, true
		}
	}
	return "", false
}

// changes lists the files of m that prev lacks, has otherwise, or has
// and m lacks.
func changes(dir string, prev, m *manifest) *Changes {
	c := &Changes{Dir: dir}
	for name, e := range m.files {
		switch p, ok := prev.files[name]; {
		case !ok:
			c.Added = append(c.Added, name)
		case p.hash != e.hash:
			c.Changed = append(c.Changed, name)
		}
	}
	for name := range prev.files {
		if _, ok := m.files[name]; !ok {
			c.Removed = append(c.Removed, name)
		}
	}
	for _, l := range [][]string{c.Added, c.Removed, c.Changed} {
		sort.Strings(l)
	}
	return c
}
