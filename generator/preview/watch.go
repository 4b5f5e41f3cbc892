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

// watch reports the name of every changed, created, removed or renamed
// file under dirs (recursively, including directories created later) on
// the returned channel until ctx is done. Directories that do not exist
// are skipped. It uses file system notifications and falls back to
// polling when they cannot be set up.
func watch(ctx context.Context, dirs []string, ignore func(string) bool) <-chan string {
	out := make(chan string, 64)
	if w, err := fsnotify.NewWatcher(); err == nil {
		if err := addTrees(w, dirs, ignore); err == nil {
			go notifyLoop(ctx, w, out, ignore)
			return out
		}
		w.Close()
	}
	go pollLoop(ctx, dirs, ignore, out)
	return out
}

// addTrees adds every directory under dirs to w.
func addTrees(w *fsnotify.Watcher, dirs []string, ignore func(string) bool) error {
	for _, d := range dirs {
		if err := addTree(w, d, ignore); err != nil {
			return err
		}
	}
	return nil
}

func addTree(w *fsnotify.Watcher, root string, ignore func(string) bool) error {
	if _, err := os.Stat(root); err != nil {
		return nil // a missing directory is not watched
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != root && ignore(p) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

func notifyLoop(ctx context.Context, w *fsnotify.Watcher, out chan<- string, ignore func(string) bool) {
	defer w.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ignore(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name, ignore)
				}
			}
			send(ctx, out, ev.Name)
		case _, ok := <-w.Errors:
			if !ok {
				return
			}
			// An overflow loses events: rebuild to be safe.
			send(ctx, out, "")
		}
	}
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
