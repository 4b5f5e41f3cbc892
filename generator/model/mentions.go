package model

import (
	"fmt"
	"regexp"
	"strings"

	"gyportal/calc/errlist"
)

// Mentions returns a warning for each text of the visible plan p that
// names a clause p leaves out (p.Withheld): the public would look for
// it in vain. Each is positioned at the text, for staff to change with
// the draft.
func (p *Plan) Mentions() errlist.List {
	if len(p.Withheld) == 0 {
		return nil
	}
	re, why := withheldRE(p.Withheld)
	var list errlist.List
	check := func(file, key, text string) {
		if m := re.FindStringSubmatch(text); m != nil {
			list = append(list, p.Errorf(file, key, "提到了第%s条，但%s，网站上没有这一条；请一并修改这段文字", m[1], why[m[1]]))
		}
	}
	for _, d := range p.Departments {
		check("departments.toml", fmt.Sprintf("department[%d].note", d.index), d.Note)
	}
	for _, g := range p.Groups {
		check("groups.toml", fmt.Sprintf("group[%d].who", g.index), g.Who)
	}
	for _, c := range p.Clauses {
		for _, t := range []struct{ key, text string }{{"text", c.Text}, {"summary", c.Summary}, {"reading", c.Reading}} {
			check(c.rel, t.key, t.text)
		}
		for i, b := range c.Benefits {
			check(c.rel, fmt.Sprintf("benefits[%d].note", i), b.Note)
		}
		for i, u := range c.Updates {
			check(c.rel, fmt.Sprintf("updates[%d].text", i), u.Text)
		}
	}
	return list
}

// withheldRE matches the id of a clause of cs as a whole number ("4.3",
// not "14.3" or "4.3.1") in its group 1; why says why each is left out.
func withheldRE(cs []*Clause) (*regexp.Regexp, map[string]string) {
	ids := make([]string, len(cs))
	why := map[string]string{}
	for i, c := range cs {
		ids[i] = regexp.QuoteMeta(c.ID)
		why[c.ID] = "它是草稿"
		if !c.Draft {
			why[c.ID] = "它要到 " + c.Publish.String() + " 才公开"
		}
	}
	return regexp.MustCompile(`(?:^|[^0-9.])(` + strings.Join(ids, "|") + `)(?:$|[^0-9.]|\.$|\.[^0-9])`), why
}
