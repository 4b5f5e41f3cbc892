// Package jsonstream reads households written as JSON one at a time: a
// lone object, or the elements of an array, each within limits of size
// and nesting, so that input of any size (or no JSON at all, such as
// /dev/zero) takes bounded memory and fails fast with a message.
//
// It only finds where each value begins and ends; the values themselves
// are parsed by their reader (rules.ParseFacts), which reports what is
// wrong inside them.
package jsonstream

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"gyportal/calc/rules"
)

// Limits of one household's JSON: calc's, applied before a household is
// read whole.
const (
	MaxBytes = rules.MaxFactsBytes // bytes of one household
	MaxDepth = rules.MaxDepth      // nesting of objects and arrays within it
)

// Error is a problem of the JSON stream; reading stops there. Index is
// the household's index in the array (-1 for a lone object or the stream
// as a whole), Offset the bytes before the one at which it was found.
type Error struct {
	Index  int
	Offset int64
	Msg    string
}

// Error returns "[i]: msg（第 N 字节）" or "$: msg（第 N 字节）".
func (e *Error) Error() string {
	at := "$"
	if e.Index >= 0 {
		at = fmt.Sprintf("[%d]", e.Index)
	}
	return fmt.Sprintf("%s: %s（第 %d 字节）", at, e.Msg, e.Offset+1)
}

// Reader reads households from JSON.
type Reader struct {
	br    *bufio.Reader
	off   int64 // bytes read
	array bool
	state int // 0 start, 1 in the array, 2 done
	index int
	buf   []byte
	err   error // returned once the state is done: io.EOF or what ended the input
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), index: -1, err: io.EOF}
}

// Array reports whether the input is an array (known after the first
// call of Next).
func (r *Reader) Array() bool { return r.array }

// Next returns the next household's JSON and its index in the array (-1
// for a lone object), valid until the next call; io.EOF after the last.
// Any other error is an *Error.
func (r *Reader) Next() ([]byte, int, error) {
	switch r.state {
	case 0:
		return r.start()
	case 1:
		return r.element()
	}
	err := r.err
	r.err = io.EOF
	return nil, 0, err
}

// start reads up to the first value: an object, or an array's '['.
func (r *Reader) start() ([]byte, int, error) {
	if bom, _ := r.br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
		r.br.Discard(3)
		r.off += 3
	}
	c, err := r.skipSpace()
	switch {
	case err == io.EOF:
		return nil, 0, r.fail("没有输入：应为一户的 JSON 对象，或多户的 JSON 数组")
	case err != nil:
		return nil, 0, err
	case c == '[':
		r.br.ReadByte()
		r.off++
		r.array, r.state = true, 1
		return r.element()
	case c == '{':
		r.state = 2
		v, err := r.value(false)
		return v, -1, err
	case c == 0xFF || c == 0xFE:
		return nil, 0, r.fail("JSON 请用 UTF-8 编码（这像是 UTF-16）")
	case binary(c):
		return nil, 0, r.fail("不是 JSON：含有二进制数据（是否选错了文件？）")
	}
	return nil, 0, r.fail("应为一户的 JSON 对象 {…}，或多户的 JSON 数组 […]")
}

// element reads the next element of the array, and the ',' or ']' after it.
func (r *Reader) element() ([]byte, int, error) {
	c, err := r.skipSpace()
	if err != nil {
		return nil, 0, r.eof(err)
	}
	if c == ']' && r.index < 0 {
		r.br.ReadByte()
		r.end()
		return r.Next()
	}
	r.index++
	v, err := r.value(true)
	if err != nil {
		return nil, 0, err
	}
	if len(v) == 0 {
		return nil, 0, r.fail("数组中缺少元素（多余的逗号？）")
	}
	sep, _ := r.br.ReadByte() // ',' or ']': value stopped before it
	r.off++
	if sep == ']' {
		r.end()
	}
	return v, r.index, nil
}

// end ends the array, and the input: nothing but spaces may follow.
func (r *Reader) end() {
	r.state = 2
	if _, err := r.skipSpace(); err != io.EOF {
		r.err = err
		if err == nil {
			r.index = -1
			r.err = r.fail("JSON 数组之后还有多余的内容")
		}
	}
}

// value reads one value into r.buf: in an array up to the ',' or ']'
// that ends it (left unread), else to the end of the input.
func (r *Reader) value(inArray bool) ([]byte, error) {
	r.buf = r.buf[:0]
	depth, inStr, esc := 0, false, false
	for {
		c, err := r.br.ReadByte()
		if err == io.EOF && !inArray {
			return bytes.TrimSpace(r.buf), nil
		}
		if err != nil {
			return nil, r.eof(err)
		}
		if !inStr && inArray && depth == 0 && (c == ',' || c == ']') {
			r.br.UnreadByte()
			return bytes.TrimSpace(r.buf), nil
		}
		if binary(c) {
			return nil, r.fail("不是 JSON：含有二进制数据或控制字符")
		}
		r.off++
		if r.buf = append(r.buf, c); len(r.buf) > MaxBytes {
			return nil, r.fail(fmt.Sprintf("一户的 JSON 超过 %d KB", MaxBytes>>10))
		}
		switch {
		case inStr:
			inStr, esc = (esc || c != '"'), !esc && c == '\\'
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			if depth++; depth > MaxDepth {
				return nil, r.fail(fmt.Sprintf("JSON 嵌套超过 %d 层", MaxDepth))
			}
		case c == '}' || c == ']':
			depth--
		}
	}
}

// skipSpace skips white space and returns the next byte, unread.
func (r *Reader) skipSpace() (byte, error) {
	for {
		c, err := r.br.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			r.br.UnreadByte()
			return c, nil
		}
		r.off++
	}
}

// eof is the error of input that ends, or fails, inside the array.
func (r *Reader) eof(err error) error {
	if err == io.EOF {
		return r.fail("JSON 数组不完整（缺少 ]）")
	}
	return err
}

func (r *Reader) fail(msg string) error {
	r.state = 2
	return &Error{Index: r.index, Offset: r.off, Msg: msg}
}

// binary reports whether c cannot occur in JSON text: a control
// character other than the white space JSON allows.
func binary(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
}
