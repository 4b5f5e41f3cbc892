package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	"gyportal/generator/model"
)

// builder carries the state of one build.
type builder struct {
	out    sink        // where files go: the staging directory, or memory
	plan   *model.Plan // visible plan
	full   *model.Plan // every clause, drafts included (for checks only)
	t      *templates
	opts   Options
	assets Assets
	list   []*Page // every HTML page, in a fixed order

	// Computed once by prepareCalc.
	paramsJSON []byte            // the calculator's parameters, as the browser gets them
	adjust     *AdjustmentStatus // clause 3.1's status
	examples   []example         // the typical households of /calculator/
}

// write writes one output file, creating its directory.
func (b *builder) write(name string, data []byte) error {
	return b.out.WriteFile(name, data)
}

// RenameDir renames a directory written earlier.
func (d *dirSink) RenameDir(from, to string) error {
	return os.Rename(filepath.Join(d.root, filepath.FromSlash(from)), filepath.Join(d.root, filepath.FromSlash(to)))
}

// dirSink writes files under a directory, creating subdirectories once.
type dirSink struct {
	root string
	dirs sync.Map
}

func (d *dirSink) WriteFile(name string, data []byte) error {
	p := filepath.Join(d.root, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	if _, ok := d.dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		d.dirs.Store(dir, true)
	}
	return os.WriteFile(p, data, 0o644)
}

// hashed writes data as assets/<base>.<hash><ext> and returns its URL.
func (b *builder) hashed(base, ext string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	name := path.Join("assets", base+"."+hex.EncodeToString(sum[:])[:12]+ext)
	if err := b.write(name, data); err != nil {
		return "", err
	}
	return "/" + name, nil
}

// styles copies templates/assets/style.css under a content-hashed name.
func (b *builder) styles() error {
	css, err := fs.ReadFile(b.opts.Templates, "assets/style.css")
	if err != nil {
		return fmt.Errorf("%s/assets/style.css: %w", b.opts.TemplatesName, err)
	}
	b.assets.CSS, err = b.hashed("style", ".css", css)
	return err
}

// pages renders every page in parallel; output order does not depend on
// scheduling, so builds are byte-identical.
func (b *builder) pages() error {
	list := b.list
	jobs := make(chan *Page)
	errs := make([]error, len(list))
	index := map[*Page]int{}
	for i, p := range list {
		index[p] = i
	}
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				errs[index[p]] = b.renderPage(p)
			}
		}()
	}
	for _, p := range list {
		jobs <- p
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

func (b *builder) renderPage(p *Page) error {
	p.Site, p.Doc, p.Plan, p.Assets, p.Preview = b.plan.Site, &b.plan.Document, b.plan, &b.assets, b.opts.Preview
	data, err := b.t.render(p.Kind, p)
	if err != nil {
		return err
	}
	return b.write(p.Path, data)
}
