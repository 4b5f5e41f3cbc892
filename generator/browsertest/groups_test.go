package browsertest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/site"
)

// The tests of issue #22's group pages: a group page leads with what its
// households get, the largest amount in the first screen, and lists
// exactly what the calculator grants households with the group's facts.

// firstScreen is the phone screen, 375 × 812 CSS px.
const firstW, firstH = 375, 812

// TestGroupLargestAmountFirstScreen: on every group page that lists
// cash, the largest amount it lists is within the first screen.
func TestGroupLargestAmountFirstScreen(t *testing.T) {
	ctx := tab(t)
	n := 0
	for _, g := range env.result.Plan.Groups {
		do(t, ctx, viewport(firstW, firstH), chromedp.Navigate(env.url+"/groups/"+g.ID+"/"))
		got := eval[[]float64](t, ctx, `(() => {
		  let best = [-1, -1];
		  for (const e of document.querySelectorAll(".offers .amount")) {
		    const m = e.textContent.replace(/,/g, "").match(/\d+(\.\d+)?(?=元)/);
		    if (!m) continue;
		    const v = parseFloat(m[0]), r = e.getBoundingClientRect();
		    if (v > best[0]) best = [v, r.bottom + scrollY];
		  }
		  return best;
		})()`)
		if got[0] < 0 {
			continue
		}
		n++
		if got[1] > firstH {
			t.Errorf("%s: the largest amount, %v元, ends %.0f px down, below the first screen (%d px)", g.ID, got[0], got[1], firstH)
		} else {
			t.Logf("%s: largest amount %v元 ends at %.0f px", g.ID, got[0], got[1])
		}
	}
	if n == 0 {
		t.Fatal("no group page lists an amount")
	}
}

// TestGroupListIsWhatTheCalculatorGrants: every group page with facts
// (or facts_any) lists (data-offer) exactly the benefits the calculator
// grants some household with the group's facts (any of them; that it
// does not refuse as a contradiction), over an enumeration of households
// evaluated by the Go calculator; a group page without lists exactly the
// benefits its clauses name for the group, and says the calculator
// cannot tell the group. Every page states the count it lists.
func TestGroupListIsWhatTheCalculatorGrants(t *testing.T) {
	ctx := tab(t)
	p := siteParams(t)
	today := Today().Format(time.DateOnly)
	all := enumerate(today)
	for _, g := range env.result.Plan.Groups {
		alts, _ := g.Alternatives()
		granted := map[string]bool{}
		for _, c := range g.Clauses {
			for _, b := range site.ForGroup(g.ID, c.Benefits) {
				granted[b.ID] = alts == nil // named for a group the facts cannot tell
			}
		}
		for _, f := range all {
			if alts == nil || !slices.ContainsFunc(alts, func(m map[string]any) bool { return hasFacts(f, m) }) || f.Contradictory() {
				continue // not the group's, or a household every door refuses
			}
			r, err := calc.EvaluateBrief(f, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range r.Entitlements {
				granted[e.Benefit] = true
			}
		}
		do(t, ctx, chromedp.Navigate(env.url+"/groups/"+g.ID+"/"))
		listed := eval[[]string](t, ctx, `[...document.querySelectorAll(".offers [data-offer]")].map(e => e.dataset.offer)`)
		stated := eval[string](t, ctx, `document.querySelector(".offers-lead strong").textContent`)
		if stated != strconv.Itoa(len(listed)) {
			t.Errorf("%s: the page says %s items and lists %d", g.ID, stated, len(listed))
		}
		var want []string
		for b, ok := range granted {
			if ok {
				want = append(want, b)
			}
		}
		if note := eval[string](t, ctx, `(document.querySelector(".offers-note") || {textContent: ""}).textContent`); (alts == nil) != strings.Contains(note, "分不出谁是") {
			t.Errorf("%s: facts %v, the page's note: %q", g.ID, alts, note)
		}
		slices.Sort(want)
		got := slices.Clone(listed)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the page lists\n%v\nthe calculator grants households with %v\n%v", g.ID, got, alts, want)
		}
		sheet := eval[[]string](t, ctx, `[...document.querySelectorAll(".sheet [data-offer]")].map(e => e.dataset.offer)`)
		slices.Sort(sheet)
		if !slices.Equal(sheet, got) {
			t.Errorf("%s: the 明白纸 lists %v, the page %v", g.ID, sheet, got)
		}
	}
}

// enumerate lists households of every hukou, family, yes/no fact and
// complication level, with no child or one child at each stage (admitted
// to college or not), and every figure given: medical costs over any
// threshold for half of them, housing small, the 低保 standard and the
// aid standard known.
func enumerate(date string) []*rules.Facts {
	var bools []string
	for _, f := range rules.Fields() {
		if f.Kind == rules.BoolField {
			bools = append(bools, f.Name)
		}
	}
	kids := [][]rules.Child{nil}
	for _, s := range rules.Stages() {
		kids = append(kids, []rules.Child{{Stage: s}}, []rules.Child{{Stage: s, AdmittedToCollege: true}})
	}
	var out []*rules.Facts
	for _, h := range rules.Hukous() {
		for _, fam := range rules.Families() {
			for mask := range 1 << len(bools) {
				for l := range 5 {
					for _, k := range kids {
						cells := map[string]string{"hukou": h.String(), "family": fam.String(), "members": "3",
							"complication_level": strconv.Itoa(l), "dibao_standard": "3000",
							"medical_out_of_pocket": strconv.Itoa(mask & 1 * 1e6), "housing_area_per_capita": "5",
							"aid_standard": "1000"}
						for i, b := range bools {
							cells[b] = strconv.FormatBool(mask&(1<<i) != 0)
						}
						f, err := rules.ParseFactsText(func(n string) (string, bool) { v, ok := cells[n]; return v, ok })
						if err != nil {
							panic(err)
						}
						f.Date, f.Children = date, k
						out = append(out, f)
					}
				}
			}
		}
	}
	return out
}

// hasFacts reports whether household f has the group's facts, as
// groups.toml writes them (a value, or a list of values).
func hasFacts(f *rules.Facts, facts map[string]any) bool {
	have := map[string]string{"hukou": f.Hukou.String(), "family": f.Family.String(),
		"complication_level": strconv.Itoa(f.ComplicationLevel), "dibao": fmt.Sprint(f.Dibao), "poor": fmt.Sprint(f.Poor),
		"disabled_parent": fmt.Sprint(f.DisabledParent), "ethnic_minority": fmt.Sprint(f.EthnicMinority),
		"wubao": fmt.Sprint(f.Wubao), "integrity": fmt.Sprint(f.Integrity), "middle_low_income": fmt.Sprint(f.MiddleLowIncome),
		"can_develop_project": fmt.Sprint(f.CanDevelopProject), "children": shortForm(f.Children)}
	for k, v := range facts {
		vals, ok := v.([]any)
		if !ok {
			vals = []any{v}
		}
		h, known := have[k]
		if !known {
			panic("hasFacts: fact " + k + " not enumerated")
		}
		if !slices.ContainsFunc(vals, func(v any) bool { return strings.EqualFold(fmt.Sprint(v), h) }) {
			return false
		}
	}
	return true
}

// shortForm writes children as groups.toml does: "senior+admitted".
func shortForm(kids []rules.Child) string {
	var parts []string
	for _, c := range kids {
		s := c.Stage.String()
		if c.AdmittedToCollege {
			s += rules.AdmittedMark
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ";")
}
