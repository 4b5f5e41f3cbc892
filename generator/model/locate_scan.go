package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// scan is the locator's scanner over one TOML source.
type scan struct {
	src    string
	pos    int
	line   int
	loc    *locator
	counts map[string]int // array-of-tables path -> elements seen
	depth  int            // nesting of arrays and inline tables
}

// maxDepth bounds the nesting the scanner follows (the decoder has its own
// limits); deeper values are skipped to the end of the line.
const maxDepth = 64

func (s *scan) eof() bool  { return s.pos >= len(s.src) }
func (s *scan) peek() byte { return s.src[s.pos] }
func (s *scan) has(p string) bool {
	return strings.HasPrefix(s.src[s.pos:], p)
}

// skip advances n bytes, counting lines.
func (s *scan) skip(n int) {
	end := min(s.pos+n, len(s.src))
	s.line += strings.Count(s.src[s.pos:end], "\n")
	s.pos = end
}

// blank skips spaces and tabs; with newlines also newlines and comments.
func (s *scan) blank(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t':
			s.pos++
		case newlines && (c == '\n' || c == '\r'):
			s.skip(1)
		case newlines && c == '#':
			s.toEOL()
		default:
			return
		}
	}
}

// toEOL skips to the end of the line (not past the newline).
func (s *scan) toEOL() {
	if i := strings.IndexByte(s.src[s.pos:], '\n'); i >= 0 {
		s.pos += i
	} else {
		s.pos = len(s.src)
	}
}

// document scans statements: headers and key/value pairs.
func (s *scan) document() {
	var table []seg
	for {
		s.blank(true)
		if s.eof() {
			return
		}
		start := s.pos
		if s.peek() == '[' {
			if t, ok := s.header(); ok {
				table = t
			}
		} else {
			s.keyval(table)
		}
		s.blank(false)
		if s.pos == start || (!s.eof() && s.peek() != '\n' && s.peek() != '\r' && s.peek() != '#') {
			s.toEOL() // text the scanner does not understand
		}
	}
}

// header scans [a.b] or [[a.b]] and returns the indexed table path.
func (s *scan) header() ([]seg, bool) {
	line, array := s.line, s.has("[[")
	s.skip(1)
	if array {
		s.skip(1)
	}
	parts, ok := s.key()
	if !ok {
		return nil, false
	}
	s.blank(false)
	if array && !s.has("]]") || !array && !s.has("]") {
		return nil, false
	}
	s.skip(1)
	if array {
		s.skip(1)
	}
	return s.tablePath(parts, array, line), true
}

// tablePath indexes a header's key parts: each array of tables already
// seen gets the index of its last element, and a [[header]] starts a new
// element of its own array.
func (s *scan) tablePath(parts []string, array bool, line int) []seg {
	var path []seg
	for i, p := range parts {
		path = append(path, seg{p, -1})
		k := format(path, true)
		if i == len(parts)-1 && array {
			path[i].idx = s.counts[k]
			s.counts[k]++
		} else if n, ok := s.counts[k]; ok {
			path[i].idx = n - 1
		}
		s.loc.add(path, line)
	}
	return path
}

// keyval scans key = value under prefix.
func (s *scan) keyval(prefix []seg) bool {
	line := s.line
	parts, ok := s.key()
	if !ok {
		return false
	}
	s.blank(false)
	if s.eof() || s.peek() != '=' {
		return false
	}
	s.skip(1)
	path := prefix
	for _, p := range parts {
		path = concat(path, seg{p, -1})
		s.loc.add(path, line)
	}
	s.loc.setKind(path, s.value(path))
	return true
}

// key scans a dotted key of bare and quoted parts.
func (s *scan) key() ([]string, bool) {
	var parts []string
	for {
		s.blank(false)
		p, ok := s.keyPart()
		if !ok {
			return nil, false
		}
		parts = append(parts, p)
		s.blank(false)
		if s.eof() || s.peek() != '.' {
			return parts, true
		}
		s.skip(1)
	}
}

func (s *scan) keyPart() (string, bool) {
	if s.eof() {
		return "", false
	}
	switch s.peek() {
	case '"':
		return s.basic()
	case '\'':
		return s.literal()
	}
	start := s.pos
	for !s.eof() && isBare(s.peek()) {
		s.pos++
	}
	return s.src[start:s.pos], s.pos > start
}

func isBare(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// basic scans a one-line "…" string and returns its value.
func (s *scan) basic() (string, bool) {
	s.skip(1)
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		switch {
		case c == '"':
			s.skip(1)
			return b.String(), true
		case c == '\n':
			return "", false
		case c == '\\':
			s.escape(&b)
		default:
			r, n := utf8.DecodeRuneInString(s.src[s.pos:])
			b.WriteRune(r)
			s.skip(n)
		}
	}
	return "", false
}

var (
	simpleEscapes = map[byte]string{'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r", 'e': "\x1b", '"': `"`, '\\': `\`}
	hexEscapes    = map[byte]int{'u': 4, 'U': 8, 'x': 2}
)

// escape decodes one backslash escape of a basic string into b.
func (s *scan) escape(b *strings.Builder) {
	s.skip(1)
	if s.eof() {
		return
	}
	c := s.peek()
	s.skip(1)
	if v, ok := simpleEscapes[c]; ok {
		b.WriteString(v)
		return
	}
	n := hexEscapes[c]
	if n == 0 || s.pos+n > len(s.src) {
		return
	}
	if r, err := strconv.ParseUint(s.src[s.pos:s.pos+n], 16, 32); err == nil {
		b.WriteRune(rune(r))
	}
	s.skip(n)
}

// literal scans a one-line '…' string and returns its value.
func (s *scan) literal() (string, bool) {
	s.skip(1)
	end := strings.IndexAny(s.src[s.pos:], "'\n")
	if end < 0 || s.src[s.pos+end] != '\'' {
		return "", false
	}
	v := s.src[s.pos : s.pos+end]
	s.skip(end + 1)
	return v, true
}
