package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"gyportal/generator/search"
)

// Synthetic returns n clause documents of pseudo-random Chinese built from
// the plan's own phrases and characters, plus one department page per 100
// clauses and one group page per 125 (as the real site has about one of
// each per clause). The same n and seed give the same documents.
//
// A body is 80 to 600 characters of the plan's phrases (split at
// punctuation), about a third of them with one or two characters replaced
// by characters drawn with the plan's own frequencies, and sprinkled with
// the plan's amounts. So frequent phrases (计划生育家庭) are as frequent
// as in the plan, and there are many new rare combinations.
func Synthetic(n int, seed uint64) []search.Doc {
	fx, _ := MustFixture()
	var src strings.Builder
	var depts, groups []string
	for _, d := range fx {
		switch d.Kind {
		case "clause":
			src.WriteString(d.Body)
			src.WriteString("。")
		case "department":
			depts = append(depts, d.Department)
		case "group":
			groups = append(groups, d.Groups[0])
		}
	}
	phrases := strings.FieldsFunc(src.String(), func(r rune) bool {
		return strings.ContainsRune("，。、；：“”（）《》·—()% \n", r)
	})
	var chars []rune
	for _, r := range src.String() {
		if r > 0x3000 && !strings.ContainsRune("，。、；：“”（）《》", r) {
			chars = append(chars, r)
		}
	}
	amounts := []string{"500 元", "1000元", "8000 元", "2 万元", "30%", "2015 年", "260 平方米", "6000元", "50%", "3.2"}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	phrase := func() string {
		p := phrases[rng.IntN(len(phrases))]
		if rng.IntN(3) == 0 {
			rs := []rune(p)
			for k := 1 + rng.IntN(2); k > 0; k-- {
				rs[rng.IntN(len(rs))] = chars[rng.IntN(len(chars))]
			}
			p = string(rs)
		}
		if rng.IntN(10) == 0 {
			p += amounts[rng.IntN(len(amounts))]
		}
		return p
	}
	text := func(minLen, maxLen int) string {
		want := minLen + rng.IntN(maxLen-minLen+1)
		var b strings.Builder
		for utf8.RuneCountInString(b.String()) < want {
			b.WriteString(phrase())
			if rng.IntN(3) == 0 {
				b.WriteString("。")
			} else {
				b.WriteString("，")
			}
		}
		return b.String()
	}
	short := func() string {
		for {
			if p := phrase(); utf8.RuneCountInString(p) <= 14 {
				return p
			}
		}
	}
	var docs []search.Doc
	for i := range n {
		var gs []string
		for k := 1 + rng.IntN(3); k > 0; k-- {
			gs = append(gs, groups[rng.IntN(len(groups))])
		}
		docs = append(docs, search.Doc{
			URL:        fmt.Sprintf("/clauses/s%d/", i),
			Kind:       "clause",
			Title:      fmt.Sprintf("s%d %s：%s", i, short(), short()),
			Department: depts[rng.IntN(len(depts))],
			Groups:     gs,
			Summary:    text(30, 90),
			Body:       text(80, 600),
		})
	}
	for i := range n / 100 {
		docs = append(docs, search.Doc{URL: fmt.Sprintf("/departments/d%d/", i), Kind: "department",
			Title: depts[i%len(depts)] + "的职责", Department: depts[i%len(depts)], Body: text(100, 400)})
	}
	for i := range n / 125 {
		docs = append(docs, search.Doc{URL: fmt.Sprintf("/groups/g%d/", i), Kind: "group",
			Title: "我是" + groups[i%len(groups)] + "：我能得到什么", Groups: []string{groups[i%len(groups)]},
			Summary: short(), Body: text(100, 400)})
	}
	return docs
}
