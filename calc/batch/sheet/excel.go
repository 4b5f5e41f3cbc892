package sheet

import (
	"strconv"
	"strings"
	"time"
)

// excelEpoch is day 0 of Excel's serial dates (in the 1900 date system,
// counting from 1 March 1900, after Excel's phantom 29 February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ExcelDate returns the date YYYY-MM-DD of an .xlsx date cell read raw
// (its serial number, "41640" for 2014-01-01), and whether s was one.
func ExcelDate(s string) (string, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 61 || n > 2958465 { // 1900-03-01 … 9999-12-31
		return "", false
	}
	return excelEpoch.AddDate(0, 0, n).Format(time.DateOnly), true
}

// ExcelNumber returns the number of an .xlsx number cell read raw as
// Excel shows it: a stored double such as "4999.9899999999998" or
// "1.2E+5" rounded to Excel's 15 significant digits and written plainly
// ("4999.99", "120000"). Other text is returned as it is.
func ExcelNumber(s string) string {
	if !strings.ContainsAny(s, "eE") && significant(s) <= 15 {
		return s
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// significant counts the digits of s after its leading zeros.
func significant(s string) int {
	n, lead := 0, true
	for _, c := range s {
		switch {
		case c == '0' && lead:
		case c >= '1' && c <= '9', c == '0':
			n, lead = n+1, false
		}
	}
	return n
}
