package site

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"gyportal/generator/model"
)

// TestPageKeys checks what a clause page's key follows: each edit of
// something the page shows changes it, an edit of another clause does
// not, and kinds whose templates reach the whole plan or a list of
// clauses have no key.
func TestPageKeys(t *testing.T) {
	load := func() *model.Plan {
		p, err := model.Load(os.DirFS("testdata/content"), "content")
		if err != nil {
			t.Fatal(err)
		}
		return p.Visible(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), false)
	}
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	assets := map[string]string{"style.css": "/assets/style.1.css", "site.js": "/assets/site.1.js"}
	keyOf := func(pl *model.Plan, assets map[string]string, id string) (Key, bool) {
		s, err := New(Input{Plan: pl, Templates: tmpl, Assets: AssetMap(assets)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.pages {
			if p.Kind == "clause" && p.Clause.ID == id {
				return s.key(p)
			}
		}
		t.Fatalf("no page of clause %s", id)
		return Key{}, false
	}
	const id = "3.2.12"
	base, ok := keyOf(load(), assets, id)
	if !ok {
		t.Fatal("clause pages have no key")
	}
	tests := []struct {
		name    string
		edit    func(pl *model.Plan, assets map[string]string)
		changes bool
	}{
		{"nothing", func(*model.Plan, map[string]string) {}, false},
		{"another clause's title", func(pl *model.Plan, _ map[string]string) { pl.Clause("3.2.9").Title += "改" }, false},
		{"its title", func(pl *model.Plan, _ map[string]string) { pl.Clause(id).Title += "改" }, true},
		{"its text", func(pl *model.Plan, _ map[string]string) { pl.Clause(id).Text += "改" }, true},
		{"an amount", func(pl *model.Plan, _ map[string]string) {
			pl.Clause(id).Benefits[0].Amount.Decimal = pl.Clause(id).Benefits[0].Amount.Add(decimal.NewFromInt(1))
		}, true},
		{"an amount given or not", func(pl *model.Plan, _ map[string]string) {
			pl.Clause(id).Benefits[0].Rate.Set = !pl.Clause(id).Benefits[0].Rate.Set
		}, true},
		{"its department's name", func(pl *model.Plan, _ map[string]string) { pl.Clause(id).Depts[0].Name += "改" }, true},
		{"its group's name", func(pl *model.Plan, _ map[string]string) { pl.Clause(id).Grps[0].Name += "改" }, true},
		{"the document's status", func(pl *model.Plan, _ map[string]string) { pl.Document.StatusNote += "改" }, true},
		{"the date the status was checked", func(pl *model.Plan, _ map[string]string) {
			pl.Document.StatusChecked.Time = pl.Document.StatusChecked.AddDate(0, 0, 1)
		}, true},
		{"the style sheet's URL", func(_ *model.Plan, a map[string]string) { a["style.css"] = "/assets/style.2.css" }, true},
		{"an asset the page does not name", func(_ *model.Plan, a map[string]string) { a["search.js"] = "/search/search.2.js" }, false},
	}
	for _, tt := range tests {
		a := map[string]string{"style.css": assets["style.css"], "site.js": assets["site.js"], "search.js": "/search/search.1.js"}
		pl := load()
		tt.edit(pl, a)
		if k, _ := keyOf(pl, a, id); (k != base) != tt.changes {
			t.Errorf("%s: key changed %v, want %v", tt.name, k != base, tt.changes)
		}
	}
	for _, kind := range []string{"home", "data"} {
		if tmpl.deps[kind].keyed {
			t.Errorf("pages of kind %s have keys, but their templates reach the plan", kind)
		}
	}
}

// TestDepartmentKeys checks that a department page's key follows the
// clauses it lists, and not the others.
func TestDepartmentKeys(t *testing.T) {
	tmpl, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	keyOf := func(edit func(pl *model.Plan)) (Key, *model.Department) {
		pl, err := model.Load(os.DirFS("testdata/content"), "content")
		if err != nil {
			t.Fatal(err)
		}
		pl = pl.Visible(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), false)
		edit(pl)
		s, err := New(Input{Plan: pl, Templates: tmpl, Assets: AssetMap(map[string]string{"style.css": "/a.css", "site.js": "/a.js"})})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.pages {
			if p.Kind == "department" && len(p.Dept.Clauses) > 0 && len(p.Dept.Clauses) < len(pl.Clauses) {
				k, ok := s.key(p)
				if !ok {
					t.Fatal("department pages have no key")
				}
				return k, p.Dept
			}
		}
		t.Fatal("no department page lists some clauses but not all")
		return Key{}, nil
	}
	base, d := keyOf(func(*model.Plan) {})
	mine, other := d.Clauses[0].ID, ""
	pl, _ := model.Load(os.DirFS("testdata/content"), "content")
	for _, c := range pl.Visible(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), false).Clauses {
		if !slices.ContainsFunc(d.Clauses, func(x *model.Clause) bool { return x.ID == c.ID }) {
			other = c.ID
		}
	}
	tests := []struct {
		name    string
		edit    func(pl *model.Plan)
		changes bool
	}{
		{"nothing", func(*model.Plan) {}, false},
		{"a listed clause's title", func(pl *model.Plan) { pl.Clause(mine).Title += "改" }, true},
		{"a listed clause's summary", func(pl *model.Plan) { pl.Clause(mine).Summary += "改" }, true},
		{"another clause's title", func(pl *model.Plan) { pl.Clause(other).Title += "改" }, false},
	}
	for _, tt := range tests {
		if k, _ := keyOf(tt.edit); (k != base) != tt.changes {
			t.Errorf("%s: key changed %v, want %v", tt.name, k != base, tt.changes)
		}
	}
}
