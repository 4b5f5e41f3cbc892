package preview

import (
	"bytes"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"

	"gyportal/generator/site"
)

// ServeHTTP serves the output directory: the event stream at EventsPath,
// HTML pages with the state token (and the error overlay after a failed
// build) inserted, other files through http.FileServer, and the site's
// 404.html with status 404 for paths that do not exist. Every response
// carries the site's security headers (site.SecurityHeaders, the CSP
// among them), and a request whose Host is not the server's own address
// is refused (see ownHost).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, h := range site.SecurityHeaders {
		w.Header().Set(h.Name, h.Value)
	}
	if !ownHost(r) {
		refuseHost(w, r)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.serveEvents(w, r)
		return
	case ReloadPath:
		serveOwn(w, r, "text/javascript; charset=utf-8", reloadJS)
		return
	case OverlayCSSPath:
		serveOwn(w, r, "text/css; charset=utf-8", overlayCSS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "不支持这种请求方法（只能用 GET 或 HEAD）", http.StatusMethodNotAllowed)
		return
	}
	upath := path.Clean("/" + r.URL.Path)
	name, isDir, ok := s.resolve(upath)
	switch {
	case !ok:
		s.serveNotFound(w, r)
	case isDir && !strings.HasSuffix(r.URL.Path, "/"):
		target := path.Base(upath) + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	case strings.HasSuffix(name, ".html"):
		s.serveHTML(w, r, name, http.StatusOK)
	default:
		w.Header().Set("Cache-Control", "no-cache")
		http.FileServerFS(s.site()).ServeHTTP(w, r)
	}
}

// resolve maps a cleaned URL path to a file of the output directory; a
// directory stands for its index.html.
func (s *Server) resolve(upath string) (name string, isDir, ok bool) {
	name = strings.TrimPrefix(upath, "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(s.site(), name)
	if err != nil {
		return "", false, false
	}
	if info.IsDir() {
		name = path.Join(name, "index.html")
		if info, err = fs.Stat(s.site(), name); err != nil || info.IsDir() {
			return "", false, false
		}
		return name, true, true
	}
	return name, false, info.Mode().IsRegular()
}

// site is the last good build, held in memory.
func (s *Server) site() fs.FS { return s.cfg.Build.Memory }

func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	name := "404.html"
	if _, err := fs.Stat(s.site(), name); err == nil {
		s.serveHTML(w, r, name, http.StatusNotFound)
		return
	}
	// No site has been built yet (the first build failed).
	s.writeHTML(w, r, []byte(fallbackPage), http.StatusNotFound)
}

// serveHTML serves a page with the preview state (and overlay) inserted.
func (s *Server) serveHTML(w http.ResponseWriter, r *http.Request, name string, status int) {
	page, err := fs.ReadFile(s.site(), name)
	if err != nil {
		s.serveNotFound(w, r)
		return
	}
	s.writeHTML(w, r, page, status)
}

func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, page []byte, status int) {
	s.mu.Lock()
	extra := overlay(s.errs) + reloadScript(s.stateLocked())
	s.mu.Unlock()
	page = insertBeforeBodyEnd(page, extra)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// insertBeforeBodyEnd inserts extra before the last </body>, or appends
// it when there is none.
func insertBeforeBodyEnd(page []byte, extra string) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, extra...)
	}
	out := make([]byte, 0, len(page)+len(extra))
	out = append(out, page[:i]...)
	out = append(out, extra...)
	return append(out, page[i:]...)
}

// serveOwn serves one of the preview's own files.
func serveOwn(w http.ResponseWriter, r *http.Request, ctype string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// ownHost reports whether the request's Host names the address its
// connection came in on: that IP address and port, or localhost on a
// loopback address. A page of another site whose name an attacker made
// resolve to this machine (DNS rebinding) sends that name and is refused,
// so it cannot read the preview.
func ownHost(r *http.Request) bool {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	if !ok {
		return false
	}
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil { // no port: the scheme's default
		host, port = strings.Trim(r.Host, "[]"), "80"
	}
	if port != strconv.Itoa(local.Port) {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return local.IP.IsLoopback()
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.Equal(local.IP)
}

// refuseHost answers a request for another host with 403 and says which
// address to open.
func refuseHost(w http.ResponseWriter, r *http.Request) {
	where := "本机地址"
	if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		where = "http://" + local.String() + "/"
	}
	http.Error(w, fmt.Sprintf("拒绝访问：%q 不是这个预览服务器的地址。请用 %s 打开。", r.Host, where), http.StatusForbidden)
}
