package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// funcs are the template functions; the package comment documents them.
// asset resolves names with assets (nil while parsing); rules,
// clauseReadings, offers, ruleOf and readingsOf read rs (stateFuncs in
// keys.go).
func funcs(assets func(string) (string, bool), rs *Rules) template.FuncMap {
	if rs == nil {
		rs = &Rules{}
	}
	return template.FuncMap{
		"rules":          func(bs []model.Benefit) []*Rule { return rs.of(bs) },
		"clauseReadings": func(id string) []Reading { return rs.Clauses[id] },
		"offers":         func(group string) *Offers { return rs.Groups[group] },
		"ruleOf":         func(benefit string) *Rule { return rs.Benefits[benefit] },
		"readingsOf":     rs.readingsOf,
		"asset":          func(name string) (string, error) { return assetURL(assets, name) },
		"csp":            func() string { return CSP },
		"markdown":       markdown,
		"paras":          paras,
		"yuan":           yuan,
		"num":            num,
		"pct":            pct,
		"period":         rules.Period.Words,
		"forName":        forName,
		"clauseURL":      ClauseURL,
		"deptURL":        DepartmentURL,
		"groupURL":       GroupURL,
		"anchor":         func(id string) string { return "c-" + strings.ReplaceAll(id, ".", "-") },
		"figure":         Figure,
		"target":         targetValue,
		"forGroup":       ForGroup,
		"qr":             qrSVG,
	}
}

// assetURL is the URL of a published asset; an unknown name is an error,
// so a misspelt reference fails the build instead of a page.
func assetURL(assets func(string) (string, bool), name string) (string, error) {
	u, ok := "", false
	if assets != nil {
		u, ok = assets(name)
	}
	if !ok {
		return "", fmt.Errorf("asset %q：templates/assets/ 中没有这个文件，生成过程也不产生它", name)
	}
	return u, nil
}

// paras splits verbatim text into paragraphs at blank lines.
func paras(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// yuan formats an amount of money for residents: "20,000元".
func yuan(d decimal.Decimal) string { return Thousands(d.String()) + "元" }

// num formats a decimal with thousands separators.
func num(d decimal.Decimal) string { return Thousands(d.String()) }

// pct formats a ratio as a percentage: 0.2 → "20%".
func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// Thousands puts thousands separators into a decimal number's text:
// "20000.5" → "20,000.5". The calculator step formats its amounts with it.
func Thousands(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Period names a benefit period, given by its name, for residents:
// "once" → "一次性"; "" for a name that is no period.
func Period(name string) string {
	var p rules.Period
	_ = p.UnmarshalText([]byte(name)) // an unknown name stays unset, with no words
	return p.Words()
}

var forNames = map[string]string{"household": "每户", "person": "每人", "village": "村", "township": "乡（镇、社区）", "department": "部门"}

func forName(f string) string { return forNames[f] }

// Figure describes a benefit's quantity in words: "不低于20,000元", "50%".
func Figure(b model.Benefit) string {
	atLeast := ""
	if b.Minimum {
		atLeast = "不低于"
	}
	switch {
	case b.Rate.Set && b.Threshold.Set:
		return "超过" + yuan(b.Threshold.Decimal) + "的部分按" + atLeast + pct(b.Rate.Decimal)
	case b.Rate.Set:
		return atLeast + pct(b.Rate.Decimal)
	case b.Amount.Set && b.Unit == "元":
		return atLeast + yuan(b.Amount.Decimal)
	case b.Amount.Set:
		return atLeast + num(b.Amount.Decimal) + b.Unit
	}
	return ""
}

// targetValue formats a target's value with its unit.
func targetValue(t model.Target) string {
	if !t.Value.Set {
		return "" // a target the plan states in words only
	}
	v := num(t.Value.Decimal) + t.Unit
	if t.Unit == "%" {
		v = pct(t.Value.Decimal)
	}
	if t.Minimum {
		v = "不低于" + v
	}
	return v
}

// ForGroup keeps the benefits that concern group: those naming it, and
// those naming no group (they concern everyone the clause does).
func ForGroup(group string, bs []model.Benefit) []model.Benefit {
	var out []model.Benefit
	for _, b := range bs {
		if len(b.Groups) == 0 || slices.Contains(b.Groups, group) {
			out = append(out, b)
		}
	}
	return out
}

// of returns the descriptions of the benefits the calculator evaluates
// among bs, in their order.
func (rs *Rules) of(bs []model.Benefit) []*Rule {
	var out []*Rule
	for _, b := range bs {
		if r := rs.Benefits[b.ID]; r != nil {
			out = append(out, r)
		}
	}
	return out
}

// ReadingUse is a reading as a page shows it: once, with the benefits
// whose rules apply it (none: it reads the clause as a whole).
type ReadingUse struct {
	Reading
	For []string // the benefits' names
}

// readingsOf lists each reading of a clause's rules once: the clause's
// own readings first, then those of the benefits bs, in order, each with
// the names of the benefits it applies to.
func (rs *Rules) readingsOf(clause string, bs []model.Benefit) []ReadingUse {
	var out []ReadingUse
	at := map[Reading]int{}
	for _, r := range rs.Clauses[clause] {
		at[r] = len(out)
		out = append(out, ReadingUse{Reading: r})
	}
	for _, r := range rs.of(bs) {
		for _, x := range r.Readings {
			i, ok := at[x]
			if !ok {
				i = len(out)
				at[x] = i
				out = append(out, ReadingUse{Reading: x})
			}
			if out[i].For != nil || !ok {
				out[i].For = append(out[i].For, r.Title)
			}
		}
	}
	return out
}
