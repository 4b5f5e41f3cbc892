package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/build/calcstep"
)

// shown reads the answer as the page shows it: every benefit's heading
// and the three totals.
const shownJS = `(() => {
  const r = document.getElementById("calc-result");
  if (!r || r.hidden) return null;
  const txt = s => Array.from(r.querySelectorAll(s)).map(e => e.textContent.trim());
  return {titles: txt("#h-cash + ul h4, #h-cash ~ ul h4"), totals: txt(".totals dd"), not: txt(".not-granted ul h4"), all: r.innerText};
})()`

type shown struct {
	Titles []string `json:"titles"`
	Totals []string `json:"totals"`
	Not    []string `json:"not"`
	All    string   `json:"all"`
}

// TestUserPath fills in the form as a resident does (clicking and
// typing), reads the answer from the page, checks it against calc, then
// reopens the shared URL and uses the back button.
func TestUserPath(t *testing.T) {
	ctx := tab(t)
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	read := func() shown {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("calc-result"))); err != nil {
			t.Fatal(err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[*shown](shownJS))
		if err != nil || s == nil {
			t.Fatalf("reading the answer: %v", err)
		}
		return *s
	}
	run(chromedp.Navigate(env.url+"/calculator/"),
		// An empty form: the two required questions are reported.
		chromedp.Click(chromedp.CSS(`#calc-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("calc-errors")),
	)
	errs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#calc-errors li")).map(li => li.textContent)`))
	if err != nil || len(errs) != 2 {
		t.Fatalf("empty form: error summary %q, %v; want the two required questions", errs, err)
	}
	focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if focused != "calc-errors" {
		t.Errorf("after a failed submit the focus is on %q, want the error summary", focused)
	}

	// A rural two-daughter family: one daughter admitted to college, one at senior school.
	run(
		chromedp.Click(chromedp.ID("f-hukou")),
		chromedp.Click(chromedp.ID("f-family-two-daughters")),
		chromedp.SendKeys(chromedp.ID("f-members"), "4"),
		chromedp.SetValue(chromedp.ID("f-child1"), "college"),
		chromedp.Click(chromedp.ID("f-child1-college")),
		chromedp.SetValue(chromedp.ID("f-child2"), "senior"),
		chromedp.Click(chromedp.ID("f-disabled-parent")),
		chromedp.Click(chromedp.CSS(`#calc-form button[type=submit]`)),
	)
	first := read()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(loc)
	want := expected(t, u.RawQuery)
	if len(first.Titles) != len(want.cash) {
		t.Errorf("page shows cash benefits %q, calc grants %q", first.Titles, want.cash)
	}
	for _, w := range want.cash {
		if !strings.Contains(strings.Join(first.Titles, "|"), w) {
			t.Errorf("benefit %q missing from the page (%q)", w, first.Titles)
		}
	}
	for i, tot := range want.totals {
		if i >= len(first.Totals) || first.Totals[i] != tot {
			t.Errorf("totals %q, want %q", first.Totals, want.totals)
			break
		}
	}
	for _, link := range want.clauses {
		if !strings.Contains(first.All, "第"+link+"条") {
			t.Errorf("clause %s not cited", link)
		}
	}

	// The shared URL, opened afresh, shows the same answer.
	other := tab(t)
	if err := chromedp.Do(other, chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.ID("calc-result"))); err != nil {
		t.Fatal(err)
	}
	again, err := chromedp.Run(other, chromedp.Evaluate[*shown](shownJS))
	if err != nil || again == nil || again.All != first.All {
		t.Errorf("reopened URL shows a different answer: %s", firstDiff(again.All, first.All))
	}
	checked, _ := chromedp.Run(other, chromedp.Evaluate[bool](`document.getElementById("f-family-two-daughters").checked && document.getElementById("f-members").value === "4"`))
	if !checked {
		t.Error("reopened URL did not restore the answers in the form")
	}

	// The back button returns to the empty form; forward shows the answer again.
	run(chromedp.NavigateBack(), chromedp.WaitNotVisible(chromedp.ID("calc-result")))
	run(chromedp.NavigateForward())
	if back := read(); back.All != first.All {
		t.Errorf("forward did not restore the answer: %s", firstDiff(back.All, first.All))
	}

	// A malformed answer is reported next to its field, by calc's checks.
	run(chromedp.Clear(chromedp.ID("f-members")), chromedp.SendKeys(chromedp.ID("f-members"), "abc"),
		chromedp.Click(chromedp.CSS(`#calc-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("e-members")))
	inv, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("f-members").getAttribute("aria-invalid")`))
	if inv != "true" {
		t.Error("the members field is not marked invalid")
	}
}

// TestKeyboard answers the required questions and submits with the
// keyboard alone.
func TestKeyboard(t *testing.T) {
	ctx := tab(t)
	err := chromedp.Do(ctx, chromedp.Navigate(env.url+"/calculator/"),
		chromedp.Focus(chromedp.ID("f-hukou")),
		chromedp.SendKeys(chromedp.ID("f-hukou"), " "),
		chromedp.Focus(chromedp.ID("f-family")),
		chromedp.SendKeys(chromedp.ID("f-family"), " "),
		chromedp.SendKeys(chromedp.ID("f-members"), "3\r"),
		chromedp.WaitVisible(chromedp.ID("calc-result")))
	if err != nil {
		t.Fatal(err)
	}
	focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if focused != "h-result" {
		t.Errorf("after submitting, focus is on %q, want the result heading", focused)
	}
}

type want struct {
	cash, totals, clauses []string
}

// expected works out natively what the page should show for a query.
func expected(t *testing.T, query string) want {
	t.Helper()
	facts, err := calcstep.FactsFromQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	p := siteParams(t)
	out, err := calc.Run(facts, p, Today().Format("2006-01-02"))
	if err != nil {
		t.Fatalf("%s: %v", facts, err)
	}
	var r rules.Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	var w want
	for _, e := range r.Entitlements {
		if e.Kind == rules.KindCash {
			w.cash = append(w.cash, e.Title)
			w.clauses = append(w.clauses, e.Clause)
		}
	}
	// An incomplete answer (a fact the rules need was left blank) shows
	// its totals as minimums, and leaves out a period with nothing known.
	prefix := ""
	if !r.Complete {
		prefix = "至少 "
	}
	for _, s := range []string{r.Totals.Once, r.Totals.Month, r.Totals.Year} {
		if r.Complete || strings.Trim(s, "0.") != "" {
			w.totals = append(w.totals, prefix+yuanText(s))
		}
	}
	return w
}

// yuanText formats "20000.00" as the page does: "20,000元".
func yuanText(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" && frac != "00" {
		b.WriteString("." + frac)
	}
	return b.String() + "元"
}

// firstDiff describes the first line where a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: %q, want %q", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(al), len(bl))
}
