package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Clause 3.1, 利益导向政策资金动态增长机制:
//
//	动态调整机制以居民家庭年人均生活消费支出增长幅度作为调整依据，当居民家庭年人均生活消费支出累计
//	增长幅度达到或超过 30% 时启动调整机制，首次调整自 2011 年算起。调整后的标准 = 现标准 ×
//	(1 + 累计增长幅度)。
//
// The clause grants nothing itself: it raises the standards marked
// adjustable (Standard.Adjustable) when the series in content/adjustment.toml
// (Params.Adjustment) reaches the threshold. Its readings are stated here.
var clause3_1 = &clauseRules{id: "3.1", readings: reads(
	&Reading{Words: "首次调整自 2011 年算起",
		Text: "累计增长幅度从这一年算起。这只说明从哪一年开始计算增长，不表示方案追溯到印发之前：按规则应在方案施行之前生效的调整，自方案施行之日起生效。"},
	&Reading{Words: "达到或超过",
		Text: "累计增长幅度正好等于启动调整的幅度，也启动调整。"},
	&Reading{Words: "调整后的标准 = 现标准 × (1 + 累计增长幅度)",
		Text: "某一年的居民家庭年人均生活消费支出比起算年累计增长达到启动幅度时，自下一年1月1日起调整：调整后的标准 = 现标准 × 这一年的支出 ÷ 起算年的支出，四舍五入到分。调整后以这一年为新的起算年，重新累计。"},
	&Reading{Words: "利益导向资金标准",
		Text: "只调整本市自己定的固定金额标准（各项待遇的说明写明是否随第3.1条调整）；省定标准和按比例计算的标准不调整。"},
	&Reading{Words: "现予印发，请结合实际认真贯彻执行",
		Text: "方案没有另写施行日期，本平台按印发之日起施行计算；早于这一天的日期没有可以享受的待遇。"},
)}

// raise is one 3.1 dynamic adjustment: from the date from, every
// adjustable standard is multiplied by yuan/baseYuan (1 + growth).
type raise struct {
	from           string // the date it takes effect: scheduled, or the plan's effective date if later
	scheduled      string // 1 January after year
	year, baseYear int
	yuan, baseYuan decimal.Decimal
}

var one = decimal.NewFromInt(1)

// raises returns the adjustments the series triggers, in date order. The
// base starts at BaseYear; for each later year Y, when E(Y)/E(base) − 1 ≥
// Threshold (compared exactly as E(Y) ≥ E(base) × (1 + Threshold)), the
// standards rise from 1 January of Y+1, or from effective when that is
// later, and Y becomes the base.
func (a *Adjustment) raises(effective string) []raise {
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
			r := raise{scheduled: yearStart(e.Year + 1), year: e.Year, baseYear: base.Year,
				yuan: e.Yuan, baseYuan: base.Yuan}
			r.from = max(r.scheduled, effective)
			out = append(out, r)
			base = e
		}
	}
	return out
}

// yearStart returns "YYYY-01-01".
func yearStart(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s + "-01-01"
}

// apply multiplies v by yuan ÷ baseYuan, divided exactly and rounded to
// the fen half away from zero.
func (r raise) apply(v decimal.Decimal) decimal.Decimal {
	return v.Mul(r.yuan).DivRound(r.baseYuan, 2)
}

// growth returns E(year)/E(base) − 1 rounded to places.
func (r raise) growth(places int32) decimal.Decimal {
	return r.yuan.Sub(r.baseYuan).DivRound(r.baseYuan, places)
}

// explain describes the adjustment of v to nv.
func (r raise) explain(v, nv decimal.Decimal, unit string) string {
	s := r.from + "起按第3.1条动态调整：" + strconv.Itoa(r.year) + "年居民家庭年人均生活消费支出" + r.yuan.String() +
		"元，比" + strconv.Itoa(r.baseYear) + "年的" + r.baseYuan.String() + "元累计增长" +
		r.growth(4).Shift(2).String() + "%，" + v.String() + " × " + r.yuan.String() + " ÷ " + r.baseYuan.String() +
		" = " + money(nv) + unit
	if r.from != r.scheduled {
		s += "（按规则应自" + r.scheduled + "起调整，早于方案施行日期，自方案施行之日起调整）"
	}
	return s
}

// Raise describes one 3.1 dynamic adjustment that the expenditure series
// triggers, for display on the site.
type Raise struct {
	From      string          // YYYY-MM-DD, when it takes effect
	Scheduled string          // 1 January after Year; earlier than From when that is before the plan took effect
	Year      int             // the year whose expenditure reached the threshold
	BaseYear  int             // the base it is measured against
	Yuan      decimal.Decimal // E(Year)
	BaseYuan  decimal.Decimal // E(BaseYear)
	Growth    decimal.Decimal // E(Year)/E(BaseYear) − 1, to 4 places
}

// Raises lists the adjustments the series triggers, in date order; none
// while the series is empty or growth stays below the threshold.
func (p *Params) Raises() []Raise {
	var out []Raise
	for _, r := range p.Adjustment.raises(p.Effective) {
		out = append(out, Raise{From: r.from, Scheduled: r.scheduled, Year: r.year, BaseYear: r.baseYear,
			Yuan: r.yuan, BaseYuan: r.baseYuan, Growth: r.growth(4)})
	}
	return out
}

// Triggered lists the adjustments as Raises does, dated as scheduled
// (1 January), without the plan's effective date; use Params.Raises.
func (a *Adjustment) Triggered() []Raise {
	var out []Raise
	for _, r := range a.raises("") {
		out = append(out, Raise{From: r.from, Scheduled: r.scheduled, Year: r.year, BaseYear: r.baseYear,
			Yuan: r.yuan, BaseYuan: r.baseYuan, Growth: r.growth(4)})
	}
	return out
}

// money formats a decimal amount of yuan: whole yuan without decimals,
// else to the fen ("3500", "0.01").
func money(d decimal.Decimal) string {
	if d.IsInteger() {
		return d.String()
	}
	return d.StringFixed(2)
}
