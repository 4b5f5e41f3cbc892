package rules

import (
	"strconv"
	"strings"
)

// Kind is what a benefit grants: cash, a service, or a standard (a
// non-cash figure such as a floor area).
type Kind uint8

// The kinds of benefit; KindUnset when none is written.
const (
	KindUnset Kind = iota
	KindCash
	KindService
	KindStandard
)

// Period is how often a cash benefit is paid.
type Period uint8

// The periods; PeriodUnset when none is written.
const (
	PeriodUnset Period = iota
	PeriodOnce
	PeriodMonth
	PeriodYear
)

// Level is who sets a standard: the city, or the province (a provincial
// standard the plan builds on).
type Level uint8

// The levels; LevelUnset when none is written.
const (
	LevelUnset Level = iota
	LevelCity
	LevelProvince
)

// The names content writes for each value, indexed by the value; the
// unset value's name is "".
var (
	kindNames   = []string{"", "cash", "service", "standard"}
	periodNames = []string{"", "once", "month", "year"}
	levelNames  = []string{"", "city", "province"}
)

// String returns the name content writes: "cash".
func (k Kind) String() string { return enumName(k, kindNames) }

// String returns the name content writes: "month".
func (p Period) String() string { return enumName(p, periodNames) }

// String returns the name content writes: "city".
func (l Level) String() string { return enumName(l, levelNames) }

// Words names the period for residents: "每月"; "" when unset.
func (p Period) Words() string { return enumName(p, periodWords[:]) }

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// MarshalText writes the period's name.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// MarshalText writes the level's name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a kind's name; the error, in Chinese, lists the
// names allowed.
func (k *Kind) UnmarshalText(b []byte) error { return parseEnum(k, string(b), kindNames) }

// UnmarshalText reads a period's name.
func (p *Period) UnmarshalText(b []byte) error { return parseEnum(p, string(b), periodNames) }

// UnmarshalText reads a level's name.
func (l *Level) UnmarshalText(b []byte) error { return parseEnum(l, string(b), levelNames) }

// Kinds, Periods and Levels list the names content may write.
func Kinds() []string { return kindNames[1:] }

// Periods lists the periods' names.
func Periods() []string { return periodNames[1:] }

// Levels lists the levels' names.
func Levels() []string { return levelNames[1:] }

func enumName[E ~uint8](e E, names []string) string {
	if int(e) < len(names) {
		return names[e]
	}
	return "?" + strconv.Itoa(int(e))
}

// EnumError is a name that is not one of an enum's values.
type EnumError struct {
	Value   string
	Allowed []string
}

func (e *EnumError) Error() string {
	return strconv.Quote(e.Value) + " 不是可选的值，可选：" + strings.Join(e.Allowed, "、")
}

// parseEnum sets *e to the value named name. A name that is not one of
// names[1:] is an *EnumError, and leaves *e unchanged.
func parseEnum[E ~uint8](e *E, name string, names []string) error {
	for i, n := range names[1:] {
		if name == n {
			*e = E(i + 1)
			return nil
		}
	}
	return &EnumError{Value: name, Allowed: names[1:]}
}
