package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gyportal/generator/precompress"
)

// Retention says how long the content-named files of earlier builds stay
// in the published tree, so that a page loaded before a publish (from
// the server, a CDN, a browser's cache or a service worker) still finds
// the assets, calculator parameters and search index it names. A file
// stays while its build is one of the last Builds builds before this one,
// or is at most Days days old; after both, it goes. Pages and the other
// files that keep their names across builds are always the new build's.
type Retention struct {
	Builds int // earlier builds whose files stay
	Days   int // days an earlier build's files stay at least
}

// DefaultRetention keeps the last 3 builds' files, and every build's for
// at least 7 days.
var DefaultRetention = Retention{Builds: 3, Days: 7}

// contentNamed reports whether name is a file whose name changes with its
// content: an asset (assets/, the calculator's parameters and
// WebAssembly among them) or a file of the search index (search/, but
// for its page). Only these are kept for readers of earlier builds.
func contentNamed(name string) bool {
	return strings.HasPrefix(name, assetsDir+"/") ||
		strings.HasPrefix(name, "search/") && !strings.HasSuffix(name, ".html")
}

// keeps reports whether a file of build b stays in build now.
func (k Retention) keeps(b, now buildID) bool {
	if now.n-b.n <= k.Builds {
		return true
	}
	from, err1 := time.Parse(time.DateOnly, b.date)
	to, err2 := time.Parse(time.DateOnly, now.date)
	return err1 != nil || err2 != nil || to.Sub(from) <= time.Duration(k.Days)*24*time.Hour
}

// retained are the files of prev, the manifest of the tree --out showed
// before this build (and what it kept), that the new site lacks and the
// retention keeps, each with the build it belongs to.
func retained(prev *manifest, site map[string]manEntry, now buildID, k Retention) map[string]keptEntry {
	out := map[string]keptEntry{}
	if prev == nil {
		return out
	}
	add := func(name string, e keptEntry) {
		if _, ok := site[name]; !ok && contentNamed(name) && k.keeps(e.build, now) {
			out[name] = e
		}
	}
	for name, e := range prev.files {
		add(name, keptEntry{e, prev.build})
	}
	for name, e := range prev.kept {
		add(name, e)
	}
	return out
}

// keep puts the kept files into the tree: those it does not hold already
// are linked (or copied) from the tree --out shows, from, with their
// forms. A file that tree has lost (removed by hand) is no longer kept.
func (s *sink) keep(from string, kept map[string]keptEntry) error {
	for name, k := range kept {
		if e, ok := s.old.entry(name); ok && e.same(k.manEntry) {
			continue
		}
		src, dst := filepath.Join(from, filepath.FromSlash(name)), filepath.Join(s.root, filepath.FromSlash(name))
		if _, err := os.Lstat(src); errors.Is(err, os.ErrNotExist) {
			delete(kept, name)
			continue
		}
		if err := s.mkdir(filepath.Dir(dst)); err != nil {
			return err
		}
		if err := linkForms(src, dst, k.forms); err != nil {
			return err
		}
	}
	return nil
}

// linkForms links (or copies) the file src to dst, and its forms.
func linkForms(src, dst string, forms bool) error {
	exts := []string{""}
	if forms {
		exts = append(exts, precompress.Exts...)
	}
	for _, ext := range exts {
		if err := linkOrCopy(src+ext, dst+ext); err != nil {
			return err
		}
	}
	return nil
}

// linkOrCopy makes dst a hard link to src, or a copy where links fail
// (another file system); whatever dst was is replaced.
func linkOrCopy(src, dst string) error {
	if err := os.Remove(dst); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if os.Link(src, dst) == nil {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return writeNew(dst, data)
}
