// Package rules is the body of the calculator for 筑委厅字〔2013〕89号:
// the household vocabulary (Fields) and its parsers, the closed
// vocabulary of conditions and formulas the content's rules are composed
// of (vocabulary.go), the standards and rules in exact fixed units
// (Standards, read from the parameters' JSON), and the one-pass answer
// writer. It holds no plan: the rules and their readings are content. It imports no decimal, JSON, regexp, fmt or time package, so
// that the browser's calculator (calc/wasm) stays small; package calc
// wraps it with the decimal-typed parameters and results the rest of the
// project uses.
//
// The package is pure: its functions depend only on their arguments, it
// reads no files and no clock, and money never goes through float64.
package rules
