package build

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync/atomic"
	"time"
)

// Memory is a build output held in memory, for the preview server: a
// successful build replaces its files whole, a failed one leaves them.
// It serves them as an fs.FS; directories exist where files do.
type Memory struct {
	cur atomic.Pointer[memTree]
}

type memTree struct {
	files   map[string][]byte
	entries map[string]manEntry // their hashes and pages' keys, for the next build
	dirs    map[string][]string // directory -> sorted child names
}

// install replaces the served files and reports the change.
func (m *Memory) install(files map[string][]byte, entries map[string]manEntry) Stats {
	s := Stats{Files: len(files)}
	var old map[string][]byte
	if t := m.cur.Load(); t != nil {
		old = t.files
	}
	for name, data := range files {
		prev, ok := old[name]
		switch {
		case !ok:
			s.Added++
		case !bytes.Equal(prev, data):
			s.Changed++
		}
	}
	for name := range old {
		if _, ok := files[name]; !ok {
			s.Removed++
		}
	}
	m.cur.Store(newTree(files, entries))
	return s
}

func newTree(files map[string][]byte, entries map[string]manEntry) *memTree {
	t := &memTree{files: files, entries: entries, dirs: map[string][]string{".": nil}}
	seen := map[string]bool{}
	for name := range files {
		for child := name; child != "."; {
			dir := path.Dir(child)
			if !seen[child] {
				seen[child] = true
				t.dirs[dir] = append(t.dirs[dir], path.Base(child))
			}
			child = dir
		}
	}
	for _, names := range t.dirs {
		sort.Strings(names)
	}
	return t
}

// Open opens a built file or directory.
func (m *Memory) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	t := m.cur.Load()
	if t == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if data, ok := t.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(data))}, Reader: bytes.NewReader(data)}, nil
	}
	if children, ok := t.dirs[name]; ok {
		return &memDir{info: memInfo{name: path.Base(name), dir: true}, tree: t, path: name, children: children}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type memFile struct {
	info memInfo
	*bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info     memInfo
	tree     *memTree
	path     string
	children []string
	next     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: fs.ErrInvalid}
}

// ReadDir lists the directory, as fs.ReadDirFile.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	for d.next < len(d.children) && (n <= 0 || len(out) < n) {
		name := d.children[d.next]
		d.next++
		full := strings.TrimPrefix(path.Join(d.path, name), "./")
		info := memInfo{name: name}
		if data, ok := d.tree.files[full]; ok {
			info.size = int64(len(data))
		} else {
			info.dir = true
		}
		out = append(out, fs.FileInfoToDirEntry(info))
	}
	if n > 0 && len(out) == 0 {
		return nil, io.EOF
	}
	return out, nil
}
