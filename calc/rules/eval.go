package rules

// The evaluation of one household against a compiled table. It decides
// every rule without building any text: grants, pending benefits and
// benefits missed are recorded by index, and the answer's writers
// (answer.go) turn them into JSON or a Result.

// grant is one benefit granted, to the household or to one child.
type grant struct {
	rule  int
	child int   // index in Facts.Children, -1 for the household
	fen   int64 // a cash amount (or the aidShare figure), fen
	off   bool  // replaced by a benefit granted instead of it
}

// miss is a benefit one change of circumstances could grant: the one
// condition of rule that fails (cond ≥ 0 in who, -1 for the child's).
type miss struct {
	rule, cond int
}

// pend is a benefit that needs facts the household left out.
type pend struct {
	rule  int
	needs fieldSet
}

// outcome is the decision for one household.
type outcome struct {
	t      *table
	f      *Facts
	grants []grant
	pends  []pend
	misses []miss
	totals [len(periods)]int64

	gbuf [48]grant
	pbuf [8]pend
	mbuf [maxRules]miss
}

// maxRules bounds the number of rules (each is missed at most once).
const maxRules = 64

// decide applies every rule of t to the household f.
func (o *outcome) decide(t *table, f *Facts) {
	o.t, o.f = t, f
	o.grants, o.pends, o.misses = o.gbuf[:0], o.pbuf[:0], o.mbuf[:0]
	for i := range t.rules {
		o.rule(i)
	}
	o.replace()
	for _, g := range o.grants {
		if k := &t.rules[g.rule]; !g.off && k.period >= 0 {
			o.totals[k.period] += g.fen
		}
	}
}

// rule decides rule i.
func (o *outcome) rule(i int) {
	k := &o.t.rules[i]
	if k.off {
		return
	}
	failed, at := 0, -1
	var needs fieldSet
	for j, c := range k.r.who {
		switch c.test(o.f, k) {
		case fails:
			failed, at = failed+1, j
		case unknown:
			needs |= c.needs
		}
	}
	needs |= k.r.amount.needs(o.f)
	switch {
	case failed > 1:
		return
	case failed == 1:
		if needs == 0 && k.r.who[at].reach != nil && k.r.who[at].reach(o.f) && (k.r.perChild == nil || o.anyChild(k)) {
			o.misses = append(o.misses, miss{i, at})
		}
		return
	}
	if k.r.perChild == nil {
		o.settle(i, -1, needs)
		return
	}
	if !o.anyChild(k) {
		if pc := k.r.perChild; needs == 0 && pc.reach != nil && pc.reach(o.f) {
			o.misses = append(o.misses, miss{i, -1})
		}
		return
	}
	if needs != 0 {
		o.pends = append(o.pends, pend{i, needs})
		return
	}
	for c, kid := range o.f.Children {
		if k.r.perChild.test(kid) {
			o.grants = append(o.grants, grant{rule: i, child: c, fen: k.amount(o.f)})
		}
	}
}

// settle grants a household benefit, or records it pending.
func (o *outcome) settle(i, child int, needs fieldSet) {
	if needs != 0 {
		o.pends = append(o.pends, pend{i, needs})
		return
	}
	o.grants = append(o.grants, grant{rule: i, child: child, fen: o.t.rules[i].amount(o.f)})
}

// anyChild reports whether a child meets the rule's per-child condition.
func (o *outcome) anyChild(k *crule) bool {
	for _, kid := range o.f.Children {
		if k.r.perChild.test(kid) {
			return true
		}
	}
	return false
}

// replace withdraws the grants that another benefit replaces (3.2.12's
// 低保 award instead of the other, 3.2.17's 低保 amount), and the misses
// of such a benefit when the one it replaces is granted or missed too
// (that one is then listed alone).
func (o *outcome) replace() {
	for _, g := range o.grants {
		in := o.t.rules[g.rule].instead
		if in < 0 {
			continue
		}
		for j := range o.grants {
			if o.grants[j].rule == in && o.grants[j].child == g.child {
				o.grants[j].off = true
			}
		}
	}
	var drop [maxRules]bool
	for i, m := range o.misses {
		in := o.t.rules[m.rule].instead
		drop[i] = in >= 0 && (o.granted(in) || o.missed(in))
	}
	kept := o.misses[:0]
	for i, m := range o.misses {
		if !drop[i] {
			kept = append(kept, m)
		}
	}
	o.misses = kept
}

func (o *outcome) missed(rule int) bool {
	for _, m := range o.misses {
		if m.rule == rule {
			return true
		}
	}
	return false
}

func (o *outcome) granted(rule int) bool {
	for _, g := range o.grants {
		if g.rule == rule {
			return true
		}
	}
	return false
}

// complete reports whether no benefit waits for a fact.
func (o *outcome) complete() bool { return len(o.pends) == 0 }

// needs are the facts a formula reads that the household left out.
func (f formula) needs(h *Facts) fieldSet {
	if f != dibaoShare {
		return 0
	}
	var s fieldSet
	if h.Members == 0 {
		s |= setOf(fMembers)
	}
	if !h.DibaoStandard.Given() {
		s |= setOf(fDibaoStandard)
	}
	return s
}

// amount works out a benefit's figure for the household, in fen,
// rounded half away from zero.
func (k *crule) amount(f *Facts) int64 {
	switch k.r.amount {
	case fixed:
		return k.v
	case dibaoShare:
		return roundDiv(f.DibaoStandard.h*k.v*int64(f.Members), 1e4)
	case excess:
		return roundDiv((f.MedicalOutOfPocket.h-k.thr)*k.v, 1e4)
	case aidShare:
		if f.AidStandard.Given() {
			return roundDiv(f.AidStandard.h*k.v, 1e4)
		}
	}
	return 0
}
