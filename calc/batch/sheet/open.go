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

// File is a file written in place: into a temporary file beside its
// path, which Commit renames to the path, so that the path holds either
// what was there before or the complete new file, never a part.
type File struct {
	*os.File
	path string
}

// CreateFile returns a File for path.
func CreateFile(path string) (*File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &File{File: f, path: path}, nil
}

// Commit puts the file written in place.
func (f *File) Commit() error {
	err := f.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Abort removes the temporary file; the path is left as it was.
func (f *File) Abort() {
	f.File.Close()
	os.Remove(f.Name())
}

// Output is a sheet written to a File.
type Output struct {
	w Writer
	f *File
}

// Create returns an Output for path: an .xlsx workbook by its
// extension, CSV (see CSVWriter) otherwise.
func Create(path string) (*Output, error) {
	f, err := CreateFile(path)
	if err != nil {
		return nil, err
	}
	o := &Output{f: f}
	if !IsXLSX(path) {
		o.w = NewCSVWriter(f)
		return o, nil
	}
	if o.w, err = NewXLSXWriter(f); err != nil {
		f.Abort()
		return nil, err
	}
	return o, nil
}

// Write writes one row.
func (o *Output) Write(cells []Cell) error { return o.w.Write(cells) }

// Close finishes the sheet and puts it in place.
func (o *Output) Close() error {
	if err := o.w.Close(); err != nil {
		o.f.Abort()
		return err
	}
	return o.f.Commit()
}

// Abort removes the temporary file; the path is left as it was.
func (o *Output) Abort() { o.f.Abort() }
