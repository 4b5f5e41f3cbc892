package model

import (
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// locator maps key paths such as "benefits[2].amount" to the line where
// the key is written. The TOML decoder does not expose key positions (and
// none at all for elements of arrays), so the locator scans the source
// itself: table and array-of-tables headers, keys (bare, quoted, dotted),
// and values, whose strings, arrays and inline tables it steps over,
// recording the keys of inline tables and the elements of arrays too.
//
// Paths are written as toml.Key.String writes them (a key that is not
// bare is quoted: targets[0]."x y"), with [i] after an array element.
// The scanner never fails: on text it does not understand it skips to
// the next line; the decoder reports the syntax error.
//
// The scan is done on first use: a file without errors is never scanned.
type locator struct {
	src     string
	once    sync.Once
	lines   map[string]int // indexed path -> 1-based line
	entries []locEntry     // in file order
}

type locEntry struct {
	path, plain string // "benefits[1].amount", "benefits.amount"
	line        int
	kind        string // the value's type as the decoder names it; "" for tables
}

// seg is one step of a path: a key, and an array index or -1.
type seg struct {
	name string
	idx  int
}

func newLocator(src string) *locator { return &locator{src: src} }

// scanned scans the source once.
func (l *locator) scanned() *locator {
	l.once.Do(func() {
		l.lines = map[string]int{}
		s := &scan{src: l.src, line: 1, loc: l, counts: map[string]int{}}
		s.document()
	})
	return l
}

func (l *locator) add(path []seg, line int) {
	p := format(path, true)
	if _, ok := l.lines[p]; ok {
		return
	}
	l.lines[p] = line
	l.entries = append(l.entries, locEntry{path: p, plain: format(path, false), line: line})
}

// setKind records the type of the value written at path.
func (l *locator) setKind(path []seg, kind string) {
	p := format(path, true)
	for i := len(l.entries) - 1; i >= 0; i-- {
		if l.entries[i].path == p {
			l.entries[i].kind = kind
			return
		}
	}
}

// format writes path as the validator and toml.Key name keys, with or
// without array indexes.
func format(path []seg, indexed bool) string {
	var b strings.Builder
	for i, s := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(toml.Key{s.name}.String())
		if indexed && s.idx >= 0 {
			b.WriteString("[" + strconv.Itoa(s.idx) + "]")
		}
	}
	return b.String()
}

// line returns the line of path, or of its nearest enclosing table, or 1.
func (l *locator) line(path string) int {
	l.scanned()
	for path != "" {
		if n, ok := l.lines[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// findAll resolves an unindexed key as toml.MetaData.Undecoded reports it
// ("targets.foo") to every indexed path written in the file
// ("targets[0].foo", "targets[3].foo") with its line.
func (l *locator) findAll(key string) []locEntry {
	var out []locEntry
	for _, e := range l.scanned().entries {
		if e.plain == key {
			out = append(out, e)
		}
	}
	return out
}

func concat(prefix []seg, more ...seg) []seg {
	return append(append(make([]seg, 0, len(prefix)+len(more)), prefix...), more...)
}

// at returns the indexed path of a syntax error's key: key (unindexed, as
// the decoder names it) written at line, else the last key on that line,
// else the last key written before it, else key itself.
func (l *locator) at(key string, line int) string {
	last := ""
	for _, e := range l.scanned().entries {
		if e.line == line && e.plain == key {
			return e.path
		}
		if e.line == line {
			last = e.path
		}
	}
	if last != "" {
		return last
	}
	for i := len(l.entries) - 1; i >= 0; i-- {
		if e := l.entries[i]; e.plain == key && e.line < line {
			return e.path
		}
	}
	return key
}

// ofKind returns the first place the unindexed key is written with a
// value of type kind: where a type error is, since the decoder gives
// the line of the key's last occurrence in any element of an array.
func (l *locator) ofKind(key, kind string) (locEntry, bool) {
	for _, e := range l.scanned().entries {
		if e.plain == key && e.kind == kind {
			return e, true
		}
	}
	return locEntry{}, false
}

// withValue returns the first place the unindexed key is written with
// the string value v: where an enum's bad value is, since the decoder
// gives the line of the key's last occurrence in any element of an array.
func (l *locator) withValue(key, v string) (locEntry, bool) {
	lines := strings.Split(l.src, "\n")
	for _, e := range l.findAll(key) {
		if t := lines[e.line-1]; strings.Contains(t, strconv.Quote(v)) || strings.Contains(t, "'"+v+"'") {
			return e, true
		}
	}
	return locEntry{}, false
}

// lineAt returns the line of byte offset off of the source, clamped to
// the source's lines.
func (l *locator) lineAt(off int) int {
	off = max(0, min(off, len(l.src)))
	return strings.Count(l.src[:off], "\n") + 1
}
