// Package errlist is the one list of positioned errors of the project,
// in the manner of go/scanner.ErrorList: content errors, the
// calculator's parameters, the staff's calculator test cases and the
// rows of a register all report through it, file:line: key: message
// first, every problem at once.
package errlist

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one error, positioned at a file and line, naming the key path
// or field it concerns (for example "benefits[2].amount").
type Error struct {
	File string // path as staff name it, e.g. "content/measures/3.2.12.toml"
	Line int    // 1-based; 0 when unknown
	Key  string // key path, or a spreadsheet's column; empty for file-level errors
	Msg  string
	Row  bool  // Line is a spreadsheet's row, numbered as Excel shows it
	Err  error // the cause, if any, for errors.Is and errors.As; Msg says it in words
}

// Error prints file:line: key: message, or for a spreadsheet's row
// "file: 第 N 行，字段 key：message" (the file left out when empty);
// characters that could make the message read differently from what it
// says (controls, bidirectional overrides) are shown as \u escapes.
func (e *Error) Error() string {
	if e.Row {
		return Visible(e.rowText())
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return Visible(b.String())
}

// rowText is the text of an error of a spreadsheet's row, as staff
// read it next to the sheet open in Excel.
func (e *Error) rowText() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	fmt.Fprintf(&b, "第 %d 行", e.Line)
	if e.Key != "" {
		b.WriteString("，字段 " + e.Key)
	}
	b.WriteString("：" + e.Msg)
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// List collects errors and reports them all at once, sorted by position.
type List []*Error

// Add appends an error.
func (l *List) Add(file string, line int, key, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line and key.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Key < b.Key
	})
}

// Err returns nil for an empty list, else the sorted list itself.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error prints one error per line.
func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors of the list, so that errors.As finds them.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Split returns the errors err holds, one level deep: those of a List or
// of errors.Join, or err itself; nil for nil.
func Split(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Bad reports whether r must not appear in text staff or residents
// read: C0 and C1 control characters (but tab and newline), DEL, and the
// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which can make text read differently from what it
// says.
func Bad(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Visible replaces the characters Bad rejects by their \u escapes.
func Visible(s string) string {
	if strings.IndexFunc(s, Bad) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if Bad(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
