package model

import "strings"

// value steps over the value of the key at path, recording the elements
// of arrays (path[i]) and the keys of inline tables. It returns the
// value's TOML type as the decoder names it ("string", "int64", …).
func (s *scan) value(path []seg) string {
	s.blank(false)
	if s.eof() || s.depth >= maxDepth {
		s.toEOL()
		return ""
	}
	switch {
	case s.has(`"""`), s.has(`'''`):
		s.multiline(s.src[s.pos : s.pos+3])
	case s.peek() == '"':
		s.basic()
	case s.peek() == '\'':
		s.literal()
	case s.peek() == '[':
		s.nested(func() { s.array(path) })
		return "[]any"
	case s.peek() == '{':
		s.nested(func() { s.inline(path) })
		return "map[string]any"
	default: // number, boolean, date: up to a delimiter
		end := strings.IndexAny(s.src[s.pos:], ",]}\n\r#")
		if end < 0 {
			end = len(s.src) - s.pos
		}
		v := strings.TrimSpace(s.src[s.pos : s.pos+end])
		s.skip(end)
		return bareType(v)
	}
	return "string"
}

// bareType names the type of an unquoted TOML value as the decoder does.
func bareType(v string) string {
	switch {
	case v == "true" || v == "false":
		return "bool"
	case strings.ContainsAny(v, ":") || strings.Count(v, "-") >= 2 && !strings.HasPrefix(v, "-"):
		return "time.Time"
	case strings.HasPrefix(v, "0x") || strings.HasPrefix(v, "0o") || strings.HasPrefix(v, "0b"):
		return "int64"
	case strings.ContainsAny(v, ".eE") || strings.HasSuffix(v, "inf") || strings.HasSuffix(v, "nan"):
		return "float64"
	}
	return "int64"
}

func (s *scan) nested(f func()) {
	s.depth++
	f()
	s.depth--
}

// multiline steps over a triple-quoted string (basic or literal); up to
// two quote marks before the closing three belong to the string.
func (s *scan) multiline(q string) {
	s.skip(3)
	for !s.eof() {
		switch {
		case q == `"""` && s.peek() == '\\':
			s.skip(2)
		case s.has(q):
			s.skip(3)
			for i := 0; i < 2 && !s.eof() && s.peek() == q[0]; i++ {
				s.skip(1)
			}
			return
		default:
			s.skip(1)
		}
	}
}

// array steps over [v, v, …], recording path[i] at each element's line.
func (s *scan) array(path []seg) {
	s.skip(1)
	for i := 0; ; i++ {
		s.blank(true)
		if s.eof() || s.peek() == ']' {
			s.skip(1)
			return
		}
		el := concat(path[:len(path)-1], seg{path[len(path)-1].name, i})
		s.loc.add(el, s.line)
		start := s.pos
		s.value(el)
		s.blank(true)
		if !s.eof() && s.peek() == ',' {
			s.skip(1)
		} else if s.pos == start || s.eof() || s.peek() != ']' {
			s.toEOL() // not an array the scanner understands
			return
		}
	}
}

// inline steps over {k = v, …}, recording its keys under path.
func (s *scan) inline(path []seg) {
	s.skip(1)
	for {
		s.blank(true)
		if s.eof() || s.peek() == '}' {
			s.skip(1)
			return
		}
		if !s.keyval(path) {
			s.toEOL()
			return
		}
		s.blank(true)
		if !s.eof() && s.peek() == ',' {
			s.skip(1)
		}
	}
}
