package model

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// loadReal loads the repository's content/ directory.
func loadReal(t *testing.T) *Plan {
	t.Helper()
	p, err := Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatalf("real content does not load:\n%v", err)
	}
	return p
}

func TestRealContentClauseIDs(t *testing.T) {
	p := loadReal(t)
	want := []string{"1", "2", "3.1"}
	for i := 1; i <= 18; i++ {
		want = append(want, "3.2."+itoa(i))
	}
	want = append(want, "3.3", "4.1", "4.2", "4.3")
	var got []string
	for _, c := range p.Clauses {
		got = append(got, c.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("clause ids:\n got  %v\n want %v", got, want)
	}
	for _, id := range []string{"3.2.13", "3.2.14"} {
		if n := len(p.Clause(id).Departments); n != 2 {
			t.Errorf("clause %s has %d departments, the plan names two", id, n)
		}
	}
	for _, d := range p.Departments {
		if len(d.Clauses) == 0 {
			t.Errorf("department %s (%s) owns no clause", d.ID, d.Name)
		}
	}
}

var figureRE = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*(万)?\s*(%)?`)

// figures returns every quantity written in text, normalised: "2 万" is
// 20000, "50%" is 0.5. "全覆盖" counts as 100%.
func figures(text string) []decimal.Decimal {
	var out []decimal.Decimal
	for _, m := range figureRE.FindAllStringSubmatch(text, -1) {
		d := decimal.RequireFromString(m[1])
		if m[2] != "" {
			d = d.Mul(decimal.NewFromInt(10000))
		}
		if m[3] != "" {
			d = d.Div(decimal.NewFromInt(100))
		}
		out = append(out, d)
	}
	if strings.Contains(text, "全覆盖") {
		out = append(out, decimal.NewFromInt(1))
	}
	return out
}

func TestFigures(t *testing.T) {
	got := figures("增发 2 万元，按不低于 50% 的比例，超过 5000 元")
	want := []string{"20000", "0.5", "5000"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if !got[i].Equal(decimal.RequireFromString(want[i])) {
			t.Errorf("figure %d: got %s want %s", i, got[i], want[i])
		}
	}
}

// TestRealContentFigures checks that every amount on the site is a figure
// of its clause's own text: nothing is invented.
func TestRealContentFigures(t *testing.T) {
	p := loadReal(t)
	for _, c := range p.Clauses {
		figs := figures(c.Text)
		has := func(d decimal.Decimal) bool {
			for _, f := range figs {
				if f.Equal(d) {
					return true
				}
			}
			return false
		}
		for _, b := range c.Benefits {
			for name, v := range map[string]Dec{"amount": b.Amount, "rate": b.Rate, "threshold": b.Threshold} {
				if v.Set && !has(v.Decimal) {
					t.Errorf("%s: benefit %s: %s %s is not a figure of the clause text", c.File, b.ID, name, v.String())
				}
			}
		}
		for _, tg := range c.Targets {
			if !tg.Value.Set && !strings.Contains(c.Text, tg.Name) {
				t.Errorf("%s: target %s states no figure and is not the clause's words", c.File, tg.Name)
			}
			if tg.Value.Set && !has(tg.Value.Decimal) {
				t.Errorf("%s: target %s: value %s is not a figure of the clause text", c.File, tg.Name, tg.Value.String())
			}
		}
	}
}

// TestRealContentVerbatim checks every clause text against the plan's
// original text (with page-break splits repaired) and that nothing of it
// is left out.
func TestRealContentVerbatim(t *testing.T) {
	seed := readSeed(t)
	p := loadReal(t)
	rest := seed
	for _, c := range p.Clauses {
		if !strings.Contains(seed, c.Text) {
			t.Errorf("%s: text is not verbatim from the plan", c.File)
		}
		rest = strings.Replace(rest, c.Text, "", 1)
	}
	d := p.Document
	for _, s := range []string{d.NoticeText, d.Recipients, d.Preamble, d.DocNumber, d.PlanTitle, d.NoticeTitle} {
		if !strings.Contains(seed, s) {
			t.Errorf("document.toml: %q is not verbatim from the plan", s)
		}
	}
	for _, s := range []string{d.Preamble, d.NoticeText, d.Recipients, d.NoticeTitle} {
		rest = strings.Replace(rest, s, "", 1)
	}
	// What is left: headings, numbering, signatures and dates only.
	for _, line := range strings.Split(rest, "\n") {
		if han := regexp.MustCompile(`\p{Han}`).FindAllString(line, -1); len(han) > 40 {
			t.Errorf("plan text not covered by any clause: %q", line)
		}
	}
}

var pageBreak = regexp.MustCompile(`(\p{Han})\n\n(\p{Han})`)

// planText is the plan's original text in the repository, byte for byte
// as received, and its SHA-256: an edit to it fails the test.
const (
	planText   = "../../content/source/plan.txt"
	planSHA256 = "16518623c0b950d2fbaa443a00c8ddd0dc69ef5d186571b023651a80a310f53d"
)

func readSeed(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(planText)
	if err != nil {
		t.Fatalf("the plan's original text is missing: %v", err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != planSHA256 {
		t.Fatalf("%s was changed (sha256 %x): it must stay the plan's text as received", planText, sum)
	}
	return pageBreak.ReplaceAllString(string(data), "$1$2")
}
