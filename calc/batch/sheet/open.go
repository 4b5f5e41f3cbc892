package sheet

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// IsXLSX reports whether path names an .xlsx workbook (by its extension).
func IsXLSX(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }

// Open opens the register at path: an .xlsx workbook by its extension,
// CSV otherwise; "" or "-" reads CSV from stdin.
func Open(path string, stdin io.Reader) (Reader, error) {
	if path == "" || path == "-" {
		return NewCSVReader(stdin, 0), nil
	}
	if IsXLSX(path) {
		return OpenXLSX(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var size int64
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	c := NewCSVReader(f, size)
	c.close = f
	return c, nil
}

// Output is a sheet written to a file: into a temporary file beside it,
// which Close renames to its path, so that the path holds either what was
// there before or the complete new sheet, never a part.
type Output struct {
	w    Writer
	f    *os.File
	path string
}

// Create returns an Output for path: an .xlsx workbook by its
// extension, CSV (see CSVWriter) otherwise.
func Create(path string) (*Output, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	o := &Output{f: f, path: path}
	if !IsXLSX(path) {
		o.w = NewCSVWriter(f)
		return o, nil
	}
	if o.w, err = NewXLSXWriter(f); err != nil {
		o.Abort()
		return nil, err
	}
	return o, nil
}

// Write writes one row.
func (o *Output) Write(cells []Cell) error { return o.w.Write(cells) }

// Close finishes the sheet and puts it in place.
func (o *Output) Close() error {
	err := o.w.Close()
	if err == nil {
		err = o.f.Sync()
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(o.f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(o.f.Name(), o.path)
	}
	if err != nil {
		os.Remove(o.f.Name())
	}
	return err
}

// Abort removes the temporary file; the path is left as it was.
func (o *Output) Abort() {
	o.f.Close()
	os.Remove(o.f.Name())
}
