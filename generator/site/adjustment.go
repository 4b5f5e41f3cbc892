package site

import (
	"gyportal/calc"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// AdjustmentStatus is what the page of clause 3.1 shows: the rule, the
// series, and the adjustments it has triggered (computed by calc, the
// same code that applies them).
type AdjustmentStatus struct {
	Rule   model.Adjustment
	Raises []calc.Raise
}

func (b *builder) adjustmentStatus() (*AdjustmentStatus, error) {
	p, err := params.FromPlan(b.plan)
	if err != nil {
		return nil, err
	}
	return &AdjustmentStatus{Rule: b.plan.Adjustment, Raises: p.Adjustment.Triggered()}, nil
}
