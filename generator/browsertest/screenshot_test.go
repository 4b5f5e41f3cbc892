package browsertest

import (
	"context"

	"fmt"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes full-page PNGs of the calculator (412 px wide,
// a phone) to $SCREENSHOT_DIR, for people to look at; skipped without it.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set SCREENSHOT_DIR to write screenshots")
	}
	shots := map[string]string{
		"calculator":        "/calculator/",
		"calculator-result": "/calculator/?hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior&disabled_parent=1",
	}
	shots["print"] = shots["calculator-result"]
	for name, path := range shots {
		ctx := tab(t)
		media := "screen"
		if name == "print" {
			media = "print"
		}
		setMedia := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
			return err
		})
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 915), setMedia, chromedp.Navigate(env.url+path), chromedp.Sleep(1e9)); err != nil {
			t.Fatal(err)
		}
		// One screen at a time, as a phone shows it.
		for i := 0; i < 8; i++ {
			more, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(
				`window.scrollTo(0, %d * innerHeight); %d * innerHeight < document.documentElement.scrollHeight`, i, i)))
			if err != nil {
				t.Fatal(err)
			}
			if !more {
				break
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, i)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
