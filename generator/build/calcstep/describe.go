package calcstep

import (
	"gyportal/calc/rules"
	"gyportal/generator/site"
)

// siteRules converts calc's descriptions of its rules into the renderer's
// view values.
func siteRules(ds []rules.ClauseRules) site.Rules {
	out := site.Rules{Benefits: map[string]*site.Rule{}, Clauses: map[string][]site.Reading{}}
	for _, c := range ds {
		if len(c.Readings) > 0 {
			out.Clauses[c.Clause] = readings(c.Readings)
		}
		for _, b := range c.Benefits {
			out.Benefits[b.Benefit] = &site.Rule{Benefit: b.Benefit, Title: b.Title, Who: b.Who, PerChild: b.PerChild,
				Amount: b.Amount, Adjustable: b.Adjustable, Instead: b.Instead, Readings: readings(b.Readings)}
		}
	}
	return out
}

func readings(rs []rules.Reading) []site.Reading {
	out := make([]site.Reading, len(rs))
	for i, r := range rs {
		out[i] = site.Reading{Words: r.Words, Text: r.Text}
	}
	return out
}
