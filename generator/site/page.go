package site

import (
	"gyportal/generator/model"
)

// Page is what every template receives.
type Page struct {
	Site    model.Site
	Doc     *model.Document
	Plan    *model.Plan
	Kind    string // template name without .html
	Path    string // output file, e.g. "clauses/3.2.12/index.html"
	URL     string // site-absolute URL, e.g. "/clauses/3.2.12/"
	Title   string
	Desc    string // meta description
	Crumbs  []Crumb
	Updated string // 最后更新, YYYY-MM-DD

	Clause *model.Clause
	Dept   *model.Department
	Group  *model.Group
	Extra  any // page-kind specific data (see the package comment)
}

// Draft reports whether the page shows only draft clauses (a preview
// with --drafts): the clause page of a draft, or the page of a
// department or group all of whose clauses are drafts. Such a page
// carries the 草稿 banner and noindex, and stays out of the sitemap.
func (p *Page) Draft() bool {
	switch {
	case p.Clause != nil:
		return p.Clause.Draft
	case p.Dept != nil:
		return allDrafts(p.Dept.Clauses)
	case p.Group != nil:
		return allDrafts(p.Group.Clauses)
	}
	return false
}

// allDrafts reports whether cs is not empty and every clause is a draft.
func allDrafts(cs []*model.Clause) bool {
	for _, c := range cs {
		if !c.Draft {
			return false
		}
	}
	return len(cs) > 0
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Name, URL string
}
