package site

import (
	"gyportal/calc"
	"gyportal/generator/model"
)

// AdjustmentStatus is what the page of clause 3.1 shows: the rule, the
// series, and the adjustments it has triggered (computed by calc, the
// same code that applies them).
type AdjustmentStatus struct {
	Rule   model.Adjustment
	Raises []calc.Raise
}
