package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The offline step writes /sw.js, the service worker that keeps the
// calculator and the pages a resident opened (its code is
// templates/offline/sw.js). Above the code it writes BUILD: the files
// to keep at once (the calculator's page and every asset published so
// far: its scripts, WebAssembly and parameters, with their hashed names,
// and the static files such as the web app manifest and its icons) and
// the cache's name, keyed by a hash of those files, so that a new build
// is a new worker with a new cache.
const (
	offlineDir   = "offline"
	offlineCode  = offlineDir + "/sw.js"
	cachePrefix  = "gyportal-"
	offlinePages = "/,/calculator/"
)

// offline writes the web app manifest and sw.js; a templates tree
// without offline/sw.js has neither.
func (r *run) offline() error {
	code, err := fs.ReadFile(r.opts.Templates, offlineCode)
	if err != nil {
		return nil
	}
	manifest, err := r.manifest()
	if err != nil {
		return err
	}
	core, key, err := r.offlineFiles(manifest)
	if err != nil {
		return err
	}
	build, err := json.Marshal(struct {
		Cache  string   `json:"cache"`
		Prefix string   `json:"prefix"`
		Core   []string `json:"core"`
	}{cachePrefix + key, cachePrefix, core})
	if err != nil {
		return err
	}
	return r.out.WriteFile("sw.js", fmt.Appendf(nil, "var BUILD = %s;\n%s", build, code))
}

// offlineFiles lists the URLs the worker keeps at once and a hash of
// their contents (the assets' names carry theirs; static files are
// hashed here).
func (r *run) offlineFiles(manifest []byte) ([]string, string, error) {
	h := sha256.New()
	h.Write(manifest)
	core := append(strings.Split(offlinePages, ","), "/"+manifestFile)
	core = append(core, r.assets.published(func(name string) bool { return path.Ext(name) != ".txt" })...)
	err := r.eachFile(staticDir, func(name string, data []byte) error {
		core = append(core, "/"+name)
		h.Write([]byte(name))
		h.Write(data)
		return nil
	})
	slices.Sort(core)
	for _, u := range core {
		h.Write([]byte(u + "\n"))
	}
	return core, hex.EncodeToString(h.Sum(nil))[:12], err
}

// manifestFile is the web app manifest, with which a phone adds the
// portal to its home screen (添加到主屏幕); its icons are static files.
const manifestFile = "manifest.webmanifest"

// manifest writes the web app manifest: the site's title, and as its
// short name the words the title quotes (“圆梦小康”).
func (r *run) manifest() ([]byte, error) {
	title := r.plan.Site.Title
	short := title
	if _, rest, ok := strings.Cut(title, "“"); ok {
		if q, _, ok := strings.Cut(rest, "”"); ok {
			short = q
		}
	}
	type icon struct {
		Src   string `json:"src"`
		Sizes string `json:"sizes"`
		Type  string `json:"type"`
	}
	data, err := json.MarshalIndent(struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		Lang       string `json:"lang"`
		StartURL   string `json:"start_url"`
		Scope      string `json:"scope"`
		Display    string `json:"display"`
		Background string `json:"background_color"`
		Theme      string `json:"theme_color"`
		Icons      []icon `json:"icons"`
	}{title, short, "zh-CN", "/", "/", "standalone", "#ffffff", themeColor,
		[]icon{{"/icons/icon-192.png", "192x192", "image/png"}, {"/icons/icon-512.png", "512x512", "image/png"}}}, "", "  ")
	if err != nil {
		return nil, err
	}
	return data, r.out.WriteFile(manifestFile, data)
}

// themeColor is the colour of the site's header (style.css --accent).
const themeColor = "#a4161a"
