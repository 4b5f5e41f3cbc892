// Package changes says, in Chinese, what publishing the content would
// change on a site already built: the amounts benefit by benefit, the
// benefits added and removed, and the calculator test cases whose
// answers change. `check --out` prints it before anyone publishes.
//
// The published site is read from its own open data (data/benefits.json)
// and the calculator's parameters it serves (assets/calc-params.*.json),
// the very files residents see.
package changes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"gyportal/calc"
	"gyportal/generator/cases"
	"gyportal/generator/model"
	"gyportal/generator/site"
)

// benefit is one benefit as the open data publishes it.
type benefit struct {
	ID      string `json:"id"`
	Clause  string `json:"clause"`
	Name    string `json:"name"`
	Amount  string `json:"amount"`
	Rate    string `json:"rate"`
	Unit    string `json:"unit"`
	Changes []struct {
		Amount string `json:"amount"`
		From   string `json:"from"`
	} `json:"changes"`
}

// Benefits compares the benefits published in the site at dir with
// those of plan (the visible plan): lines for the amounts changed
// ("金额 3.2.12 失独家庭一次性抚慰金（市增发）20,000元 → 25,000元"), then
// the benefits added and removed, in plan order.
func Benefits(dir string, plan *model.Plan) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "data", "benefits.json"))
	if err != nil {
		return nil, err
	}
	var old []benefit
	if err := json.Unmarshal(data, &old); err != nil {
		return nil, fmt.Errorf("%s：%w", filepath.Join(dir, "data", "benefits.json"), err)
	}
	was := map[string]*benefit{}
	for i := range old {
		was[old[i].ID] = &old[i]
	}
	var changed, added []string
	for _, c := range plan.Clauses {
		for _, b := range c.Benefits {
			now := current(c, &b)
			w := was[b.ID]
			delete(was, b.ID)
			switch {
			case w == nil:
				added = append(added, "新增待遇 "+label(now)+figure(now))
			case figure(w) != figure(now):
				changed = append(changed, "金额 "+label(now)+figure(w)+" → "+figure(now))
			}
		}
	}
	var removed []string
	for _, w := range old {
		if was[w.ID] != nil {
			removed = append(removed, "移除待遇 "+label(&w)+figure(&w))
		}
	}
	return append(append(changed, added...), removed...), nil
}

// current is benefit b of clause c as the open data will publish it.
func current(c *model.Clause, b *model.Benefit) *benefit {
	out := &benefit{ID: b.ID, Clause: c.ID, Name: b.Name, Amount: text(b.Amount), Rate: text(b.Rate), Unit: b.Unit}
	for _, ch := range b.Changes {
		out.Changes = append(out.Changes, struct {
			Amount string `json:"amount"`
			From   string `json:"from"`
		}{text(ch.Amount), ch.From.String()})
	}
	return out
}

func text(d model.Dec) string {
	if !d.Set {
		return ""
	}
	return d.String()
}

// label is "3.2.12 失独家庭一次性抚慰金（市增发）".
func label(b *benefit) string { return b.Clause + " " + b.Name }

// figure is the benefit's standard in words: "20,000元", "20%", with its
// later standards ("；2020-01-01 起 25,000元"); "（无金额）" for a service.
func figure(b *benefit) string {
	unit := b.Unit
	if unit == "" {
		unit = "元"
	}
	var f string
	switch {
	case b.Amount != "":
		f = site.Thousands(b.Amount) + unit
	case b.Rate != "":
		f = rate(b.Rate)
	default:
		f = "（无金额）"
	}
	for _, ch := range b.Changes {
		f += "；" + ch.From + " 起 " + site.Thousands(ch.Amount) + unit
	}
	return f
}

// rate formats "0.2" as "20%".
func rate(s string) string {
	if d, err := decimal.NewFromString(s); err == nil {
		return d.Shift(2).String() + "%"
	}
	return s
}

// Cases works out every test case of plan with the calculator's
// parameters published in the site at dir and with cp: one line per case
// whose totals differ ("计算器测试用例 content/tests/x.toml:7: case "…"：
// 一次性 50,000元 → 55,000元"). No parameters in dir, no lines.
func Cases(dir string, plan *model.Plan, cp *calc.Params, today time.Time) ([]string, error) {
	names, _ := filepath.Glob(filepath.Join(dir, "assets", "calc-params.*.json"))
	if len(names) != 1 {
		return nil, nil
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		return nil, err
	}
	was, err := calc.ParseParams(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", names[0], err)
	}
	var out []string
	for i := range plan.Cases {
		c := &plan.Cases[i]
		before, err1 := cases.Totals(c, was, today)
		after, err2 := cases.Totals(c, cp, today)
		if err1 != nil || err2 != nil {
			continue // a case the calculator cannot work out is check's error, not a change
		}
		if d := diff(before, after); d != "" {
			out = append(out, fmt.Sprintf("计算器测试用例 %s:%d: case %q：%s", c.File, c.Line, c.Name, d))
		}
	}
	return out, nil
}

// diff says how totals changed: "一次性 50,000元 → 55,000元".
func diff(before, after map[string]string) string {
	var parts []string
	for _, per := range []string{"once", "month", "year"} {
		if before[per] != after[per] {
			parts = append(parts, site.Period(per)+" "+money(before[per])+" → "+money(after[per]))
		}
	}
	return strings.Join(parts, "，")
}

// money formats "50000.00" as "50,000元".
func money(s string) string {
	return site.Thousands(strings.TrimSuffix(s, ".00")) + "元"
}

// Pages turns the names of changed files into the pages' addresses
// ("clauses/3.2.12/index.html" → "/clauses/3.2.12/") and counts the
// other files.
func Pages(files []string) (pages []string, others int) {
	for _, f := range files {
		switch {
		case strings.HasSuffix(f, "/index.html"):
			pages = append(pages, "/"+strings.TrimSuffix(f, "index.html"))
		case f == "index.html":
			pages = append(pages, "/")
		case strings.HasSuffix(f, ".html"):
			pages = append(pages, "/"+f)
		default:
			others++
		}
	}
	sort.Strings(pages)
	return pages, others
}
