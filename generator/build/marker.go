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
	"strings"

	"gyportal/generator/precompress"
)

// MarkerName is the file every published tree carries at its root: the
// proof that the directory is a build's output (so a later build may
// replace it) and its manifest: every file with its content hash, and
// whether .gz and .br forms lie beside it. A build compares manifests
// instead of reading the previous tree.
const MarkerName = ".gyportal-build"

const markerHead = "gyportal-build 1"

// fileHash is the first 16 bytes of a file's SHA-256.
type fileHash [16]byte

func hashOf(data []byte) fileHash { return precompress.Key(data) } // the key the store keeps forms under

// manEntry is one file of a manifest.
type manEntry struct {
	hash  fileHash
	forms bool // name.gz and name.br exist too
}

// manifest is the files of one tree, and the compression settings their
// forms were made with.
type manifest struct {
	compress string
	files    map[string]manEntry
}

// encode writes the marker: a header, the compression settings, the hash
// of the entry lines (so a damaged marker is detected), then one line per
// file, sorted: "<hash> <z|-> <name>".
func (m *manifest) encode() []byte {
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	var body bytes.Buffer
	for _, n := range names {
		e := m.files[n]
		z := "-"
		if e.forms {
			z = "z"
		}
		fmt.Fprintf(&body, "%s %s %s\n", hex.EncodeToString(e.hash[:]), z, n)
	}
	sum := sha256.Sum256(body.Bytes())
	var out bytes.Buffer
	fmt.Fprintf(&out, "%s\ncompress %s\ntree %s\n", markerHead, m.compress, hex.EncodeToString(sum[:]))
	out.Write(body.Bytes())
	return out.Bytes()
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
	head, body, ok := cutLines(data, 3)
	if !ok || head[0] != markerHead || !strings.HasPrefix(head[1], "compress ") || !strings.HasPrefix(head[2], "tree ") {
		return nil, false
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != strings.TrimPrefix(head[2], "tree ") {
		return nil, false
	}
	m := &manifest{compress: strings.TrimPrefix(head[1], "compress "), files: map[string]manEntry{}}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		h, rest, _ := strings.Cut(sc.Text(), " ")
		z, name, _ := strings.Cut(rest, " ")
		raw, err := hex.DecodeString(h)
		if err != nil || len(raw) != 16 || name == "" {
			return nil, false
		}
		m.files[name] = manEntry{hash: fileHash(raw), forms: z == "z"}
	}
	return m, true
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
