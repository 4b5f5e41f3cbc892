package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxRecord is the most bytes one CSV row may take (a little more is
// read ahead): a longer one is not a household, or has an unclosed quote.
const MaxRecord = 64 << 10

// ErrLongRow is the error of a CSV row longer than MaxRecord.
var ErrLongRow = errors.New("一行超过 64 KB：这不是本平台的登记表，或某个引号（\"）没有闭合")

// CSVReader reads CSV text in any encoding Decoder recognises, separated
// by commas, or by tabs when the first line has tabs and no comma (Excel's
// "Unicode text"). Rows are numbered as Excel numbers them: a blank line
// is a row, a cell with line breaks does not add rows.
type CSVReader struct {
	raw   *counter
	size  int64
	dec   *Decoder
	lim   *limiter
	cr    *csv.Reader
	row   int // the Excel row of the last record read
	end   int // the text line on which it ended
	close io.Closer
}

// NewCSVReader returns a reader of r, whose size in bytes is size (0 when
// not known; it is used only for Progress).
func NewCSVReader(r io.Reader, size int64) *CSVReader {
	c := &CSVReader{raw: &counter{r: r}, size: size}
	c.dec = NewDecoder(c.raw)
	c.lim = &limiter{r: c.dec}
	br := bufio.NewReaderSize(c.lim, 4096) // csv.Reader reads through it, not ahead of it
	c.cr = csv.NewReader(br)
	c.cr.FieldsPerRecord = -1
	if head, _ := br.Peek(4096); tabSeparated(head) {
		c.cr.Comma = '\t'
	}
	return c
}

// tabSeparated reports whether the first line has tabs and no comma.
func tabSeparated(head []byte) bool {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	return bytes.IndexByte(head, '\t') >= 0 && bytes.IndexByte(head, ',') < 0
}

// Format returns "CSV" and the encoding (as known so far).
func (c *CSVReader) Format() string { return "CSV（" + string(c.dec.Encoding()) + "）" }

// Progress returns the share of the file read, when its size is known.
func (c *CSVReader) Progress() float64 {
	if c.size <= 0 {
		return -1
	}
	return min(1, float64(c.raw.n)/float64(c.size))
}

// Close closes the file the reader was opened on, if any.
func (c *CSVReader) Close() error {
	if c.close != nil {
		return c.close.Close()
	}
	return nil
}

// Next returns the next row that has a non-empty cell.
func (c *CSVReader) Next() (Row, error) {
	for {
		c.lim.n = 0
		rec, err := c.cr.Read()
		if err != nil {
			return Row{}, c.readErr(err)
		}
		row := c.advance(rec)
		if empty(rec) {
			continue
		}
		return row, badText(row)
	}
}

// advance numbers the record just read.
func (c *CSVReader) advance(rec []string) Row {
	start, _ := c.cr.FieldPos(0)
	last, _ := c.cr.FieldPos(len(rec) - 1)
	c.row += start - c.end
	c.end = last + strings.Count(rec[len(rec)-1], "\n")
	return Row{Num: c.row, Cells: rec}
}

// readErr turns the CSV reader's error into the error of a row.
func (c *CSVReader) readErr(err error) error {
	var pe *csv.ParseError
	if err == io.EOF || (c.row == 0 && !errors.As(err, &pe)) {
		return err // the end, or a problem of the whole file
	}
	if !errors.As(err, &pe) {
		return stopError(c.row+1, err.Error(), err)
	}
	row := c.row + pe.StartLine - c.end
	msg := "CSV 格式错误"
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = "CSV 格式错误：引号（\"）不配对"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = "CSV 格式错误：未加引号的单元格里有引号（\"），请把整个单元格用引号括起，其中的引号写两次"
	}
	return stopError(row, msg, pe)
}

// badText returns a row error when a cell is not valid text in the
// file's encoding.
func badText(row Row) error {
	for i, cell := range row.Cells {
		if !validText(cell) {
			return rowError(row.Num, fmt.Sprintf("第 %d 列有无法识别的字符（文件中混有不同的编码？）", i+1))
		}
	}
	return nil
}

// validText reports whether s is UTF-8 without U+FFFD, the character
// that decoders put in place of bytes invalid in the file's encoding.
func validText(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// limiter fails with ErrLongRow when more than MaxRecord bytes (plus the
// CSV reader's read-ahead) are read since n was last set to 0.
type limiter struct {
	r io.Reader
	n int
}

func (l *limiter) Read(p []byte) (int, error) {
	if l.n > MaxRecord+4096 {
		return 0, ErrLongRow
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}
