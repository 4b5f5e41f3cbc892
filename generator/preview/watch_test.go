package preview

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// eventWait is how long a test waits for an event before it fails; it
// bounds a hang, it does not measure speed.
const eventWait = 10 * time.Second

// watcher starts a watch of dirs (by notifications, or by polling when
// poll is set) for the test's lifetime.
func watcher(t *testing.T, poll bool, dirs ...string) <-chan string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if !poll {
		return watch(ctx, dirs, editorNoise)
	}
	out := make(chan string, 64)
	go pollLoop(ctx, dirs, editorNoise, out)
	return out
}

// expect waits for an event naming file.
func expect(t *testing.T, ch <-chan string, file string) {
	t.Helper()
	deadline := time.After(eventWait)
	for {
		select {
		case name := <-ch:
			if name == file {
				return
			}
		case <-deadline:
			t.Fatalf("no event for %s", file)
		}
	}
}

// settle drains events until none has come for a while, so that the
// next expectation is about the next change only.
func settle(ch <-chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(3 * pollInterval):
			return
		}
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatchSurvives runs what `git checkout`, editors and staff do to the
// content directory, with notifications and with polling, and checks
// that a change made afterwards is still seen, under its real name.
func TestWatchSurvives(t *testing.T) {
	for _, poll := range []bool{false, true} {
		name := map[bool]string{false: "notify", true: "poll"}[poll]
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "content")
			write(t, filepath.Join(root, "measures", "a.toml"), "a")
			ch := watcher(t, poll, root)
			settle(ch)
			steps := []struct {
				what   string
				do     func()
				expect string // a file whose change must be reported afterwards
			}{
				{"edit", func() {}, filepath.Join(root, "measures", "a.toml")},
				{"rename a file", func() {
					os.Rename(filepath.Join(root, "measures", "a.toml"), filepath.Join(root, "measures", "b.toml"))
				}, filepath.Join(root, "measures", "b.toml")},
				{"rename a directory", func() {
					os.Rename(filepath.Join(root, "measures"), filepath.Join(root, "clauses"))
				}, filepath.Join(root, "clauses", "new.toml")},
				{"delete and recreate the root", func() {
					os.RemoveAll(root)
					time.Sleep(3 * pollInterval) // long enough for a poll to see it gone
					write(t, filepath.Join(root, "measures", "a.toml"), "again")
				}, filepath.Join(root, "measures", "c.toml")},
				{"replace the root by a renamed copy", func() {
					tmp := root + ".new"
					write(t, filepath.Join(tmp, "measures", "a.toml"), "copy")
					os.RemoveAll(root)
					os.Rename(tmp, root)
				}, filepath.Join(root, "measures", "d.toml")},
			}
			for _, s := range steps {
				s.do()
				settle(ch)
				write(t, s.expect, s.what)
				expect(t, ch, s.expect)
				settle(ch)
			}
		})
	}
}

// TestWatchLateRoot checks that a watched directory missing at the start
// is watched once it appears.
func TestWatchLateRoot(t *testing.T) {
	for _, nested := range []bool{false, true} {
		base := t.TempDir()
		root := filepath.Join(base, "content")
		if nested { // the parent is missing too
			root = filepath.Join(base, "site", "content")
		}
		ch := watcher(t, false, root)
		write(t, filepath.Join(root, "site.toml"), "x")
		select { // its appearance is a change ("" or a name)
		case <-ch:
		case <-time.After(eventWait):
			t.Fatalf("nested %v: the new directory was not noticed", nested)
		}
		os.Mkdir(filepath.Join(root, "measures"), 0o755)
		settle(ch)
		file := filepath.Join(root, "measures", "1.toml")
		write(t, file, "1")
		expect(t, ch, file)
	}
}

// TestWatchIgnoresSiblings checks that the watch on a root's parent does
// not report the parent's other entries or editor noise.
func TestWatchIgnoresSiblings(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	write(t, filepath.Join(root, "site.toml"), "x")
	ch := watcher(t, false, root)
	settle(ch)
	write(t, filepath.Join(base, "README.md"), "not content")
	write(t, filepath.Join(root, ".site.toml.swp"), "noise")
	write(t, filepath.Join(root, "site.toml~"), "noise")
	select {
	case name := <-ch:
		t.Errorf("unexpected event %q", name)
	case <-time.After(5 * pollInterval):
	}
	write(t, filepath.Join(root, "site.toml"), "y")
	expect(t, ch, filepath.Join(root, "site.toml"))
}
