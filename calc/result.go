package calc

import (
	"github.com/shopspring/decimal"
)

// Yuan returns an amount in fen as a decimal of yuan.
func Yuan(fen int64) decimal.Decimal { return decimal.New(fen, -2) }
