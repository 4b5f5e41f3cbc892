package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Result is the calculator's answer for one household.
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
	Minimum     *bool  `json:"minimum,omitempty"` // cash: the plan says 不低于/不少于
	Level       string `json:"level,omitempty"`   // cash: city, or province for a provincial standard the plan builds on
	Child       *int   `json:"child,omitempty"`   // index in children, for a benefit per child
	Benefit     string `json:"benefit"`           // benefit id
	ClauseTitle string `json:"clause_title"`      // the clause's title
	Explanation string `json:"explanation"`       // conditions met and arithmetic, in Chinese

	// Yuan is the cash amount (zero for a service).
	Yuan decimal.Decimal `json:"-"`
}

// Totals are the cash amounts summed per period, in yuan with two places.
type Totals struct {
	Once  string `json:"once"`
	Month string `json:"month"`
	Year  string `json:"year"`

	once, month, year decimal.Decimal
}

// Pending is a benefit the household may get but whose conditions or
// amount depend on facts it left out: Needs names them (fact names), and
// Explanation gives the formula in words and figures and what to find
// out, citing the clause.
type Pending struct {
	Clause      string   `json:"clause"`
	Department  string   `json:"department"`
	Title       string   `json:"title"`
	Benefit     string   `json:"benefit"`
	Needs       []string `json:"needs"`
	Explanation string   `json:"explanation"`
}

// NotGranted is a cash benefit the household does not get, with the
// conditions it does not meet (joined by "；").
type NotGranted struct {
	Clause     string `json:"clause"`
	Department string `json:"department"`
	Title      string `json:"title"`
	Benefit    string `json:"benefit"`
	Condition  string `json:"condition"`
}

func newResult(date string) *Result {
	return &Result{Date: date, Complete: true, Entitlements: make([]Entitlement, 0, 16), Pending: []Pending{},
		NotGranted: make([]NotGranted, 0, 8)}
}

// grant records the benefit of rule r (of clause c), whose conditions cs all hold,
// for child (or the household when child < 0).
func (res *Result) grant(h *hh, r *rule, c *ClauseInfo, cs []cond, child int) error {
	s := h.std
	e := Entitlement{Clause: s.Clause, Department: c.Department, Title: s.Name, Kind: "service",
		Benefit: r.id, ClauseTitle: c.Title}
	if child >= 0 {
		e.Child = &child
	}
	var body string
	switch {
	case r.how >= fixed:
		a, arith, err := r.how.amount(h)
		if err != nil {
			return err
		}
		minimum := s.Minimum
		e.Kind, e.Yuan, e.Amount, e.Period, e.Minimum, e.Level = "cash", a, a.StringFixed(2), s.Period, &minimum, s.Level
		res.Totals.add(s.Period, a)
		body = arith
	case r.how == quantity:
		body = s.Name + perWords[s.For] + minWord(s) + s.show(h.qty)
	case h.brief:
	case s.Note != "":
		body = s.Note
	default:
		body = s.Name
	}
	if !h.brief {
		e.Explanation = explanation(h, s, cs, body)
	}
	res.Entitlements = append(res.Entitlements, e)
	return nil
}

// explanation shows the conditions met, then body (the arithmetic or the
// service), how the standard in force was reached, and who pays.
func explanation(h *hh, s *Standard, cs []cond, body string) string {
	var b strings.Builder
	if head := mets(cs); head != "" {
		b.WriteString(head + "：")
	}
	b.WriteString(strings.TrimSuffix(body, "。"))
	if _, how := s.valueOn(h.date, h.p.Effective, h.raises, true); how != "" {
		b.WriteString("（" + how + "）")
	}
	b.WriteString("。")
	if s.Level == "province" {
		b.WriteString("这是省定标准，本方案在此基础上增发市级待遇。")
	}
	if s.Payer != "" {
		b.WriteString("所需资金由" + strings.TrimSuffix(s.Payer, "。") + "。")
	}
	return b.String()
}

func (t *Totals) add(period string, a decimal.Decimal) {
	switch period {
	case "once":
		t.once = t.once.Add(a)
	case "month":
		t.month = t.month.Add(a)
	case "year":
		t.year = t.year.Add(a)
	}
}

// finish writes the sums as strings.
func (t *Totals) finish() {
	t.Once, t.Month, t.Year = t.once.StringFixed(2), t.month.StringFixed(2), t.year.StringFixed(2)
}

// Sum returns the cash total for a period (once, month or year).
func (t *Totals) Sum(period string) decimal.Decimal {
	switch period {
	case "once":
		return t.once
	case "month":
		return t.month
	case "year":
		return t.year
	}
	return decimal.Zero
}
