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

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Name, URL string
}
