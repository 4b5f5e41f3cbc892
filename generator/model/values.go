package model

import (
	"fmt"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// Dec is a decimal written in TOML as a string ("20000", "0.50"). It
// keeps the raw TOML value so that the validator, not the TOML decoder,
// reports a bad one with its file, line and key.
type Dec struct {
	decimal.Decimal
	Set bool // the key was present
	raw any
}

// UnmarshalTOML records the raw value; Dec.parse checks it.
func (d *Dec) UnmarshalTOML(v any) error {
	d.raw, d.Set = v, true
	return nil
}

var decimalRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parse validates the raw value: a string holding a plain decimal.
func (d *Dec) parse() error {
	if !d.Set {
		return nil
	}
	s, ok := d.raw.(string)
	if !ok {
		return fmt.Errorf("must be a decimal written as a string, e.g. \"20000\" (got %s %v)", tomlType(d.raw), d.raw)
	}
	if !decimalRE.MatchString(s) {
		return fmt.Errorf("%q is not a decimal", s)
	}
	d.Decimal = decimal.RequireFromString(s)
	return nil
}

// Date is a calendar date written in TOML as a string "YYYY-MM-DD".
type Date struct {
	time.Time
	Set bool
	raw any
}

// UnmarshalTOML records the raw value; Date.parse checks it.
func (d *Date) UnmarshalTOML(v any) error {
	d.raw, d.Set = v, true
	return nil
}

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
		return fmt.Errorf("must be a date \"YYYY-MM-DD\" (got %s)", tomlType(d.raw))
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("%q is not a date YYYY-MM-DD", s)
	}
	d.Time = t
	return nil
}

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if !d.Set {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MakeDate returns a set Date for t (tests and generated content).
func MakeDate(t time.Time) Date { return Date{Time: t, Set: true} }

func tomlType(v any) string {
	switch v.(type) {
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		return "datetime"
	case string:
		return "string"
	}
	return fmt.Sprintf("%T", v)
}
