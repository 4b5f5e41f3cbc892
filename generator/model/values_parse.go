package model

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

var decimalRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parse validates the raw value: a string holding a plain decimal. The
// message suggests the string staff meant where it can ("2万" → "20000").
func (d *Dec) parse() error {
	if !d.Set {
		return nil
	}
	s, ok := d.raw.(string)
	if !ok {
		if n := numberText(d.raw); n != "" {
			return fmt.Errorf("数字要加引号，请写成 %q", n)
		}
		return fmt.Errorf("这里应写加引号的数字，如 \"20000\"，写成了%s", typeOf(d.raw))
	}
	if !decimalRE.MatchString(s) {
		return errors.New(decimalHint(s))
	}
	d.Decimal = decimal.RequireFromString(s)
	return nil
}

// numberText writes a TOML integer or float as the decimal string it
// should have been, or "".
func numberText(v any) string {
	switch n := v.(type) {
	case int64:
		return strconv.FormatInt(n, 10)
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return ""
}

var digitsFold = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5",
	"６", "6", "７", "7", "８", "8", "９", "9", "．", ".", "％", "%", "元", "", ",", "", "，", "", " ", "")

// decimalHint says that s is not a decimal and how to write it.
func decimalHint(s string) string {
	t := digitsFold.Replace(strings.TrimSpace(s))
	switch {
	case strings.HasSuffix(t, "%") && decimalRE.MatchString(t[:len(t)-1]):
		r := decimal.RequireFromString(t[:len(t)-1]).Shift(-2)
		return fmt.Sprintf("%q 不是数字，比例请写成小数 %q", s, r.StringFixed(max(2, -r.Exponent())))
	case strings.HasSuffix(t, "万") && decimalRE.MatchString(strings.TrimSuffix(t, "万")):
		v := decimal.RequireFromString(strings.TrimSuffix(t, "万")).Mul(decimal.NewFromInt(10000))
		return fmt.Sprintf("%q 不是数字，金额请写成 %q", s, v.String())
	case t != s && decimalRE.MatchString(t):
		return fmt.Sprintf("%q 不是数字，金额请写成 %q", s, t)
	}
	return fmt.Sprintf("%q 不是数字，金额请写成 \"20000\" 这样的数字（可带小数，如 \"0.50\"）", s)
}

// parse validates the raw value: a string "YYYY-MM-DD" (or an unquoted
// TOML date).
func (d *Date) parse() error {
	if !d.Set {
		return nil
	}
	if t, ok := d.raw.(time.Time); ok { // an unquoted TOML date
		d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		return nil
	}
	s, ok := d.raw.(string)
	if !ok {
		return fmt.Errorf("日期要加引号写成 \"2013-06-09\" 这样，写成了%s", typeOf(d.raw))
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return errors.New(dateHint(s))
	}
	d.Time = t
	return nil
}

// dateLayouts are ways staff may write a date that are not YYYY-MM-DD.
var dateLayouts = []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "20060102"}

// dateHint says that s is not a date YYYY-MM-DD, suggesting the date it
// seems to mean.
func dateHint(s string) string {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return fmt.Sprintf("%q 的写法不对，请写成 %q", s, t.Format(time.DateOnly))
		}
	}
	return fmt.Sprintf("%q 不是日期，请写成 \"2013-06-09\" 这样的年-月-日", s)
}

// typeOf names the TOML type of a decoded value in staff's words.
func typeOf(v any) string {
	switch v.(type) {
	case int64:
		return "整数"
	case float64:
		return "小数"
	case bool:
		return "true 或 false"
	case time.Time:
		return "日期时间"
	case string:
		return "文字"
	case []any, []map[string]any:
		return "列表"
	case map[string]any:
		return "表"
	}
	return fmt.Sprintf("%T", v)
}
