package sheet

import (
	"errors"
	"io"
	"strings"

	"gyportal/calc/errlist"
)

// Row is one row of a sheet: its number as Excel shows it (the first row
// is 1) and its cells, left to right (trailing empty cells may be absent).
type Row struct {
	Num   int
	Cells []string
}

// A Reader yields a sheet's rows in order, skipping rows whose cells are
// all empty; io.EOF after the last. An *errlist.Error is a problem of that
// row alone (the next call reads on) unless it wraps ErrStop; any other
// error is a problem of the whole file, which ends it. A row's error has
// no File: the caller names the sheet. A row's Cells are
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

// ErrStop is the cause of the row error that ended the reading of a
// sheet: the rows after it were not read.
var ErrStop = errors.New("之后的行未读取")

// rowError is a problem of one row alone, the reading going on.
func rowError(row int, msg string) *errlist.Error {
	return &errlist.Error{Line: row, Msg: msg, Row: true}
}

// stopError is the problem of a row that ends the reading of the sheet;
// it wraps ErrStop and cause (which may be nil).
func stopError(row int, msg string, cause error) *errlist.Error {
	return &errlist.Error{Line: row, Msg: msg + "；" + ErrStop.Error(), Row: true, Err: errors.Join(ErrStop, cause)}
}

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
