package model

import "time"

// Visible returns the plan as the public sees it on day today: without
// draft clauses (unless drafts is set, for preview) and without clauses
// whose publish date is after today, and without the departments and
// groups all of whose clauses are left out, so that nothing built from
// it names a clause the public cannot see. Withheld lists the clauses
// left out. p is not modified.
func (p *Plan) Visible(today time.Time, drafts bool) *Plan {
	q := *p
	q.Clauses, q.Withheld = nil, nil
	for _, c := range p.Clauses {
		if c.Draft && !drafts || c.Scheduled(today) {
			q.Withheld = append(q.Withheld, c)
			continue
		}
		cc := *c
		q.Clauses = append(q.Clauses, &cc)
	}
	q.Departments, q.Groups = copies(p.Departments), copies(p.Groups)
	q.link()
	q.Departments = keep(q.Departments, p.Departments, func(d *Department) int { return len(d.Clauses) })
	q.Groups = keep(q.Groups, p.Groups, func(g *Group) int { return len(g.Clauses) })
	q.link() // the maps without the bodies left out
	return &q
}

// Scheduled reports whether the clause's publish date is after today.
func (c *Clause) Scheduled(today time.Time) bool {
	return c.Publish.Set && c.Publish.After(today)
}

// copies copies departments or groups (link sets their clause lists).
func copies[T any](bodies []*T) []*T {
	out := make([]*T, len(bodies))
	for i, b := range bodies {
		bb := *b
		out[i] = &bb
	}
	return out
}

// keep returns the bodies of vis (copies of full, in the same order)
// that still have a clause, or that had none in the full plan either.
func keep[T any](vis, full []*T, clauses func(*T) int) []*T {
	var out []*T
	for i, b := range vis {
		if clauses(b) > 0 || clauses(full[i]) == 0 {
			out = append(out, b)
		}
	}
	return out
}
