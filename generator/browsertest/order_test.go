package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestResultOrder: on a 375×812 phone the answer of the family (a
// rural 独女户 on 低保 whose daughter was admitted to university, 低保标准
// unknown) reads in a family's order: totals, then at once what is
// missing (#h-pending starts within one screen below #h-result), then
// cash, then the services collapsed with their count, then 不能领取. No
// total says "至少 0元".
func TestResultOrder(t *testing.T) {
	ctx := tab(t)
	for _, q := range results {
		do(t, ctx, viewport(phoneW, 812), chromedp.Navigate(env.url+"/calculator/?"+q), chromedp.WaitVisible(chromedp.ID("calc-result")))
		got := eval[map[string]any](t, ctx, `(() => {
		  const top = id => { const e = document.getElementById(id); return e ? e.getBoundingClientRect().top + scrollY : -1; };
		  const svc = document.getElementById("h-service"), det = svc && svc.closest("details");
		  return {result: top("h-result"), totals: top("h-totals"), pending: top("h-pending"), cash: top("h-cash"),
		    service: top("h-service"), not: top("h-not"), collapsed: !!det && !det.open,
		    services: det ? det.querySelectorAll("li.benefit").length : -1, count: svc ? svc.textContent : "",
		    text: document.getElementById("calc-result").innerText};
		})()`)
		n := func(k string) float64 { return got[k].(float64) }
		if strings.Contains(got["text"].(string), "至少 0元") {
			t.Errorf("%s: the answer says 至少 0元", q)
		}
		order := []string{"result", "totals", "pending", "cash", "service", "not"}
		if n("pending") < 0 { // a complete answer
			order = append(order[:2:2], order[3:]...)
		} else {
			d := n("pending") - n("result")
			t.Logf("%s: #h-pending %.0f px below #h-result", q, d)
			if d > 812 {
				t.Errorf("%s: #h-pending starts %.0f px below #h-result, want within one screen (812 px)", q, d)
			}
		}
		for i := 1; i < len(order); i++ {
			if n(order[i-1]) >= n(order[i]) {
				t.Errorf("%s: %s (%.0f) not above %s (%.0f)", q, order[i-1], n(order[i-1]), order[i], n(order[i]))
			}
		}
		if got["collapsed"] != true || !strings.Contains(got["count"].(string), fmt.Sprintf("（%d项）", int(n("services")))) {
			t.Errorf("%s: services collapsed %v, heading %q with %v items", q, got["collapsed"], got["count"], got["services"])
		}
	}
}
