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
// worked out at build time by calc, is shown.
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
}
