package site

import (
	"sort"

	"gyportal/generator/model"
)

// pageList returns every HTML page of the site, in a fixed order.
func (s *Site) pageList() []*Page {
	home := Crumb{"首页", "/"}
	pl := s.in.Plan
	latest := func(cs []*model.Clause) string { return lastUpdated(pl, cs) }
	pages := []*Page{
		{Kind: "home", Path: "index.html", URL: "/", Title: pl.Site.Title, Updated: latest(pl.Clauses), Crumbs: []Crumb{{"首页", ""}}},
		{Kind: "full", Path: "full/index.html", URL: "/full/", Title: "实施方案全文", Extra: fullItems(pl), Crumbs: []Crumb{home, {"实施方案全文", ""}}, Updated: latest(pl.Clauses)},
		{Kind: "search", Path: "search/index.html", URL: "/search/", Title: "搜索", Crumbs: []Crumb{home, {"搜索", ""}}, Updated: latest(pl.Clauses)},
		{Kind: "calculator", Path: "calculator/index.html", URL: "/calculator/", Title: "待遇计算器：我能领多少", Crumbs: []Crumb{home, {"待遇计算器", ""}}, Updated: latest(pl.Clauses), Extra: &s.in.Calculator.Page},
		{Kind: "updates", Path: "updates/index.html", URL: "/updates/", Title: "最新动态", Crumbs: []Crumb{home, {"最新动态", ""}}, Updated: latest(pl.Clauses), Extra: updatesOf(pl)},
		{Kind: "data", Path: "open-data/index.html", URL: "/open-data/", Title: "开放数据", Crumbs: []Crumb{home, {"开放数据", ""}}, Updated: latest(pl.Clauses), Extra: s.in.Calculator.Fields},
		{Kind: "404", Path: "404.html", URL: "/404.html", Title: "页面未找到", Crumbs: []Crumb{home, {"页面未找到", ""}}},
	}
	for _, c := range pl.Clauses {
		var extra any
		if c.ID == "3.1" && s.in.Calculator.Adjustment != nil {
			extra = s.in.Calculator.Adjustment
		}
		pages = append(pages, &Page{Extra: extra, Kind: "clause", Path: "clauses/" + c.ID + "/index.html", URL: "/clauses/" + c.ID + "/",
			Title: c.ID + " " + c.Title, Desc: c.Summary, Clause: c, Updated: latest([]*model.Clause{c}),
			Crumbs: []Crumb{home, {"实施方案全文", "/full/"}, {c.ID + " " + c.Title, ""}}})
	}
	for _, d := range pl.Departments {
		pages = append(pages, &Page{Kind: "department", Path: "departments/" + d.ID + "/index.html", URL: "/departments/" + d.ID + "/",
			Title: d.Name + "的职责", Dept: d, Updated: latest(d.Clauses),
			Crumbs: []Crumb{home, {"责任部门", "/#departments"}, {d.Name, ""}}})
	}
	for _, g := range pl.Groups {
		pages = append(pages, &Page{Kind: "group", Path: "groups/" + g.ID + "/index.html", URL: "/groups/" + g.ID + "/",
			Title: "我是" + g.Name + "：我能得到什么", Desc: g.Who, Group: g, Updated: latest(g.Clauses),
			Crumbs: []Crumb{home, {"按人群查看", "/#groups"}, {g.Name, ""}}})
	}
	for _, p := range pages {
		p.Site, p.Doc, p.Plan = pl.Site, &pl.Document, pl
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
