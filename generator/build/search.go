package build

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gyportal/generator/precompress"
	"gyportal/generator/search"
	"gyportal/generator/site"
)

// search writes the search index and its script, published as the
// asset "search.js". The documents and synonyms come from package search
// (search.PlanDocs, seam S9). An index of the same documents, synonyms
// and generator in the tree being written, the tree --out shows or the
// preview's files is taken as it is (sink.reuseSearch).
func (r *run) search() error {
	docs, syn := search.PlanDocs(r.plan), search.PlanSynonyms(r.plan)
	key, err := searchKey(docs, syn)
	if err != nil {
		return err
	}
	if url, ok := r.out.reuseSearch(key); ok {
		return r.assets.set("search.js", url)
	}
	sa, err := search.WriteTo(r.out, docs, syn, search.Options{})
	if err != nil {
		return fmt.Errorf("搜索索引：%w", err)
	}
	r.out.setKey(strings.TrimPrefix(sa.Script, "/"), key)
	return r.assets.set("search.js", sa.Script)
}

// searchKey hashes the index's inputs: the generator, the documents and
// the synonyms.
func searchKey(docs []search.Doc, syn []search.Synonym) (fileHash, error) {
	h := sha256.New()
	h.Write(site.GeneratorSum())
	enc := json.NewEncoder(h)
	if err := enc.Encode(docs); err != nil {
		return fileHash{}, err
	}
	if err := enc.Encode(syn); err != nil {
		return fileHash{}, err
	}
	return fileHash(h.Sum(nil)), nil
}

// searchFile reports whether name is a file of the search index: under
// search/, but for the search page.
func searchFile(name string) bool {
	return strings.HasPrefix(name, "search/") && !strings.HasSuffix(name, ".html")
}

// searchScript reports whether name is the search script.
func searchScript(name string) bool {
	return strings.HasPrefix(name, "search/search.") && strings.HasSuffix(name, ".js")
}

// setKey records key on the file name of the new manifest.
func (s *sink) setKey(name string, key fileHash) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.files[name]; ok {
		e.key = key
		s.files[name] = e
	}
}

// reuseSearch takes the search index whose script carries key from the
// tree being written, the tree --out shows (linked) or the preview's
// files before, and returns the script's URL.
func (s *sink) reuseSearch(key fileHash) (string, bool) {
	switch {
	case s.prevMem != nil && s.mem != nil:
		return s.reuseFrom(s.prevMem.entries, key, func(name string) error {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.mem[name] = s.prevMem.files[name]
			return nil
		})
	case s.root == "":
		return "", false
	}
	if url, ok := s.reuseFrom(s.old.files, key, func(string) error { return nil }); ok {
		return url, true
	}
	if s.past.prev == nil {
		return "", false
	}
	var linked []string
	url, ok := s.reuseFrom(s.past.prev.files, key, func(name string) error {
		dst := filepath.Join(s.root, filepath.FromSlash(name))
		if err := s.mkdir(filepath.Dir(dst)); err != nil {
			return err
		}
		linked = append(linked, dst)
		return linkForms(filepath.Join(s.past.from, filepath.FromSlash(name)), dst, s.past.prev.files[name].forms)
	})
	if !ok { // unlink what was linked: the shown tree shares it
		for _, dst := range linked {
			for _, ext := range append([]string{""}, precompress.Exts...) {
				os.Remove(dst + ext)
			}
		}
	}
	return url, ok
}

// reuseFrom takes the search index whose script carries key from the
// files of one manifest, calling take for each file before recording
// them all.
func (s *sink) reuseFrom(files map[string]manEntry, key fileHash, take func(name string) error) (string, bool) {
	script := ""
	for name, e := range files {
		if searchScript(name) && e.key == key {
			script = name
		}
	}
	if script == "" {
		return "", false
	}
	var names []string
	for name := range files {
		if searchFile(name) {
			if take(name) != nil {
				return "", false
			}
			names = append(names, name)
		}
	}
	for _, name := range names {
		if s.record(name, files[name]) != nil {
			return "", false
		}
	}
	s.reused.Add(int64(len(names)))
	return "/" + script, true
}
