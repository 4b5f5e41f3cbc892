package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// raise is one 3.1 dynamic adjustment: from 1 January of year+1 every
// adjustable standard is multiplied by 1 + growth, where growth =
// yuan/baseYuan − 1 (居民家庭年人均生活消费支出 in year against the base
// year).
type raise struct {
	from           string // YYYY-01-01
	year, baseYear int
	yuan, baseYuan decimal.Decimal
}

var one = decimal.NewFromInt(1)

// raises returns the adjustments the series triggers, in date order. The
// base starts at BaseYear; for each later year Y, when E(Y)/E(base) − 1 ≥
// Threshold (compared exactly as E(Y) ≥ E(base) × (1 + Threshold)), the
// standards rise from Y+1-01-01 and Y becomes the base.
func (a *Adjustment) raises() []raise {
	var out []raise
	var base *Expenditure
	for i := range a.Expenditure {
		e := &a.Expenditure[i]
		switch {
		case base == nil:
			if e.Year == a.BaseYear {
				base = e
			}
		case e.Year > base.Year && e.Yuan.Cmp(base.Yuan.Mul(one.Add(a.Threshold))) >= 0:
			out = append(out, raise{
				from: fmt.Sprintf("%04d-01-01", e.Year+1),
				year: e.Year, baseYear: base.Year,
				yuan: e.Yuan, baseYuan: base.Yuan,
			})
			base = e
		}
	}
	return out
}

// apply multiplies v by 1 + growth, rounded to the fen half away from
// zero: v × yuan ÷ baseYuan, divided exactly and then rounded.
func (r raise) apply(v decimal.Decimal) decimal.Decimal {
	return v.Mul(r.yuan).DivRound(r.baseYuan, 2)
}

// explain describes the adjustment of v to nv.
func (r raise) explain(v, nv decimal.Decimal) string {
	growth := r.yuan.Sub(r.baseYuan).Mul(decimal.NewFromInt(100)).DivRound(r.baseYuan, 2)
	return fmt.Sprintf("%s起按第3.1条动态调整：%d年居民家庭年人均生活消费支出%s元，比%d年的%s元累计增长%s%%，%s × %s ÷ %s = %s元",
		r.from, r.year, num(r.yuan), r.baseYear, num(r.baseYuan), num(growth), num(v), num(r.yuan), num(r.baseYuan), money(nv))
}

// quantity returns the benefit's own figure: its amount, or its rate.
func (s *Standard) quantity() decimal.Decimal {
	switch {
	case s.Amount != nil:
		return *s.Amount
	case s.Rate != nil:
		return *s.Rate
	}
	return decimal.Zero
}

// show formats a value of the benefit's quantity: "8000元", "20%".
func (s *Standard) show(v decimal.Decimal) string {
	if s.Amount == nil && s.Rate != nil {
		return pct(v)
	}
	return num(v) + s.Unit
}

// valueOn returns the benefit's quantity on date: the latest change with
// from ≤ date, else the plan's figure (in force from effective); then,
// for an adjustable standard, multiplied by every 3.1 raise in force after
// that and on or before date. With explain set it also says, in Chinese,
// how the value was reached when it is not the plan's own figure.
func (s *Standard) valueOn(date, effective string, raises []raise, explain bool) (decimal.Decimal, string) {
	v, since := s.quantity(), effective
	var steps []string
	var ch *Change
	for i := range s.Changes {
		c := &s.Changes[i]
		if c.From <= date && (ch == nil || c.From > ch.From) {
			ch = c
		}
	}
	if ch != nil {
		v, since = ch.Amount, ch.From
		if explain {
			step := fmt.Sprintf("%s起的标准为%s", ch.From, s.show(v))
			if ch.Note != "" {
				step += "（" + ch.Note + "）"
			}
			steps = append(steps, step)
		}
	}
	if s.Adjustable {
		for _, r := range raises {
			if r.from > since && r.from <= date {
				nv := r.apply(v)
				if explain {
					steps = append(steps, r.explain(v, nv))
				}
				v = nv
			}
		}
	}
	if len(steps) == 0 {
		return v, ""
	}
	return v, "方案标准" + s.show(s.quantity()) + "；" + strings.Join(steps, "；")
}

// num formats a decimal without trailing zeros: "12000", "4999.99".
func num(d decimal.Decimal) string { return d.String() }

// money formats an amount of yuan: whole yuan without decimals, else to
// the fen ("3500", "0.01").
func money(d decimal.Decimal) string {
	if d.IsInteger() {
		return d.String()
	}
	return d.StringFixed(2)
}

// pct formats a ratio as a percentage: 0.2 → "20%".
func pct(d decimal.Decimal) string { return d.Mul(decimal.NewFromInt(100)).String() + "%" }

// fen rounds an amount to the fen, half away from zero (the one rounding
// rule of the calculator; raise.apply rounds its exact quotient the same way).
func fen(d decimal.Decimal) decimal.Decimal { return d.Round(2) }
