package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// shots are the pages TestScreenshots captures, as a phone shows them.
var shots = []struct{ name, path, media string }{
	{"home", "/", "screen"},
	{"group", "/groups/bereaved/", "screen"},
	{"calculator", "/calculator/", "screen"},
	{"result", "/calculator/?hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior&disabled_parent=1", "screen"},
	{"result-partial", "/calculator/?hukou=rural&family=only_daughter&members=3&dibao=1&child1=college&child1_college=1", "screen"},
	{"print", "/calculator/?hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior&disabled_parent=1", "print"},
}

// TestScreenshots writes PNGs of the first screens of the home page, a
// group page and the calculator (375×800, a cheap phone) to
// $SCREENSHOT_DIR, for people to look at; skipped without it. With
// SCREENSHOT_ELDER set, 长辈模式 is switched on first.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set SCREENSHOT_DIR to write screenshots")
	}
	for _, s := range shots {
		ctx := tab(t)
		setMedia := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: s.media})
			return err
		})
		if err := chromedp.Do(ctx, viewport(phoneW, phoneH), setMedia, chromedp.Navigate(env.url+s.path), chromedp.Sleep(1e9)); err != nil {
			t.Fatal(err)
		}
		if os.Getenv("SCREENSHOT_ELDER") != "" {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`localStorage.setItem("gy-elder","1")`), chromedp.Reload(), chromedp.Sleep(1e9)); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < 4; i++ {
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
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", s.name, i)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
