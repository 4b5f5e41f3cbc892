package rules

import (
	"slices"
	"strings"
	"testing"
)

// households lists every household of the test enumeration: every
// hukou, family, yes/no fact and complication level, no child or one
// child at each stage (admitted or not), with every figure given so that
// nothing waits; the medical costs are over the threshold in half of
// them (those of urban 中等偏下收入 households, which no condition joins with them).
func households() []Facts {
	var out []Facts
	var bools []fieldID
	for i := range fields {
		if fields[i].Kind == BoolField {
			bools = append(bools, fieldID(i))
		}
	}
	kids := [][]Child{nil}
	for _, s := range Stages() {
		kids = append(kids, []Child{{Stage: s}}, []Child{{Stage: s, AdmittedToCollege: true}})
	}
	for _, h := range Hukous() {
		for _, fam := range Families() {
			for mask := range 1 << len(bools) {
				for l := range maxLevel + 1 {
					for _, k := range kids {
						f := Facts{Date: "2024-01-01", Hukou: h, Family: fam, Members: 3, ComplicationLevel: l, Children: k,
							DibaoStandard: AmountOf(300000), MedicalOutOfPocket: AmountOf(int64(2000000 * (mask >> slices.Index(bools, fMiddleLow) & 1))),
							HousingAreaPerCapita: AmountOf(1000), AidStandard: AmountOf(100000)}
						for b, id := range bools {
							*boolField(&f, id) = mask&(1<<b) != 0
						}
						out = append(out, f)
					}
				}
			}
		}
	}
	return out
}

// plannedAny are the families every 计划生育家庭 is one of.
var plannedAny = []any{"only_daughter", "only_son", "two_daughters", "bereaved", "other_planned"}

// groupFacts are groups as content/groups.toml defines them, each with
// its households written out as a test of the facts.
var groupFacts = []struct {
	name  string
	facts []map[string]any // alternatives (facts_any); one: facts
	is    func(f *Facts) bool
}{
	{"bereaved", []map[string]any{{"family": "bereaved"}}, func(f *Facts) bool { return f.Family == Bereaved }},
	{"rural-only-daughter", []map[string]any{{"hukou": "rural", "family": "only_daughter"}},
		func(f *Facts) bool { return f.Hukou == Rural && f.Family == OnlyDaughter }},
	{"two-daughters", []map[string]any{{"family": "two_daughters"}}, func(f *Facts) bool { return f.Family == TwoDaughters }},
	{"planned", []map[string]any{{"family": []any{"only_daughter", "only_son", "two_daughters", "bereaved", "other_planned"}}}, func(f *Facts) bool { return f.Family.Planned() }},
	{"dibao", []map[string]any{{"dibao": true}}, func(f *Facts) bool { return f.Dibao }},
	{"poor", []map[string]any{{"poor": true}}, func(f *Facts) bool { return f.Poor }},
	{"students", []map[string]any{{"children": []any{"primary", "senior+admitted"}}}, func(f *Facts) bool {
		return len(f.Children) == 1 && (f.Children[0] == Child{Stage: Primary} || f.Children[0] == Child{Stage: Senior, AdmittedToCollege: true})
	}},
	{"complication", []map[string]any{{"complication_level": []any{int64(1), int64(2), int64(3), int64(4)}}},
		func(f *Facts) bool { return f.ComplicationLevel > 0 }},
	{"disabled", []map[string]any{{"disabled_parent": true, "family": []any{"only_daughter", "only_son", "two_daughters", "bereaved", "other_planned"}}},
		func(f *Facts) bool { return f.DisabledParent && f.Family.Planned() }},
	{"hardship", []map[string]any{{"dibao": true, "family": plannedAny}, {"poor": true, "family": plannedAny}},
		func(f *Facts) bool { return (f.Dibao || f.Poor) && f.Family.Planned() }},
}

// TestOpenIsWhatTheEvaluatorGrants checks Open against the evaluator over
// every household of the enumeration that has a group's facts (and that
// the vocabulary does not refuse as a contradiction): a benefit
// is listed exactly when some household of the group is granted it, and
// it needs no further condition exactly when every household is.
func TestOpenIsWhatTheEvaluatorGrants(t *testing.T) {
	s := testParams().std()
	tb, err := s.table("2024-01-01")
	if err != nil {
		t.Fatal(err)
	}
	// count[g][rule] households of group g granted the rule; n[g] households.
	count := make([][maxRules]int, len(groupFacts))
	n := make([]int, len(groupFacts))
	var o outcome
	for _, f := range households() {
		if contradicts(&f) {
			continue // every door refuses it
		}
		o.decide(tb, &f)
		for gi, g := range groupFacts {
			if !g.is(&f) {
				continue
			}
			n[gi]++
			var seen [maxRules]bool
			for _, gr := range o.grants {
				if !seen[gr.rule] && !gr.off {
					seen[gr.rule] = true
					count[gi][gr.rule]++
				}
			}
		}
	}
	for gi, g := range groupFacts {
		var ks []Known
		for _, m := range g.facts {
			k, err := ParseKnown(m)
			if err != nil {
				t.Fatal(err)
			}
			ks = append(ks, k)
		}
		ps, err := s.Open("2024-01-01", ks...)
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]*Prospect{}
		for i := range ps {
			listed[ps[i].Benefit] = &ps[i]
		}
		for i, c := range count[gi][:len(tb.rules)] {
			b := tb.rules[i].r.benefit
			switch p := listed[b]; {
			case p == nil && c > 0:
				t.Errorf("%s: %s granted to %d households of the group, not listed", g.name, b, c)
			case p != nil && c == 0:
				t.Errorf("%s: %s listed, granted to no household of the group", g.name, b)
			case p != nil && (c == n[gi]) != (len(p.Still) == 0):
				t.Errorf("%s: %s granted to %d of %d households, listed with still %q", g.name, b, c, n[gi], p.Still)
			}
		}
		t.Logf("%s: %d households, %d benefits", g.name, n[gi], len(ps))
	}
}

// TestOpenBereaved spells out what a 失独家庭 gets, and what it still needs.
func TestOpenBereaved(t *testing.T) {
	k, err := ParseKnown(map[string]any{"family": "bereaved"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := testParams().std().Open("2024-01-01", k)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range ps {
		got[p.Benefit] = strings.Join(p.Still, "、")
	}
	want := map[string]string{"bereaved-province": "", "bereaved-city": "", "nursing-home": "", "volunteer-services": "",
		"dibao-supplement": "农村户口、低保家庭"}
	for b, still := range want {
		if s, ok := got[b]; !ok || s != still {
			t.Errorf("%s: listed %v, still %q; want still %q", b, ok, s, still)
		}
	}
	for _, b := range []string{"college-award", "project-fund-only-daughter"} {
		if _, ok := got[b]; ok {
			t.Errorf("%s listed for a 失独家庭", b)
		}
	}
	for _, p := range ps {
		if p.Benefit == "bereaved-city" && (!p.Cash || p.Fen != 2000000 || p.Period != PeriodOnce) {
			t.Errorf("bereaved-city: %+v", p)
		}
	}
}

func TestParseKnownErrors(t *testing.T) {
	for m, want := range map[string]map[string]any{
		"famly: 不能用来划分人群":                       {"famly": "bereaved"},
		`family: "lost" 不是可选值之一`:                {"family": "lost"},
		"dibao: 应为 true 或 false":                {"dibao": "yes"},
		"complication_level: 应在 0 到 4 之间（得到 9）": {"complication_level": int64(9)},
		"date: 不能用来划分人群":                        {"date": "2024-01-01"},
		`children[0].stage: "school"`:           {"children": "school"},
		"hukou: 至少要有一个值":                        {"hukou": []any{}},
	} {
		_, err := ParseKnown(want)
		if err == nil || !strings.Contains(err.Error(), m) {
			t.Errorf("ParseKnown(%v) = %v, want %q", want, err, m)
		}
	}
}
