// Package searchtest holds what the search tests share with other
// packages: the test fixture (the plan's clauses), the relevance table and
// its checker, and a deterministic synthetic corpus for benchmarks.
//
// The site's own tests can run the relevance table against the real
// content: build the []search.Doc the site builder passes to search.Write
// and call CheckRelevance.
package searchtest

import (
	"embed"
	"strings"

	"github.com/BurntSushi/toml"

	"gyportal/generator/search"
)

//go:embed testdata/plan.toml testdata/synonyms.toml
var testdata embed.FS

type fixture struct {
	Preamble    string
	Departments []struct{ ID, Name string }      `toml:"department"`
	Groups      []struct{ ID, Name, Who string } `toml:"group"`
	Clauses     []struct {
		ID, Title, Text, Summary      string
		Departments, Groups, Keywords []string
	} `toml:"clause"`
}

type synonyms struct {
	Synonym []struct {
		Words []string
		From  string
		To    []string
	}
}

// Fixture returns the documents the site builder makes for the plan:
// one per clause, department and group, and the full text; and the test
// synonyms. The clause texts are the plan's; titles and summaries were
// written for the tests.
func Fixture() ([]search.Doc, []search.Synonym, error) {
	var f fixture
	if _, err := toml.DecodeFS(testdata, "testdata/plan.toml", &f); err != nil {
		return nil, nil, err
	}
	var s synonyms
	if _, err := toml.DecodeFS(testdata, "testdata/synonyms.toml", &s); err != nil {
		return nil, nil, err
	}
	dept := map[string]string{}
	for _, d := range f.Departments {
		dept[d.ID] = d.Name
	}
	group := map[string]string{}
	for _, g := range f.Groups {
		group[g.ID] = g.Name
	}
	var docs []search.Doc
	var all []string
	byDept := map[string][]string{}
	byGroup := map[string][]string{}
	for _, c := range f.Clauses {
		var ds, gs []string
		for _, id := range c.Departments {
			ds = append(ds, dept[id])
			byDept[id] = append(byDept[id], c.ID+" "+c.Title)
		}
		for _, id := range c.Groups {
			gs = append(gs, group[id])
			byGroup[id] = append(byGroup[id], c.ID+" "+c.Title)
		}
		docs = append(docs, search.Doc{URL: "/clauses/" + c.ID + "/", Kind: "clause",
			Title: c.ID + " " + c.Title, Department: strings.Join(ds, "、"), Groups: gs,
			Summary: c.Summary, Body: c.Text, Keywords: c.Keywords})
		all = append(all, c.Text)
	}
	for _, d := range f.Departments {
		docs = append(docs, search.Doc{URL: "/departments/" + d.ID + "/", Kind: "department",
			Title: d.Name + "的职责", Department: d.Name, Body: strings.Join(byDept[d.ID], "\n")})
	}
	for _, g := range f.Groups {
		docs = append(docs, search.Doc{URL: "/groups/" + g.ID + "/", Kind: "group",
			Title: "我是" + g.Name + "：我能得到什么", Groups: []string{g.Name}, Summary: g.Who,
			Body: strings.Join(byGroup[g.ID], "\n")})
	}
	docs = append(docs, search.Doc{URL: "/full/", Kind: "full",
		Title: "贵阳市“全力助推计划生育家庭圆梦小康行动计划”的实施方案（全文）",
		Body:  f.Preamble + "\n" + strings.Join(all, "\n")})
	var syn []search.Synonym
	for _, x := range s.Synonym {
		syn = append(syn, search.Synonym{Words: x.Words, From: x.From, To: x.To})
	}
	return docs, syn, nil
}

// MustFixture is Fixture for tests; it panics on error.
func MustFixture() ([]search.Doc, []search.Synonym) {
	docs, syn, err := Fixture()
	if err != nil {
		panic(err)
	}
	return docs, syn
}
