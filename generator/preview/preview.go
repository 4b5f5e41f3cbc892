// Package preview is the staff's live preview of the site: it builds the
// site in memory (nothing is written to disk, so a rebuild costs only the
// rendering), serves it over HTTP, watches the source
// directories, rebuilds on change (debounced) and makes open pages
// reload themselves.
//
// Reloading uses Server-Sent Events. The server numbers each finished
// build, successful or not, with a state token. Into every HTML page it
// serves (never into the build's files) it inserts the external script
// ReloadPath carrying the token in a data-state attribute; the script
// listens on EventsPath, where the server sends the token on connect and
// after each build, and reloads the page when the two differ.
//
// A failed build leaves the served files as they were (build.Build
// installs a build only on success), so the last good site keeps being
// served. Until a build succeeds again, the server inserts an overlay
// listing the errors (role="alert") into every HTML page it serves,
// styled by the external stylesheet OverlayCSSPath. Nothing injected is
// inline script or style: the pages work under site.CSP.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"gyportal/generator/build"
)

// EventsPath is the URL of the reload event stream.
const EventsPath = "/__preview/events"

// DefaultDebounce is the quiet period after the last file change before
// a rebuild starts; editors often write a file in several steps.
const DefaultDebounce = 30 * time.Millisecond

// Config configures a preview server.
type Config struct {
	// Build is the options of every build; Preview is set by the server.
	Build build.Options
	// Today, when set, gives Build.Today before each build, so that a
	// long-running preview publishes clauses whose date has come.
	Today func() time.Time
	// Watch lists the directories whose changes trigger a rebuild.
	// Missing directories are skipped.
	Watch []string
	// Debounce is the quiet period before a rebuild (DefaultDebounce if 0).
	Debounce time.Duration
	// Log receives one line per build; ErrLog receives build errors.
	// Either may be nil.
	Log, ErrLog io.Writer
	// BuildFunc builds the site (build.Build if nil).
	BuildFunc func(build.Options) (*build.Result, error)
}

// Server is a running preview. Its zero value is not usable; call New.
type Server struct {
	cfg   Config
	epoch string        // distinguishes server runs in the state token
	quit  chan struct{} // closed when Serve returns
	hub   hub

	buildMu sync.Mutex // builds never overlap

	mu     sync.Mutex
	gen    int      // builds finished
	errs   []string // errors of the last build, nil if it succeeded
	builds chan struct{}
}

// New returns a server for cfg; call Serve to run it.
func New(cfg Config) *Server {
	if cfg.Debounce <= 0 {
		cfg.Debounce = DefaultDebounce
	}
	if cfg.BuildFunc == nil {
		cfg.BuildFunc = build.Build
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.ErrLog == nil {
		cfg.ErrLog = io.Discard
	}
	if cfg.Build.Memory == nil {
		cfg.Build.Memory = &build.Memory{} // the preview writes nothing to disk
	}
	return &Server{
		cfg:   cfg,
		epoch: fmt.Sprintf("%x", time.Now().UnixNano()),
		quit:  make(chan struct{}),
		hub:   hub{subs: map[chan string]struct{}{}},
	}
}

// Serve builds the site, then serves it on ln and rebuilds on change
// until ctx is done. ready, if not nil, is called with the site's URL
// once the first build has finished.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(url string)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := watch(ctx, s.cfg.Watch, editorNoise)
	s.Rebuild()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	go s.rebuildLoop(ctx, changes)
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	close(s.quit) // ends the event streams, so Shutdown need not wait for them
	shut, stop := context.WithTimeout(context.Background(), 2*time.Second)
	defer stop()
	srv.Shutdown(shut)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// rebuildLoop rebuilds after each burst of changes has been quiet for
// the debounce period. Builds never overlap.
func (s *Server) rebuildLoop(ctx context.Context, changes <-chan string) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-changes:
			timer.Reset(s.cfg.Debounce)
		case <-timer.C:
			s.Rebuild()
		}
	}
}

// Rebuild runs one build, records its outcome and tells open pages.
func (s *Server) Rebuild() {
	o := s.cfg.Build
	if s.cfg.Today != nil {
		o.Today = s.cfg.Today()
	}
	start := time.Now()
	s.buildMu.Lock()
	res, err := s.cfg.BuildFunc(o)
	s.buildMu.Unlock()
	took := time.Since(start).Round(time.Millisecond)

	s.mu.Lock()
	s.gen++
	if err != nil {
		s.errs = errorLines(err)
		fmt.Fprintf(s.cfg.ErrLog, "生成失败（%s），继续显示上一次成功生成的网站：\n%s\n", took, err)
	} else {
		s.errs = nil
		st := res.Stats
		fmt.Fprintf(s.cfg.Log, "已生成 %d 个文件：新增 %d，修改 %d，删除 %d，用时 %s\n",
			st.Written, st.Added, st.Changed, st.Removed, took)
	}
	state := s.stateLocked()
	if s.builds != nil {
		close(s.builds)
		s.builds = nil
	}
	s.mu.Unlock()
	s.hub.publish(state)
}

// Errors returns the errors of the last build, or nil if it succeeded.
func (s *Server) Errors() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.errs...)
}

// State returns the current state token.
func (s *Server) State() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stateLocked()
}

func (s *Server) stateLocked() string { return fmt.Sprintf("%s-%d", s.epoch, s.gen) }

// NextBuild returns a channel closed when the next build finishes.
func (s *Server) NextBuild() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.builds == nil {
		s.builds = make(chan struct{})
	}
	return s.builds
}

// errorLines splits a build error into its messages, one per line
// ("file:line: key: message").
func errorLines(err error) []string {
	var out []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
