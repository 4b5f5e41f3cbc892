package calc

import "github.com/shopspring/decimal"

// Raise describes one 3.1 dynamic adjustment that the expenditure series
// triggers, for display on the site.
type Raise struct {
	From     string          // YYYY-MM-DD, 1 January of the year after Year
	Year     int             // the year whose expenditure reached the threshold
	BaseYear int             // the base it is measured against
	Yuan     decimal.Decimal // E(Year)
	BaseYuan decimal.Decimal // E(BaseYear)
	Growth   decimal.Decimal // E(Year)/E(BaseYear) − 1, to 4 places
}

// Triggered lists the adjustments the series triggers, in date order;
// none while the series is empty or growth stays below the threshold.
func (a *Adjustment) Triggered() []Raise {
	var out []Raise
	for _, r := range a.raises() {
		out = append(out, Raise{From: r.from, Year: r.year, BaseYear: r.baseYear, Yuan: r.yuan, BaseYuan: r.baseYuan,
			Growth: r.yuan.Sub(r.baseYuan).DivRound(r.baseYuan, 4)})
	}
	return out
}
