package rules

import (
	"math/bits"
	"strconv"
)

// The 3.1 dynamic adjustment (利益导向政策资金动态增长机制): it grants
// nothing itself, but raises the standards marked adjustable
// (Standard.Adjustable) when the series in content/adjustment.toml
// (Params.Adjustment) reaches its threshold. Its readings are content
// (content/measures/3.1.toml).

// raise is one 3.1 dynamic adjustment: from the date from, every
// adjustable standard is multiplied by yuan/baseYuan (1 + growth).
type raise struct {
	from           string // the date it takes effect: scheduled, or the plan's effective date if later
	scheduled      string // 1 January after year
	year, baseYear int
	yuan, baseYuan int64 // E(year) and E(base), hundredths of yuan
}

// raises returns the adjustments the series triggers, in date order. The
// base starts at the base year; for each later year Y, when
// E(Y)/E(base) − 1 ≥ threshold (compared exactly as E(Y) × 10000 ≥
// E(base) × (10000 + threshold)), the standards rise from 1 January of
// Y+1, or from effective when that is later, and Y becomes the base.
func (a *iadj) raises(effective string) []raise {
	var out []raise
	var base *iexp
	for i := range a.exp {
		e := &a.exp[i]
		switch {
		case base == nil:
			if e.year == a.baseYear {
				base = e
			}
		case e.year > base.year && e.yuan.v*1e4 >= base.yuan.v*(1e4+a.threshold.v):
			r := raise{scheduled: yearStart(e.year + 1), year: e.year, baseYear: base.year,
				yuan: e.yuan.v, baseYuan: base.yuan.v}
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

// apply multiplies v (in any units) by yuan ÷ baseYuan, exactly, rounded
// half away from zero; ok is false when the result would overflow.
func (r raise) apply(v int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(v), uint64(r.yuan))
	if hi >= uint64(r.baseYuan) {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, uint64(r.baseYuan))
	if rem >= uint64(r.baseYuan)-rem {
		q++
	}
	if q > 1<<62 {
		return 0, false
	}
	return int64(q), true
}

// growth returns E(year)/E(base) − 1 in ten-thousandths, rounded.
func (r raise) growth() int64 { return roundDiv((r.yuan-r.baseYuan)*1e4, r.baseYuan) }

// explain describes the adjustment of v to nv (in units of places).
func (r raise) explain(st *istd, v, nv int64) string {
	b := []byte(r.from + "起按第3.1条动态调整：" + itoa(r.year) + "年居民家庭年人均生活消费支出")
	b = appendNum(b, r.yuan, 2)
	b = append(b, "元，比"+itoa(r.baseYear)+"年的"...)
	b = appendNum(b, r.baseYuan, 2)
	b = append(b, "元累计增长"...)
	b = appendNum(b, r.growth(), 2)
	b = append(b, "%，"...)
	b = appendNum(b, v, st.places())
	b = append(b, " × "...)
	b = appendNum(b, r.yuan, 2)
	b = append(b, " ÷ "...)
	b = appendNum(b, r.baseYuan, 2)
	b = append(b, " = "...)
	b = st.appendShow(b, nv)
	if r.from != r.scheduled {
		b = append(b, "（按规则应自"+r.scheduled+"起调整，早于方案施行日期，自方案施行之日起调整）"...)
	}
	return string(b)
}
