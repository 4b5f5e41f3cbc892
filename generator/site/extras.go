package site

import (
	"fmt"
	"strings"

	"gyportal/generator/model"
	"gyportal/generator/search"
)

// extras writes the non-page outputs that pages refer to: the search
// index and the calculator assets.
func (b *builder) extras() error {
	sa, err := search.WriteTo(b.out, b.searchDocs(), b.synonyms(), search.Options{})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	b.assets.Search = sa.Script
	return b.calculator()
}

// searchDocs returns one search document per clause, department and
// group page, and the full-text page.
func (b *builder) searchDocs() []search.Doc {
	var docs []search.Doc
	for _, c := range b.plan.Clauses {
		docs = append(docs, search.Doc{URL: "/clauses/" + c.ID + "/", Kind: "clause", Title: c.ID + " " + c.Title,
			Department: deptNames(c.Depts), Groups: groupNames(c.Grps), Summary: c.Summary, Body: c.Text,
			Keywords: keywords(c)})
	}
	for _, d := range b.plan.Departments {
		var titles []string
		for _, c := range d.Clauses {
			titles = append(titles, c.ID+" "+c.Title)
		}
		docs = append(docs, search.Doc{URL: "/departments/" + d.ID + "/", Kind: "department", Title: d.Name + "的职责",
			Department: d.Name, Summary: d.Note, Body: strings.Join(titles, "\n")})
	}
	for _, g := range b.plan.Groups {
		var titles []string
		for _, c := range g.Clauses {
			titles = append(titles, c.ID+" "+c.Title)
		}
		docs = append(docs, search.Doc{URL: "/groups/" + g.ID + "/", Kind: "group", Title: "我是" + g.Name + "：我能得到什么",
			Groups: []string{g.Name}, Summary: g.Who, Body: strings.Join(titles, "\n")})
	}
	doc := b.plan.Document
	// The full-text page is indexed by its own text (the notice and the
	// preamble); each clause's text is found on the clause's own page,
	// which ranks above it anyway. Indexing every clause twice would double
	// the index of a 10,000-clause site for no new result.
	docs = append(docs, search.Doc{URL: "/full/", Kind: "full", Title: doc.PlanTitle + "（全文）",
		Summary: doc.NoticeTitle, Body: doc.NoticeText + "\n" + doc.Preamble})
	return docs
}

func (b *builder) synonyms() []search.Synonym {
	var out []search.Synonym
	for _, s := range b.plan.Synonyms {
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
