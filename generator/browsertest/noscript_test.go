package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestWithoutJavaScript loads the calculator with scripts disabled: the
// form (which needs them) is hidden, and the table of typical households,
// worked out at build time by calc, is shown; 长辈模式, 朗读 and print
// buttons are absent everywhere.
func TestWithoutJavaScript(t *testing.T) {
	ctx := tab(t)
	noJS := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	err := chromedp.Do(ctx, noJS, chromedp.Navigate(env.url+"/calculator/"),
		chromedp.WaitVisible(chromedp.ID("h-examples")),
		chromedp.WaitNotVisible(chromedp.ID("calc-form")))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".examples tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	worker, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.policyCalc === "function"`))
	if worker {
		t.Error("scripts ran although disabled")
	}
	if rows < 5 {
		t.Errorf("%d typical households shown, want at least 5", rows)
	}
	// The controls that need scripts are absent; the pages still read.
	for _, path := range []string{"/calculator/", "/clauses/3.2.12/", "/groups/bereaved/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(env.url+path)); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#elder-toggle, #speak-toggle, button[data-print], #calc-print"))
		  .filter(b => b.offsetParent !== null).map(b => b.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(shown) > 0 {
			t.Errorf("%s without JavaScript shows controls that need it: %q", path, shown)
		}
		if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("main h1") && document.querySelector("main h1").offsetParent !== null`)); !ok {
			t.Errorf("%s without JavaScript: no heading shown", path)
		}
	}
}
