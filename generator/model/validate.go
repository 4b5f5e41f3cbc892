package model

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	clauseIDRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)
)

// bodyNames names the [[department]] and [[group]] tables for messages.
var bodyNames = map[string]string{"department": "部门", "group": "人群"}

// Allowed values of enumerated benefit keys.
var (
	benefitFor = []string{"household", "person", "village", "township", "department"}
)

func (l *loader) validate(p *Plan) {
	l.checkSite(&p.Site)
	l.checkDocument(&p.Document)
	l.checkStatus(&p.Document)
	p.dept = l.checkDepartments(p.Departments)
	for i, d := range p.Departments {
		l.checkContacts(i, d)
	}
	p.group = l.checkGroups(p.Groups)
	p.clause = map[string]*Clause{}
	benefitIDs := map[string]*benefitAt{}
	for _, c := range p.Clauses {
		l.checkClause(p, c, benefitIDs)
	}
	l.checkAdjustment(&p.Adjustment)
	l.checkSynonyms(p.Synonyms)
	l.checkCases(p, keys(benefitIDs))
}

func (l *loader) required(file, key, v string) {
	if strings.TrimSpace(v) == "" {
		l.errorf(file, key, "必须填写")
	}
}

// dec parses and checks a decimal; false if it is not a valid one.
func (l *loader) dec(file, key string, d *Dec) bool {
	if err := d.parse(); err != nil {
		l.errorf(file, key, "%v", err)
		return false
	} else if d.Set && d.IsNegative() {
		l.errorf(file, key, "%q 不能是负数", d.String())
		return false
	}
	return true
}

func (l *loader) date(file, key string, d *Date) {
	if err := d.parse(); err != nil {
		l.errorf(file, key, "%v", err)
	}
}

func (l *loader) oneOf(file, key, v string, allowed []string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	l.errorf(file, key, "%q 不是可选的值，可选：%s", v, strings.Join(allowed, "、"))
}

func (l *loader) checkSite(s *Site) {
	const f = "site.toml"
	l.required(f, "title", s.Title)
	if PlaceholderBase(s.BaseURL) {
		s.Placeholder, s.BaseURL = s.BaseURL, ""
		return
	}
	if msg := checkBaseURL(s.BaseURL); msg != "" {
		l.errorf(f, "base_url", "%s", msg)
	}
}

func (l *loader) checkDocument(d *Document) {
	const f = "document.toml"
	for k, v := range map[string]string{"doc_number": d.DocNumber, "issuer": d.Issuer,
		"notice_title": d.NoticeTitle, "notice_text": d.NoticeText, "plan_title": d.PlanTitle,
		"preamble": d.Preamble} {
		l.required(f, k, v)
	}
	l.date(f, "signed_date", &d.SignedDate)
	l.date(f, "printed_date", &d.PrintedDate)
	l.date(f, "effective", &d.Effective)
	if !d.Effective.Set {
		l.errorf(f, "effective", "必须填写")
	}
	for i, s := range d.Sections {
		k := fmt.Sprintf("sections[%d]", i)
		if !clauseIDRE.MatchString(s.ID) {
			l.errorf(f, k+".id", "%q 不是章节编号，应写成 \"3.2\" 这样的数字", s.ID)
		}
		l.required(f, k+".title", s.Title)
	}
}

func (l *loader) checkDepartments(ds []*Department) map[string]*Department {
	return checkBodies(l, "departments.toml", "department", ds, func(d *Department) (string, string) { return d.ID, d.Name })
}

func (l *loader) checkGroups(gs []*Group) map[string]*Group {
	for i, g := range gs {
		k := fmt.Sprintf("group[%d]", i)
		switch {
		case g.Facts != nil && g.FactsAny != nil:
			l.errorf("groups.toml", k+".facts_any", "facts 和 facts_any 只能写一个：一种家庭写 facts，几种家庭之一写 facts_any")
		case g.FactsAny != nil && len(g.FactsAny) < 2:
			l.errorf("groups.toml", k+".facts_any", "facts_any 至少要写两种家庭；只有一种请写 facts")
		}
	}
	return checkBodies(l, "groups.toml", "group", gs, func(g *Group) (string, string) { return g.ID, g.Name })
}

// checkBodies checks the [[key]] tables of file (departments or groups):
// each needs a slug id, unique, and a name. It returns them by id.
func checkBodies[T any](l *loader, file, key string, items []T, idName func(T) (string, string)) map[string]T {
	m, first := map[string]T{}, map[string]int{}
	for i, it := range items {
		id, name := idName(it)
		k := fmt.Sprintf("%s[%d]", key, i)
		l.slug(file, k+".id", id)
		l.required(file, k+".name", name)
		if j, dup := first[id]; dup {
			l.errorf(file, k+".id", "id %q 重复了（第 %d 行已有同样 id 的%s）", id, l.line(file, fmt.Sprintf("%s[%d].id", key, j)), bodyNames[key])
			continue
		}
		m[id], first[id] = it, i
	}
	return m
}

func (l *loader) slug(file, key, v string) {
	if !slugRE.MatchString(v) {
		l.errorf(file, key, "%q 不能作 id：只能用小写英文字母、数字和连字符，如 \"civil-affairs\"", v)
	}
}
