package rules

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader is a small JSON reader over bytes, enough for a household and
// the parameters: it reads values in place, without reflection and
// without building maps, so that the browser's calculator need not link
// encoding/json. The first syntax error stops it; err then describes it.
type jsonReader struct {
	data    []byte
	pos     int
	depth   int
	scratch []byte // unescaped string contents, reused
	err     *FieldError
}

// maxDepth is the deepest nesting of arrays and objects accepted.
const maxDepth = 10

// fail records a syntax error at the current position and returns false.
func (r *jsonReader) fail(msg string) bool {
	if r.err == nil {
		if r.pos >= len(r.data) {
			msg = "内容不完整"
		}
		r.err = fieldErr("$", "不是有效的 JSON：第 ", strconv.Itoa(r.pos+1), " 字节附近：", msg)
	}
	return false
}

// peek skips white space and returns the next byte, 0 at the end.
func (r *jsonReader) peek() byte {
	for r.pos < len(r.data) && isSpace(r.data[r.pos]) {
		r.pos++
	}
	if r.pos >= len(r.data) {
		return 0
	}
	return r.data[r.pos]
}

// end reports whether only white space is left.
func (r *jsonReader) end() bool { return r.peek() == 0 }

// expect consumes byte c after white space.
func (r *jsonReader) expect(c byte) bool {
	if r.peek() != c {
		return r.fail("应为 " + strconv.QuoteRune(rune(c)))
	}
	r.pos++
	return true
}

// object reads an object, calling each for every key with the reader
// positioned at the value; each must consume the value. The key's bytes
// are valid only until the next string is read.
func (r *jsonReader) object(each func(key []byte) bool) bool {
	if !r.expect('{') || !r.enter() {
		return false
	}
	if r.peek() == '}' {
		r.pos++
		r.depth--
		return true
	}
	for {
		if r.peek() != '"' {
			return r.fail("应为字段名（带引号的字符串）")
		}
		key, ok := r.str()
		if !ok || !r.expect(':') || !each(key) {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			r.depth--
			return true
		default:
			return r.fail("应为 \",\" 或 \"}\"")
		}
	}
}

// array reads an array, calling each for every element with the reader
// positioned at it; each must consume it.
func (r *jsonReader) array(each func(i int) bool) bool {
	if !r.expect('[') || !r.enter() {
		return false
	}
	if r.peek() == ']' {
		r.pos++
		r.depth--
		return true
	}
	for i := 0; ; i++ {
		if !each(i) {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			r.depth--
			return true
		default:
			return r.fail("应为 \",\" 或 \"]\"")
		}
	}
}

func (r *jsonReader) enter() bool {
	if r.depth++; r.depth > maxDepth {
		return r.fail("嵌套超过 " + strconv.Itoa(maxDepth) + " 层")
	}
	return true
}

// skip reads and discards any value.
func (r *jsonReader) skip() bool {
	switch r.peek() {
	case '{':
		return r.object(func([]byte) bool { return r.skip() })
	case '[':
		return r.array(func(int) bool { return r.skip() })
	}
	_, ok := r.scalar()
	return ok
}

// scalar reads a string, number, true, false or null. A list or an object
// is skipped and returned as rawOther, so that the caller can say what
// it expected.
func (r *jsonReader) scalar() (raw[[]byte], bool) {
	switch c := r.peek(); {
	case c == '"':
		s, ok := r.str()
		return raw[[]byte]{kind: rawString, s: s}, ok
	case c == '-' || c >= '0' && c <= '9':
		s, ok := r.number()
		return raw[[]byte]{kind: rawNumber, s: s}, ok
	case c == 't':
		return raw[[]byte]{kind: rawBool, b: true}, r.word("true")
	case c == 'f':
		return raw[[]byte]{kind: rawBool}, r.word("false")
	case c == 'n':
		return raw[[]byte]{kind: rawNull}, r.word("null")
	case c == '[':
		return raw[[]byte]{kind: rawOther, what: "列表"}, r.skip()
	case c == '{':
		return raw[[]byte]{kind: rawOther, what: "对象"}, r.skip()
	}
	return raw[[]byte]{}, r.fail("不是 JSON 值")
}

func (r *jsonReader) word(w string) bool {
	if len(r.data)-r.pos < len(w) || string(r.data[r.pos:r.pos+len(w)]) != w {
		return r.fail("不是 JSON 值")
	}
	r.pos += len(w)
	return true
}

// number reads a JSON number and returns its text.
func (r *jsonReader) number() ([]byte, bool) {
	start := r.pos
	d := r.data
	i := r.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		r.pos = i
		return nil, r.fail("数字格式不对")
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			r.pos = i
			return nil, r.fail("数字格式不对")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			r.pos = i
			return nil, r.fail("数字格式不对")
		}
	}
	r.pos = i
	return d[start:i], true
}

// str reads a string and returns its contents: a slice of the input when
// it has no escapes, else of the reader's scratch buffer.
func (r *jsonReader) str() ([]byte, bool) {
	d := r.data
	r.pos++ // the opening quote
	start := r.pos
	for i := start; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			r.pos = i + 1
			return d[start:i], true
		case c == '\\':
			return r.unescape(start, i)
		case c < 0x20:
			r.pos = i
			return nil, r.fail("字符串里有控制字符")
		}
	}
	r.pos = len(d)
	return nil, r.fail("字符串没有结束")
}

// unescape reads the rest of a string with escapes into the scratch
// buffer, as encoding/json decodes it (invalid surrogates become U+FFFD).
func (r *jsonReader) unescape(start, i int) ([]byte, bool) {
	d := r.data
	b := append(r.scratch[:0], d[start:i]...)
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			r.pos, r.scratch = i+1, b
			return b, true
		case c < 0x20:
			r.pos = i
			return nil, r.fail("字符串里有控制字符")
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(d) {
			break
		}
		switch e := d[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			ru, n := r.hexRune(i)
			if n == 0 {
				return nil, false
			}
			b = utf8.AppendRune(b, ru)
			i += n
			continue
		default:
			r.pos = i
			return nil, r.fail("字符串里的转义不对")
		}
		i += 2
	}
	r.pos = len(d)
	return nil, r.fail("字符串没有结束")
}

// hexRune decodes \uXXXX at i (and a following low surrogate) and returns
// the rune and the bytes consumed, 0 on a syntax error.
func (r *jsonReader) hexRune(i int) (rune, int) {
	hex := func(at int) rune {
		if at+6 > len(r.data) || r.data[at] != '\\' || r.data[at+1] != 'u' {
			return -1
		}
		n, err := strconv.ParseUint(string(r.data[at+2:at+6]), 16, 16)
		if err != nil {
			return -1
		}
		return rune(n)
	}
	ru := hex(i)
	if ru < 0 {
		r.pos = i
		r.fail("字符串里的 \\u 转义不对")
		return 0, 0
	}
	if utf16.IsSurrogate(ru) {
		if lo := hex(i + 6); lo >= 0 {
			if dec := utf16.DecodeRune(ru, lo); dec != utf8.RuneError {
				return dec, 12
			}
		}
		return utf8.RuneError, 6
	}
	return ru, 6
}
