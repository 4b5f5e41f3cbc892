package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// pollInterval is how often the polling watcher scans when file system
// notifications are unavailable (for example when the inotify limits of
// a container are exhausted).
const pollInterval = 100 * time.Millisecond

// rootCheckInterval is how often the notifying watcher looks for a watched
// directory (or its parent) that is missing and may have come back.
const rootCheckInterval = time.Second

// watch reports the name of every changed, created, removed or renamed
// file under dirs (recursively) on the returned channel until ctx is
// done; "" means "something changed" when events were lost. It survives
// what `git checkout` and editors do: a directory deleted and recreated,
// renamed files and directories, a watched directory that appears after
// the start. It uses file system notifications, re-adding watches as
// directories come and go, and falls back to polling when notifications
// cannot be set up or a watch cannot be added.
func watch(ctx context.Context, dirs []string, ignore func(string) bool) <-chan string {
	out := make(chan string, 64)
	n := &notifier{ignore: ignore}
	for _, d := range dirs {
		n.roots = append(n.roots, filepath.Clean(d))
	}
	if w, err := fsnotify.NewWatcher(); err == nil {
		n.w = w
		if err := n.sync(); err == nil {
			go n.loop(ctx, out)
			return out
		}
		w.Close()
	}
	go pollLoop(ctx, n.roots, ignore, out)
	return out
}

// notifier watches directory trees through file system notifications.
type notifier struct {
	w      *fsnotify.Watcher
	roots  []string
	ignore func(string) bool
}

// sync makes the watch list match the disk: every directory under the
// roots, and each root's parent, so that a root deleted and created again
// is seen. Watches of directories that are gone or were renamed (a watch
// follows the directory but keeps its old name) are dropped first.
func (n *notifier) sync() error {
	want := n.dirs()
	for _, p := range n.w.WatchList() {
		if !want[p] {
			n.w.Remove(p)
		}
	}
	have := map[string]bool{}
	for _, p := range n.w.WatchList() {
		have[p] = true
	}
	for p := range want {
		if !have[p] {
			if err := n.w.Add(p); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}

// dirs lists the directories to watch.
func (n *notifier) dirs() map[string]bool {
	want := map[string]bool{}
	for _, root := range n.roots {
		if parent := filepath.Dir(root); isDir(parent) {
			want[parent] = true
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if p != root && n.ignore(p) {
				return filepath.SkipDir
			}
			want[p] = true
			return nil
		})
	}
	return want
}

// loop forwards the events under the roots until ctx is done. When the
// directory structure changes it re-syncs the watches and reports a
// change, since files written before a new directory was watched have no
// event of their own. If a watch cannot be added it goes on by polling.
func (n *notifier) loop(ctx context.Context, out chan<- string) {
	defer n.w.Close()
	check := time.NewTicker(rootCheckInterval)
	defer check.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-n.w.Events:
			if !ok {
				return
			}
			if !n.relevant(ev) {
				continue
			}
			if n.structural(ev) && !n.resync(ctx, out) {
				return
			}
			send(ctx, out, ev.Name)
		case _, ok := <-n.w.Errors:
			if !ok {
				return
			}
			// An overflow loses events: rebuild to be safe.
			if !n.resync(ctx, out) {
				return
			}
			send(ctx, out, "")
		case <-check.C:
			if n.rootMissing() && !n.resync(ctx, out) {
				return
			}
		}
	}
}

// resync re-syncs the watches; when that fails it hands over to polling
// and returns false.
func (n *notifier) resync(ctx context.Context, out chan<- string) bool {
	before := len(n.w.WatchList())
	if err := n.sync(); err != nil {
		n.w.Close()
		send(ctx, out, "")
		go pollLoop(ctx, n.roots, n.ignore, out)
		return false
	}
	if len(n.w.WatchList()) != before {
		send(ctx, out, "")
	}
	return true
}

// relevant reports whether ev concerns a file under a root (the parents'
// watches also see their other entries) that is not editor noise.
func (n *notifier) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || n.ignore(ev.Name) {
		return false
	}
	for _, r := range n.roots {
		if r == "." || ev.Name == r || strings.HasPrefix(ev.Name, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// structural reports whether ev changes the directories to watch: a
// directory created, or a watched one removed or renamed. File events do
// not, so a checkout of many files does not rescan the tree per file.
func (n *notifier) structural(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Create) {
		return isDir(ev.Name)
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		for _, p := range n.w.WatchList() {
			if p == ev.Name {
				return true
			}
		}
	}
	return false
}

// rootMissing reports whether a root is not a directory now or is one
// but not watched (its parent too was missing when it came back).
func (n *notifier) rootMissing() bool {
	watched := map[string]bool{}
	for _, p := range n.w.WatchList() {
		watched[p] = true
	}
	for _, r := range n.roots {
		if !isDir(r) || !watched[r] {
			return true
		}
	}
	return false
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// pollLoop scans dirs every pollInterval and reports differences.
func pollLoop(ctx context.Context, dirs []string, ignore func(string) bool, out chan<- string) {
	prev := snapshot(dirs, ignore)
	t := time.NewTicker(pollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := snapshot(dirs, ignore)
		for name, st := range cur {
			if prev[name] != st {
				send(ctx, out, name)
			}
		}
		for name := range prev {
			if _, ok := cur[name]; !ok {
				send(ctx, out, name)
			}
		}
		prev = cur
	}
}

type fileState struct {
	size int64
	mod  time.Time
}

func snapshot(dirs []string, ignore func(string) bool) map[string]fileState {
	m := map[string]fileState{}
	for _, root := range dirs {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != root && ignore(p) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
				m[p] = fileState{info.Size(), info.ModTime()}
			}
			return nil
		})
	}
	return m
}

func send(ctx context.Context, out chan<- string, name string) {
	select {
	case out <- name:
	case <-ctx.Done():
	}
}

// editorNoise reports files that editors and tools write beside the real
// ones (swap files, backups, hidden staging directories).
func editorNoise(p string) bool {
	base := filepath.Base(p)
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") ||
		strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp")
}
