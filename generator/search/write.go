package search

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gyportal/generator/search/internal/format"
)

// Layout under <outDir>/search/ (all names relative to that directory):
//
//	search.<hash>.js     the script (Assets.Script)
//	meta.<hash>.json     parameters, synonyms, question words, the sizes
//	                     of the packs, where the dictionary and the
//	                     document table are (format.Meta)
//	i-<hash>/<k>.bin     pack k: dictionary shards, rare buckets, posting
//	                     lists, the document table and the result
//	                     fragments, read by HTTP Range (see package format)
//
// Every name under i-<hash> changes when any index file changes, so a
// browser cache never mixes two builds.

//go:embed search.js
var scriptSource []byte

// snippetOverlap is how many tokens a body segment repeats of the next
// one, so that a match across the boundary can still be highlighted.
const snippetOverlap = 24

// Writer receives the files of the index, named relative to the site
// root ("search/meta.….json"). It must be safe for concurrent use.
// RenameDir moves a directory written with WriteFile: the index is
// streamed into a temporary directory, then named after its content.
type Writer interface {
	WriteFile(name string, data []byte) error
	RenameDir(from, to string) error
}

// Write indexes docs and writes the index and the search script under
// outDir/search/, replacing the index of an earlier Write there. It is
// deterministic: same input, same bytes.
func Write(outDir string, docs []Doc, syn []Synonym) (Assets, error) {
	return WriteOptions(outDir, docs, syn, Options{})
}

// WriteOptions is Write with a tuned layout.
func WriteOptions(outDir string, docs []Doc, syn []Synonym, opts Options) (Assets, error) {
	dir := filepath.Join(outDir, "search")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Assets{}, err
	}
	if err := clean(dir); err != nil {
		return Assets{}, err
	}
	return WriteTo(dirWriter(outDir), docs, syn, opts)
}

// WriteTo indexes docs and hands every file of the index to w.
func WriteTo(out Writer, docs []Doc, syn []Synonym, opts Options) (Assets, error) {
	b, err := build(docs, opts)
	if err != nil {
		return Assets{}, err
	}
	const tmp = "search/.i-build"
	w := &fileWriter{out: out, prefix: tmp + "/"}
	m := b.writePacks(w)
	if err := w.wait(); err != nil {
		return Assets{}, err
	}
	m.Dir = "i-" + w.hash()
	if err := out.RenameDir(tmp, "search/"+m.Dir); err != nil {
		return Assets{}, err
	}
	b.describe(&m, syn)
	metaJSON, err := marshal(m)
	if err != nil {
		return Assets{}, err
	}
	metaName := "meta." + shortHash(metaJSON) + ".json"
	script := bytes.Replace(compactJS(scriptSource), []byte(`"__META__"`), []byte(strconv.Quote(metaName)), 1)
	scriptName := "search." + shortHash(script) + ".js"
	for _, f := range []struct {
		name string
		data []byte
	}{{metaName, metaJSON}, {scriptName, script}} {
		if err := out.WriteFile("search/"+f.name, f.data); err != nil {
			return Assets{}, err
		}
	}
	return Assets{
		Script: "/search/" + scriptName,
		Meta:   "/search/" + metaName,
		Files:  len(w.hashes) + 2,
		Bytes:  w.bytes + int64(len(metaJSON)+len(script)),
	}, nil
}

// describe fills in the parameters of the meta file.
func (b *builder) describe(m *format.Meta, syn []Synonym) {
	m.Version, m.Docs, m.MaxGram = format.Version, len(b.docs), b.opts.MaxGram
	m.K1, m.B, m.Weights, m.SynWeight = format.K1, format.B, format.FieldWeight, format.SynonymWeight
	m.Segment, m.Whole = b.opts.Segment, b.opts.WholeBody
	m.Synonyms, m.Question = buildSynonyms(syn), questionKeys()
	m.Fields = [4]string{"title", "meta", "summary", "body"}
	for i := 0; i < len(b.docs); {
		j := i
		for j < len(b.docs) && b.docs[j].rank == b.docs[i].rank {
			j++
		}
		r := b.docs[i].rank
		m.Kinds = append(m.Kinds, format.KindRange{Kind: b.docs[i].src.Kind, Start: i, End: j,
			Boost: format.KindBoost(r), AvgBody: b.avgB[r]})
		i = j
	}
	if m.Kinds == nil {
		m.Kinds = []format.KindRange{}
	}
	m.Stats["tokens"], m.Stats["grams"], m.Stats["threshold"] = b.tokens, len(b.grams), b.opts.Common
}

// dirWriter writes files under a directory on disk.
type dirWriter string

func (d dirWriter) WriteFile(name string, data []byte) error {
	path := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func (d dirWriter) RenameDir(from, to string) error {
	return os.Rename(filepath.Join(string(d), filepath.FromSlash(from)), filepath.Join(string(d), filepath.FromSlash(to)))
}

// clean removes the outputs of earlier builds from dir: index
// directories, meta files and scripts. Other files are left alone.
func clean(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if (e.IsDir() && (strings.HasPrefix(n, "i-") || n == ".i-build")) ||
			(strings.HasPrefix(n, "meta.") && strings.HasSuffix(n, ".json")) ||
			(strings.HasPrefix(n, "search.") && strings.HasSuffix(n, ".js")) {
			if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// compactJS drops the comment lines, blank lines and indentation of
// search.js (about a quarter of it). It relies on the file's style: no
// comment shares a line with code it must keep, and no string or regular
// expression spans lines.
func compactJS(src []byte) []byte {
	var out []byte
	inBlock := false
	for line := range bytes.Lines(src) {
		l := bytes.TrimSpace(line)
		switch {
		case inBlock:
			inBlock = !bytes.Contains(l, []byte("*/"))
			continue
		case bytes.HasPrefix(l, []byte("/*")):
			inBlock = !bytes.Contains(l, []byte("*/"))
			continue
		case len(l) == 0 || bytes.HasPrefix(l, []byte("//")):
			continue
		}
		out = append(append(out, l...), '\n')
	}
	return out
}

func shortHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:6])
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// fileWriter streams the files of the index to a Writer and keeps a hash
// of each, to name the index directory after its content.
type fileWriter struct {
	out    Writer
	prefix string
	mu     sync.Mutex
	err    error
	bytes  int64
	hashes []string
}

func (w *fileWriter) write(name string, data []byte) {
	if err := w.out.WriteFile(w.prefix+name, data); err != nil {
		w.fail(err)
		return
	}
	sum := sha256.Sum256(data)
	w.mu.Lock()
	w.hashes = append(w.hashes, name+" "+hex.EncodeToString(sum[:]))
	w.bytes += int64(len(data))
	w.mu.Unlock()
}

func (w *fileWriter) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *fileWriter) wait() error { return w.err }

// hash names the index directory after the content of every file.
func (w *fileWriter) hash() string {
	slices.Sort(w.hashes)
	return shortHash([]byte(strings.Join(w.hashes, "\n")))
}
