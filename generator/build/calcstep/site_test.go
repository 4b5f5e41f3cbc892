package calcstep_test

import (
	"html"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/build"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// realSite builds the real content into memory (without compiling the
// WebAssembly) and returns the built files and the calculator's
// descriptions of its rules, worked out from the same content.
func realSite(t *testing.T) (fs.FS, []rules.ClauseRules) {
	t.Helper()
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	o := build.Options{Content: os.DirFS("../../../content"), ContentName: "content",
		Templates: os.DirFS("../../../templates"), TemplatesName: "templates", Out: t.TempDir(), Today: today,
		Memory: &build.Memory{}, SkipWasm: true}
	res, err := build.Build(o)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := params.FromPlan(res.Plan)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := calc.Describe(cp, today.Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	return o.Memory, ds
}

var ruleElem = regexp.MustCompile(`(?s)<div class="rule" data-rule="([^"]*)">(.*?)</div>`)

// ruleTexts returns the text of each data-rule element of a page, by
// benefit id (a list: a benefit described twice shows up twice).
func ruleTexts(page string) map[string][]string {
	out := map[string][]string{}
	for _, m := range ruleElem.FindAllStringSubmatch(page, -1) {
		out[m[1]] = append(out[m[1]], text(m[2]))
	}
	return out
}

var tags = regexp.MustCompile(`<[^>]*>`)

// text is an HTML fragment's text, white space removed.
func text(fragment string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(fragment, " "))), "")
}

// want is the text a data-rule element must have: exactly the
// description calc gives, in the template's order and words. Readings
// are shown once per page, apart (see TestReadingsOnce).
func want(b rules.BenefitRule) string {
	s := b.Title
	if b.Amount != "" {
		s += "标准：" + b.Amount
		if b.Adjustable {
			s += "（随第3.1条动态调整）"
		}
		s += "。"
	}
	s += "谁能领：" + strings.Join(b.Who, "；") + "。"
	if b.PerChild != "" {
		s += "按子女计算：" + b.PerChild + "。"
	}
	if b.Instead != "" {
		s += "与“" + b.Instead + "”不同时领取：符合这一项条件的，领这一项，代替“" + b.Instead + "”。"
	}
	return strings.Join(strings.Fields(s), "")
}

// TestReadingsOnce: on a clause page every reading of its rules is shown
// exactly once, naming every benefit whose rule applies it.
func TestReadingsOnce(t *testing.T) {
	site, ds := realSite(t)
	for _, c := range ds {
		page := text(readFile(t, site, "clauses/"+c.Clause+"/index.html"))
		uses := map[string][]string{}
		for _, b := range c.Benefits {
			for _, r := range b.Readings {
				uses[r.Text] = append(uses[r.Text], b.Title)
			}
		}
		for _, r := range c.Readings {
			uses[r.Text] = nil
		}
		for tx, names := range uses {
			if n := strings.Count(page, text(tx)); n != 1 {
				t.Errorf("clauses/%s: reading %q shown %d times, want once", c.Clause, tx, n)
				continue
			}
			if len(names) > 0 {
				at := strings.Index(page, text(tx)) + len(text(tx))
				if want := "（适用于：" + strings.Join(names, "、") + "）"; !strings.HasPrefix(page[at:], text(want)) {
					t.Errorf("clauses/%s: reading %q does not name the benefits it applies to, %s", c.Clause, tx, want)
				}
			}
		}
	}
}

// TestRulesOnClausePages: every benefit the calculator evaluates has
// exactly one data-rule element on its clause page, whose text is the
// calculator's own description (a description typed by hand, or left
// stale, fails); every reading of the rule code is on its clause's page;
// group pages show the very same text; no page describes a benefit the
// calculator does not evaluate.
func TestRulesOnClausePages(t *testing.T) {
	site, ds := realSite(t)
	described := map[string]string{}
	for _, c := range ds {
		page := readFile(t, site, "clauses/"+c.Clause+"/index.html")
		got := ruleTexts(page)
		for _, b := range c.Benefits {
			described[b.Benefit] = want(b)
			switch texts := got[b.Benefit]; {
			case len(texts) != 1:
				t.Errorf("clauses/%s: %d data-rule elements for %s, want 1", c.Clause, len(texts), b.Benefit)
			case texts[0] != want(b):
				t.Errorf("clauses/%s: data-rule %s is not calc's description:\n got %s\nwant %s", c.Clause, b.Benefit, texts[0], want(b))
			}
		}
		for _, r := range c.Readings {
			if !strings.Contains(text(page), text(r.Text)) {
				t.Errorf("clauses/%s: reading of %q is not on the page", c.Clause, r.Words)
			}
		}
		for _, b := range c.Benefits {
			for _, r := range b.Readings {
				if !strings.Contains(text(page), text(r.Text)) {
					t.Errorf("clauses/%s: reading of %q (%s) is not on the page", c.Clause, r.Words, b.Benefit)
				}
			}
		}
	}
	n := 0
	for _, c := range ds {
		n += len(c.Benefits)
	}
	if len(described) != n || n < 40 {
		t.Errorf("%d benefits described, the rules have %d", len(described), n)
	}
	pages, _ := fs.Glob(site, "*/*/index.html")
	groups := 0
	for _, p := range pages {
		for id, texts := range ruleTexts(readFile(t, site, p)) {
			for _, tx := range texts {
				if d, ok := described[id]; !ok || tx != d {
					t.Errorf("%s: data-rule %s is not calc's description of an evaluated benefit", p, id)
				}
			}
			if strings.HasPrefix(p, "groups/") {
				groups++
			}
		}
	}
	if groups == 0 {
		t.Error("no group page shows the calculator's descriptions")
	}
}

// TestNoReadingTwice: a reading the rule code states is not stated again
// in the clause's TOML reading (one place for each reading): the TOML
// reading of a clause with rules may only read other words (3.2.13's
// target), never the words a rule reads.
func TestNoReadingTwice(t *testing.T) {
	plan, err := model.Load(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	_, ds := realSite(t)
	for _, c := range ds {
		cl := plan.Clause(c.Clause)
		if cl == nil || cl.Reading == "" {
			continue
		}
		words := map[string]bool{}
		for _, r := range c.Readings {
			words[r.Words] = true
		}
		for _, b := range c.Benefits {
			for _, r := range b.Readings {
				words[r.Words] = true
			}
		}
		for w := range words {
			for _, part := range strings.Split(w, "……") {
				if len([]rune(part)) >= 2 && strings.Contains(strings.ReplaceAll(cl.Reading, " ", ""), strings.ReplaceAll(part, " ", "")) {
					t.Errorf("clause %s: content/measures/%s.toml's reading reads %q again; the calculator states it", c.Clause, c.Clause, part)
				}
			}
		}
	}
}

func readFile(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
