package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// maxClauseHeight is issue #22's bound for /clauses/3.2.12/ at 375 px:
// eight screens of 812 px.
const maxClauseHeight = 8 * firstH

// TestClauseHeight: clause 3.2.12's page, the longest, fits in eight
// phone screens, with nothing a resident needs hidden: every benefit's
// card, every reading and the original text are shown, none collapsed.
func TestClauseHeight(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, viewport(firstW, firstH), chromedp.Navigate(env.url+"/clauses/3.2.12/"))
	h := eval[int](t, ctx, `document.documentElement.scrollHeight`)
	if h > maxClauseHeight {
		t.Errorf("/clauses/3.2.12/ is %d px tall at %d px, want at most %d", h, firstW, maxClauseHeight)
	} else {
		t.Logf("/clauses/3.2.12/: %d px tall at %d px", h, firstW)
	}
	hidden := eval[[]string](t, ctx, `[...document.querySelectorAll("article [data-rule], article .reading-list dd, article .original p, article details")]
	  .filter(e => e.tagName === "DETAILS" ? !e.open : e.getBoundingClientRect().height === 0)
	  .map(e => e.tagName + " " + (e.dataset.rule || e.textContent.slice(0, 20)))`)
	if n := eval[int](t, ctx, `document.querySelectorAll("article [data-rule]").length`); n < 11 || len(hidden) > 0 {
		t.Errorf("%d benefits shown; hidden: %v", n, hidden)
	}
}
