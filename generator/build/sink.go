package build

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"gyportal/generator/precompress"
	"gyportal/generator/site"
)

// sink is the one place every file of a build goes: a tree on disk, or
// memory for the preview. It is safe for concurrent use, and refuses a
// second file of the same name (two steps writing one path is a bug, or a
// templates/static/ file shadowing a generated one). It satisfies
// site.Writer and search.Writer.
//
// On disk, the tree already holds an earlier build (its manifest old): a
// file whose content hash is unchanged is left as it is, any other is
// written by a bounded pool of workers, with its .gz and .br forms when
// it is a text file worth compressing. finish removes what the new site
// no longer has and writes the new manifest.
//
// Names with a path segment starting with "." are staging names (the
// search index writes its directory as search/.i-build, then renames it
// after its content): their files are held in memory until RenameDir
// gives them their real name, so an unchanged index is not rewritten.
type sink struct {
	root  string    // the tree; "" when files stay in memory
	old   *manifest // what root holds
	store *precompress.Store
	past  past // what the tree keeps of earlier builds

	prevMem *memTree // in memory: the files of the build before

	mu      sync.Mutex
	files   map[string]manEntry // the new manifest
	mem     map[string][]byte   // in memory: every file
	staged  map[string][]byte   // files under staging names
	dirs    map[string]bool     // directories known to exist under root
	written atomic.Int64        // files written to disk, forms included
	reused  atomic.Int64        // pages of earlier builds kept, not rendered

	jobs chan job
	wg   sync.WaitGroup
	errs []error
}

// compressible are the extensions of the text files (and WebAssembly)
// that get .gz and .br forms: .wasm at the best levels (it changes only
// with the rules, and is cached), the others at fast ones. Not .bin:
// the search packs are read with HTTP Range requests, which a server
// answering from a .gz would break.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".wasm": true,
	".svg": true, ".xml": true, ".txt": true, ".map": true}

// job is one file to write.
type job struct {
	name  string
	data  []byte
	hash  fileHash // hashOf(data), the key its forms are kept under
	forms bool
}

// newMemSink keeps the files in memory; prev, the files the preview
// serves (nil: none yet), lends its pages whose keys are unchanged.
func newMemSink(prev *memTree) *sink {
	return &sink{files: map[string]manEntry{}, mem: map[string][]byte{}, staged: map[string][]byte{}, prevMem: prev}
}

// newDiscardSink records the names and hashes of the files, and drops
// their bytes (Check).
func newDiscardSink() *sink {
	return &sink{files: map[string]manEntry{}, staged: map[string][]byte{}}
}

// past is what a build into a tree keeps of the earlier builds.
type past struct {
	build     buildID   // this build
	prev      *manifest // the tree --out shows before this build; nil: none
	from      string    // its directory
	retention Retention
}

// newTreeSink writes into root, which holds old (nil: root is empty),
// and keeps what p says of the earlier builds.
func newTreeSink(root string, old *manifest, store *precompress.Store, p past) *sink {
	if old == nil {
		old = &manifest{files: map[string]manEntry{}}
	}
	s := &sink{root: root, old: old, store: store, past: p, files: map[string]manEntry{}, staged: map[string][]byte{},
		dirs: map[string]bool{root: true}, jobs: make(chan job, 64)}
	for range max(4, 2*runtime.GOMAXPROCS(0)) {
		s.wg.Add(1)
		go s.worker()
	}
	return s
}

// WriteKeyed adds a page rendered from inputs with key (site.KeyedWriter).
func (s *sink) WriteKeyed(name string, data []byte, key site.Key) error {
	return s.put(name, data, fileHash(key))
}

// Reuse records the page name as the one of the tree, or of the tree
// --out shows (linked into this one, with its forms), whose key is key
// (site.KeyedWriter): neither rendered nor written.
func (s *sink) Reuse(name string, key site.Key) bool {
	k := fileHash(key)
	if s.root == "" {
		return s.reuseMem(name, k)
	}
	if e, ok := s.old.files[name]; ok && e.key == k {
		s.reused.Add(1)
		return s.record(name, e) == nil
	}
	e, ok := s.past.prev.entryOf(name)
	if !ok || e.key != k {
		return false
	}
	dst := filepath.Join(s.root, filepath.FromSlash(name))
	if s.mkdir(filepath.Dir(dst)) != nil || linkForms(filepath.Join(s.past.from, filepath.FromSlash(name)), dst, e.forms) != nil {
		// Render it instead; first unlink what was linked, which the
		// shown tree shares and the write must not truncate.
		for _, ext := range append([]string{""}, precompress.Exts...) {
			os.Remove(dst + ext)
		}
		return false
	}
	s.reused.Add(1)
	return s.record(name, e) == nil
}

// reuseMem takes the page name from the files in memory before, if its
// key is k.
func (s *sink) reuseMem(name string, k fileHash) bool {
	if s.mem == nil || s.prevMem == nil {
		return false
	}
	e, ok := s.prevMem.entries[name]
	if !ok || e.key != k || s.record(name, e) != nil {
		return false
	}
	s.mu.Lock()
	s.mem[name] = s.prevMem.files[name]
	s.mu.Unlock()
	s.reused.Add(1)
	return true
}

// WriteFile adds one file, named with slashes relative to the site root.
func (s *sink) WriteFile(name string, data []byte) error {
	if staging(name) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, dup := s.staged[name]; dup {
			return writtenTwice(name)
		}
		s.staged[name] = data
		return nil
	}
	return s.put(name, data, fileHash{})
}

// writtenTwice is the error of a second file named name in one build.
func writtenTwice(name string) error {
	return fmt.Errorf("%s：同一次生成中写了两次（templates/static/ 中的文件与生成的文件同名？）", name)
}

// staging reports whether name has a segment starting with ".".
func staging(name string) bool {
	return strings.HasPrefix(name, ".") || strings.Contains(name, "/.")
}

// put records a file under its real name (with a page's key) and writes
// it unless the tree already has it.
func (s *sink) put(name string, data []byte, key fileHash) error {
	if !fsValid(name) {
		return fmt.Errorf("%s: not a valid output file name", name)
	}
	e := manEntry{hash: hashOf(data), forms: s.root != "" && compressible[path.Ext(name)] && precompress.Worth(data), key: key}
	if err := s.record(name, e); err != nil {
		return err
	}
	if s.mem != nil {
		s.mu.Lock()
		s.mem[name] = data
		s.mu.Unlock()
	}
	if had, ok := s.old.entry(name); s.root != "" && (!ok || !had.same(e)) {
		s.jobs <- job{name, data, e.hash, e.forms}
	}
	return nil
}

// record adds name to the new manifest, refusing a second file of the
// same name.
func (s *sink) record(name string, e manEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.files[name]; dup {
		return writtenTwice(name)
	}
	s.files[name] = e
	return nil
}

// fsValid accepts slash-separated relative names that are not the marker.
func fsValid(name string) bool {
	return name != MarkerName && !strings.HasPrefix(name, "/") && !slices.Contains(strings.Split(name, "/"), "..")
}

// RenameDir gives the staged files under from the name to instead.
func (s *sink) RenameDir(from, to string) error {
	s.mu.Lock()
	var moved []string
	for name := range s.staged {
		if strings.HasPrefix(name, from+"/") {
			moved = append(moved, name)
		}
	}
	s.mu.Unlock()
	slices.Sort(moved)
	for _, name := range moved {
		s.mu.Lock()
		data := s.staged[name]
		delete(s.staged, name)
		s.mu.Unlock()
		if err := s.WriteFile(to+strings.TrimPrefix(name, from), data); err != nil {
			return err
		}
	}
	return nil
}

// worker writes files until the jobs are closed.
func (s *sink) worker() {
	defer s.wg.Done()
	for j := range s.jobs {
		if err := s.write(j); err != nil {
			s.mu.Lock()
			s.errs = append(s.errs, err)
			s.mu.Unlock()
		}
	}
}

// write writes one file and its forms.
func (s *sink) write(j job) error {
	p := filepath.Join(s.root, filepath.FromSlash(j.name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	old, had := s.old.entry(j.name)
	if err := s.writeFile(p, j.data, had); err != nil {
		return err
	}
	if !j.forms {
		return nil
	}
	vs, err := precompress.VariantsOf(s.store, j.data, j.hash, path.Ext(j.name) == ".wasm")
	if err != nil {
		return fmt.Errorf("%s: %w", j.name, err)
	}
	for _, v := range vs {
		if err := s.writeFile(p+v.Ext, v.Data, had && old.forms); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes data to p. A file the tree had is replaced by
// rename(2), so a reader that has it open (the tree was shown two builds
// ago) keeps reading the old bytes.
func (s *sink) writeFile(p string, data []byte, replace bool) error {
	s.written.Add(1)
	if !replace {
		return writeNew(p, data)
	}
	tmp := p + ".gyportal-tmp"
	if err := writeNew(tmp, data); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// mkdir creates dir (under root) once per build, and its parents.
func (s *sink) mkdir(dir string) error {
	s.mu.Lock()
	done := s.dirs[dir]
	s.mu.Unlock()
	if done {
		return nil
	}
	err := makeDir(dir)
	if errors.Is(err, os.ErrNotExist) { // the parent first
		if err = s.mkdir(filepath.Dir(dir)); err == nil {
			err = makeDir(dir)
		}
	}
	if err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	s.mu.Lock()
	s.dirs[dir] = true
	s.mu.Unlock()
	return nil
}

// wait ends the writes and returns their errors.
func (s *sink) wait() error {
	if s.jobs == nil {
		return nil
	}
	close(s.jobs)
	s.wg.Wait()
	s.jobs = nil
	return errors.Join(s.errs...)
}

// finish waits for the writes, puts the files kept of earlier builds
// into the tree, removes the files the tree had that the new site lacks
// and that are not kept (and forms no longer made), writes the new
// manifest and hands the live compressed forms to the store.
func (s *sink) finish() (*manifest, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	if len(s.staged) > 0 {
		return nil, fmt.Errorf("files left under a staging name: %d", len(s.staged))
	}
	m := &manifest{compress: precompress.Settings, build: s.past.build, files: s.files, kept: map[string]keptEntry{}}
	if s.root == "" {
		return m, nil
	}
	m.kept = retained(s.past.prev, s.files, s.past.build, s.past.retention)
	if err := s.keep(s.past.from, m.kept); err != nil {
		return nil, err
	}
	if err := s.removeStale(m); err != nil {
		return nil, err
	}
	if err := writeMarker(s.root, m); err != nil {
		return nil, err
	}
	var live [][16]byte
	for _, e := range s.files {
		if e.forms {
			live = append(live, e.hash)
		}
	}
	s.store.Close(live)
	return m, nil
}

// removeStale deletes what the old tree has and the new one, m, does
// not, then the directories that became empty.
func (s *sink) removeStale(m *manifest) error {
	var gone []string
	stale := func(name string, e manEntry) {
		n, ok := m.entry(name)
		if !ok {
			gone = append(gone, filepath.Join(s.root, filepath.FromSlash(name)))
		}
		if e.forms && (!ok || !n.forms) {
			for _, ext := range precompress.Exts {
				gone = append(gone, filepath.Join(s.root, filepath.FromSlash(name))+ext)
			}
		}
	}
	for name, e := range s.old.files {
		stale(name, e)
	}
	for name, e := range s.old.kept {
		stale(name, e.manEntry)
	}
	dirs := map[string]bool{}
	for _, p := range gone {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("删除旧文件 %s：%w", p, err)
		}
		for d := filepath.Dir(p); d != s.root && len(d) > len(s.root); d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	byDepth := make([]string, 0, len(dirs))
	for d := range dirs {
		byDepth = append(byDepth, d)
	}
	slices.SortFunc(byDepth, func(a, b string) int { return len(b) - len(a) })
	for _, d := range byDepth {
		os.Remove(d) // fails, as it should, while the directory has files
	}
	return nil
}

// writeMarker writes the manifest into the tree root, last.
func writeMarker(root string, m *manifest) error {
	p := filepath.Join(root, MarkerName)
	if err := os.WriteFile(p+".tmp", m.encode(), 0o644); err != nil {
		return err
	}
	return os.Rename(p+".tmp", p)
}
