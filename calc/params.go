package calc

import (
	"errors"
	"slices"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"
)

// Params are the calculator's parameters, built from the content
// (generator/params) and shipped to the browser as JSON: every amount,
// rate and threshold the rules use, with its dates of effect, so that
// staff change a standard in content without touching Go. A Params must
// not be changed once it has been used to evaluate: the figures of each
// date are compiled once and kept with it.
type Params struct {
	// Effective is the date (YYYY-MM-DD) from which the plan's standards
	// are in force (document.effective).
	Effective string `json:"effective"`
	// Benefits are the standards by benefit id.
	Benefits map[string]*Standard `json:"benefits"`
	// Clauses are the titles and responsible departments of the clauses
	// the benefits belong to, by clause id ("3.2.12").
	Clauses map[string]*ClauseInfo `json:"clauses"`
	// Adjustment is the 3.1 dynamic adjustment series.
	Adjustment Adjustment `json:"adjustment"`

	tables tableCache
}

// Standard is one benefit of a clause, as the calculator needs it.
type Standard struct {
	Clause     string           `json:"clause"`              // clause id, "3.2.12"
	Name       string           `json:"name"`                // shown as the entitlement's title
	For        string           `json:"for,omitempty"`       // household | person | …
	Kind       string           `json:"kind"`                // cash | service | standard
	Amount     *decimal.Decimal `json:"amount,omitempty"`    // yuan for cash; else in Unit
	Rate       *decimal.Decimal `json:"rate,omitempty"`      // a ratio, 0.20 for 20%
	Threshold  *decimal.Decimal `json:"threshold,omitempty"` // yuan the benefit starts above
	Unit       string           `json:"unit,omitempty"`
	Period     string           `json:"period,omitempty"` // once | month | year
	Minimum    bool             `json:"minimum,omitempty"`
	Level      string           `json:"level,omitempty"` // city | province
	Adjustable bool             `json:"adjustable,omitempty"`
	Payer      string           `json:"payer,omitempty"`
	Note       string           `json:"note,omitempty"`
	Changes    []Change         `json:"changes,omitempty"`
}

// Change is a later standard entered by staff, in force from From. Its
// Amount replaces the benefit's amount, or its rate for a benefit given
// as a rate.
type Change struct {
	From   string          `json:"from"`
	Amount decimal.Decimal `json:"amount"`
	Note   string          `json:"note,omitempty"`
}

// ClauseInfo is what an entitlement shows about its clause.
type ClauseInfo struct {
	Title      string `json:"title"`
	Department string `json:"department"` // responsible department name(s), joined by "、"
}

// Adjustment is clause 3.1: when 居民家庭年人均生活消费支出 has grown
// by Threshold or more since the base year, adjustable standards are
// raised by the growth.
type Adjustment struct {
	BaseYear    int             `json:"base_year"`
	Threshold   decimal.Decimal `json:"threshold"`
	Expenditure []Expenditure   `json:"expenditure"`
}

// Expenditure is one year's 居民家庭年人均生活消费支出.
type Expenditure struct {
	Year   int             `json:"year"`
	Yuan   decimal.Decimal `json:"yuan"`
	Source string          `json:"source,omitempty"`
}

// tableCache keeps the compiled figures of each date evaluated.
type tableCache struct {
	mu     sync.Mutex
	tables map[string]*table
}

// maxTables bounds the dates kept; a register of many dates recompiles.
const maxTables = 64

// BenefitIDs returns the ids of the benefits the rules use, in rule order.
func BenefitIDs() []string {
	var out []string
	for _, c := range clauses {
		for _, r := range c.rules {
			out = append(out, r.benefit)
		}
	}
	return out
}

// Validate reports, as joined *FieldError values named by their JSON
// path ("benefits.bereaved-city.amount"), every benefit the rules need
// that is missing or lacks what its rule uses, any figure the calculator
// cannot hold exactly, and any malformed date, change or adjustment row.
// Messages are in Chinese, for the staff who edit the content.
func (p *Params) Validate() error {
	v := &validator{}
	if !validDate(p.Effective) {
		v.bad("effective", strconv.Quote(p.Effective), " 不是日期，应写成 YYYY-MM-DD")
	}
	for _, c := range clauses {
		for _, r := range c.rules {
			v.rule(p, c.id, r)
		}
	}
	p.Adjustment.validate(v)
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) bad(field string, msg ...string) {
	v.errs = append(v.errs, fieldErr(field, msg...))
}

// rule checks the standard of one rule.
func (v *validator) rule(p *Params, clause string, r *rule) {
	k := "benefits." + r.benefit
	s := p.Benefits[r.benefit]
	if s == nil {
		v.bad(k, "缺少这项待遇：计算器第", clause, "条的规则要用到它")
		return
	}
	if s.Clause != clause {
		v.bad(k+".clause", "是 ", strconv.Quote(s.Clause), "；计算器的规则属于第", clause, "条")
	}
	if c := p.Clauses[s.Clause]; c == nil || c.Title == "" || c.Department == "" {
		v.bad("clauses."+s.Clause, "缺少条款标题或责任部门")
	}
	if s.Name == "" {
		v.bad(k+".name", "必填")
	}
	if want := r.amount.kind(); s.Kind != want {
		v.bad(k+".kind", "是 ", strconv.Quote(s.Kind), "；计算器的规则要求 ", strconv.Quote(want))
	}
	for _, u := range r.uses() {
		v.field(k, s, u)
	}
	v.changes(k, s)
}

// field checks that a standard has the field its rule uses, exactly.
func (v *validator) field(k string, s *Standard, u string) {
	switch u {
	case "period":
		if s.Period != "once" && s.Period != "month" && s.Period != "year" {
			v.bad(k+".period", "必填，应为 once、month 或 year：计算器的规则要用到它")
		}
	case "amount":
		v.figure(k+".amount", s.Amount, 2)
	case "threshold":
		v.figure(k+".threshold", s.Threshold, 2)
	case "rate":
		v.figure(k+".rate", s.Rate, rateScale)
	}
}

// figure checks a figure the calculator holds in fixed units.
func (v *validator) figure(field string, d *decimal.Decimal, places int32) {
	if d == nil {
		v.bad(field, "必填：计算器的规则要用到它")
		return
	}
	if _, problem := units(*d, places); problem != "" {
		v.bad(field, strconv.Quote(d.String()), " ", problem)
	}
}

// units returns d in units of 10^-places, or why it cannot be held.
func units(d decimal.Decimal, places int32) (int64, string) {
	switch {
	case d.IsNegative():
		return 0, "不能为负数"
	case !d.Shift(places).IsInteger():
		if places == 2 {
			return 0, "最多写到小数点后两位（金额写到分）"
		}
		return 0, "最多写到小数点后四位"
	case places == rateScale && d.GreaterThan(maxRate):
		return 0, "比例太大，应不超过 10（即1000%）"
	case d.GreaterThan(maxFigure):
		return 0, "太大，应不超过 99999999.99"
	}
	return d.Shift(places).IntPart(), ""
}

var (
	maxFigure = decimal.New(maxAmount, -2)
	maxRate   = decimal.NewFromInt(10)
)

// changes checks a standard's dated changes.
func (v *validator) changes(k string, s *Standard) {
	places := int32(2)
	if s.Amount == nil && s.Rate != nil {
		places = rateScale
	}
	seen := map[string]bool{}
	for i, c := range s.Changes {
		ck := k + ".changes[" + strconv.Itoa(i) + "]"
		if !validDate(c.From) {
			v.bad(ck+".from", strconv.Quote(c.From), " 不是日期，应写成 YYYY-MM-DD")
		} else if seen[c.From] {
			v.bad(ck+".from", "有两项调整都从 ", c.From, " 起")
		}
		seen[c.From] = true
		if _, problem := units(c.Amount, places); problem != "" {
			v.bad(ck+".amount", strconv.Quote(c.Amount.String()), " ", problem)
		}
	}
}

func (a *Adjustment) validate(v *validator) {
	if len(a.Expenditure) == 0 {
		return
	}
	if !a.Threshold.IsPositive() {
		v.bad("adjustment.threshold", "应为正的比例，如 \"0.30\"")
	}
	hasBase := false
	for i, e := range a.Expenditure {
		k := "adjustment.expenditure[" + strconv.Itoa(i) + "]"
		if i > 0 && e.Year <= a.Expenditure[i-1].Year {
			v.bad(k+".year", "年份应逐行递增（", strconv.Itoa(e.Year), " 在 ", strconv.Itoa(a.Expenditure[i-1].Year), " 之后）")
		}
		if e.Year < 1000 || e.Year > 9998 {
			v.bad(k+".year", strconv.Itoa(e.Year), " 不是合理的年份")
		}
		if !e.Yuan.IsPositive() {
			v.bad(k+".yuan", "应为正数")
		}
		hasBase = hasBase || e.Year == a.BaseYear
	}
	if !hasBase {
		v.bad("adjustment.expenditure", "缺少起算年 ", strconv.Itoa(a.BaseYear), " 的一行")
	}
}

// kind is the Standard.Kind a formula expects.
func (f formula) kind() string {
	switch f {
	case service:
		return "service"
	case quantity, aidShare:
		return "standard"
	}
	return "cash"
}

// uses lists the standard's fields a rule reads: its formula's and its
// conditions'.
func (r *rule) uses() []string {
	var out []string
	switch r.amount {
	case quantity:
		out = []string{"amount"}
	case fixed:
		out = []string{"amount", "period"}
	case dibaoShare:
		out = []string{"rate", "period"}
	case excess:
		out = []string{"rate", "threshold", "period"}
	case aidShare:
		out = []string{"rate"}
	}
	for _, c := range r.who {
		for _, u := range c.uses {
			if !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}
