// Package params builds the calculator's parameters (calc.Params) from
// the content model: every standard the rules use, with its dated
// changes, the titles and responsible departments of their clauses, the
// plan's effective date and the 3.1 adjustment series.
package params

import (
	"encoding/json"
	"strings"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// FromPlan returns the calculator's parameters: every benefit with a rule
// ([benefits.rule]) or a not_assessed reason, the clauses they belong to,
// and the readings. It does not validate the rules: call Validate on the
// result (as ParseParams, `generator check` and `generator calc` do), or
// Check, which names each problem's file and line.
func FromPlan(p *model.Plan) (*calc.Params, error) {
	out := &calc.Params{
		Effective: p.Document.Effective.String(),
		Benefits:  map[string]*rules.Standard{},
		Clauses:   map[string]*rules.ClauseInfo{},
		Adjustment: calc.Adjustment{
			BaseYear:    p.Adjustment.BaseYear,
			Threshold:   p.Adjustment.Threshold.Decimal,
			Expenditure: []calc.Expenditure{},
		},
	}
	out.Readings = append(out.Readings, p.Readings...)
	for _, c := range p.Clauses {
		info := &rules.ClauseInfo{Title: c.Title, Department: responsible(c)}
		for i := range c.Benefits {
			if b := &c.Benefits[i]; b.Rule != nil || b.NotAssessed != "" {
				out.Benefits[b.ID] = standard(c, b)
				info.Benefits = append(info.Benefits, b.ID)
			}
		}
		for _, rd := range c.Readings {
			out.Readings = append(out.Readings, rd)
			if rd.Whole {
				info.Readings = append(info.Readings, rd.ID)
			}
		}
		if len(info.Benefits) > 0 || len(info.Readings) > 0 {
			out.Clauses[c.ID] = info
		}
	}
	for _, e := range p.Adjustment.Expenditure {
		out.Adjustment.Expenditure = append(out.Adjustment.Expenditure,
			calc.Expenditure{Year: e.Year, Yuan: e.Yuan.Decimal, Source: e.Source})
	}
	return out, nil
}

// JSON returns FromPlan's parameters as compact JSON. The bytes are
// deterministic: encoding/json writes map keys in sorted order.
func JSON(p *model.Plan) ([]byte, error) {
	cp, err := FromPlan(p)
	if err != nil {
		return nil, err
	}
	return json.Marshal(cp)
}

// standard is the calculator's standard of b: its figures as decimal
// text, everything else as content wrote it.
func standard(c *model.Clause, b *model.Benefit) *rules.Standard {
	s := &rules.Standard{
		Clause: c.ID, Name: b.Name, For: b.For, Kind: b.Kind,
		Amount: dec(b.Amount), Rate: dec(b.Rate), Threshold: dec(b.Threshold),
		Unit: b.Unit, Period: b.Period, Minimum: b.Minimum, Level: b.Level,
		Adjustable: b.Adjustable, Payer: b.Payer, Note: b.Note, Rule: b.Rule, NotAssessed: b.NotAssessed,
	}
	for _, ch := range b.Changes {
		s.Changes = append(s.Changes, rules.Change{From: ch.From.String(), Amount: ch.Amount.String(), Note: ch.Note})
	}
	return s
}

// dec is the decimal text of d; "" when it is not written.
func dec(d model.Dec) string {
	if !d.Set {
		return ""
	}
	return d.String()
}

// responsible names the departments a clause addresses: the departments
// its text opens with ("卫生部门、人口计生部门要…", "各计划生育“三结合”帮扶部门要…"),
// else its first department. Names are joined by "、".
func responsible(c *model.Clause) string {
	var names []string
	rest := c.Text
	for {
		d, after := leading(c.Depts, rest)
		if d == nil {
			break
		}
		names = append(names, d.Name)
		rest = strings.TrimPrefix(after, "、")
	}
	if len(names) == 0 && len(c.Depts) > 0 {
		names = append(names, c.Depts[0].Name)
	}
	return strings.Join(names, "、")
}

// leading returns the department whose name text opens with, allowing a
// "各" before it, and the text after the name.
func leading(depts []*model.Department, text string) (*model.Department, string) {
	for _, t := range []string{text, strings.TrimPrefix(text, "各")} {
		for _, d := range depts {
			if after, ok := strings.CutPrefix(t, d.Name); ok {
				return d, after
			}
		}
	}
	return nil, ""
}
