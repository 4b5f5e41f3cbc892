package rules

import (
	"errors"
	"slices"
	"strings"
	"sync"
)

// What a kind of household can get. A group of the site (失独家庭,
// 农村独女户) is defined by some facts of the vocabulary; Open lists every
// benefit a household with those facts can be granted by the very rules
// the calculator runs, and for each the further conditions the group's
// facts do not settle, in the conditions' own words.
//
// Open decides by enumeration: for each rule it tries every value of
// every fact the rule's conditions read (the group's facts restricted to
// the group's values), so a condition's words are "还需" exactly when
// some household of the group fails it, and a benefit is listed exactly
// when some household of the group meets all of its conditions.

// A Known household is one of which only some facts are known; each
// known fact may allow several values (a group of families).
type Known struct {
	only [numFields][]func(*Facts) // the values a known fact may take; nil: any
}

// A Prospect is a benefit a household of a group can be granted.
type Prospect struct {
	BenefitRule          // as Describe describes it
	Still       []string // the further conditions, as 谁能领 words ("农村户口", "低保家庭"); none: every household of the group
	Cash        bool     // a cash benefit, counted in the totals
	Fen         int64    // its fixed amount, fen; 0 when worked out by a formula
	Period      Period   // PeriodUnset when none
}

// ParseKnown reads the facts that define a group, written as a check
// case's facts are (see ParseFactsTOML), none of them required; a list
// gives the values the group allows ("family = [\"only_daughter\",
// \"only_son\"]"), children in the short form ("primary",
// "senior+admitted"). Errors name the fact, in Chinese.
func ParseKnown(m map[string]any) (Known, error) {
	var k Known
	var errs []error
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		id, ok := fieldByName(key)
		if !ok || id == fDate {
			errs = append(errs, fieldErr(key, "不能用来划分人群（可用字段：", strings.Join(knownNames(), "、"), "）"))
			continue
		}
		vals, isList := m[key].([]any)
		if !isList {
			vals = []any{m[key]}
		}
		if len(vals) == 0 {
			errs = append(errs, fieldErr(key, "至少要有一个值"))
		}
		for _, v := range vals {
			p := &factParser{f: &Facts{}}
			if r := tomlRaw(key, v, p); id == fChildren {
				p.f.Children = shortChildren(p, r)
			} else {
				setScalar(p, id, r)
			}
			if len(p.errs) > 0 {
				errs = append(errs, p.errs...)
				continue
			}
			k.only[id] = append(k.only[id], setter(id, *p.f))
		}
	}
	return k, errors.Join(errs...)
}

// knownNames are the facts a group may be defined by.
func knownNames() (out []string) {
	for i := range fields {
		if id := fieldID(i); id != fDate {
			out = append(out, fields[i].Name)
		}
	}
	return out
}

// setter returns a function setting fact id of a household to v's.
func setter(id fieldID, v Facts) func(*Facts) {
	switch id {
	case fHukou:
		return func(f *Facts) { f.Hukou = v.Hukou }
	case fFamily:
		return func(f *Facts) { f.Family = v.Family }
	case fMembers:
		return func(f *Facts) { f.Members = v.Members }
	case fComplication:
		return func(f *Facts) { f.ComplicationLevel = v.ComplicationLevel }
	case fDibaoStandard:
		return func(f *Facts) { f.DibaoStandard = v.DibaoStandard }
	case fMedical:
		return func(f *Facts) { f.MedicalOutOfPocket = v.MedicalOutOfPocket }
	case fHousing:
		return func(f *Facts) { f.HousingAreaPerCapita = v.HousingAreaPerCapita }
	case fAidStandard:
		return func(f *Facts) { f.AidStandard = v.AidStandard }
	case fChildren:
		return func(f *Facts) { f.Children = v.Children }
	}
	b := *boolField(&v, id)
	return func(f *Facts) { *boolField(f, id) = b }
}

// probes are the values tried for a fact a group leaves open: every
// choice of an enumerated fact, both answers of a yes/no one, a figure
// at either end for an amount a condition compares, and no child or one
// child at each stage, admitted to college or not. They are made on
// first use, so that the browser's calculator, which never asks, does
// not make them when it starts.
var probes = sync.OnceValue(func() (out [numFields][]func(*Facts)) {
	one := func(id fieldID, f Facts) { out[id] = append(out[id], setter(id, f)) }
	for i := range fields {
		id := fieldID(i)
		switch fields[i].Kind {
		case EnumField:
			for n := 1; n < len(fields[i].Choices)+1; n++ {
				one(id, Facts{Hukou: Hukou(n), Family: Family(n)})
			}
		case BoolField:
			for _, b := range []bool{false, true} {
				var f Facts
				*boolField(&f, id) = b
				one(id, f)
			}
		}
	}
	for l := range maxLevel + 1 {
		one(fComplication, Facts{ComplicationLevel: l})
	}
	for _, a := range []Amount{AmountOf(0), AmountOf(maxAmount)} {
		one(fMedical, Facts{MedicalOutOfPocket: a})
		one(fHousing, Facts{HousingAreaPerCapita: a})
	}
	one(fChildren, Facts{})
	for _, s := range Stages() {
		one(fChildren, Facts{Children: []Child{{Stage: s}}})
		one(fChildren, Facts{Children: []Child{{Stage: s, AdmittedToCollege: true}}})
	}
	return out
})

// values are the values tried for fact id: the group's, or the probes.
func (k *Known) values(id fieldID) []func(*Facts) {
	if k.only[id] != nil {
		return k.only[id]
	}
	return probes()[id]
}

// Open lists, in plan order, every benefit a household with the known
// facts can be granted on date, with the conditions it still needs. With
// several Knowns the group is their union (低保家庭 or 贫困家庭): a
// benefit is listed when a household of any of them can be granted it,
// and a condition is still needed when a household of any of them fails
// it.
func (s *Standards) Open(date string, ks ...Known) ([]Prospect, error) {
	ds, err := s.Describe(date)
	if err != nil {
		return nil, err
	}
	t, _ := s.table(max(date, s.effective))
	var out []Prospect
	i := 0
	for _, c := range ds {
		for _, d := range c.Benefits {
			if p, ok := open(ks, t, i, d); ok {
				out = append(out, p)
			}
			i++
		}
	}
	return out, nil
}

// open decides rule i for the households of ks. A benefit another one
// is granted instead of (3.2.12's and 3.2.17's 低保 awards) is granted
// only where that other one is not: where it is, its households still
// need not to be granted the other ("不领……").
func open(ks []Known, t *table, i int, d BenefitRule) (Prospect, bool) {
	r := &t.rules[i]
	facts := readOf(r)
	var over []*crule // the rules granted instead of this one
	for j := range t.rules {
		if t.rules[j].instead == i {
			over = append(over, &t.rules[j])
			facts |= readOf(&t.rules[j])
		}
	}
	fails := make([]bool, len(r.r.who)+2) // then the child's condition, and "not replaced"
	granted := false
	for _, k := range ks {
		k.each(facts, func(f *Facts) {
			all := meets(r, f, fails)
			for _, o := range over {
				if all && meets(o, f, nil) {
					fails[len(fails)-1], all = true, false
				}
			}
			granted = granted || all
		})
	}
	if !granted {
		return Prospect{}, false
	}
	p := Prospect{BenefitRule: d, Cash: r.r.amount.cash(), Period: r.s.Period}
	if r.r.amount == fixed {
		p.Fen = r.v
	}
	for j, w := range d.Who {
		if fails[j] {
			p.Still = append(p.Still, w)
		}
	}
	if fails[len(fails)-1] {
		for _, o := range over {
			p.Still = append(p.Still, "不领“"+o.s.Name+"”（两项只领一项）")
		}
	}
	return p, true
}

// meets reports whether household f meets every condition of rule r,
// marking in fails (when not nil) each that it fails: the household's
// conditions, then the child's.
func meets(r *crule, f *Facts, fails []bool) bool {
	all := true
	for j, c := range r.r.who {
		if c.test(f, r) != holds {
			all = false
			if fails != nil {
				fails[j] = true
			}
		}
	}
	if pc := r.r.perChild; pc != nil && !slices.ContainsFunc(f.Children, pc.test) {
		all = false
		if fails != nil {
			fails[len(r.r.who)] = true
		}
	}
	return all
}

// each calls try with every household that takes, for each fact of
// facts and each fact the group fixes, one of its values (the others
// left as not given), but those no household can be (the vocabulary's
// contradictions: a group's children rule out a 失独 family).
func (k *Known) each(facts fieldSet, try func(*Facts)) {
	var f Facts
	var walk func(id fieldID)
	walk = func(id fieldID) {
		for ; id < numFields && !facts.has(id) && k.only[id] == nil; id++ {
		}
		if id == numFields {
			if !contradicts(&f) {
				try(&f)
			}
			return
		}
		for _, set := range k.values(id) {
			set(&f)
			walk(id + 1)
		}
	}
	walk(0)
}

// readOf are the facts rule r's conditions read, found by trying each
// fact's probes on the household with no facts and on every household
// with one fact set: a fact is read when changing it changes an outcome.
func readOf(r *crule) fieldSet {
	var s fieldSet
	outcome := func(f *Facts) (o uint64) { // two bits a condition
		for _, c := range r.r.who {
			o = o<<2 | uint64(c.test(f, r))
		}
		if pc := r.r.perChild; pc != nil {
			o <<= 2
			if slices.ContainsFunc(f.Children, pc.test) {
				o |= 1
			}
		}
		return o
	}
	bases := []Facts{{}}
	ps := probes()
	for id := range fieldID(numFields) {
		for _, set := range ps[id] {
			var b Facts
			set(&b)
			bases = append(bases, b)
		}
	}
	for _, b := range bases {
		was := outcome(&b)
		for id := range fieldID(numFields) {
			for _, set := range ps[id] {
				f := b
				set(&f)
				if outcome(&f) != was {
					s |= setOf(id)
				}
			}
		}
	}
	return s
}
