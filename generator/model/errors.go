package model

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one content error, positioned at a file and line, naming the
// key path it concerns (for example "benefits[2].amount").
type Error struct {
	File string // path as given to the loader, e.g. "content/measures/3.2.12.toml"
	Line int    // 1-based; 0 when unknown
	Key  string // key path; empty for file-level errors
	Msg  string
}

func (e *Error) Error() string {
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
	return visible(b.String())
}

// ErrorList collects content errors; like go/scanner.ErrorList it sorts
// them by position and reports them all at once.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(file string, line int, key, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line and key.
func (l ErrorList) Sort() {
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
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error prints one error per line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}
