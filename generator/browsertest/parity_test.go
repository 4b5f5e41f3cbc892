package browsertest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gyportal/calc"
	"gyportal/generator/params"
)

// nativeAnswer is what the page's policyCalcBatch gives for one household:
// calc.Run's bytes, or {"error": message}.
func nativeAnswer(facts string, p *calc.Params, today string) string {
	out, err := calc.Run([]byte(facts), p, today)
	if err != nil {
		e, _ := json.Marshal(map[string]string{"error": err.Error()})
		return string(e)
	}
	return string(out)
}

// TestParity evaluates generated households through window.policyCalc
// (the WebAssembly in its Web Worker) and compares each answer, byte for
// byte, with calc.Run on the same parameters.
func TestParity(t *testing.T) {
	ctx := tab(t)
	p := siteParams(t)
	list := households(p, 600)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.url+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	const batch = 200
	today := Today().Format("2006-01-02") // Guiyang's date, whatever the browser's zone
	got := make([]string, 0, len(list))
	for i := 0; i < len(list); i += batch {
		part := list[i:min(i+batch, len(list))]
		arg, _ := json.Marshal(part)
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(
			`window.policyCalcBatch(%s, %q)`, arg, today), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, res...)
	}
	// Without a date, policyCalc uses Guiyang's date.
	plain, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`window.policyCalc(%q)`, list[0]), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if want := nativeAnswer(list[0], p, today); plain != want {
		t.Errorf("policyCalc without a date differs from calc.Run on %s", today)
	}
	errs, diffs, partial := 0, 0, 0
	for i, facts := range list {
		want := nativeAnswer(facts, p, today)
		if got[i] != want {
			diffs++
			if diffs <= 5 {
				t.Errorf("household %d %s:\nbrowser: %s\nnative:  %s", i, facts, got[i], want)
			}
		}
		if len(want) > 0 && want[0] == '{' && len(want) < 2000 && json.Valid([]byte(want)) && want[:9] == `{"error":` {
			errs++
		}
		if strings.Contains(want, `"complete":false`) {
			partial++
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d answers differ", diffs, len(list))
	}
	t.Logf("%d households (%d rejected as invalid, %d partial answers) give identical answers in the browser and natively",
		len(list), errs, partial)
	if partial < 100 {
		t.Errorf("only %d partial answers; want at least 100", partial)
	}
	if len(list)-errs < 500 {
		t.Errorf("only %d valid households; want at least 500", len(list)-errs)
	}
}

// siteParams are the calculator's parameters of the site under test, as
// the browser reads them (the JSON the build publishes, parsed back).
func siteParams(t *testing.T) *calc.Params {
	t.Helper()
	pj, err := params.JSON(env.result.Plan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := calc.ParseParams(pj)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
