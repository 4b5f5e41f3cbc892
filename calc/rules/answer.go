package rules

import (
	"slices"
	"strconv"
)

// Result is the calculator's answer for one household.
type Result struct {
	Date         string        `json:"date"`                   // the evaluation date used
	Notice       string        `json:"notice,omitempty"`       // why nothing is granted, before the plan's effective date
	Complete     bool          `json:"complete"`               // false when Pending is not empty: the totals are then a minimum
	Entitlements []Entitlement `json:"entitlements"`           // in clause order
	Pending      []Pending     `json:"pending"`                // benefits that need a fact the household left out
	Totals       Totals        `json:"totals"`                 // cash amounts known, summed per period
	NotGranted   []NotGranted  `json:"not_granted"`            // benefits one change of circumstances could grant, and what it is
	NotAssessed  []NotAssessed `json:"not_assessed,omitempty"` // benefits of the plan the calculator does not decide, and why
}

// NotAssessed is a benefit of the plan that the calculator does not
// decide (its entry says why, in not_assessed): the household should ask.
type NotAssessed struct {
	Benefit string `json:"benefit"` // benefit id
	Name    string `json:"name"`    // the benefit's name
	Clause  string `json:"clause"`  // clause id
	Reason  string `json:"reason"`  // why the calculator does not decide it, in Chinese
}

// Entitlement is one benefit granted to the household (or to one child).
type Entitlement struct {
	Clause      string `json:"clause"`            // "3.2.12"
	Department  string `json:"department"`        // responsible department(s)
	Title       string `json:"title"`             // the benefit's name
	Kind        Kind   `json:"kind"`              // cash | service
	Amount      string `json:"amount,omitempty"`  // cash: yuan, two places
	Period      Period `json:"period,omitempty"`  // cash: once | month | year
	Minimum     *bool  `json:"minimum,omitempty"` // cash: the plan says 不低于/不少于/以上
	Level       Level  `json:"level,omitempty"`   // cash: city, or province for a provincial standard the plan builds on
	Child       *int   `json:"child,omitempty"`   // index in children, for a benefit per child
	Benefit     string `json:"benefit"`           // benefit id
	ClauseTitle string `json:"clause_title"`      // the clause's title
	Explanation string `json:"explanation"`       // conditions met and arithmetic, in Chinese

	// Fen is the cash amount in fen (zero for a service).
	Fen int64 `json:"-"`
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

// NotGranted is a benefit the household does not get but that one change
// of its circumstances could grant, with the condition it would have to
// meet. Benefits that contradict what the household said are not listed.
type NotGranted struct {
	Clause     string `json:"clause"`
	Department string `json:"department"`
	Title      string `json:"title"`
	Benefit    string `json:"benefit"`
	Condition  string `json:"condition"`
}

// Totals are the known cash amounts summed per period, in yuan with two
// places. When the answer is not complete they are a minimum.
type Totals struct {
	Once  string `json:"once"`
	Month string `json:"month"`
	Year  string `json:"year"`

	fen [len(periods)]int64
}

// Fen returns the total of a period (once, month or year) in fen.
func (t *Totals) Fen(period string) int64 {
	for i, p := range periods {
		if p == period {
			return t.fen[i]
		}
	}
	return 0
}

// CashClauses returns the clauses granting cash, each once, in order.
func (r *Result) CashClauses() []string {
	var out []string
	for _, e := range r.Entitlements {
		if e.Kind == KindCash && !slices.Contains(out, e.Clause) {
			out = append(out, e.Clause)
		}
	}
	return out
}

// appendJSON writes the answer as compact JSON, in the field order of
// Result; the bytes equal encoding/json's Marshal of o.result(false).
func (o *outcome) appendJSON(b []byte) []byte {
	w := &tw{b: b, json: true}
	w.raw(`{"date":"`)
	w.raw(o.t.date)
	w.raw(`"`)
	if o.t.notice != "" {
		w.raw(`,"notice":"`)
		w.s(o.t.notice)
		w.raw(`"`)
	}
	w.raw(`,"complete":`)
	w.raw(boolText(o.complete()))
	w.raw(`,"entitlements":[`)
	sep := ""
	for _, g := range o.grants {
		if !g.off {
			w.raw(sep)
			o.entitlementJSON(w, g)
			sep = ","
		}
	}
	w.raw(`],"pending":[`)
	for i, p := range o.pends {
		if i > 0 {
			w.raw(",")
		}
		o.pendingJSON(w, p)
	}
	w.raw(`],"totals":{`)
	for i, per := range periods {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`"` + per + `":"`)
		w.b = appendFixed2(w.b, o.totals[i])
		w.raw(`"`)
	}
	w.raw(`},"not_granted":[`)
	for i, m := range o.misses {
		if i > 0 {
			w.raw(",")
		}
		k := &o.t.rules[m.rule]
		w.raw(k.notGranted)
		o.condition(w, m)
		w.raw(`"}`)
	}
	w.raw(`]`)
	w.raw(o.t.na.json)
	w.raw(`}`)
	return w.b
}

func (o *outcome) entitlementJSON(w *tw, g grant) {
	k := &o.t.rules[g.rule]
	w.raw(k.head)
	if k.r.amount.cash() {
		w.raw(`,"amount":"`)
		w.b = appendFixed2(w.b, g.fen)
		w.raw(`"`)
	}
	w.raw(k.mid)
	if g.child >= 0 {
		w.raw(`,"child":`)
		w.b = strconv.AppendInt(w.b, int64(g.child), 10)
	}
	w.raw(k.tail)
	o.explain(w, g)
	w.raw(`"}`)
}

func (o *outcome) pendingJSON(w *tw, p pend) {
	k := &o.t.rules[p.rule]
	w.raw(k.pendingHead)
	sep := ""
	for id := range fieldID(numFields) {
		if p.needs.has(id) {
			w.raw(sep + `"` + fields[id].Name + `"`)
			sep = ","
		}
	}
	w.raw(`],"explanation":"`)
	o.pendingText(w, p)
	w.raw(`"}`)
}

// explain writes a grant's explanation: the conditions met, the amount
// or service, how the standard in force was reached, and who pays.
func (o *outcome) explain(w *tw, g grant) {
	k := &o.t.rules[g.rule]
	for i, c := range k.r.who {
		if i > 0 {
			w.raw("，")
		}
		*w = c.met(*w, o.f, k)
	}
	if g.child >= 0 {
		if len(k.r.who) > 0 {
			w.raw("，")
		}
		*w = k.r.perChild.met(*w, g.child, o.f.Children[g.child])
	}
	w.raw("：")
	switch k.r.amount {
	case dibaoShare:
		w.raw("当地农村低保保障标准")
		w.b = appendMoney(w.b, o.f.DibaoStandard.h)
		w.raw("元 × ")
		w.b = appendPct(w.b, k.v)
		w.raw(" × ")
		w.b = strconv.AppendInt(w.b, int64(o.f.Members), 10)
		w.raw("人 = ")
		o.moneyAtLeast(w, k, g.fen)
	case excess:
		w.raw("(")
		w.b = appendMoney(w.b, o.f.MedicalOutOfPocket.h)
		w.raw(" − ")
		w.b = appendMoney(w.b, k.thr)
		w.raw(") × ")
		w.b = appendPct(w.b, k.v)
		w.raw(" = ")
		o.moneyAtLeast(w, k, g.fen)
	case aidShare:
		k.aidWords(w, o.f, g.fen)
	default:
		w.p(k.body)
	}
	w.p(k.how)
	w.p(k.end)
}

// moneyAtLeast writes "1500元", and "，每年不低于此数" for a minimum.
func (o *outcome) moneyAtLeast(w *tw, k *crule, fen int64) {
	w.b = appendMoney(w.b, fen)
	w.raw("元")
	if k.s.Minimum {
		w.raw("，" + periodWords[k.s.Period] + "不低于此数")
	}
}

// aidWords writes 3.2.8's increase of the 帮扶标准, with its figure when
// the household gave its standard.
func (k *crule) aidWords(w *tw, f *Facts, fen int64) {
	if f == nil || !f.AidStandard.Given() {
		w.raw("在帮扶标准基础上提高" + minWord(k.s))
		w.b = appendPct(w.b, k.v)
		return
	}
	w.raw("帮扶标准")
	w.b = appendMoney(w.b, f.AidStandard.h)
	w.raw("元 × ")
	w.b = appendPct(w.b, k.v)
	w.raw(" = ")
	w.b = appendMoney(w.b, fen)
	w.raw("元：在帮扶标准基础上提高" + minWord(k.s) + "此数（不计入合计）")
}

// condition writes the requirement of a miss.
func (o *outcome) condition(w *tw, m miss) {
	k := &o.t.rules[m.rule]
	if m.cond < 0 {
		w.p(k.r.perChild.need)
		return
	}
	*w = k.r.who[m.cond].need(*w, o.f, k)
}

// pendingText writes what a pending benefit would be and what to find
// out: "当地农村低保保障标准 × 20% × 3人，每年不低于此数。需要知道：…".
func (o *outcome) pendingText(w *tw, p pend) {
	k := &o.t.rules[p.rule]
	sep := "如果"
	for _, c := range k.r.who {
		if c.test(o.f, k) == unknown {
			w.raw(sep)
			*w = c.who(*w, k)
			sep = "，"
		}
	}
	if sep != "如果" {
		w.raw("：")
	}
	k.formulaWords(w, o.f)
	w.raw("。需要知道：")
	sep = ""
	for id := range fieldID(numFields) {
		if p.needs.has(id) {
			w.raw(sep)
			w.s(fields[id].Label)
			if u := fields[id].Unit; u != "" {
				w.s("（" + u + "）")
			}
			sep = "、"
		}
	}
	w.raw("。本条由")
	w.s(k.c.Department)
	w.raw("负责（第")
	w.s(k.s.Clause)
	w.raw("条）。")
}

// formulaWords writes a benefit's amount in words and figures; f, when
// not nil, fills in the figures the household gave.
func (k *crule) formulaWords(w *tw, f *Facts) {
	switch k.r.amount {
	case service:
		w.s(k.s.Name)
		return
	case dibaoShare:
		w.raw("当地农村低保保障标准")
		if f != nil && f.DibaoStandard.Given() {
			w.b = appendMoney(w.b, f.DibaoStandard.h)
			w.raw("元")
		}
		w.raw(" × ")
		w.b = appendPct(w.b, k.v)
		if f != nil && f.Members > 0 {
			w.raw(" × ")
			w.b = strconv.AppendInt(w.b, int64(f.Members), 10)
			w.raw("人")
		} else {
			w.raw(" × 家庭人口数")
		}
	case excess:
		w.raw("（个人年度累计负担的合规医疗费用 − 起付标准")
		w.b = appendMoney(w.b, k.thr)
		w.raw("元）× ")
		w.b = appendPct(w.b, k.v)
	case aidShare:
		k.aidWords(w, nil, 0)
		return
	case quantity:
		w.s(perWords[k.s.For] + minWord(k.s))
		w.b = k.appendQty(w.b)
		return
	default:
		w.p(k.body)
		return
	}
	w.raw("，" + periodWords[k.s.Period])
	if k.s.Minimum {
		w.raw("不低于此数")
	}
}

// result builds the Result; brief leaves out the explanations and the
// not_granted conditions.
func (o *outcome) result(brief bool) *Result {
	r := &Result{Date: o.t.date, Notice: o.t.notice, Complete: o.complete(),
		Entitlements: make([]Entitlement, 0, len(o.grants)), Pending: make([]Pending, 0, len(o.pends)),
		NotGranted: make([]NotGranted, 0, len(o.misses))}
	w := &tw{}
	for _, g := range o.grants {
		if !g.off {
			r.Entitlements = append(r.Entitlements, o.entitlement(w, g, brief))
		}
	}
	for _, p := range o.pends {
		k := &o.t.rules[p.rule]
		pe := Pending{Clause: k.s.Clause, Department: k.c.Department, Title: k.s.Name, Benefit: k.r.benefit, Needs: []string{}}
		for id := range fieldID(numFields) {
			if p.needs.has(id) {
				pe.Needs = append(pe.Needs, fields[id].Name)
			}
		}
		if !brief {
			o.pendingText(w, p)
			pe.Explanation = w.take(0)
		}
		r.Pending = append(r.Pending, pe)
	}
	for _, m := range o.misses {
		k := &o.t.rules[m.rule]
		ng := NotGranted{Clause: k.s.Clause, Department: k.c.Department, Title: k.s.Name, Benefit: k.r.benefit}
		if !brief {
			o.condition(w, m)
			ng.Condition = w.take(0)
		}
		r.NotGranted = append(r.NotGranted, ng)
	}
	r.NotAssessed = o.t.na.list
	r.Totals.fen = o.totals
	r.Totals.Once = string(appendFixed2(nil, o.totals[0]))
	r.Totals.Month = string(appendFixed2(nil, o.totals[1]))
	r.Totals.Year = string(appendFixed2(nil, o.totals[2]))
	return r
}

func (o *outcome) entitlement(w *tw, g grant, brief bool) Entitlement {
	k := &o.t.rules[g.rule]
	e := Entitlement{Clause: k.s.Clause, Department: k.c.Department, Title: k.s.Name, Kind: KindService,
		Benefit: k.r.benefit, ClauseTitle: k.c.Title}
	if k.r.amount.cash() {
		minimum := k.s.Minimum
		e.Kind, e.Amount, e.Period, e.Minimum, e.Level = KindCash, string(appendFixed2(nil, g.fen)), k.s.Period, &minimum, k.s.Level
		e.Fen = g.fen
	}
	if g.child >= 0 {
		c := g.child
		e.Child = &c
	}
	if !brief {
		o.explain(w, g)
		e.Explanation = w.take(0)
	}
	return e
}
