package calc

import (
	"encoding/csv"

	"errors"
	"fmt"
	"github.com/shopspring/decimal"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header of RunCSV's output.
var CSVHeader = []string{"line", "id", "date", "once", "month", "year", "clauses", "benefits", "services"}

// idColumn is the optional input column copied to the output.
const idColumn = "id"

// RunCSV answers a register of households. r is CSV whose first row
// names the columns: fact names (see FactNames) in any order, plus an
// optional "id" copied to the output. Each later row is one household; an
// empty cell leaves the fact out; yes/no facts take true/false, 1/0,
// yes/no or 是/否; children takes the short form, one stage per child
// separated by ";", with "+admitted" for a child admitted to college
// ("primary;senior+admitted").
//
// RunCSV writes CSVHeader, one row per household (the input line, id,
// date used, the totals, the clauses granting cash, the cash benefit ids
// one per grant, the service benefit ids, lists separated by ";"), and a
// final row "total" summing once, month and year. A row with errors is
// left out; the errors, each "line N: " wrapping a *FieldError, are
// returned joined.
func RunCSV(r io.Reader, w io.Writer, p *Params, today string) error {
	if !validDate(today) {
		return csvFieldErr("today", "%q 不是日期 YYYY-MM-DD", clip(today))
	}
	if p == nil {
		return fieldErr("params", "missing")
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return fmt.Errorf("line 1: %w", fieldErr("$", "缺少标题行（列名）"))
	}
	if err != nil {
		return csvErr(err)
	}
	cols, err := csvColumns(header)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	var errs []error
	var total csvTotals
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvErr(err))
			if errors.Is(err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := cr.FieldPos(0)
		row, err := csvRow(cols, rec, p, today, &total)
		if err != nil {
			for _, e := range flattenErr(err) {
				errs = append(errs, fmt.Errorf("line %d: %w", line, e))
			}
			continue
		}
		cw.Write(append([]string{strconv.Itoa(line)}, row...))
	}
	cw.Write([]string{"total", "", "", total[0].StringFixed(2), total[1].StringFixed(2), total[2].StringFixed(2), "", "", ""})
	cw.Flush()
	if err := cw.Error(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// csvErr turns a reader error into a line error.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d: %w", pe.Line, csvFieldErr("$", "CSV 格式错误：%v", pe.Err))
	}
	return err
}

// csvColumns resolves the header: a fact name per column, "" for "id".
func csvColumns(header []string) ([]string, error) {
	cols := make([]string, len(header))
	seen := map[string]bool{}
	var errs []error
	for i, h := range header {
		h = strings.TrimSpace(h)
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // a byte-order mark from a spreadsheet
		}
		name := h
		if name == "" {
			name = fmt.Sprintf("(第%d列)", i+1)
		}
		if seen[h] {
			errs = append(errs, fmt.Errorf("line 1: %w", fieldErr(name, "列名重复")))
		}
		seen[h] = true
		if h == idColumn {
			continue
		}
		if _, ok := LookupField(h); !ok {
			errs = append(errs, fmt.Errorf("line 1: %w", csvFieldErr(name, "未知列（可用列：id、%s）", strings.Join(FactNames(), "、"))))
		}
		cols[i] = h
	}
	return cols, errors.Join(errs...)
}

// csvRow evaluates one household and returns its output cells after the line.
func csvRow(cols []string, rec []string, p *Params, today string, total *csvTotals) ([]string, error) {
	id := ""
	for i, col := range cols {
		if col == "" {
			id = strings.TrimSpace(rec[i])
		}
	}
	f, err := ParseFactsText(func(name string) (string, bool) {
		for i, col := range cols {
			if col == name {
				return rec[i], true
			}
		}
		return "", false
	})
	if err != nil {
		return nil, err
	}
	if f.Date == "" {
		f.Date = today
	}
	res, err := EvaluateBrief(f, p)
	if err != nil {
		return nil, err
	}
	var benefits, services []string
	for _, e := range res.Entitlements {
		if e.Kind == "cash" {
			benefits = append(benefits, e.Benefit)
		} else {
			services = append(services, e.Benefit)
		}
	}
	for i, period := range []string{"once", "month", "year"} {
		total[i] = total[i].Add(res.Totals.Sum(period))
	}
	return []string{id, res.Date, res.Totals.Once, res.Totals.Month, res.Totals.Year,
		strings.Join(res.CashClauses(), ";"), strings.Join(benefits, ";"), strings.Join(services, ";")}, nil
}

// flattenErr returns the errors joined in err, one level deep.
func flattenErr(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// csvTotals sums the once, month and year totals of a register.
type csvTotals [3]decimal.Decimal

func csvFieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Helpers of RunCSV, until calc/batch takes it.
func fieldErr(field, msg string) *FieldError { return &FieldError{Field: field, Msg: msg} }

func validDate(s string) bool {
	_, err := ParseFacts([]byte(`{"hukou":"rural","family":"none","date":` + strconv.Quote(s) + `}`))
	return err == nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
