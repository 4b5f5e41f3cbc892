package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// sink is the one place every file of a build goes: a staging directory
// on disk, or memory for the preview. It is safe for concurrent use, and
// refuses a second file of the same name (two steps writing one path is
// a bug, or a templates/static/ file shadowing a generated one).
// It satisfies site.Writer and search.Writer.
type sink struct {
	root string // staging directory; "" when files stay in memory

	mu    sync.Mutex
	files map[string][]byte // in memory: every file; on disk: nil values
	dirs  map[string]bool   // directories created under root
}

func newDirSink(root string) *sink {
	return &sink{root: root, files: map[string][]byte{}, dirs: map[string]bool{}}
}
func newMemSink() *sink { return &sink{files: map[string][]byte{}} }

// WriteFile writes one output file, named with slashes relative to the
// site root.
func (s *sink) WriteFile(name string, data []byte) error {
	if err := s.claim(name, data); err != nil {
		return err
	}
	if s.root == "" {
		return nil
	}
	p := filepath.Join(s.root, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// claim records name, refusing a duplicate.
func (s *sink) claim(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.files[name]; dup {
		return fmt.Errorf("%s: written twice in one build", name)
	}
	if s.root == "" {
		s.files[name] = data
	} else {
		s.files[name] = nil
	}
	return nil
}

// mkdir creates dir (under root) once per build.
func (s *sink) mkdir(dir string) error {
	s.mu.Lock()
	done := s.dirs[dir]
	s.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s.mu.Lock()
	s.dirs[dir] = true
	s.mu.Unlock()
	return nil
}

// RenameDir moves every file written under from to the same name under
// to (the search index names its directory after its content).
func (s *sink) RenameDir(from, to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, data := range s.files {
		if rest, ok := strings.CutPrefix(name, from+"/"); ok {
			delete(s.files, name)
			s.files[to+"/"+rest] = data
		}
	}
	if s.root == "" {
		return nil
	}
	for dir := range s.dirs {
		if strings.HasPrefix(dir, filepath.Join(s.root, filepath.FromSlash(from))) {
			delete(s.dirs, dir)
		}
	}
	return os.Rename(filepath.Join(s.root, filepath.FromSlash(from)), filepath.Join(s.root, filepath.FromSlash(to)))
}
