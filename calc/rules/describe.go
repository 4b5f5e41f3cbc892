package rules

// BenefitRule describes, in plain Chinese, how the calculator decides one
// benefit: the site shows it on the clause's page as 谁能领（本平台的理解）.
// It is derived from the very rule values and figures the evaluator uses.
type BenefitRule struct {
	Benefit    string    // benefit id
	Clause     string    // clause id
	Title      string    // the benefit's name
	Who        []string  // the conditions, all required, in the plan's terms
	PerChild   string    // "per child" in words, "" for a household benefit
	Amount     string    // the amount or formula in words and figures; "" for a service
	Adjustable bool      // the amount follows the 3.1 dynamic adjustment
	Instead    string    // the benefit it is granted instead of (its title), "" when none
	Readings   []Reading // the readings it applies, its own and its conditions'
}

// ClauseRules describes the rules of one clause: the readings of the
// clause as a whole, and each benefit the calculator evaluates.
type ClauseRules struct {
	Clause   string
	Readings []Reading
	Benefits []BenefitRule
}

// Describe returns the descriptions of every clause with rules, in plan
// order, with the figures in force on date (YYYY-MM-DD). The standards
// must be valid (the error is Err's).
func (s *Standards) Describe(date string) ([]ClauseRules, error) {
	if !validDate(date) {
		return nil, fieldErr("date", quote(date), " 不是日期 YYYY-MM-DD")
	}
	if date < s.effective {
		date = s.effective
	}
	t, err := s.table(date)
	if err != nil {
		return nil, err
	}
	var out []ClauseRules
	i := 0
	for _, c := range s.plan {
		cr := ClauseRules{Clause: c.id, Readings: readingList(c.readings)}
		for range c.rules {
			cr.Benefits = append(cr.Benefits, t.rules[i].describe(t))
			i++
		}
		out = append(out, cr)
	}
	return out, nil
}

// describe describes one compiled rule.
func (k *crule) describe(t *table) BenefitRule {
	r := k.r
	d := BenefitRule{Benefit: r.benefit, Clause: k.s.Clause, Title: k.s.Name, Adjustable: k.s.Adjustable}
	w := &tw{}
	for _, c := range r.who {
		*w = c.who(*w, k)
		d.Who = append(d.Who, w.take(0))
	}
	if pc := r.perChild; pc != nil {
		d.Who = append(d.Who, pc.who)
		d.PerChild = pc.each
	}
	if r.amount != service {
		k.formulaWords(w, nil)
		d.Amount = w.take(0)
	}
	if k.instead >= 0 {
		d.Instead = t.rules[k.instead].s.Name
	}
	d.Readings = readingList(r.readings)
	return d
}

// readingList copies readings, each once, in order.
func readingList(rs []*Reading) []Reading {
	var out []Reading
	seen := map[*Reading]bool{}
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, *r)
		}
	}
	return out
}

// indent is Indent.
func indent(compact []byte) []byte {
	out := make([]byte, 0, len(compact)+len(compact)/4)
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		switch c {
		case '"':
			j := i + 1
			for ; j < len(compact) && compact[j] != '"'; j++ {
				if compact[j] == '\\' {
					j++
				}
			}
			out = append(out, compact[i:j+1]...)
			i = j
		case '{', '[':
			out = append(out, c)
			if i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']') {
				out = append(out, compact[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}
