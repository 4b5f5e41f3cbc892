package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
	"unicode/utf8"
)

// Cell is one cell to write: text, or a number written as decimal text.
type Cell struct {
	Text   string
	Number bool
}

// A Writer writes a sheet row by row; Close finishes it.
type Writer interface {
	Write(cells []Cell) error
	Close() error
}

// CSVWriter writes UTF-8 CSV with a byte-order mark (so that Excel reads
// it as UTF-8 and shows Chinese), every text cell neutralised.
type CSVWriter struct {
	cw  *csv.Writer
	rec []string
}

// NewCSVWriter returns a writer to w; it writes the byte-order mark at once.
func NewCSVWriter(w io.Writer) *CSVWriter {
	bw := bufio.NewWriterSize(w, 64<<10) // csv.Writer writes through it
	bw.Write(bomUTF8)
	return &CSVWriter{cw: csv.NewWriter(bw)}
}

// Write writes one row.
func (c *CSVWriter) Write(cells []Cell) error {
	c.rec = c.rec[:0]
	for _, cell := range cells {
		if cell.Number {
			c.rec = append(c.rec, cell.Text)
		} else {
			c.rec = append(c.rec, Neutralize(cell.Text))
		}
	}
	return c.cw.Write(c.rec)
}

// Close flushes the rows written.
func (c *CSVWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// Neutralize returns s so that no spreadsheet reads it as a formula:
// when its first character other than spaces is one that starts a
// formula (= + - @, a tab or carriage return, or their full-width and
// small forms ＝＋－＠ ﹦﹢﹣﹫), it is prefixed with an apostrophe, as
// Excel itself marks text. Nothing is stripped, so "\t=1+1" becomes
// "'\t=1+1", never "=1+1".
func Neutralize(s string) string {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \u3000"))
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫':
		return "'" + s
	}
	return s
}
