package model

// link resolves references and builds the reverse indexes (department →
// clauses, group → clauses). It runs after validation succeeded.
func (p *Plan) link() {
	p.dept, p.group, p.clause = map[string]*Department{}, map[string]*Group{}, map[string]*Clause{}
	for _, d := range p.Departments {
		d.Clauses = nil
		p.dept[d.ID] = d
	}
	for _, g := range p.Groups {
		g.Clauses = nil
		p.group[g.ID] = g
	}
	for _, c := range p.Clauses {
		p.clause[c.ID] = c
		c.Depts, c.Grps = nil, nil
		for _, id := range c.Departments {
			d := p.dept[id]
			c.Depts = append(c.Depts, d)
			d.Clauses = append(d.Clauses, c)
		}
		for _, id := range c.Groups {
			g := p.group[id]
			c.Grps = append(c.Grps, g)
			g.Clauses = append(g.Clauses, c)
		}
	}
}
