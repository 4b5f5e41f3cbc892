package model

import (
	"fmt"
	"path"
	"strings"

	"gyportal/calc/rules"
)

func (l *loader) checkClause(p *Plan, c *Clause, benefitIDs map[string]*benefitAt) {
	f := c.rel
	if !clauseIDRE.MatchString(c.ID) {
		l.errorf(f, "id", "%q 不是条文编号，应写成 \"3.2.12\" 这样的数字", c.ID)
	} else if want := c.ID + ".toml"; path.Base(f) != want {
		l.errorf(f, "id", "条文 %q 必须放在名为 %s 的文件里", c.ID, want)
	}
	if prev := p.clause[c.ID]; prev != nil {
		l.errorf(f, "id", "条文编号 %q 重复了（%s 里也是这个编号）", c.ID, prev.File)
	}
	p.clause[c.ID] = c
	l.required(f, "title", c.Title)
	l.required(f, "text", c.Text)
	l.required(f, "summary", c.Summary)
	l.date(f, "publish", &c.Publish)
	if len(c.Departments) == 0 {
		l.errorf(f, "departments", "至少要写一个负责部门")
	}
	l.refs(f, "departments", c.Departments, keys(p.dept), "部门", "departments.toml")
	l.refs(f, "groups", c.Groups, keys(p.group), "人群", "groups.toml")
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
			l.errorf(f, k+".date", "必须填写")
		}
		l.required(f, k+".text", u.Text)
	}
}

// refs checks that every id in ids is one of known and appears once; an
// unknown id gets the known one it was probably meant to be.
func (l *loader) refs(f, key string, ids, known []string, what, where string) {
	seen := map[string]bool{}
	for i, id := range ids {
		k := fmt.Sprintf("%s[%d]", key, i)
		if !contains(known, id) {
			l.errorf(f, k, "没有 id 为 %q 的%s（%s 里没有）%s", id, what, where, suggest(id, known))
		}
		if seen[id] {
			l.errorf(f, k, "%s %q 写了两次", what, id)
		}
		seen[id] = true
	}
}

// benefitAt is where a benefit id was first written, for the message of
// a duplicate.
type benefitAt struct {
	clause   *Clause
	key      string // "benefits[1].id"
	reported bool   // the first place has been reported
}

// where is "content/measures/3.2.11.toml:10", the place of the id.
func (b *benefitAt) where(l *loader) string {
	return fmt.Sprintf("%s:%d", b.clause.File, l.line(b.clause.rel, b.key))
}

func (l *loader) checkBenefit(p *Plan, c *Clause, i int, ids map[string]*benefitAt) {
	f, b := c.rel, &c.Benefits[i]
	k := fmt.Sprintf("benefits[%d]", i)
	l.slug(f, k+".id", b.ID)
	here := &benefitAt{clause: c, key: k + ".id"}
	if first := ids[b.ID]; first != nil {
		// Both places: staff may have edited either.
		if !first.reported {
			l.errorf(first.clause.rel, first.key, "待遇 id %q 重复了（%s 也是这个 id）", b.ID, here.where(l))
			first.reported = true
		}
		l.errorf(f, k+".id", "待遇 id %q 重复了（%s 也是这个 id）", b.ID, first.where(l))
	} else {
		ids[b.ID] = here
	}
	l.required(f, k+".name", b.Name)
	l.oneOf(f, k+".for", b.For, benefitFor)
	if b.Kind == rules.KindUnset {
		l.oneOf(f, k+".kind", "", rules.Kinds())
	}
	l.dec(f, k+".amount", &b.Amount)
	l.dec(f, k+".rate", &b.Rate)
	l.dec(f, k+".threshold", &b.Threshold)
	if b.Amount.Set && b.Rate.Set {
		l.errorf(f, k+".rate", "金额 amount 和比例 rate 只能写一个")
	}
	if b.Kind == rules.KindCash {
		if !b.Amount.Set && !b.Rate.Set {
			l.errorf(f, k+".amount", "现金待遇（kind = \"cash\"）要写金额 amount 或比例 rate")
		}
		if b.Period == rules.PeriodUnset {
			l.errorf(f, k+".period", "现金待遇要写发放周期 period：once（一次性）、month（每月）或 year（每年）")
		}
	}
	if b.Adjustable && (!b.Amount.Set || b.Kind != rules.KindCash || b.Level == rules.LevelProvince) {
		l.errorf(f, k+".adjustable", "只有市里定的固定现金金额才能写 adjustable = true（比例、非现金待遇和省定标准都不能）")
	}
	l.refs(f, k+".groups", b.Groups, keys(p.group), "人群", "groups.toml")
	for j, g := range b.Groups {
		if p.group[g] != nil && !contains(c.Groups, g) && c.groupsKnown(p) {
			l.errorf(f, fmt.Sprintf("%s.groups[%d]", k, j), "人群 %q 不在本条的人群里：待遇的人群要从本条的 groups（第 %d 行）里选；请把 %q 加到第 %d 行，或从这里删去",
				g, l.line(f, "groups"), g, l.line(f, "groups"))
		}
	}
	for j := range b.Changes {
		ch := &b.Changes[j]
		ck := fmt.Sprintf("%s.changes[%d]", k, j)
		l.date(f, ck+".from", &ch.From)
		l.dec(f, ck+".amount", &ch.Amount)
		if !ch.From.Set || !ch.Amount.Set {
			l.errorf(f, ck, "调整标准（[[benefits.changes]]）要同时写起始日期 from 和金额 amount")
		}
	}
}

func (l *loader) checkAdjustment(a *Adjustment) {
	const f = "adjustment.toml"
	if a.BaseYear < 1900 || a.BaseYear > 2200 {
		l.errorf(f, "base_year", "%d 不是合理的年份", a.BaseYear)
	}
	if l.dec(f, "threshold", &a.Threshold) && (!a.Threshold.Set || !a.Threshold.IsPositive()) {
		l.errorf(f, "threshold", "必须写一个大于 0 的比例，如 \"0.30\"")
	}
	prev := 0
	for i := range a.Expenditure {
		e := &a.Expenditure[i]
		k := fmt.Sprintf("expenditure[%d]", i)
		if l.dec(f, k+".yuan", &e.Yuan) && (!e.Yuan.Set || !e.Yuan.IsPositive()) {
			l.errorf(f, k+".yuan", "必须写一个大于 0 的金额，如 \"12000\"")
		}
		if e.Year <= prev {
			l.errorf(f, k+".year", "年份要从早到晚排列（%d 写在了 %d 后面）", e.Year, prev)
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
			l.errorf(f, k, "要么写 words（两个或更多同义词），要么写 from 和 to")
		}
	}
}

// checkCases checks the calculator test cases: their names and figures,
// and that the clauses and benefits they expect exist (a typo gets a
// candidate).
func (l *loader) checkCases(p *Plan, benefits []string) {
	for i := range p.Cases {
		c := &p.Cases[i]
		file := strings.TrimPrefix(c.File, l.root+"/")
		k := c.key
		l.required(file, k+".name", c.Name)
		l.dec(file, k+".expect.once", &c.Expect.Once)
		l.dec(file, k+".expect.month", &c.Expect.Month)
		l.dec(file, k+".expect.year", &c.Expect.Year)
		if l.measuresRead() { // else an id may be in the file that could not be read
			l.refs(file, k+".expect.clauses", c.Expect.Clauses, keys(p.clause), "条文", "content/measures")
			l.refs(file, k+".expect.pending", c.Expect.Pending, benefits, "待遇", "content/measures")
		}
	}
}

// measuresRead reports whether every clause file could be read and parsed.
func (l *loader) measuresRead() bool {
	for f := range l.missing {
		if strings.HasPrefix(f, "measures/") {
			return false
		}
	}
	return true
}

// groupsKnown reports whether every group of the clause exists (a typo
// there is reported once, not again at each benefit).
func (c *Clause) groupsKnown(p *Plan) bool {
	for _, g := range c.Groups {
		if p.group[g] == nil {
			return false
		}
	}
	return true
}
