package site

import (
	"github.com/shopspring/decimal"

	"gyportal/generator/model"
)

// The view values below are what the build's calculator step works out
// with the rules of calc/ and hands to the renderer, so that this
// package never imports the calculator.

// Calculator is the calculator step's part of an Input.
type Calculator struct {
	Page       CalculatorPage    // the calculator page's .Extra
	Adjustment *AdjustmentStatus // the page of clause 3.1's .Extra
}

// CalculatorPage is the calculator page's .Extra: the form's choices and
// the table of typical households for readers without JavaScript.
type CalculatorPage struct {
	Children []ChildRow
	Stages   []Option
	Date     string    // the date the examples are worked out for, YYYY-MM-DD
	Examples []Example // typical households and what the rules grant them
}

// ChildRow is one child's fieldset of the form.
type ChildRow struct {
	Index int    // 0-based, data-child
	N     int    // 1-based, in ids and names
	Name  string // 第一个孩子
}

// Option is one choice of a select element.
type Option struct{ Value, Label string }

// Example is one typical household and what the rules grant it.
type Example struct {
	Name     string
	Query    string // the calculator's query string for it
	Cash     []ExampleItem
	Services int      // entitlements that are services, not money
	Totals   []string // "一次性：20,000元" for each period with money
}

// ExampleItem is one cash entitlement of an Example.
type ExampleItem struct{ Title, Figure, Clause string }

// AdjustmentStatus is what the page of clause 3.1 shows: the rule, the
// series, and the adjustments it has triggered (computed by calc, the
// same code that applies them).
type AdjustmentStatus struct {
	Rule   model.Adjustment
	Raises []Raise
}

// Raise is one adjustment the series triggered.
type Raise struct {
	From     string          // YYYY-MM-DD, 1 January of the year after Year
	Year     int             // the year whose expenditure reached the threshold
	BaseYear int             // the base it is measured against
	Yuan     decimal.Decimal // expenditure of Year
	BaseYuan decimal.Decimal // expenditure of BaseYear
	Growth   decimal.Decimal // Yuan/BaseYuan − 1
}
