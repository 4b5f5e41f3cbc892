// Package rules is the body of the calculator for 筑委厅字〔2013〕89号:
// the household vocabulary (Fields) and its parsers, the plan's rules one
// clause per file (clause_<id>.go) next to the clause's words, the
// standards in exact fixed units (Standards), and the one-pass answer
// writer. It imports no decimal, JSON, regexp, fmt or time package, so
// that the browser's calculator (calc/wasm) stays small; package calc
// wraps it with the decimal-typed parameters and results the rest of the
// project uses.
//
// The package is pure: its functions depend only on their arguments, it
// reads no files and no clock, and money never goes through float64.
package rules
