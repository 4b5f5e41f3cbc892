package rules

// resolve turns the parameters' rules (Spec, by names) into the rules the
// evaluator reads, clause by clause in plan order. A rule that names a
// word or reading it cannot resolve is left out and its benefit reported
// briefly: the parameters come from a build that checked them, and the
// staff's messages (explainRules) are written where the parameters are
// made, not in the browser's calculator.
func (s *Standards) resolve() {
	byID, byCond := map[string]*Reading{}, map[string]*Reading{}
	for _, rd := range s.readings {
		byID[rd.ID] = rd
		for _, c := range rd.Conditions {
			byCond[c] = rd
		}
	}
	for _, cid := range sortedClauseIDs(s.clauses) {
		c := s.clauses[cid]
		cr := &clauseRules{id: cid}
		for _, id := range c.Readings {
			rd := byID[id]
			if rd == nil {
				s.unread = append(s.unread, cid)
				continue
			}
			cr.readings = append(cr.readings, rd)
		}
		for _, id := range c.Benefits {
			st := s.benefits[id]
			if st != nil && st.NotAssessed != "" {
				s.notAssessed = append(s.notAssessed, id)
				continue
			}
			r := resolveRule(cid, id, st, byID, byCond)
			if r == nil {
				s.unread = append(s.unread, id)
				continue
			}
			cr.rules = append(cr.rules, r)
			s.rules = append(s.rules, r)
		}
		if len(cr.rules) > 0 || len(cr.readings) > 0 {
			s.plan = append(s.plan, cr)
		}
	}
	if len(s.rules) > maxRules {
		s.bad("benefits", "计算器的规则最多 ", itoa(maxRules), " 条，现有 ", itoa(len(s.rules)), " 条")
	}
}

// resolveRule resolves one benefit's Spec; nil when it names something
// the vocabulary or the readings do not have.
func resolveRule(clause, id string, st *istd, byID, byCond map[string]*Reading) *rule {
	if st == nil || st.Rule == nil || len(st.Rule.Who) == 0 || st.Clause != clause {
		return nil
	}
	sp := st.Rule
	r := &rule{benefit: id, instead: sp.Instead}
	for _, w := range sp.Who {
		c, name := lookupCond(w)
		if c == nil {
			return nil
		}
		r.who = append(r.who, c)
		if rd := byCond[name]; rd != nil {
			r.readings = append(r.readings, rd)
		}
	}
	if sp.PerChild != "" {
		c, name := lookupChild(sp.PerChild)
		if c == nil {
			return nil
		}
		r.perChild = c
		if rd := byCond[name]; rd != nil {
			r.readings = append(r.readings, rd)
		}
	}
	for _, rid := range sp.Readings {
		rd := byID[rid]
		if rd == nil {
			return nil
		}
		r.readings = append(r.readings, rd)
	}
	var ok bool
	if r.amount, ok = lookupFormula(sp.Formula, st.Kind); !ok {
		return nil
	}
	return r
}

// sortedClauseIDs returns the clause ids in plan order: "3.2.9" before
// "3.2.10".
func sortedClauseIDs(m map[string]*ClauseInfo) []string {
	ids := sortedKeys(m)
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && lessID(ids[j], ids[j-1]); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}

// lessID orders dotted clause ids number by number.
func lessID(a, b string) bool {
	for a != "" && b != "" {
		x, y := a, b
		if i := index(a, '.'); i >= 0 {
			x, a = a[:i], a[i+1:]
		} else {
			a = ""
		}
		if i := index(b, '.'); i >= 0 {
			y, b = b[:i], b[i+1:]
		} else {
			b = ""
		}
		if len(x) != len(y) {
			return len(x) < len(y)
		}
		if x != y {
			return x < y
		}
	}
	return a == "" && b != ""
}
