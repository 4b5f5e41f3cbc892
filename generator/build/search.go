package build

import (
	"fmt"
	"strings"

	"gyportal/generator/model"
	"gyportal/generator/search"
)

// search writes the search index and its script, published as the
// asset "search.js".
//
// searchDocs and synonyms move to package search (search.PlanDocs, seam
// S9); until then they live here.
func (r *run) search() error {
	sa, err := search.WriteTo(r.out, searchDocs(r.plan), synonyms(r.plan), search.Options{})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	r.assets["search.js"] = sa.Script
	return nil
}

// searchDocs returns one search document per clause, department and
// group page, and the full-text page.
func searchDocs(plan *model.Plan) []search.Doc {
	var docs []search.Doc
	for _, c := range plan.Clauses {
		docs = append(docs, search.Doc{URL: "/clauses/" + c.ID + "/", Kind: "clause", Title: c.ID + " " + c.Title,
			Department: deptNames(c.Depts), Groups: groupNames(c.Grps), Summary: c.Summary, Body: c.Text,
			Keywords: keywords(c)})
	}
	for _, d := range plan.Departments {
		var titles []string
		for _, c := range d.Clauses {
			titles = append(titles, c.ID+" "+c.Title)
		}
		docs = append(docs, search.Doc{URL: "/departments/" + d.ID + "/", Kind: "department", Title: d.Name + "的职责",
			Department: d.Name, Summary: d.Note, Body: strings.Join(titles, "\n")})
	}
	for _, g := range plan.Groups {
		var titles []string
		for _, c := range g.Clauses {
			titles = append(titles, c.ID+" "+c.Title)
		}
		docs = append(docs, search.Doc{URL: "/groups/" + g.ID + "/", Kind: "group", Title: "我是" + g.Name + "：我能得到什么",
			Groups: []string{g.Name}, Summary: g.Who, Body: strings.Join(titles, "\n")})
	}
	doc := plan.Document
	// The full-text page is indexed by its own text (the notice and the
	// preamble); each clause's text is found on the clause's own page,
	// which ranks above it anyway. Indexing every clause twice would double
	// the index of a 10,000-clause site for no new result.
	docs = append(docs, search.Doc{URL: "/full/", Kind: "full", Title: doc.PlanTitle + "（全文）",
		Summary: doc.NoticeTitle, Body: doc.NoticeText + "\n" + doc.Preamble})
	return docs
}

func synonyms(plan *model.Plan) []search.Synonym {
	var out []search.Synonym
	for _, s := range plan.Synonyms {
		out = append(out, search.Synonym{Words: s.Words, From: s.From, To: s.To})
	}
	return out
}

// keywords are the names of a clause's benefits and targets: the words a
// resident looks for ("失独家庭一次性抚慰金") even where the title lacks them.
func keywords(c *model.Clause) []string {
	var kw []string
	for _, b := range c.Benefits {
		kw = append(kw, b.Name)
	}
	for _, t := range c.Targets {
		kw = append(kw, t.Name)
	}
	return kw
}
func deptNames(ds []*model.Department) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Name
	}
	return strings.Join(names, "、")
}

func groupNames(gs []*model.Group) []string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.Name
	}
	return names
}
