// Package params builds the calculator's parameters (calc.Params) from
// the content model: every standard the rules use, with its dated
// changes, the titles and responsible departments of their clauses, the
// plan's effective date and the 3.1 adjustment series.
package params

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"

	"gyportal/calc"
	"gyportal/generator/model"
)

// FromPlan returns the parameters for the benefits the calculator's rules
// use. It does not check that the content has them all, so that a partial
// content tree (a test fixture) still converts: call Validate on the
// result (as ParseParams, `generator check` and `generator calc` do),
// which names every benefit missing.
func FromPlan(p *model.Plan) (*calc.Params, error) {
	out := &calc.Params{
		Effective: p.Document.Effective.String(),
		Benefits:  map[string]*calc.Standard{},
		Clauses:   map[string]*calc.ClauseInfo{},
		Adjustment: calc.Adjustment{
			BaseYear:    p.Adjustment.BaseYear,
			Threshold:   p.Adjustment.Threshold.Decimal,
			Expenditure: []calc.Expenditure{},
		},
	}
	type found struct {
		c *model.Clause
		b *model.Benefit
	}
	byID := map[string]found{}
	for _, c := range p.Clauses {
		for i := range c.Benefits {
			byID[c.Benefits[i].ID] = found{c, &c.Benefits[i]}
		}
	}
	for _, id := range calc.BenefitIDs() {
		if c := p.Clause(calc.BenefitClause(id)); c != nil {
			// Every clause of p with rules is named, its benefits found
			// or not (Validate reports them); a clause p leaves out (a
			// draft) is not, and the rules leave out its rules.
			out.Clauses[c.ID] = &calc.ClauseInfo{Title: c.Title, Department: responsible(c)}
		}
		f, ok := byID[id]
		if !ok {
			continue // reported by Validate
		}
		out.Benefits[id] = standard(f.c, f.b)
		out.Clauses[f.c.ID] = &calc.ClauseInfo{Title: f.c.Title, Department: responsible(f.c)}
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

func standard(c *model.Clause, b *model.Benefit) *calc.Standard {
	s := &calc.Standard{
		Clause: c.ID, Name: b.Name, For: b.For, Kind: b.Kind,
		Amount: dec(b.Amount), Rate: dec(b.Rate), Threshold: dec(b.Threshold),
		Unit: b.Unit, Period: b.Period, Minimum: b.Minimum, Level: b.Level,
		Adjustable: b.Adjustable, Payer: b.Payer, Note: b.Note,
	}
	for _, ch := range b.Changes {
		s.Changes = append(s.Changes, calc.Change{From: ch.From.String(), Amount: ch.Amount.Decimal, Note: ch.Note})
	}
	return s
}

func dec(d model.Dec) *decimal.Decimal {
	if !d.Set {
		return nil
	}
	v := d.Decimal
	return &v
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
