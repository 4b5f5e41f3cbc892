package site

import (
	"strings"

	"gyportal/generator/model"
)

// FullItem is one clause of the full-text page with the section headings
// that open before it.
type FullItem struct {
	Headings []Heading
	Clause   *model.Clause
	Number   string // the plan's own numbering: "1." for 3.2.1, "（一）" for 3.1
}

// Heading is a section heading in the plan's numbering ("三、工作措施").
type Heading struct {
	ID, Label string
	Level     int // 2 for 一、…, 3 for （二）…
}

var (
	cnTop = map[string]string{"1": "一、", "2": "二、", "3": "三、", "4": "四、", "5": "五、", "6": "六、"}
	cnSub = map[string]string{"1": "（一）", "2": "（二）", "3": "（三）", "4": "（四）", "5": "（五）"}
)

// fullItems lays the clauses out under the plan's headings.
func fullItems(pl *model.Plan) []FullItem {
	titles := map[string]string{}
	for _, s := range pl.Document.Sections {
		titles[s.ID] = s.Title
	}
	opened := map[string]bool{}
	var items []FullItem
	for _, c := range pl.Clauses {
		it := FullItem{Clause: c, Number: number(c.ID)}
		parts := strings.Split(c.ID, ".")
		for n := 1; n < len(parts); n++ {
			id := strings.Join(parts[:n], ".")
			if t, ok := titles[id]; ok && !opened[id] {
				opened[id] = true
				it.Headings = append(it.Headings, Heading{ID: id, Label: number(id) + t, Level: n + 1})
			}
		}
		items = append(items, it)
	}
	return items
}

// number renders an id in the plan's numbering: top level "一、", second
// level "（二）", third level "12.".
func number(id string) string {
	parts := strings.Split(id, ".")
	last := parts[len(parts)-1]
	switch len(parts) {
	case 1:
		return cnTop[last]
	case 2:
		return cnSub[last]
	}
	return last + ". "
}
