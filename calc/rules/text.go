package rules

import "unicode/utf8"

// A piece is a text of the answer known before any household is read
// (a benefit's name, a condition's words), kept both plain and escaped
// for a JSON string, so that writing an answer only copies bytes.
type piece struct {
	s string // plain
	j string // JSON-escaped, without the quotes
}

// mk makes a piece of s.
func mk(s string) piece { return piece{s, string(appendEscaped(nil, s))} }

// tw writes the text of an answer: plainly for a Result, escaped for the
// answer's JSON. Figures (digits, '.', '-') need no escaping.
type tw struct {
	b    []byte
	json bool
}

// p writes a piece.
func (w *tw) p(x piece) {
	if w.json {
		w.b = append(w.b, x.j...)
	} else {
		w.b = append(w.b, x.s...)
	}
}

// s writes a string that is not a piece (a text of the content read at
// compile time, or of an error), escaping it when needed.
func (w *tw) s(s string) {
	if w.json {
		w.b = appendEscaped(w.b, s)
	} else {
		w.b = append(w.b, s...)
	}
}

// raw writes bytes that need no escaping in either form (JSON syntax,
// figures, escaped pieces).
func (w *tw) raw(s string) { w.b = append(w.b, s...) }

// take returns what was written since mark as a string and rewinds.
func (w *tw) take(mark int) string {
	s := string(w.b[mark:])
	w.b = w.b[:mark]
	return s
}

const hexDigits = "0123456789abcdef"

// appendEscaped appends s escaped for a JSON string exactly as
// encoding/json escapes it (HTML-safe: <, > and & as \u003c …, U+2028
// and U+2029 escaped, invalid UTF-8 as \ufffd), so that answers written
// here and by encoding/json are byte-identical.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// joinOr joins alternatives: "甲", "甲或乙", "甲、乙或丙".
func joinOr(names []string) string {
	out := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			out += "或"
		default:
			out += "、"
		}
		out += n
	}
	return out
}
