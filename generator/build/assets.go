package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gyportal/generator/build/calcstep"
	"gyportal/generator/site"
)

// Directories of the templates tree that are published as they are.
const (
	assetsDir = "assets" // content-hashed, precompressed: {{asset "name"}}
	staticDir = "static" // verbatim at the output root (favicon.ico, …)
)

// publishAssets publishes templates/assets/ (hashed) and
// templates/static/ (verbatim).
func (r *run) publishAssets() error {
	err := r.eachFile(assetsDir, func(name string, data []byte) error {
		_, err := r.publishAsset(name, data)
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

// publishAsset writes data as assets/<dir>/<base>.<hash12><ext> (the
// sink adds .gz and .br), records its URL under name for the template
// function asset, and returns the URL.
func (r *run) publishAsset(name string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	file := path.Join(assetsDir, strings.TrimSuffix(name, ext)+"."+hex.EncodeToString(sum[:])[:12]+ext)
	if err := r.out.WriteFile(file, data); err != nil {
		return "", err
	}
	if err := r.assets.set(name, "/"+file); err != nil {
		return "", err
	}
	return "/" + file, nil
}

// calculator runs the calculator step and publishes its files (in a
// Check, everything but the compiling).
func (r *run) calculator() error {
	in := calcstep.Input{Plan: r.plan, Today: r.opts.Today, SkipWasm: r.opts.SkipWasm, Cache: r.opts.Cache}
	step := calcstep.Run
	if r.check {
		step = calcstep.Prepare
	}
	out, err := step(in)
	if err != nil {
		return err
	}
	for _, f := range out.Files {
		if _, err := r.publishAsset(f.Name, f.Data); err != nil {
			return err
		}
	}
	if r.opts.SkipWasm || r.check {
		for _, name := range calcstep.Skipped {
			url := "" // Check: the previous build's file, if any
			if f, ok := r.prev.asset(name); ok {
				url = "/" + f
			}
			if err := r.assets.set(name, url); err != nil {
				return err
			}
		}
	}
	r.calc = out.View
	return nil
}

// headers writes _headers, the security headers of every file in the
// format Netlify and Cloudflare Pages read, and long caching for the
// content-named files (assets/ and everything under search/).
func (r *run) headers() error {
	var b strings.Builder
	b.WriteString("/*\n")
	for _, h := range site.SecurityHeaders {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
	for _, dir := range []string{"/assets/*", "/search/*"} {
		b.WriteString(dir + "\n  Cache-Control: public, max-age=31536000, immutable\n")
	}
	return r.out.WriteFile("_headers", []byte(b.String()))
}
