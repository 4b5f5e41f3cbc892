package sheet

import (
	"fmt"
	"io"
	"strings"
)

// Row is one row of a sheet: its number as Excel shows it (the first row
// is 1) and its cells, left to right (trailing empty cells may be absent).
type Row struct {
	Num   int
	Cells []string
}

// A Reader yields a sheet's rows in order, skipping rows whose cells are
// all empty; io.EOF after the last. A *RowError is a problem of that
// row alone (the next call reads on) unless its Stop is set; any other
// error is a problem of the whole file, which ends it. A row's Cells are
// the caller's to keep (rows are answered while later ones are read).
type Reader interface {
	Next() (Row, error)
	// Format is the file's format: "CSV" with its encoding, or "xlsx".
	Format() string
	// Progress returns the share of the input read so far, 0 to 1, or a
	// negative number when it is not known.
	Progress() float64
	Close() error
}

// RowError is a problem of one row of a sheet, and of one column when
// Col is set. Its text is what staff read: "第 17 行，字段 members：…".
// Stop marks the problem that ended the reading of the sheet.
type RowError struct {
	Row  int
	Col  string // the column (its header and, where known, its Chinese name)
	Msg  string // the problem; Err's text when empty
	Err  error  // the cause, if any
	Stop bool
}

// Error returns "第 N 行：msg" or "第 N 行，字段 col：msg", followed by
// "；之后的行未读取" when the reading stopped there.
func (e *RowError) Error() string {
	msg := e.Msg
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Col != "" {
		msg = fmt.Sprintf("第 %d 行，字段 %s：%s", e.Row, e.Col, msg)
	} else {
		msg = fmt.Sprintf("第 %d 行：%s", e.Row, msg)
	}
	if e.Stop {
		msg += "；之后的行未读取"
	}
	return msg
}

// Unwrap returns the cause.
func (e *RowError) Unwrap() error { return e.Err }

// empty reports whether every cell is empty or spaces.
func empty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
