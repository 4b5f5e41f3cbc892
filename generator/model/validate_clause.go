package model

import (
	"fmt"
	"path"
	"strings"
)

func (l *loader) checkClause(p *Plan, c *Clause, benefitIDs map[string]string) {
	f := c.rel
	if !clauseIDRE.MatchString(c.ID) {
		l.errorf(f, "id", "%q is not a clause id like \"3.2.12\"", c.ID)
	} else if want := c.ID + ".toml"; path.Base(f) != want {
		l.errorf(f, "id", "clause %q must be in a file named %s", c.ID, want)
	}
	if prev := p.clause[c.ID]; prev != nil {
		l.errorf(f, "id", "duplicate clause id %q (also in %s)", c.ID, prev.File)
	}
	p.clause[c.ID] = c
	l.required(f, "title", c.Title)
	l.required(f, "text", c.Text)
	l.required(f, "summary", c.Summary)
	l.date(f, "publish", &c.Publish)
	if len(c.Departments) == 0 {
		l.errorf(f, "departments", "at least one department is required")
	}
	l.refs(f, "departments", c.Departments, func(id string) bool { return p.dept[id] != nil }, "department", "departments.toml")
	l.refs(f, "groups", c.Groups, func(id string) bool { return p.group[id] != nil }, "group", "groups.toml")
	for i := range c.Benefits {
		l.checkBenefit(p, c, i, benefitIDs)
	}
	for i := range c.Targets {
		t := &c.Targets[i]
		k := fmt.Sprintf("targets[%d]", i)
		l.required(f, k+".name", t.Name)
		l.dec(f, k+".value", &t.Value)
	}
	for i := range c.Updates {
		u := &c.Updates[i]
		k := fmt.Sprintf("updates[%d]", i)
		l.date(f, k+".date", &u.Date)
		if !u.Date.Set {
			l.errorf(f, k+".date", "required")
		}
		l.required(f, k+".text", u.Text)
	}
}

// refs checks that every id in ids resolves and appears once.
func (l *loader) refs(f, key string, ids []string, ok func(string) bool, what, where string) {
	seen := map[string]bool{}
	for i, id := range ids {
		k := fmt.Sprintf("%s[%d]", key, i)
		if !ok(id) {
			l.errorf(f, key, "%s: unknown %s %q (not in %s)", k, what, id, where)
		}
		if seen[id] {
			l.errorf(f, key, "%s: %s %q listed twice", k, what, id)
		}
		seen[id] = true
	}
}

func (l *loader) checkBenefit(p *Plan, c *Clause, i int, ids map[string]string) {
	f, b := c.rel, &c.Benefits[i]
	k := fmt.Sprintf("benefits[%d]", i)
	l.slug(f, k+".id", b.ID)
	if other, dup := ids[b.ID]; dup {
		l.errorf(f, k+".id", "duplicate benefit id %q (also in clause %s)", b.ID, other)
	}
	ids[b.ID] = c.ID
	l.required(f, k+".name", b.Name)
	l.oneOf(f, k+".for", b.For, benefitFor)
	l.oneOf(f, k+".kind", b.Kind, benefitKinds)
	l.dec(f, k+".amount", &b.Amount)
	l.dec(f, k+".rate", &b.Rate)
	l.dec(f, k+".threshold", &b.Threshold)
	if b.Amount.Set && b.Rate.Set {
		l.errorf(f, k+".rate", "give either amount or rate, not both")
	}
	if b.Period != "" {
		l.oneOf(f, k+".period", b.Period, benefitPeriod)
	}
	if b.Kind == "cash" {
		if !b.Amount.Set && !b.Rate.Set {
			l.errorf(f, k+".amount", "a cash benefit needs an amount or a rate")
		}
		if b.Period == "" {
			l.errorf(f, k+".period", "a cash benefit needs a period (once, month or year)")
		}
	}
	if b.Level != "" {
		l.oneOf(f, k+".level", b.Level, benefitLevels)
	}
	if b.Adjustable && (!b.Amount.Set || b.Kind != "cash" || b.Level == "province") {
		l.errorf(f, k+".adjustable", "only a fixed cash amount set by the city can be adjustable")
	}
	l.refs(f, k+".groups", b.Groups, func(id string) bool { return p.group[id] != nil }, "group", "groups.toml")
	for j := range b.Changes {
		ch := &b.Changes[j]
		ck := fmt.Sprintf("%s.changes[%d]", k, j)
		l.date(f, ck+".from", &ch.From)
		l.dec(f, ck+".amount", &ch.Amount)
		if !ch.From.Set || !ch.Amount.Set {
			l.errorf(f, ck, "a change needs both from and amount")
		}
	}
}

func (l *loader) checkAdjustment(a *Adjustment) {
	const f = "adjustment.toml"
	if a.BaseYear < 1900 || a.BaseYear > 2200 {
		l.errorf(f, "base_year", "%d is not a plausible year", a.BaseYear)
	}
	l.dec(f, "threshold", &a.Threshold)
	if !a.Threshold.Set || !a.Threshold.IsPositive() {
		l.errorf(f, "threshold", "a positive ratio such as \"0.30\" is required")
	}
	prev := 0
	for i := range a.Expenditure {
		e := &a.Expenditure[i]
		k := fmt.Sprintf("expenditure[%d]", i)
		l.dec(f, k+".yuan", &e.Yuan)
		if !e.Yuan.Set || !e.Yuan.IsPositive() {
			l.errorf(f, k+".yuan", "a positive amount is required")
		}
		if e.Year <= prev {
			l.errorf(f, k+".year", "years must increase (%d after %d)", e.Year, prev)
		}
		l.required(f, k+".source", e.Source)
		prev = e.Year
	}
}

func (l *loader) checkSynonyms(ss []Synonym) {
	const f = "synonyms.toml"
	for i, s := range ss {
		k := fmt.Sprintf("synonym[%d]", i)
		switch {
		case len(s.Words) >= 2 && s.From == "" && len(s.To) == 0:
		case len(s.Words) == 0 && strings.TrimSpace(s.From) != "" && len(s.To) > 0:
		default:
			l.errorf(f, k, "give either words (two or more) or from and to")
		}
	}
}

func (l *loader) checkCases(cs []Case) {
	for i := range cs {
		c := &cs[i]
		file := strings.TrimPrefix(c.File, l.root+"/")
		k := c.key
		l.required(file, k+".name", c.Name)
		l.dec(file, k+".expect.once", &c.Expect.Once)
		l.dec(file, k+".expect.month", &c.Expect.Month)
		l.dec(file, k+".expect.year", &c.Expect.Year)
	}
}
