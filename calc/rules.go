package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// rule grants one benefit (by id) when all its conditions hold. The
// amounts come from the benefit's Standard in Params; the rule only says
// who qualifies and which formula applies.
type rule struct {
	clause string     // the clause the benefit belongs to
	id     string     // benefit id in Params.Benefits
	how    formula    // how the amount is worked out
	uses   []string   // standard fields the conditions read, besides the formula's
	group  string     // alternatives: once one is granted the others are not listed as missed
	tier   check      // when set, the rule applies only when it holds (低保 or not)
	conds  []check    // household conditions
	child  childCheck // when set, granted once per child meeting it
}

// hh is one evaluation: the household, the parameters, and the standard
// of the rule in hand with its value on the date.
type hh struct {
	f      *Facts
	p      *Params
	raises []raise
	std    *Standard
	qty    decimal.Decimal
	date   string
	buf    []cond
	brief  bool // amounts only: no explanations or conditions (RunCSV)
	cache  *valueCache
}

// valueCache keeps the standards' values on one date across the
// households of a register (RunCSV), where most share the date.
type valueCache struct {
	date   string
	raises []raise
	v      map[string]decimal.Decimal
}

// value returns the standard's value on the household's date.
func (h *hh) value(id string, s *Standard) decimal.Decimal {
	if h.cache == nil {
		v, _ := s.valueOn(h.date, h.p.Effective, h.raises, false)
		return v
	}
	v, ok := h.cache.v[id]
	if !ok {
		v, _ = s.valueOn(h.date, h.p.Effective, h.raises, false)
		h.cache.v[id] = v
	}
	return v
}

// evaluate applies every rule to the household on f.Date. With brief it
// leaves out the explanations and not_granted conditions. cache, when not
// nil, keeps the standards' values for households on the same date.
func evaluate(f *Facts, p *Params, brief bool, cache *valueCache) (*Result, error) {
	res := newResult(f.Date)
	if f.Date < p.Effective {
		res.Notice = fmt.Sprintf("评估日期%s早于方案施行日期%s（本平台按印发日期起计算各项标准），这一天还没有可以享受的待遇。", f.Date, p.Effective)
		return res, nil
	}
	h := &hh{f: f, p: p, date: f.Date, brief: brief}
	switch {
	case cache == nil:
		h.raises = p.Adjustment.raises()
	case cache.date == f.Date && cache.v != nil:
		h.raises, h.cache = cache.raises, cache
	default:
		*cache = valueCache{date: f.Date, raises: p.Adjustment.raises(), v: map[string]decimal.Decimal{}}
		h.raises, h.cache = cache.raises, cache
	}
	type miss struct {
		group string
		ng    *NotGranted
	}
	var misses []miss
	granted := map[string]bool{}
	for i := range rules {
		r := &rules[i]
		n, ng, err := h.apply(res, r)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			granted[r.group] = true
		} else if ng != nil {
			misses = append(misses, miss{r.group, ng})
		}
	}
	for _, m := range misses {
		if m.group == "" || !granted[m.group] {
			res.NotGranted = append(res.NotGranted, *m.ng)
		}
	}
	return res, nil
}

// apply applies one rule: it records its grants in res and returns how
// many there were or, for a cash benefit not granted, why not.
func (h *hh) apply(res *Result, r *rule) (int, *NotGranted, error) {
	s := h.p.Benefits[r.id]
	if s == nil {
		return 0, nil, fieldErr("benefits."+r.id, "missing from the parameters")
	}
	if bad := r.how.missing(s, r.uses); len(bad) > 0 {
		return 0, nil, fieldErr("benefits."+r.id+"."+bad[0][0], bad[0][1])
	}
	c := h.p.Clauses[s.Clause]
	if c == nil {
		return 0, nil, fieldErr("clauses."+s.Clause, "missing from the parameters")
	}
	h.std = s
	h.qty = h.value(r.id, s)
	tier := cond{ok: true}
	if r.tier != nil {
		if tier = r.tier(h); !tier.ok {
			return 0, nil, nil // another tier of the benefit applies
		}
	}
	cs := h.buf[:0]
	for _, check := range r.conds {
		cs = append(cs, check(h))
	}
	cs = append(cs, tier)
	h.buf = cs
	allOK := true
	for _, c := range cs {
		allOK = allOK && c.ok
	}
	n, anyChild := 0, false
	if r.child == nil && allOK {
		if err := res.grant(h, r, c, cs, -1); err != nil {
			return 0, nil, err
		}
		n++
	}
	for i, kid := range h.f.Children {
		if r.child == nil {
			break
		}
		cc := r.child(kid)
		if !cc.ok {
			continue
		}
		anyChild = true
		if allOK {
			if !h.brief {
				cc.met = fmt.Sprintf("第%d个子女%s", i+1, cc.met)
			}
			if err := res.grant(h, r, c, append(cs, cc), i); err != nil {
				return 0, nil, err
			}
			n++
		}
	}
	if n > 0 || r.how < fixed {
		return n, nil, nil
	}
	if h.brief {
		return 0, &NotGranted{Clause: s.Clause, Department: c.Department, Benefit: r.id, Title: s.Name}, nil
	}
	failed := needs(cs)
	if r.child != nil && !anyChild {
		failed = append(failed, r.child(Child{}).need)
	}
	return 0, &NotGranted{Clause: s.Clause, Department: c.Department, Benefit: r.id, Title: s.Name,
		Condition: strings.Join(failed, "；")}, nil
}

// needs returns the requirements of the conditions that do not hold.
func needs(cs []cond) []string {
	var out []string
	for _, c := range cs {
		if !c.ok {
			out = append(out, c.need)
		}
	}
	return out
}

// mets returns the words of the conditions that hold, joined.
func mets(cs []cond) string {
	var out []string
	for _, c := range cs {
		if c.ok && c.met != "" {
			out = append(out, c.met)
		}
	}
	return strings.Join(out, "，")
}

func fieldErrf(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}
