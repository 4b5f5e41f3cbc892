// Package browsertest drives Debian's Chromium, headless, against the
// built site: the calculator's WebAssembly against the native rules, a
// resident's path through the calculator form, and accessibility (axe-core)
// and HTML validity (the Nu HTML Checker) of every page kind.
//
// The tests build the site into a temporary directory with build.Build,
// serve it on 127.0.0.1 and start Chromium with a fresh profile. They skip
// with a message when Chromium, Java or the npm tools are missing, unless
// the environment variable CI is set, in which case they fail.
//
// The npm tools are installed beside this file:
//
//	npm ci --prefix generator/browsertest
//
// This file holds the helpers that the tests and scripts/benchcalc share.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"gyportal/generator/model"

	"gyportal/generator/build"
)

// Root returns the module root, found from the working directory upwards.
func Root() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.HasPrefix(string(data), "module gyportal") {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", errors.New("module gyportal not found above the working directory")
		}
		d = parent
	}
}

// Today is Guiyang's calendar date as UTC midnight, as the generator uses it.
func Today() time.Time { return model.Today(time.Now()) }

// BuildSite builds the project's site (content/ and templates/ of root),
// calculator included, into out.
func BuildSite(root, out string) (*build.Result, error) {
	return build.Build(build.Options{
		Content: os.DirFS(filepath.Join(root, "content")), ContentName: "content",
		Templates: os.DirFS(filepath.Join(root, "templates")), TemplatesName: "templates",
		Out: out, Today: Today(),
	})
}

// Handler serves a built site the way a static server configured for it
// does: index.html for directories, 404.html with status 404 for missing
// files, and the precompressed .br or .gz beside a file when the client
// accepts it (nginx's gzip_static).
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		p := filepath.Join(dir, filepath.FromSlash(name))
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			p = filepath.Join(p, "index.html")
			info, err = os.Stat(p)
		}
		if err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(data)
			return
		}
		if strings.HasPrefix(name, "/assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ ext, name string }{{".br", "br"}, {".gz", "gzip"}} {
			if !strings.Contains(accept, enc.name) {
				continue
			}
			if data, err := os.ReadFile(p + enc.ext); err == nil {
				if ct := mime.TypeByExtension(filepath.Ext(p)); ct != "" {
					w.Header().Set("Content-Type", ct)
				}
				w.Header().Set("Content-Encoding", enc.name)
				w.Header().Set("Vary", "Accept-Encoding")
				w.Write(data)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// Serve serves dir on a free port of 127.0.0.1.
func Serve(dir string) *httptest.Server {
	return httptest.NewServer(Handler(dir))
}

// Chromium returns the browser to drive: $CHROME_PATH, or chromium on PATH.
func Chromium() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROME_PATH: %w", err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Chromium not found: apt-get install chromium (or set CHROME_PATH)")
}

// Flags are the Chromium command line flags the tests and benchmarks use.
var Flags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"}

// NewBrowser starts Chromium at execPath with Flags and a fresh profile in
// userDataDir; cancel stops it. The first chromedp.Run on ctx launches it.
func NewBrowser(parent context.Context, execPath, userDataDir string) (context.Context, context.CancelFunc) {
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(execPath), chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(412, 915)}
	for _, f := range Flags {
		opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	return ctx, func() { cancelCtx(); cancelAlloc() }
}

// NodeModule returns the path of a file of an npm package installed in
// node_modules beside this package (dir is the package's directory).
func NodeModule(dir, rel string) (string, error) {
	p := filepath.Join(dir, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s missing: run npm ci --prefix generator/browsertest", rel)
	}
	return p, nil
}
