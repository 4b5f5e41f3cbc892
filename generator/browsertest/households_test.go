package browsertest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"gyportal/calc"
	"gyportal/calc/rules"
)

// households generates at least n households: every value of every
// enumerated fact, the boundaries of the numbers (around the thresholds
// the parameters set), dates around the effective date, partial answers
// (each optional fact left out), and malformed input, then random
// mixtures, all from a fixed seed.
func households(p *calc.Params, n int) []string {
	hukous, families, stages := names(rules.Hukous()), names(rules.Families()), names(rules.Stages())
	var out []string
	add := func(m map[string]any) {
		data, err := json.Marshal(m)
		if err != nil {
			panic(err)
		}
		out = append(out, string(data))
	}
	// Every hukou × family, with and without each yes/no fact.
	flags := []string{"dibao", "poor", "integrity", "can_develop_project", "disabled_parent",
		"ethnic_minority", "wubao", "middle_low_income"}
	for _, h := range hukous {
		for _, f := range families {
			add(map[string]any{"hukou": h, "family": f})
			for _, fl := range flags {
				add(map[string]any{"hukou": h, "family": f, fl: true, "members": 3, "dibao_standard": "2400"})
			}
		}
	}
	// Every stage, admitted or not, for each family.
	for _, f := range families {
		for _, s := range stages {
			for _, adm := range []bool{false, true} {
				add(map[string]any{"hukou": "rural", "family": f, "dibao": adm, "poor": !adm, "disabled_parent": true,
					"members": 2, "dibao_standard": "1", "children": []any{map[string]any{"stage": s, "admitted_to_college": adm}}})
			}
		}
	}
	// Complication levels and members at their bounds.
	for lvl := 0; lvl <= 4; lvl++ {
		add(map[string]any{"hukou": "urban", "family": "other_planned", "complication_level": lvl})
	}
	for _, m := range []any{1, 100, "1", "100", 0, 101, -1, "3.5", "x"} {
		add(map[string]any{"hukou": "rural", "family": "only_son", "dibao": true, "members": m, "dibao_standard": "2500.55"})
	}
	// Amounts around the thresholds the standards set.
	edge := func(id string, get func(*rules.Standard) string) []string {
		s := p.Benefits[id]
		if s == nil {
			return []string{"0", "1"}
		}
		v := get(s)
		d, _ := json.Marshal(v)
		_ = d
		return []string{"0", "0.01", v, v + ".01", v + "1", "99999999.99", "-1", "1e3", "abc"}
	}
	for _, m := range edge("serious-illness-reimbursement", func(s *rules.Standard) string { return s.Threshold }) {
		add(map[string]any{"hukou": "rural", "family": "none", "medical_out_of_pocket": m})
	}
	for _, a := range edge("public-rental-housing", func(s *rules.Standard) string { return s.Amount }) {
		add(map[string]any{"hukou": "urban", "family": "only_son", "middle_low_income": true, "housing_area_per_capita": a})
	}
	for _, d := range []string{"2013-06-08", p.Effective, "2013-06-10", "2030-01-01", "2013-02-30", "yesterday"} {
		add(map[string]any{"hukou": "rural", "family": "bereaved", "date": d})
	}
	// Partial answers: a full household with each optional fact left out
	// in turn (pending benefits, totals of the rest), and the issue's
	// families (a 独女户 on 低保 whose daughter was admitted, the standard
	// unknown; 15 and 15.5 m²; a 失独 低保 family of 2).
	full := map[string]any{"hukou": "rural", "family": "only_daughter", "members": 3, "dibao": true, "dibao_standard": "2500",
		"medical_out_of_pocket": "12000", "aid_standard": "800", "housing_area_per_capita": "15",
		"children": []any{map[string]any{"stage": "college", "admitted_to_college": true}}}
	for k := range full {
		if k == "hukou" || k == "family" {
			continue
		}
		m := map[string]any{}
		for k2, v := range full {
			if k2 != k {
				m[k2] = v
			}
		}
		add(m)
	}
	add(map[string]any{"hukou": "rural", "family": "only_daughter", "members": 3, "dibao": true,
		"children": []any{map[string]any{"stage": "college", "admitted_to_college": true}}})
	for _, a := range []string{"15", "15.5", "15.00", "14.99"} {
		add(map[string]any{"hukou": "urban", "family": "only_son", "members": 3, "middle_low_income": true, "housing_area_per_capita": a})
	}
	add(map[string]any{"hukou": "urban", "family": "only_son", "middle_low_income": true})
	add(map[string]any{"hukou": "rural", "family": "bereaved", "members": 2, "dibao": true, "dibao_standard": "3000"})
	add(map[string]any{"hukou": "rural", "family": "bereaved", "dibao": true})
	// Malformed input.
	for _, m := range []map[string]any{
		{}, {"hukou": "rural"}, {"family": "none"}, {"hukou": "moon", "family": "sun"}, {"hukou": 1, "family": true},
		{"hukou": "rural", "family": "none", "colour": "red"}, {"hukou": "rural", "family": "none", "children": "two"},
		{"hukou": "rural", "family": "none", "children": []any{map[string]any{}}},
		{"hukou": "rural", "family": "none", "children": []any{map[string]any{"stage": "phd", "pet": 1}}},
		{"hukou": "rural", "family": "none", "dibao": "yes"},
	} {
		add(m)
	}
	// Random mixtures.
	r := rand.New(rand.NewPCG(89, 2013))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for len(out) < n {
		m := map[string]any{"hukou": pick(hukous), "family": pick(families)}
		for _, fl := range flags {
			if r.IntN(3) == 0 {
				m[fl] = true
			}
		}
		if r.IntN(4) > 0 {
			m["members"] = 1 + r.IntN(8)
		}
		if r.IntN(2) == 0 {
			m["dibao_standard"] = fmt.Sprintf("%d.%02d", 1000+r.IntN(5000), r.IntN(100))
		}
		if r.IntN(3) == 0 {
			m["complication_level"] = r.IntN(5)
		}
		if r.IntN(3) == 0 {
			m["medical_out_of_pocket"] = fmt.Sprintf("%d.%02d", r.IntN(40000), r.IntN(100))
		}
		if r.IntN(3) == 0 {
			m["housing_area_per_capita"] = fmt.Sprintf("%d.%d", r.IntN(30), r.IntN(10))
		}
		if r.IntN(5) == 0 {
			m["aid_standard"] = fmt.Sprintf("%d.%02d", r.IntN(9000), r.IntN(100))
		}
		// Random households are ones a family could be; contradictions
		// (which calc refuses) come from the every-stage list above.
		var kids []any
		for k := r.IntN(4); k > 0; k-- {
			stage := pick(stages)
			admitted := r.IntN(4) == 0 && (stage == "senior" || stage == "vocational" || stage == "college")
			kids = append(kids, map[string]any{"stage": stage, "admitted_to_college": admitted})
		}
		kids = kids[:min(len(kids), maxKids[m["family"].(string)])]
		if n, ok := m["members"].(int); ok && n < len(kids) {
			m["members"] = len(kids)
		}
		if len(kids) > 0 {
			m["children"] = kids
		}
		add(m)
	}
	return out
}

// maxKids is the most children a family type can have.
var maxKids = map[string]int{"only_daughter": 1, "only_son": 1, "two_daughters": 2, "bereaved": 0,
	"other_planned": 3, "none": 3}

// names returns the names of enumerated values.
func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}
