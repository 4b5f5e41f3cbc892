package sheet

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxUnzip bounds the uncompressed size of an .xlsx read (Excel's
// 1,048,576 rows of a register take well under it). Parts above
// excelize's UnzipXMLSizeLimit go to temporary files, not memory.
const maxUnzip = 4 << 30

// XLSXReader reads the first sheet of an .xlsx workbook, streaming its
// rows. Cells are read raw: a number as its stored value (not as its
// display format shows it), a date as its serial number, TRUE/FALSE as
// 1/0; a formula as its last computed value.
type XLSXReader struct {
	f    *excelize.File
	rows *excelize.Rows
	num  int
}

// OpenXLSX opens the workbook at path.
func OpenXLSX(path string) (*XLSXReader, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzip})
	if err != nil {
		return nil, xlsxErr(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, errors.New("工作簿中没有工作表")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, xlsxErr(err)
	}
	return &XLSXReader{f: f, rows: rows}, nil
}

// xlsxErr explains why a workbook cannot be opened.
func xlsxErr(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword),
		err.Error() == "zip: not a valid zip file":
		return errors.New("不是有效的 .xlsx 文件（加密的工作簿请先取消密码；.xls 请在 Excel 中另存为 .xlsx）")
	case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit):
		return fmt.Errorf("解压后超过 %d GB，不予读取", maxUnzip>>30)
	}
	return fmt.Errorf("无法读取：%w", err)
}

// Format returns "xlsx".
func (x *XLSXReader) Format() string { return "xlsx" }

// Progress is not known for a workbook.
func (x *XLSXReader) Progress() float64 { return -1 }

// Next returns the next row that has a non-empty cell.
func (x *XLSXReader) Next() (Row, error) {
	for x.rows.Next() {
		x.num++
		cells, err := x.rows.Columns()
		if err != nil {
			return Row{}, stopError(x.num, err.Error(), err)
		}
		if !empty(cells) {
			return Row{Num: x.num, Cells: cells}, nil
		}
	}
	if err := x.rows.Error(); err != nil {
		return Row{}, stopError(x.num+1, err.Error(), err)
	}
	return Row{}, io.EOF
}

// Close closes the workbook and removes its temporary files.
func (x *XLSXReader) Close() error {
	x.rows.Close()
	return x.f.Close()
}

// XLSXWriter writes one sheet of an .xlsx workbook, streaming its rows
// to a temporary file; Close writes the workbook.
type XLSXWriter struct {
	w     io.Writer
	f     *excelize.File
	sw    *excelize.StreamWriter
	row   int
	num   int // style of number cells: two decimal places
	head  int // style of the first row: bold
	cells []any
}

// sheetName is the name of the sheet XLSXWriter writes.
const sheetName = "计算结果"

// NewXLSXWriter returns a writer of a workbook that Close writes to w.
func NewXLSXWriter(w io.Writer) (*XLSXWriter, error) {
	f := excelize.NewFile()
	x := &XLSXWriter{w: w, f: f}
	err := f.SetSheetName("Sheet1", sheetName)
	if err == nil {
		x.num, err = f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	}
	if err == nil {
		x.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	}
	if err == nil {
		x.sw, err = f.NewStreamWriter(sheetName)
	}
	if err == nil {
		err = x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return x, nil
}

// Write writes one row: text cells neutralised (see Neutralize), number
// cells as numbers, shown with two decimal places when their text has
// decimals. The first row is bold
// and stays in view when scrolling.
func (x *XLSXWriter) Write(cells []Cell) error {
	x.row++
	x.cells = x.cells[:0]
	for _, c := range cells {
		x.cells = append(x.cells, x.value(c))
	}
	ref, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return err
	}
	return x.sw.SetRow(ref, x.cells)
}

// value is the stream writer's value of a cell.
func (x *XLSXWriter) value(c Cell) any {
	if x.row == 1 {
		return excelize.Cell{StyleID: x.head, Value: Neutralize(c.Text)}
	}
	if c.Number && c.Text != "" {
		// An Excel number is an IEEE double: the decimal's nearest, whose
		// shortest text is the decimal again for amounts below 10^13.
		v, err := strconv.ParseFloat(c.Text, 64)
		switch {
		case err != nil:
		case strings.Contains(c.Text, "."):
			return excelize.Cell{StyleID: x.num, Value: v}
		default:
			return v
		}
	}
	return Neutralize(c.Text)
}

// Close finishes the sheet and writes the workbook.
func (x *XLSXWriter) Close() error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return err
	}
	// excelize's WriteTo builds the whole zip in memory; a zip writer on
	// x.w instead streams it (the buffer WriteToBuffer returns stays empty).
	zw := zip.NewWriter(x.w)
	x.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	_, err := x.f.WriteToBuffer()
	return err
}
