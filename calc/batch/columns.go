package batch

import (
	"fmt"
	"slices"
	"strings"

	"gyportal/calc/batch/sheet"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
)

// IDColumn is the optional input column copied to the output, e.g. a
// register number or the head of household's name.
const IDColumn = "id"

// columns are the input columns: a fact name, IDColumn, or "" for a
// column without a header (whose cells must stay empty).
type columns struct {
	names []string
	index map[string]int // column of each fact given, and of IDColumn
	row   int            // the header's row
}

// readHeader resolves the header row. A column is named by a fact's name
// ("members") or its Chinese label ("家庭人口"), or is IDColumn.
func readHeader(row sheet.Row) (*columns, errlist.List) {
	c := &columns{names: make([]string, len(row.Cells)), index: map[string]int{}, row: row.Num}
	var errs errlist.List
	for i, h := range row.Cells {
		h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
		name := factName(h)
		switch {
		case h == "":
			continue
		case name == "":
			errs = append(errs, &errlist.Error{Line: row.Num, Row: true, Key: h,
				Msg: fmt.Sprintf("未知列（可用列：%s、%s）", IDColumn, strings.Join(rules.FactNames(), "、"))})
		case slices.Contains(c.names, name):
			errs = append(errs, &errlist.Error{Line: row.Num, Row: true, Key: colName(name), Msg: "列名重复"})
		}
		c.names[i] = name
		c.index[name] = i
	}
	return c, errs
}

// factName returns the fact a header names (or IDColumn), "" if none.
func factName(h string) string {
	if h == IDColumn {
		return h
	}
	if _, ok := rules.LookupField(h); ok {
		return h
	}
	for _, f := range rules.Fields() {
		if h == f.Label {
			return f.Name
		}
	}
	return ""
}

// colName names a field in a message: "members（家庭人口）",
// "children[1].stage（子女）".
func colName(field string) string {
	name, _, _ := strings.Cut(field, "[")
	if f, ok := rules.LookupField(name); ok && f.Label != "" {
		return field + "（" + f.Label + "）"
	}
	return field
}

// check returns the error of a non-empty cell in a column without a name.
func (c *columns) check(row sheet.Row) error {
	for i, cell := range row.Cells {
		if (i >= len(c.names) || c.names[i] == "") && strings.TrimSpace(cell) != "" {
			return &errlist.Error{Line: row.Num, Row: true, Msg: fmt.Sprintf("第 %d 列有内容，但标题行（第 %d 行）中这一列没有列名", i+1, c.row)}
		}
	}
	return nil
}

// id returns the row's IDColumn cell, without surrounding spaces.
func (c *columns) id(row sheet.Row) string {
	if i, ok := c.index[IDColumn]; ok && i < len(row.Cells) {
		return strings.Trim(row.Cells[i], " \u3000")
	}
	return ""
}

// facts reads the row's household through calc's door for text cells; a
// workbook's raw cells are read as their reader means them (xlsxCell).
func (c *columns) facts(row sheet.Row, xlsx bool) (*rules.Facts, error) {
	return rules.ParseFactsText(func(name string) (string, bool) {
		i, ok := c.index[name]
		if !ok || i >= len(row.Cells) {
			return "", false
		}
		if xlsx {
			return xlsxCell(name, strings.TrimSpace(row.Cells[i])), true
		}
		return row.Cells[i], true
	})
}

// xlsxCell reads a workbook's raw cell as its reader means it: a date
// cell's serial number as the date, a stored double as Excel shows it.
func xlsxCell(name, cell string) string {
	f, _ := rules.LookupField(name)
	switch f.Kind {
	case rules.DateField:
		if d, ok := sheet.ExcelDate(cell); ok {
			return d
		}
	case rules.IntField, rules.AmountField:
		return sheet.ExcelNumber(cell)
	}
	return cell
}
