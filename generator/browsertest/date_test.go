package browsertest

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// timezone emulates a device's time zone.
func timezone(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: id})
		return err
	})
}

// TestGuiyangDate: whatever the device's time zone — one behind Guiyang
// by a day for most of Guiyang's day, one ahead of it for part of it —
// the calculator computes with Guiyang's date, the one the build used for
// the typical-household table, and every date the page shows is that one.
func TestGuiyangDate(t *testing.T) {
	today := Today().Format("2006-01-02")
	dates := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	// At every hour of the day at least one of these zones is on another
	// date than Guiyang (UTC+8): Los Angeles (UTC-8) from 16:00 to 08:00
	// UTC, Pago Pago (UTC-11) from 16:00 to 11:00, Kiritimati (UTC+14)
	// from 10:00 to 16:00.
	differed := false
	for _, zone := range []string{"America/Los_Angeles", "Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC"} {
		ctx := tab(t, chromedp.WithNewBrowserContext())
		do(t, ctx, timezone(zone), viewport(phoneW, phoneH), chromedp.Navigate(env.url+"/calculator/?"+results[1]),
			chromedp.WaitVisible(chromedp.ID("calc-result")))
		got := eval[map[string]string](t, ctx, `(() => {
		  const d = new Date(), two = n => (n < 10 ? "0" : "") + n;
		  return {device: d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()),
		    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
		    result: document.getElementById("calc-date").textContent,
		    table: document.getElementById("h-examples").parentElement.querySelector("p").textContent,
		    main: document.querySelector("main").innerText};
		})()`)
		if got["zone"] != zone {
			t.Fatalf("time zone emulated as %q, want %q", got["zone"], zone)
		}
		t.Logf("%s: device date %s, Guiyang %s", zone, got["device"], today)
		differed = differed || got["device"] != today
		for _, k := range []string{"result", "table"} {
			if !strings.Contains(got[k], today) {
				t.Errorf("%s: %s says %q, want Guiyang's date %s", zone, k, got[k], today)
			}
		}
		ans := eval[map[string]any](t, ctx, `window.policyCalc({hukou: "urban", family: "bereaved"}).then(JSON.parse)`)
		if ans["date"] != today {
			t.Errorf("%s: window.policyCalc computed for %v, want %s", zone, ans["date"], today)
		}
		for _, d := range dates.FindAllString(got["main"], -1) {
			if d == got["device"] && d != today {
				t.Errorf("%s: the page shows the device's date %s (Guiyang's is %s)", zone, d, today)
			}
		}
	}
	if !differed {
		t.Error("no emulated zone was on another date than Guiyang: the test proved nothing")
	}
}
