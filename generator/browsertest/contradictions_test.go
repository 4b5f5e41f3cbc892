package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// contradiction is one household no family can be, with the one message
// every door gives for it; the command's tests read the same table.
type contradiction struct {
	Name      string          `json:"name"`
	Facts     json.RawMessage `json:"facts"`
	Query     string          `json:"query"`
	Field     string          `json:"field"`
	FormField string          `json:"form_field"`
	Message   string          `json:"message"`
}

// TestContradictionsRefused: the form (from a shared link) shows each
// contradiction's message at the question it concerns and shows no
// result; window.policyCalc rejects with "field: message", the text the
// command prints.
func TestContradictionsRefused(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "calc", "testdata", "contradictions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []contradiction
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t)
	for _, c := range cases {
		do(t, ctx, viewport(phoneW, phoneH), chromedp.Navigate(env.url+"/calculator/?"+c.Query),
			chromedp.WaitVisible(chromedp.ID("calc-errors")))
		got := eval[map[string]any](t, ctx, fmt.Sprintf(`(() => {
		  const box = document.getElementById("e-" + %q);
		  return {box: box && !box.hidden ? box.textContent : "", result: !document.getElementById("calc-result").hidden,
		    summary: document.getElementById("calc-errors").innerText};
		})()`, c.FormField))
		if got["box"] != c.Message || got["result"] != false {
			t.Errorf("%s: the form shows %q at %s (result shown: %v), want %q", c.Name, got["box"], c.FormField, got["result"], c.Message)
		}
		msg := eval[string](t, ctx, fmt.Sprintf(`window.policyCalc(%q).then(() => "answered", e => e.message)`, string(c.Facts)))
		if want := c.Field + ": " + c.Message; msg != want {
			t.Errorf("%s: window.policyCalc gives %q, want %q", c.Name, msg, want)
		}
	}
}
