package model

import "time"

// Visible returns the plan as the public sees it on day today: without
// draft clauses (unless drafts is set, for preview) and without clauses
// whose publish date is after today. p is not modified.
func (p *Plan) Visible(today time.Time, drafts bool) *Plan {
	q := *p
	q.Clauses = nil
	for _, c := range p.Clauses {
		if c.Draft && !drafts {
			continue
		}
		if c.Publish.Set && c.Publish.After(today) {
			continue
		}
		cc := *c
		q.Clauses = append(q.Clauses, &cc)
	}
	q.Departments = make([]*Department, len(p.Departments))
	for i, d := range p.Departments {
		dd := *d
		q.Departments[i] = &dd
	}
	q.Groups = make([]*Group, len(p.Groups))
	for i, g := range p.Groups {
		gg := *g
		q.Groups[i] = &gg
	}
	q.link()
	return &q
}
