package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gyportal/generator/precompress"
)

// MarkerName is the file every published tree carries at its root: the
// proof that the directory is a build's output (so a later build may
// replace it) and its manifest: every file of the site with its content
// hash, and whether .gz and .br forms lie beside it, and the
// content-named files of earlier builds the tree keeps (retention.go),
// each with the build it belongs to. A build compares manifests instead
// of reading the previous tree.
const MarkerName = ".gyportal-build"

const markerHead = "gyportal-build 2"

// fileHash is the first 16 bytes of a file's SHA-256.
type fileHash [16]byte

func hashOf(data []byte) fileHash { return precompress.Key(data) } // the key the store keeps forms under

// manEntry is one file of a manifest.
type manEntry struct {
	hash  fileHash
	forms bool     // name.gz and name.br exist too
	key   fileHash // a page's site.Key, the hash of its inputs; zero for other files
}

// same reports whether e and o are the same file with the same forms.
func (e manEntry) same(o manEntry) bool { return e.hash == o.hash && e.forms == o.forms }

// keyText is the key column of a manifest line.
func (e manEntry) keyText() string {
	if e.key == (fileHash{}) {
		return "-"
	}
	return hex.EncodeToString(e.key[:])
}

// buildID is one build of an --out: its number (1, 2, … counted per
// --out) and its date (YYYY-MM-DD, Asia/Shanghai).
type buildID struct {
	n    int
	date string
}

// keptEntry is a file of an earlier build that the tree keeps.
type keptEntry struct {
	manEntry
	build buildID
}

// manifest is the files of one tree, and the compression settings their
// forms were made with.
type manifest struct {
	compress string
	build    buildID
	files    map[string]manEntry  // the site this build made
	kept     map[string]keptEntry // earlier builds' content-named files
}

// entryOf is the site's file name (none for a nil manifest).
func (m *manifest) entryOf(name string) (manEntry, bool) {
	if m == nil {
		return manEntry{}, false
	}
	e, ok := m.files[name]
	return e, ok
}

// entry is the file name the tree holds, of this build or kept (none
// for a nil manifest).
func (m *manifest) entry(name string) (manEntry, bool) {
	if m == nil {
		return manEntry{}, false
	}
	if e, ok := m.files[name]; ok {
		return e, true
	}
	k, ok := m.kept[name]
	return k.manEntry, ok
}

// encode writes the marker: a header (the compression settings, the hash
// of the site's entry lines, which names the tree's content whatever
// build made it, the build, and the hash of all entry lines, so that a
// damaged marker is detected), then one line per file of the site,
// sorted: "<hash> <z|-> <key|-> <name>" (key: a page's, see site.Key),
// then one per kept file, sorted: "kept <build> <date> <hash> <z|-> - <name>".
func (m *manifest) encode() []byte {
	var site, kept bytes.Buffer
	for _, n := range sortedKeys(m.files) {
		e := m.files[n]
		fmt.Fprintf(&site, "%s %s %s %s\n", hex.EncodeToString(e.hash[:]), formsFlag(e.forms), e.keyText(), n)
	}
	for _, n := range sortedKeys(m.kept) {
		e := m.kept[n]
		fmt.Fprintf(&kept, "kept %d %s %s %s - %s\n", e.build.n, e.build.date, hex.EncodeToString(e.hash[:]), formsFlag(e.forms), n)
	}
	tree := sha256.Sum256(site.Bytes())
	site.Write(kept.Bytes())
	sum := sha256.Sum256(site.Bytes())
	var out bytes.Buffer
	fmt.Fprintf(&out, "%s\ncompress %s\ntree %s\nbuild %d %s\nsum %s\n", markerHead, m.compress,
		hex.EncodeToString(tree[:]), m.build.n, m.build.date, hex.EncodeToString(sum[:]))
	out.Write(site.Bytes())
	return out.Bytes()
}

func formsFlag(forms bool) string {
	if forms {
		return "z"
	}
	return "-"
}

func sortedKeys[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// readManifest reads the marker of the tree dir; ok is false when there
// is none or it is damaged.
func readManifest(dir string) (*manifest, bool) {
	data, err := os.ReadFile(filepath.Join(dir, MarkerName))
	if err != nil {
		return nil, false
	}
	return parseManifest(data)
}

func parseManifest(data []byte) (*manifest, bool) {
	head, body, ok := cutLines(data, 5)
	if !ok || head[0] != markerHead {
		return nil, false
	}
	var m manifest
	var tree, sum string
	for i, f := range []struct {
		format string
		args   []any
	}{{"compress %s", []any{&m.compress}}, {"tree %s", []any{&tree}}, {"build %d %s", []any{&m.build.n, &m.build.date}}, {"sum %s", []any{&sum}}} {
		if _, err := fmt.Sscanf(head[i+1], f.format, f.args...); err != nil {
			return nil, false
		}
	}
	if s := sha256.Sum256(body); hex.EncodeToString(s[:]) != sum {
		return nil, false
	}
	m.files, m.kept = map[string]manEntry{}, map[string]keptEntry{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if !m.parseLine(sc.Text()) {
			return nil, false
		}
	}
	return &m, true
}

// parseLine adds one entry line to m.
func (m *manifest) parseLine(line string) bool {
	var k keptEntry
	if rest, ok := strings.CutPrefix(line, "kept "); ok {
		f := strings.SplitN(rest, " ", 3)
		n, err := strconv.Atoi(f[0])
		if len(f) != 3 || err != nil {
			return false
		}
		k.build, line = buildID{n, f[1]}, f[2]
	}
	f := strings.SplitN(line, " ", 4)
	if len(f) != 4 || f[3] == "" {
		return false
	}
	raw, err := hex.DecodeString(f[0])
	if err != nil || len(raw) != 16 {
		return false
	}
	k.manEntry = manEntry{hash: fileHash(raw), forms: f[1] == "z"}
	if f[2] != "-" {
		if key, err := hex.DecodeString(f[2]); err != nil || len(key) != 16 {
			return false
		} else {
			k.key = fileHash(key)
		}
	}
	name := f[3]
	if k.build.n == 0 {
		m.files[name] = k.manEntry
	} else {
		m.kept[name] = k
	}
	return true
}

// cutLines splits off the first n lines of data.
func cutLines(data []byte, n int) ([]string, []byte, bool) {
	var head []string
	for range n {
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok {
			return nil, nil, false
		}
		head = append(head, string(line))
		data = rest
	}
	return head, data, true
}
