package site

import (
	"sort"
	"strings"

	"gyportal/generator/model"
)

// The addresses of the site's pages. This file is the one place that
// builds them: the renderer, the sitemap, the feed, the open data, the
// template functions and the search index (search.PlanDocs) all read
// them from here or from the page list.
const (
	HomeURL       = "/"
	FullURL       = "/full/"
	SearchURL     = "/search/"
	CalculatorURL = "/calculator/"
	UpdatesURL    = "/updates/"
	OpenDataURL   = "/open-data/"
	NotFoundURL   = "/404.html"
)

// ClauseURL is the address of a clause's page.
func ClauseURL(id string) string { return "/clauses/" + id + "/" }

// DepartmentURL is the address of a department's page.
func DepartmentURL(id string) string { return "/departments/" + id + "/" }

// GroupURL is the address of a group's page.
func GroupURL(id string) string { return "/groups/" + id + "/" }

// filePath is the output file of a page's address: "/full/" →
// "full/index.html", "/404.html" → "404.html".
func filePath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// Pages is the site's page list: every HTML page, in a fixed order, with
// its address, title, breadcrumbs, date and the content it shows. It is
// the one definition of the site's pages (like Hugo's page collection);
// New adds the calculator step's .Extra values to its copy.
func Pages(pl *model.Plan) []*Page {
	home := Crumb{"首页", HomeURL}
	latest := lastUpdated(pl, pl.Clauses)
	page := func(kind, url, title, crumb string) *Page {
		return &Page{Kind: kind, URL: url, Title: title, Updated: latest, Crumbs: []Crumb{home, {crumb, ""}}}
	}
	pages := []*Page{
		{Kind: "home", URL: HomeURL, Title: pl.Site.Title, Updated: latest, Crumbs: []Crumb{{"首页", ""}}},
		page("full", FullURL, "实施方案全文", "实施方案全文"),
		page("search", SearchURL, "搜索", "搜索"),
		page("calculator", CalculatorURL, "待遇计算器：我能领多少", "待遇计算器"),
		page("updates", UpdatesURL, "最新动态", "最新动态"),
		page("data", OpenDataURL, "开放数据", "开放数据"),
		page("404", NotFoundURL, "页面未找到", "页面未找到"),
	}
	pages[len(pages)-1].Updated = ""
	for _, c := range pl.Clauses {
		pages = append(pages, &Page{Kind: "clause", URL: ClauseURL(c.ID),
			Title: c.ID + " " + c.Title, Desc: c.Summary, Clause: c, Updated: lastUpdated(pl, []*model.Clause{c}),
			Crumbs: []Crumb{home, {"实施方案全文", FullURL}, {c.ID + " " + c.Title, ""}}})
	}
	for _, d := range pl.Departments {
		pages = append(pages, &Page{Kind: "department", URL: DepartmentURL(d.ID),
			Title: d.Name + "的职责", Dept: d, Updated: lastUpdated(pl, d.Clauses),
			Crumbs: []Crumb{home, {"责任部门", HomeURL + "#departments"}, {d.Name, ""}}})
	}
	for _, g := range pl.Groups {
		pages = append(pages, &Page{Kind: "group", URL: GroupURL(g.ID),
			Title: "我是" + g.Name + "：我能得到什么", Desc: g.Who, Group: g, Updated: lastUpdated(pl, g.Clauses),
			Crumbs: []Crumb{home, {"按人群查看", HomeURL + "#groups"}, {g.Name, ""}}})
	}
	for _, p := range pages {
		p.Path = filePath(p.URL)
		p.Site, p.Doc, p.Plan = pl.Site, &pl.Document, pl
	}
	return pages
}

// pageList is the page list with the calculator step's .Extra values
// and each page kind's own.
func (s *Site) pageList() []*Page {
	pages := Pages(s.in.Plan)
	for _, p := range pages {
		switch {
		case p.Kind == "full":
			p.Extra = fullItems(s.in.Plan)
		case p.Kind == "calculator":
			p.Extra = &s.in.Calculator.Page
		case p.Kind == "updates":
			p.Extra = updatesOf(s.in.Plan)
		case p.Kind == "data":
			p.Extra = s.in.Calculator.Fields
		case p.Kind == "clause" && p.Clause.ID == "3.1" && s.in.Calculator.Adjustment != nil:
			p.Extra = s.in.Calculator.Adjustment
		}
	}
	return pages
}

// lastUpdated is the 最后更新 date of a set of clauses: the newest update
// entry, or the date the plan was printed.
func lastUpdated(pl *model.Plan, cs []*model.Clause) string {
	d := pl.Document.PrintedDate.String()
	for _, c := range cs {
		for _, u := range c.Updates {
			if s := u.Date.String(); s > d {
				d = s
			}
		}
	}
	return d
}

// Update is one dated note with the clause it belongs to.
type Update struct {
	Date   string
	Text   string
	Clause *model.Clause
}

// updatesOf lists every update entry, newest first (ties by clause order).
func updatesOf(pl *model.Plan) []Update {
	var out []Update
	for _, c := range pl.Clauses {
		for _, u := range c.Updates {
			out = append(out, Update{Date: u.Date.String(), Text: u.Text, Clause: c})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	return out
}
