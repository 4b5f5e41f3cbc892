package calc

import (
	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
)

// Result is the calculator's answer for one household. Its JSON is, byte
// for byte, the answer Run writes.
type Result struct {
	Date         string        `json:"date"`             // the evaluation date used
	Notice       string        `json:"notice,omitempty"` // why nothing is granted, before the plan's effective date
	Complete     bool          `json:"complete"`         // false when Pending is not empty: the totals are then a minimum
	Entitlements []Entitlement `json:"entitlements"`     // in clause order
	Pending      []Pending     `json:"pending"`          // benefits that need a fact the household left out
	Totals       Totals        `json:"totals"`           // cash amounts known, summed per period
	NotGranted   []NotGranted  `json:"not_granted"`      // benefits one change of circumstances could grant, and what it is
}

// Entitlement is one benefit granted to the household (or to one child).
type Entitlement struct {
	Clause      string `json:"clause"`            // "3.2.12"
	Department  string `json:"department"`        // responsible department(s)
	Title       string `json:"title"`             // the benefit's name
	Kind        string `json:"kind"`              // cash | service
	Amount      string `json:"amount,omitempty"`  // cash: yuan, two places
	Period      string `json:"period,omitempty"`  // cash: once | month | year
	Minimum     *bool  `json:"minimum,omitempty"` // cash: the plan says 不低于/不少于/以上
	Level       string `json:"level,omitempty"`   // cash: city, or province for a provincial standard the plan builds on
	Child       *int   `json:"child,omitempty"`   // index in children, for a benefit per child
	Benefit     string `json:"benefit"`           // benefit id
	ClauseTitle string `json:"clause_title"`      // the clause's title
	Explanation string `json:"explanation"`       // conditions met and arithmetic, in Chinese

	// Yuan is the cash amount (zero for a service).
	Yuan decimal.Decimal `json:"-"`
}

// Pending is a benefit the household may get but whose conditions or
// amount depend on facts it left out (see rules.Pending).
type Pending = rules.Pending

// NotGranted is a benefit one change of circumstances could grant (see
// rules.NotGranted).
type NotGranted = rules.NotGranted

// Totals are the known cash amounts summed per period, in yuan with two
// places. When the answer is not complete they are a minimum.
type Totals struct {
	Once  string `json:"once"`
	Month string `json:"month"`
	Year  string `json:"year"`

	t rules.Totals
}

// Sum returns the cash total for a period (once, month or year).
func (t *Totals) Sum(period string) decimal.Decimal { return decimal.New(t.t.Fen(period), -2) }

// result converts the rules' result, giving amounts as decimals.
func result(r *rules.Result) *Result {
	out := &Result{Date: r.Date, Notice: r.Notice, Complete: r.Complete, Pending: r.Pending, NotGranted: r.NotGranted,
		Entitlements: make([]Entitlement, len(r.Entitlements)),
		Totals:       Totals{Once: r.Totals.Once, Month: r.Totals.Month, Year: r.Totals.Year, t: r.Totals}}
	for i, e := range r.Entitlements {
		out.Entitlements[i] = Entitlement{Clause: e.Clause, Department: e.Department, Title: e.Title, Kind: e.Kind,
			Amount: e.Amount, Period: e.Period, Minimum: e.Minimum, Level: e.Level, Child: e.Child, Benefit: e.Benefit,
			ClauseTitle: e.ClauseTitle, Explanation: e.Explanation, Yuan: decimal.New(e.Fen, -2)}
	}
	return out
}
