//go:build content

package search_test

// Run with: go test -tags content ./generator/search/ -run Content
//
// The relevance table against the real content/ tree. The documents are
// built as generator/site does (extras.go, searchDocs), plus Keywords
// from the benefit and target names, which the site should pass too; the
// site's own test should call searchtest.CheckRelevance with the
// builder's documents. The query 孕前检查 needs the staff synonym
// 孕前检查 -> 孕前优生健康检查 in content/synonyms.toml.

import (
	"os"
	"strings"
	"testing"

	"gyportal/generator/model"
	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

func contentDocs(t *testing.T) ([]search.Doc, []search.Synonym) {
	plan, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	names := func(ds []*model.Department) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.Name)
		}
		return strings.Join(s, "、")
	}
	var docs []search.Doc
	var all []string
	for _, c := range plan.Clauses {
		var gs []string
		for _, g := range c.Grps {
			gs = append(gs, g.Name)
		}
		var kw []string
		for _, b := range c.Benefits {
			kw = append(kw, b.Name)
		}
		for _, x := range c.Targets {
			kw = append(kw, x.Name)
		}
		docs = append(docs, search.Doc{URL: "/clauses/" + c.ID + "/", Kind: "clause", Title: c.ID + " " + c.Title,
			Department: names(c.Depts), Groups: gs, Summary: c.Summary, Body: c.Text, Keywords: kw})
		all = append(all, c.Text)
	}
	list := func(cs []*model.Clause) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.ID+" "+c.Title)
		}
		return strings.Join(s, "\n")
	}
	for _, d := range plan.Departments {
		docs = append(docs, search.Doc{URL: "/departments/" + d.ID + "/", Kind: "department", Title: d.Name + "的职责",
			Department: d.Name, Summary: d.Note, Body: list(d.Clauses)})
	}
	for _, g := range plan.Groups {
		docs = append(docs, search.Doc{URL: "/groups/" + g.ID + "/", Kind: "group", Title: "我是" + g.Name + "：我能得到什么",
			Groups: []string{g.Name}, Summary: g.Who, Body: list(g.Clauses)})
	}
	doc := plan.Document
	docs = append(docs, search.Doc{URL: "/full/", Kind: "full", Title: doc.PlanTitle + "（全文）",
		Summary: doc.NoticeTitle, Body: doc.Preamble + "\n" + strings.Join(all, "\n")})
	var syn []search.Synonym
	for _, s := range plan.Synonyms {
		syn = append(syn, search.Synonym{Words: s.Words, From: s.From, To: s.To})
	}
	return docs, syn
}

func TestContentRelevance(t *testing.T) {
	docs, syn := contentDocs(t)
	searchtest.CheckRelevance(t, docs, syn, searchtest.Cases)
}

func TestContentCost(t *testing.T) {
	docs, syn := contentDocs(t)
	dir := t.TempDir()
	a, err := search.Write(dir, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.OpenDir(dir, a.Meta)
	if err != nil {
		t.Fatal(err)
	}
	worst := 0
	for _, c := range searchtest.Cases {
		_, cost, err := r.Query(c.Query, 10)
		if err != nil {
			t.Fatal(err)
		}
		worst = max(worst, cost.Bytes)
		if cost.Bytes > 30<<10 {
			t.Errorf("%s: %d bytes", c.Query, cost.Bytes)
		}
	}
	t.Logf("%d files, %d bytes; worst query %d bytes", a.Files, a.Bytes, worst)
}
