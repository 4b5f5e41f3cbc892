package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gyportal/generator/build/calcstep"
	"gyportal/generator/precompress"
	"gyportal/generator/site"
)

// Directories of the templates tree that are published as they are.
const (
	assetsDir = "assets" // content-hashed, precompressed: {{asset "name"}}
	staticDir = "static" // verbatim at the output root (favicon.ico, …)
)

// compressible are the extensions of files worth precompressing.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".wasm": true,
	".svg": true, ".xml": true, ".txt": true, ".map": true}

// publishAssets publishes templates/assets/ (hashed) and
// templates/static/ (verbatim).
func (r *run) publishAssets() error {
	err := r.eachFile(assetsDir, func(name string, data []byte) error {
		_, err := r.publish(name, data)
		return err
	})
	if err != nil {
		return err
	}
	return r.eachFile(staticDir, r.out.WriteFile)
}

// eachFile calls f with every regular file under dir of the templates
// tree (names relative to dir), in lexical order; a missing dir has none.
func (r *run) eachFile(dir string, f func(name string, data []byte) error) error {
	if _, err := fs.Stat(r.opts.Templates, dir); err != nil {
		return nil
	}
	return fs.WalkDir(r.opts.Templates, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(r.opts.Templates, p)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", r.opts.TemplatesName, p, err)
		}
		return f(strings.TrimPrefix(p, dir+"/"), data)
	})
}

// publish writes data as assets/<dir>/<base>.<hash12><ext>, with .gz and
// .br beside it when worth it, records its URL under name for the
// template function asset, and returns the URL.
func (r *run) publish(name string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	file := path.Join(assetsDir, strings.TrimSuffix(name, ext)+"."+hex.EncodeToString(sum[:])[:12]+ext)
	if err := r.out.WriteFile(file, data); err != nil {
		return "", err
	}
	if compressible[ext] {
		vs, err := precompress.Variants(r.opts.Cache, data)
		if err != nil {
			return "", err
		}
		for _, v := range vs {
			if err := r.out.WriteFile(file+v.Ext, v.Data); err != nil {
				return "", err
			}
		}
	}
	if _, dup := r.assets[name]; dup {
		return "", fmt.Errorf("asset %s: published twice", name)
	}
	r.assets[name] = "/" + file
	return "/" + file, nil
}

// calculator runs the calculator step and publishes its files.
func (r *run) calculator() error {
	out, err := calcstep.Run(calcstep.Input{Plan: r.plan, Today: r.opts.Today, SkipWasm: r.opts.SkipWasm, Cache: r.opts.Cache})
	if err != nil {
		return err
	}
	for _, f := range out.Files {
		if _, err := r.publish(f.Name, f.Data); err != nil {
			return err
		}
	}
	if r.opts.SkipWasm {
		for _, name := range calcstep.Skipped {
			r.assets[name] = ""
		}
	}
	r.calc = out.View
	return nil
}

// headers writes _headers, the security headers of every file in the
// format Netlify and Cloudflare Pages read, and long caching for the
// content-hashed assets.
func (r *run) headers() error {
	var b strings.Builder
	b.WriteString("/*\n")
	for _, h := range site.SecurityHeaders {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
	b.WriteString("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n")
	return r.out.WriteFile("_headers", []byte(b.String()))
}
