// Package calctest holds test helpers shared by the calculator's
// packages (calc, calc/rules). It imports neither.
package calctest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
)

// maxKids is the most children a family type can have: the households
// are ones a family could be (no contradictions, which calc refuses).
var maxKids = map[string]int{"only_daughter": 1, "only_son": 1, "two_daughters": 2, "bereaved": 0,
	"other_planned": 3, "none": 3}

// Households returns n households as JSON objects, mixing every fact of
// the household vocabulary (dates before and after the plan took effect
// included), the same for the same seed. None is contradictory.
func Households(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 2013))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var out []string
	for range n {
		m := map[string]any{"hukou": pick("rural", "urban"),
			"family": pick("only_daughter", "only_son", "two_daughters", "bereaved", "other_planned", "none")}
		for _, fl := range []string{"dibao", "poor", "integrity", "can_develop_project", "disabled_parent",
			"ethnic_minority", "wubao", "middle_low_income"} {
			if r.IntN(3) == 0 {
				m[fl] = true
			}
		}
		if r.IntN(3) > 0 {
			m["members"] = 1 + r.IntN(8)
		}
		if r.IntN(2) == 0 {
			m["dibao_standard"] = fmt.Sprintf("%d.%02d", 1000+r.IntN(5000), r.IntN(100))
		}
		if r.IntN(3) == 0 {
			m["complication_level"] = r.IntN(5)
		}
		if r.IntN(2) == 0 {
			m["medical_out_of_pocket"] = fmt.Sprintf("%d.%02d", r.IntN(12000), r.IntN(100))
		}
		if r.IntN(2) == 0 {
			m["housing_area_per_capita"] = fmt.Sprintf("%d.%d", 10+r.IntN(10), r.IntN(10))
		}
		if r.IntN(4) == 0 {
			m["aid_standard"] = fmt.Sprint(r.IntN(5000))
		}
		if r.IntN(8) == 0 {
			m["date"] = pick("2013-06-08", "2013-06-09", "2016-01-01")
		}
		var kids []any
		for k := r.IntN(4); k > 0; k-- {
			stage := pick("none", "preschool", "primary", "junior", "senior", "vocational", "college")
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
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}
