package calc

import (
	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
)

// Result is the calculator's answer for one household (see rules.Result).
// Its JSON is, byte for byte, the answer Run writes.
type Result = rules.Result

// Entitlement is one benefit granted to the household (or to one child);
// its cash amount is Fen, in fen (see Yuan).
type Entitlement = rules.Entitlement

// Pending is a benefit the household may get but whose conditions or
// amount depend on facts it left out (see rules.Pending).
type Pending = rules.Pending

// NotGranted is a benefit one change of circumstances could grant (see
// rules.NotGranted).
type NotGranted = rules.NotGranted

// Totals are the known cash amounts summed per period, in yuan with two
// places (Fen gives one in fen). When the answer is not complete they
// are a minimum.
type Totals = rules.Totals

// Yuan returns an amount in fen as a decimal of yuan.
func Yuan(fen int64) decimal.Decimal { return decimal.New(fen, -2) }
