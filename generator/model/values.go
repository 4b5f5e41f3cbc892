package model

import (
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

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if !d.Set {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MakeDate returns a set Date for t (tests and generated content).
func MakeDate(t time.Time) Date { return Date{Time: t, Set: true} }
