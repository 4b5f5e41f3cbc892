package rules

import (
	"slices"
	"strings"
	"sync"
)

// A table is the parameters compiled for one date: every standard's
// figure on that date, and every text of the answer that does not depend
// on the household, escaped once for JSON.
type table struct {
	date   string
	notice string // before the plan's effective date: why nothing is granted
	rules  []crule
	hint   *hint // the longest answer written so far, bytes (shared by an epoch's dates)
	na     *assessed
}

// assessed is what an answer says of the benefits the calculator does
// not decide: as a Result lists them, and as JSON (`,"not_assessed":[…]`,
// "" when there are none).
type assessed struct {
	list []NotAssessed
	json string
}

// crule is one rule with its standard compiled for the table's date.
type crule struct {
	r       *rule
	s       *istd
	c       *ClauseInfo
	instead int   // index of the rule this one is granted instead of; -1
	v       int64 // the figure on the date: fen, hundredths of Unit, or a rate in ten-thousandths
	thr     int64 // the threshold, fen
	period  int   // index in periods; -1 when none
	unit    piece

	// JSON of an entitlement: head "amount"? mid "child"? tail explanation.
	head, mid, tail string
	notGranted      string // JSON of a not_granted entry up to its condition
	pendingHead     string // JSON of a pending entry up to its needs
	body, how, end  piece  // the explanation: mets：body how end
}

var periods = [...]string{"once", "month", "year"}

var (
	periodWords = [...]string{PeriodOnce: "一次性", PeriodMonth: "每月", PeriodYear: "每年"}
	perWords    = map[string]string{"household": "每户", "person": "每人"}
)

// table returns the standards compiled for date, compiling them on
// first use; the error is Validate's.
func (s *Standards) table(date string) (*table, error) {
	if s.err != nil {
		return nil, s.err
	}
	c := &s.tables
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.tables[date]; t != nil {
		return t, nil
	}
	if c.tables == nil || len(c.tables) >= maxTables {
		c.tables = map[string]*table{}
	}
	t := c.forDate(s, date)
	c.tables[date] = t
	return t, nil
}

// tableCache keeps the compiled figures of each date evaluated. The
// figures change only at the change points (the plan's effective date,
// every dated change of a standard, every 3.1 raise): every date from
// one point to the next shares the rules compiled for the point (its
// epoch), so a register of many dates compiles once per epoch.
type tableCache struct {
	mu     sync.Mutex
	tables map[string]*table // by date, at most maxTables
	epochs map[string]*table // by change point
	points []string          // the change points, sorted; nil until first use
}

// maxTables bounds the dates kept; other dates get a new view of their
// epoch's rules.
const maxTables = 64

// forDate returns the table of date: before the plan took effect its own
// (with a notice naming the date), else a view of its epoch's rules.
func (c *tableCache) forDate(s *Standards, date string) *table {
	if date < s.effective {
		return compile(s, date)
	}
	if c.points == nil {
		c.points = changePoints(s)
	}
	i, _ := slices.BinarySearch(c.points, date)
	if i == len(c.points) || c.points[i] != date {
		i-- // the latest point before date; points[0] is the effective date ≤ date
	}
	p := c.points[i]
	e := c.epochs[p]
	if e == nil {
		if c.epochs == nil {
			c.epochs = map[string]*table{}
		}
		e = compile(s, p)
		c.epochs[p] = e
	}
	return &table{date: date, rules: e.rules, hint: e.hint, na: e.na}
}

// changePoints lists, sorted and once each, the dates from which a
// figure may differ from the day before: the effective date, each
// change's from, each raise's.
func changePoints(s *Standards) []string {
	pts := []string{s.effective}
	for _, st := range s.benefits {
		for _, ch := range st.changes {
			pts = append(pts, ch.from)
		}
	}
	for _, r := range s.adj.raises(s.effective) {
		pts = append(pts, r.from)
	}
	slices.Sort(pts)
	pts = slices.Compact(pts)
	i, _ := slices.BinarySearch(pts, s.effective)
	return pts[i:] // a change before the effective date counts from it
}

// compile builds the table of valid Standards for date.
func compile(s *Standards, date string) *table {
	t := &table{date: date, hint: new(hint), na: &assessed{}}
	if date < s.effective {
		t.notice = "评估日期" + date + "早于方案施行日期" + s.effective + "（本平台按印发日期起计算各项标准），这一天还没有可以享受的待遇。"
		return t
	}
	raises := s.adj.raises(s.effective)
	index := map[string]int{}
	t.rules = make([]crule, len(s.rules))
	for i, r := range s.rules {
		index[r.benefit] = i
		t.rules[i] = compileRule(s, r, date, raises)
	}
	for i := range t.rules {
		t.rules[i].instead = -1
		if r := t.rules[i].r; r.instead != "" {
			t.rules[i].instead = index[r.instead]
		}
	}
	t.na = s.assessed()
	return t
}

// assessed lists the benefits the calculator does not decide.
func (s *Standards) assessed() *assessed {
	a := &assessed{}
	if len(s.notAssessed) == 0 {
		return a
	}
	b := []byte(`,"not_assessed":[`)
	for i, id := range s.notAssessed {
		st := s.benefits[id]
		n := NotAssessed{Benefit: id, Name: st.Name, Clause: st.Clause, Reason: st.NotAssessed}
		a.list = append(a.list, n)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"benefit":"`...)
		for j, v := range [...]string{n.Benefit, `","name":"`, n.Name, `","clause":"`, n.Clause, `","reason":"`, n.Reason} {
			if j%2 == 0 {
				b = appendEscaped(b, v)
			} else {
				b = append(b, v...)
			}
		}
		b = append(b, `"}`...)
	}
	a.json = string(append(b, ']'))
	return a
}

// compileRule compiles one rule's standard for date.
func compileRule(s *Standards, r *rule, date string, raises []raise) crule {
	st := s.benefits[r.benefit]
	k := crule{r: r, s: st, c: s.clauses[st.Clause], period: -1, unit: mk(st.Unit)}
	var how string
	k.v, how = st.valueOn(date, raises)
	k.thr = st.threshold.v
	if st.Period != PeriodUnset && r.amount.cash() {
		k.period = int(st.Period) - 1 // the totals' index
	}
	k.json()
	k.explanation(how)
	return k
}

// cash reports whether the formula grants money counted in the totals.
func (f formula) cash() bool { return f == fixed || f == dibaoShare || f == excess }

// json writes the JSON fragments of the rule's entries.
func (k *crule) json() {
	s, r := k.s, k.r
	var b []byte
	field := func(name, v string) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':', '"')
		b = appendEscaped(b, v)
		b = append(b, '"')
	}
	head := func() {
		b = append(b[:0], `{"clause":"`...)
		b = appendEscaped(b, s.Clause)
		b = append(b, '"')
		field("department", k.c.Department)
		field("title", s.Name)
	}
	head()
	kind := KindService
	if r.amount.cash() {
		kind = KindCash
	}
	field("kind", kind.String())
	k.head = string(b)
	b = b[:0]
	if r.amount.cash() {
		field("period", s.Period.String())
		b = append(b, `,"minimum":`...)
		b = append(b, boolText(s.Minimum)...)
		if s.Level != LevelUnset {
			field("level", s.Level.String())
		}
	}
	k.mid = string(b)
	b = b[:0]
	field("benefit", r.benefit)
	field("clause_title", k.c.Title)
	b = append(b, `,"explanation":"`...)
	k.tail = string(b)
	head()
	field("benefit", r.benefit)
	k.pendingHead = string(b) + `,"needs":[`
	k.notGranted = string(b) + `,"condition":"`
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// explanation compiles the texts of the explanation that do not depend
// on the household: the body of a service or a fixed amount, how the
// standard in force was reached, and the end (who pays).
func (k *crule) explanation(how string) {
	s := k.s
	switch k.r.amount {
	case service:
		note := s.Note
		if note == "" {
			note = s.Name
		}
		k.body = mk(strings.TrimSuffix(note, "。"))
	case quantity:
		k.body = mk(s.Name + perWords[s.For] + minWord(s) + string(k.appendQty(nil)))
	case fixed:
		k.body = mk(perWords[s.For] + periodWords[s.Period] + minWord(s) + string(appendMoney(nil, k.v)) + "元")
	}
	if how != "" {
		k.how = mk("（" + how + "）")
	}
	end := "。"
	if s.Level == LevelProvince {
		end += "这是省定标准，本方案在此基础上增发市级待遇。"
	}
	if s.Payer != "" {
		end += "所需资金由" + strings.TrimSuffix(s.Payer, "。") + "。"
	}
	k.end = mk(end)
}

func minWord(s *istd) string {
	if s.Minimum {
		return "不低于"
	}
	return ""
}

// appendQty writes the standard's figure on the date with its unit:
// "15平方米", "20%".
func (k *crule) appendQty(b []byte) []byte { return k.s.appendShow(b, k.v) }

func (k *crule) writeQty(w *tw) {
	w.b = appendNum(w.b, k.v, 2)
	w.p(k.unit)
}

// valueOn returns the standard's figure on date, in its units: the
// latest change with from ≤ date, else the plan's figure; then, for an
// adjustable standard, multiplied by every 3.1 raise in force on date and
// after the change. It also says, in Chinese, how the figure was reached
// when it is not the plan's own.
func (st *istd) valueOn(date string, raises []raise) (int64, string) {
	v := st.quantity()
	since := ""
	var steps []string
	var ch *ichange
	for i := range st.changes {
		c := &st.changes[i]
		if c.from <= date && (ch == nil || c.from > ch.from) {
			ch = c
		}
	}
	if ch != nil {
		v, since = ch.v, ch.from
		step := ch.from + "起的标准为" + string(st.appendShow(nil, v))
		if ch.note != "" {
			step += "（" + ch.note + "）"
		}
		steps = append(steps, step)
	}
	if st.Adjustable {
		for _, r := range raises {
			if r.from > since && r.from <= date {
				nv, ok := r.apply(v)
				if !ok {
					break
				}
				steps = append(steps, r.explain(st, v, nv))
				v = nv
			}
		}
	}
	if len(steps) == 0 {
		return v, ""
	}
	return v, "方案标准" + string(st.appendShow(nil, st.quantity())) + "；" + strings.Join(steps, "；")
}

// quantity returns the benefit's own figure: its amount, or its rate.
func (st *istd) quantity() int64 {
	if st.places() == ratePlaces {
		return st.rate.v
	}
	return st.amount.v
}

// appendShow writes a figure of the benefit with its unit: "8000元", "20%".
func (st *istd) appendShow(b []byte, v int64) []byte {
	if st.places() == ratePlaces {
		return appendPct(b, v)
	}
	return append(appendNum(b, v, 2), st.Unit...)
}
