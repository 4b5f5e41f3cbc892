package rules

import (
	"errors"
	"slices"
	"strconv"
)

// Standards are the parameters in the calculator's own exact units:
// amounts in hundredths (fen), rates in ten-thousandths, read from the
// decimals' text of each Standard. calc.Params hands its Standards to
// NewStandards; ParseStandards decodes the parameters' JSON into the
// same Standard type and compiles it the same way, so that the
// browser's calculator links neither shopspring/decimal nor math/big nor
// fmt. Both read, resolve and evaluate through the same code and tables,
// so their answers are byte-identical; NewStandards (and
// ParseCheckedStandards) also explain what is wrong with the rules, for
// staff (explainRules). A Standards is safe for concurrent use.
type Standards struct {
	effective string
	benefits  map[string]*istd
	source    map[string]*Standard // what benefits were compiled from
	clauses   map[string]*ClauseInfo
	readings  []*Reading
	adj       iadj

	plan        []*clauseRules // the clauses with rules or readings, in plan order
	rules       []*rule        // their rules, in order
	notAssessed []string       // the benefits the calculator does not decide, in plan order
	unread      []string       // benefits (or clauses) whose rules resolve could not read

	errs   []error // problems found while reading, then Validate's
	err    error   // errs joined
	tables tableCache
}

// istd is a Standard compiled into the calculator's units: its figures
// read once into fixed units; everything else is the Standard's.
type istd struct {
	*Standard
	amount, rate, threshold fig
	changes                 []ichange
}

// fig is a figure in fixed units; ok is false when it is not given, or
// when it could not be read (bad: the problem is already reported).
type fig struct {
	v       int64
	ok, bad bool
}

// ichange is a dated change; its figure is read once the standard is
// known to be an amount or a rate.
type ichange struct {
	from, note, text string
	v                int64
}

// iadj is the 3.1 adjustment series.
type iadj struct {
	baseYear  int
	threshold fig // a rate
	exp       []iexp
}

type iexp struct {
	year   int
	yuan   fig // hundredths
	source string
}

// Decimal places of the parameters' figures.
const (
	amountPlaces = 2
	ratePlaces   = rateScale
)

// maxRate is the largest rate, 10 (1000%), in ten-thousandths.
const maxRate = 100_000

func newStandards() *Standards {
	return &Standards{benefits: map[string]*istd{}, clauses: map[string]*ClauseInfo{}}
}

func (s *Standards) bad(field string, msg ...string) {
	s.errs = append(s.errs, fieldErr(field, msg...))
}

// figText reads a figure from its decimal text ("20000", "0.2"),
// recording why when the calculator cannot hold it exactly.
func (s *Standards) figText(field, text string, places int) fig {
	v, problem := parseFixed(text, places)
	if problem != "" {
		s.bad(field, strconv.Quote(text), " ", problem)
		return fig{bad: true}
	}
	return fig{v: v, ok: true}
}

// parseFixed reads a non-negative decimal with at most places decimals,
// within the limits of the parameters, in units of 10^-places.
func parseFixed[T text](s T, places int) (int64, string) {
	if len(s) > 0 && s[0] == '-' {
		return 0, "不能为负数"
	}
	var v int64
	i, digits, frac := 0, 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if v > 0 || s[i] != '0' {
			digits++
		}
		if digits <= 12 {
			v = v*10 + int64(s[i]-'0')
		}
	}
	if i == 0 {
		return 0, "不是数字"
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if frac++; frac <= places {
				v = v*10 + int64(s[i]-'0')
			} else if s[i] != '0' {
				if places == amountPlaces {
					return 0, "最多写到小数点后两位（金额写到分）"
				}
				return 0, "最多写到小数点后四位"
			}
		}
	}
	if i != len(s) || digits > 12 {
		return 0, "不是数字，或太大"
	}
	for ; frac < places; frac++ {
		v *= 10
	}
	if places == ratePlaces && v > maxRate {
		return 0, "比例太大，应不超过 10（即1000%）"
	}
	if v > maxAmount*pow10(places-amountPlaces) {
		return 0, "太大，应不超过 99999999.99"
	}
	return v, ""
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

func itoa(i int) string { return strconv.Itoa(i) }

// places is the number of decimals of a standard's own figure and of
// its changes: four for a rate, two for an amount.
func (st *istd) places() int {
	if !st.amount.ok && st.rate.ok {
		return ratePlaces
	}
	return amountPlaces
}

// finish reads the changes' figures and validates everything; explain,
// when not nil, says what is wrong with the rules as staff need it
// (explainRules), else a rule that cannot be read is reported briefly.
func (s *Standards) finish(explain func(*Standards)) {
	ids := make([]string, 0, len(s.benefits))
	for id := range s.benefits {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st := s.benefits[id]
		for i := range st.changes {
			c := &st.changes[i]
			k := "benefits." + id + ".changes[" + itoa(i) + "]"
			if v, problem := parseFixed(c.text, st.places()); problem != "" {
				s.bad(k+".amount", strconv.Quote(c.text), " ", problem)
			} else {
				c.v = v
			}
		}
	}
	s.resolve()
	n := len(s.errs)
	if explain != nil {
		explain(s)
	}
	if len(s.errs) == n && len(s.unread) > 0 { // unexplained: say it briefly
		s.bad("benefits", "这些待遇的规则无法读取（用 generator check 查看原因）：", joinOr(s.unread))
	}
	s.validate()
	s.err = errors.Join(s.errs...)
}

// validate checks what the calculator needs to evaluate safely: the
// effective date and the 3.1 series (the standards' fit to their rules
// is checkStandards', where the parameters are made).
func (s *Standards) validate() {
	if !validDate(s.effective) {
		s.bad("effective", strconv.Quote(s.effective), " 不是日期，应写成 YYYY-MM-DD")
	}
	s.adj.validate(s)
}

// checkStandards checks each rule's standard and each benefit not
// assessed (part of explainRules).
func (s *Standards) checkStandards() {
	for _, c := range s.plan {
		for _, r := range c.rules {
			s.checkRule(r)
		}
	}
	for _, id := range s.notAssessed {
		s.checkClause("benefits."+id, s.benefits[id])
	}
}

// checkRule checks the standard of one rule.
func (s *Standards) checkRule(r *rule) {
	k := "benefits." + r.benefit
	st := s.benefits[r.benefit]
	s.checkClause(k, st)
	if want := r.amount.kind(); st.Kind != want {
		s.bad(k+".kind", "是 ", strconv.Quote(st.Kind.String()), "；计算器的规则要求 ", strconv.Quote(want.String()))
	}
	for _, u := range r.uses() {
		s.checkField(k, st, u)
	}
	s.checkChanges(k, st)
}

// checkClause checks a standard's name and its clause's title and
// department.
func (s *Standards) checkClause(k string, st *istd) {
	if c := s.clauses[st.Clause]; c == nil || c.Title == "" || c.Department == "" {
		s.bad("clauses."+st.Clause, "缺少条款标题或责任部门")
	}
	if st.Name == "" {
		s.bad(k+".name", "必填")
	}
}

// checkField checks that a standard has the field its rule uses.
func (s *Standards) checkField(k string, st *istd, u string) {
	need := func(f fig) {
		if !f.ok && !f.bad {
			s.bad(k+"."+u, "必填：计算器的规则要用到它")
		}
	}
	switch u {
	case "period":
		if st.Period == PeriodUnset {
			s.bad(k+".period", "必填，应为 once、month 或 year：计算器的规则要用到它")
		}
	case "amount":
		need(st.amount)
	case "threshold":
		need(st.threshold)
	case "rate":
		need(st.rate)
	}
}

// checkChanges checks a standard's dated changes.
func (s *Standards) checkChanges(k string, st *istd) {
	seen := map[string]bool{}
	for i, c := range st.changes {
		ck := k + ".changes[" + itoa(i) + "]"
		if !validDate(c.from) {
			s.bad(ck+".from", strconv.Quote(c.from), " 不是日期，应写成 YYYY-MM-DD")
		} else if seen[c.from] {
			s.bad(ck+".from", "有两项调整都从 ", c.from, " 起")
		}
		seen[c.from] = true
	}
}

func (a *iadj) validate(s *Standards) {
	if len(a.exp) == 0 {
		return
	}
	if a.threshold.v <= 0 {
		s.bad("adjustment.threshold", "应为正的比例，如 \"0.30\"")
	}
	hasBase := false
	for i, e := range a.exp {
		k := "adjustment.expenditure[" + itoa(i) + "]"
		if i > 0 && e.year <= a.exp[i-1].year {
			s.bad(k+".year", "年份应逐行递增（", itoa(e.year), " 在 ", itoa(a.exp[i-1].year), " 之后）")
		}
		if e.year < 1000 || e.year > 9998 {
			s.bad(k+".year", itoa(e.year), " 不是合理的年份")
		}
		if e.yuan.v <= 0 {
			s.bad(k+".yuan", "应为正数")
		}
		hasBase = hasBase || e.year == a.baseYear
	}
	if !hasBase {
		s.bad("adjustment.expenditure", "缺少起算年 ", itoa(a.baseYear), " 的一行")
	}
}

// kind is the Standard.Kind a formula expects.
func (f formula) kind() Kind {
	switch f {
	case service:
		return KindService
	case quantity, aidShare:
		return KindStandard
	}
	return KindCash
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

// BenefitIDs returns the ids of the benefits the rules decide, in rule
// order.
func (s *Standards) BenefitIDs() []string {
	var out []string
	for _, r := range s.rules {
		out = append(out, r.benefit)
	}
	return out
}

// Run answers for one household exactly as calc.Run does.
func (s *Standards) Run(facts []byte, today string) ([]byte, error) {
	f, err := ParseFacts(facts)
	if err != nil {
		return nil, err
	}
	if f.Date == "" {
		if !validDate(today) {
			return nil, fieldErr("today", quote(today), " 不是日期 YYYY-MM-DD")
		}
		f.Date = today
	}
	t, err := s.table(f.Date)
	if err != nil {
		return nil, err
	}
	var o outcome
	o.decide(t, f)
	out := o.appendJSON(make([]byte, 0, t.hint.Load()+256))
	if n := int64(len(out)); n > t.hint.Load() {
		t.hint.Store(n)
	}
	return out, nil
}
