package batch

import (
	"fmt"
	"slices"
	"strings"

	"gyportal/calc"
	"gyportal/calc/batch/sheet"
)

// IDColumn is the optional input column copied to the output, e.g. a
// register number or the head of household's name.
const IDColumn = "id"

// columns are the input columns: a fact name, IDColumn, or "" for a
// column without a header (whose cells must stay empty).
type columns struct {
	names []string
	row   int // the header's row
}

// readHeader resolves the header row.
func readHeader(row sheet.Row) (*columns, []error) {
	c := &columns{names: make([]string, len(row.Cells)), row: row.Num}
	facts := calc.FactNames()
	var errs []error
	for i, h := range row.Cells {
		h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
		switch {
		case h == "":
			continue
		case slices.Contains(c.names, h):
			errs = append(errs, &sheet.RowError{Row: row.Num, Col: h, Msg: "列名重复"})
		case h != IDColumn && !slices.Contains(facts, h):
			errs = append(errs, &sheet.RowError{Row: row.Num, Col: h,
				Msg: fmt.Sprintf("未知列（可用列：%s、%s）", IDColumn, strings.Join(facts, "、"))})
		}
		c.names[i] = h
	}
	return c, errs
}

// cells gathers a row's cells by column name into m (cleared first) and
// returns the id; a non-empty cell in a column without a name is an error.
func (c *columns) cells(row sheet.Row, xlsx bool, m map[string]string) (string, error) {
	clear(m)
	id := ""
	for i, cell := range row.Cells {
		name := ""
		if i < len(c.names) {
			name = c.names[i]
		}
		switch {
		case name == IDColumn:
			id = strings.Trim(cell, " \u3000")
		case name == "" && strings.TrimSpace(cell) != "":
			return "", &sheet.RowError{Row: row.Num, Msg: fmt.Sprintf("第 %d 列有内容，但标题行（第 %d 行）中这一列没有列名", i+1, c.row)}
		case name == "":
		case xlsx:
			m[name] = xlsxCell(name, strings.TrimSpace(cell))
		default:
			m[name] = cell
		}
	}
	return id, nil
}

// xlsxCell reads a workbook's raw cell as its reader means it: a date
// cell's serial number as the date, a stored double as Excel shows it.
func xlsxCell(name, cell string) string {
	if name == "date" {
		if d, ok := sheet.ExcelDate(cell); ok {
			return d
		}
		return cell
	}
	return sheet.ExcelNumber(cell)
}
