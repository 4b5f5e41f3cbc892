package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestReadersAcrossPublishes serves --out with a real nginx (Debian's
// nginx-light: gzip_static on, open_file_cache off, a configuration of
// the test's own on 127.0.0.1) while five publishes each change an
// amount (new calculator parameters) and a clause's title (a new search
// index). Readers, a bounded number at a time, fetch a page, wait for the
// next publish, then fetch what the page names: its assets, the
// calculator's parameters, the search script, its meta file and packs.
// Every answer must be 200 and complete; some of those files must have
// been answered from what the tree keeps of earlier builds (the case
// that answered 404 before).
func TestReadersAcrossPublishes(t *testing.T) {
	if testing.Short() {
		t.Skip("six builds served by nginx")
	}
	nginx := findNginx(t)
	content := filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", content)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(testOptions(content, out)); err != nil {
		t.Fatal(err)
	}
	base := startNginx(t, nginx, out)

	var gen atomic.Int64 // publishes so far
	var site atomic.Pointer[map[string]manEntry]
	publish := func() {
		m, _ := readManifest(realTree(t, out))
		site.Store(&m.files)
	}
	publish()
	stop := make(chan struct{})
	var st readerStats
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			r := &reader{base: base, rnd: rand.New(rand.NewSource(int64(i))), st: &st}
			for {
				select {
				case <-stop:
					return
				default:
				}
				r.session(&gen, &site, stop)
			}
		})
	}
	for i := 1; i <= 5; i++ {
		time.Sleep(300 * time.Millisecond)
		editClause(t, content, i)
		if _, err := Build(testOptions(content, out)); err != nil {
			t.Fatal(err)
		}
		publish()
		gen.Add(1)
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	t.Logf("%d requests, %d after a publish for a page before it, %d of them answered from earlier builds' files",
		st.requests.Load(), st.late.Load(), st.kept.Load())
	for _, f := range st.failures() {
		t.Error(f)
	}
	if st.kept.Load() == 0 || st.requests.Load() < 50 {
		t.Error("no file of an earlier build was asked for: the test did not test the retention")
	}
}

// findNginx returns the nginx binary, or skips the test without one
// (fails it when CI is set).
func findNginx(t *testing.T) string {
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("nginx not found (apt-get install nginx-light); CI is set, so the test must run")
	}
	t.Skip("nginx not found: apt-get install nginx-light to test readers across publishes")
	return ""
}

// startNginx serves root on a free port of 127.0.0.1 with a configuration
// of its own, and returns the base URL; the server stops with the test.
func startNginx(t *testing.T, nginx, root string) string {
	t.Helper()
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	user := ""
	if os.Geteuid() == 0 {
		user = "user root root;" // workers must read the test's private directories
	}
	var temps strings.Builder
	for _, m := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		if v, _ := exec.Command(nginx, "-V").CombinedOutput(); !bytes.Contains(v, []byte("--without-http_"+m+"_module")) {
			fmt.Fprintf(&temps, "%s_temp_path %s;\n", m, filepath.Join(dir, m))
		}
	}
	conf := fmt.Sprintf(`%s
daemon off;
worker_processes 2;
pid %s;
error_log %s warn;
events { worker_connections 256; }
http {
  access_log off;
  %s
  types { text/html html; text/css css; application/javascript js; application/json json;
          application/wasm wasm; application/octet-stream bin; image/svg+xml svg; }
  default_type application/octet-stream;
  server {
    listen %s;
    root %s;
    gzip_static on;
    open_file_cache off;
  }
}
`, user, filepath.Join(dir, "nginx.pid"), filepath.Join(dir, "error.log"), temps.String(), addr, root)
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-p", dir, "-c", confPath, "-e", filepath.Join(dir, "error.log"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// Its own process group, so that the workers stop with the master.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); cmd.Wait() })
	base := "http://" + addr
	for range 100 {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
	t.Fatalf("nginx did not answer on %s: %s%s", addr, stderr.String(), log)
	return ""
}

// readerStats count what the readers saw.
type readerStats struct {
	requests, late, kept atomic.Int64
	mu                   sync.Mutex
	fails                []string
}

func (s *readerStats) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.fails) < 20 {
		s.fails = append(s.fails, fmt.Sprintf(format, args...))
	}
}

func (s *readerStats) failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fails
}

// reader is one reader's browser.
type reader struct {
	base string
	rnd  *rand.Rand
	st   *readerStats
}

var (
	readerPages = []string{"/", "/calculator/", "/search/", "/clauses/3.2.12/", "/clauses/3.2.8/"}
	namedFile   = regexp.MustCompile(`(?:href|src|data-[a-z-]+)="(/(?:assets|search)/[^"]+)"`)
	metaName    = regexp.MustCompile(`meta\.[0-9a-f]+\.json`)
)

// session loads a page, waits until a publish has come after it (or the
// test ends), then fetches what the page names.
func (r *reader) session(gen *atomic.Int64, site *atomic.Pointer[map[string]manEntry], stop chan struct{}) {
	g := gen.Load()
	page, ok := r.get(readerPages[r.rnd.Intn(len(readerPages))])
	if !ok {
		return
	}
	for gen.Load() == g {
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	r.st.late.Add(1)
	now := *site.Load()
	for _, m := range namedFile.FindAllStringSubmatch(string(page), -1) {
		if _, ok := now[strings.TrimPrefix(m[1], "/")]; !ok {
			r.st.kept.Add(1)
		}
		data, ok := r.get(m[1])
		if ok && strings.HasPrefix(m[1], "/search/search.") {
			r.searchFiles(data)
		}
	}
}

// searchFiles fetches the meta file the search script names, and the
// first and last pack of its index.
func (r *reader) searchFiles(script []byte) {
	meta, ok := r.get("/search/" + metaName.FindString(string(script)))
	if !ok {
		return
	}
	var m struct {
		Dir   string `json:"dir"`
		Packs []int  `json:"packs"`
	}
	if err := json.Unmarshal(meta, &m); err != nil || len(m.Packs) == 0 {
		r.st.fail("search meta: %v", err)
		return
	}
	for _, k := range []int{0, len(m.Packs) - 1} {
		if data, ok := r.get(fmt.Sprintf("/search/%s/%d.bin", m.Dir, k)); ok && len(data) != m.Packs[k] {
			r.st.fail("/search/%s/%d.bin: %d bytes, meta says %d", m.Dir, k, len(data), m.Packs[k])
		}
	}
}

// get fetches path (asking for gzip one time in two, as browsers do)
// and checks the answer: 200, as long as it says, decompressing, and a
// page's end.
func (r *reader) get(path string) ([]byte, bool) {
	r.st.requests.Add(1)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", r.base+path, nil)
	gz := r.rnd.Intn(2) == 0
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := plainClient.Do(req)
	if err != nil {
		r.st.fail("%s: %v", path, err)
		return nil, false
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	switch {
	case resp.StatusCode != 200:
		r.st.fail("%s: %s", path, resp.Status)
		return nil, false
	case err != nil || resp.ContentLength >= 0 && int64(len(body)) != resp.ContentLength:
		r.st.fail("%s: truncated, %d of %d bytes (%v)", path, len(body), resp.ContentLength, err)
		return nil, false
	}
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err == nil {
			body, err = io.ReadAll(zr)
		}
		if err != nil {
			r.st.fail("%s: broken gzip form: %v", path, err)
			return nil, false
		}
	}
	if strings.HasSuffix(path, "/") && !bytes.HasSuffix(body, []byte("</html>\n")) {
		r.st.fail("%s: truncated page", path)
		return nil, false
	}
	return body, true
}

// plainClient leaves Content-Encoding to the test.
var plainClient = &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 8}}
