package calcstep

import (
	"strings"

	"gyportal/calc/rules"
	"gyportal/generator/site"
)

// layout is the order and grouping of the calculator form's questions:
// sections of facts; a group of yes/no facts shares one question. The
// questions' words, help texts, units and choices come from calc's
// vocabulary.
var layout = []struct {
	title     string
	questions []question
}{
	{"户口与家庭", []question{{fact: "hukou"}, {fact: "family"}, {fact: "members"},
		{checks: "您家有下面的情况吗？（有就勾选，没有或不清楚就不勾）", label: "家庭其他情况", facts: []string{"ethnic_minority", "wubao"}}}},
	{"收入与住房", []question{
		{checks: "您家的收入情况（有就勾选，没有或不清楚就不勾）", label: "收入情况", facts: []string{"dibao", "poor", "middle_low_income"}},
		{fact: "dibao_standard"}, {fact: "housing_area_per_capita"},
		{checks: "生产和诚信（有就勾选）", label: "生产和诚信", facts: []string{"can_develop_project", "integrity"}},
		{fact: "aid_standard"}}},
	{"子女", []question{{fact: "children"}}},
	{"健康", []question{{fact: "complication_level"},
		{checks: "残疾情况（有就勾选）", label: "残疾情况", facts: []string{"disabled_parent"}},
		{fact: "medical_out_of_pocket"}}},
}

// question is one entry of the layout: one fact, or a group of yes/no
// facts under one legend.
type question struct {
	fact          string
	checks, label string
	facts         []string
}

// form builds the form's sections; every fact of the vocabulary but the
// date appears exactly once (tested).
func form() []site.FormSection {
	var out []site.FormSection
	n := 0
	for _, sec := range layout {
		s := site.FormSection{Title: sec.title}
		for _, q := range sec.questions {
			fq := formQuestion(q)
			if fq.Kind != "children" {
				n++
				fq.N = n
			}
			s.Questions = append(s.Questions, fq)
		}
		out = append(out, s)
	}
	return out
}

func formQuestion(q question) site.FormQuestion {
	if q.checks != "" {
		fq := site.FormQuestion{Kind: "checks", Question: q.checks, Label: q.label}
		for _, name := range q.facts {
			f := field(name)
			fq.Options = append(fq.Options, site.FormOption{ID: controlID(name), Fact: name, Value: "1", Label: f.Label, Help: f.Help})
		}
		return fq
	}
	f := field(q.fact)
	fq := site.FormQuestion{Fact: f.Name, ID: controlID(f.Name), Key: idStem(f.Name), Question: f.Question,
		Label: f.Label, Help: f.Help, Unit: f.Unit, Numeric: f.Kind == rules.IntField}
	if f.Required {
		fq.Required = "请选择" + f.Label
		fq.Question += " *"
	}
	switch {
	case f.Kind == rules.ChildrenField:
		kid := rules.ChildFields()
		fq.Kind, fq.Question, fq.Stages = "children", kid[0].Question, stageOptions()
		fq.Options = []site.FormOption{{Label: kid[1].Label}}
		for i, name := range []string{"第一个孩子", "第二个孩子", "第三个孩子"} {
			fq.Children = append(fq.Children, site.ChildRow{Index: i, N: i + 1, Name: name})
		}
	case f.Kind == rules.EnumField:
		fq.Kind = "radio"
		for i, c := range f.Choices {
			id := fq.ID
			if i > 0 {
				id += "-" + idStem(c.Name)
			}
			fq.Options = append(fq.Options, site.FormOption{ID: id, Value: c.Name, Label: c.Long})
		}
	case len(f.Choices) > 0:
		fq.Kind = "select"
		for _, c := range f.Choices {
			v := c.Name
			if v == f.Min {
				v = "" // the lowest value is the form's "none or not known"
			}
			fq.Options = append(fq.Options, site.FormOption{Value: v, Label: c.Long})
		}
	default:
		fq.Kind = "text"
	}
	return fq
}

// field returns a fact of the vocabulary; the layout names only facts.
func field(name string) rules.Field {
	f, ok := rules.LookupField(name)
	if !ok {
		panic("calcstep: the form's layout names no fact " + name)
	}
	return f
}

// idStem is a name as ids write it: "medical-out-of-pocket".
func idStem(name string) string { return strings.ReplaceAll(name, "_", "-") }

// controlID is the id of a fact's control: "f-medical-out-of-pocket",
// the id calc-page.js names when calc reports an error in that field.
func controlID(name string) string { return "f-" + idStem(name) }

// stageOptions are the school stages as the form offers them.
func stageOptions() []site.Option {
	var out []site.Option
	for _, s := range rules.Stages() {
		out = append(out, site.Option{Value: s.String(), Label: stageLong(s)})
	}
	return out
}

func stageLong(s rules.Stage) string {
	for _, f := range rules.ChildFields() {
		for _, c := range f.Choices {
			if c.Name == s.String() {
				return c.Long
			}
		}
	}
	return s.Label()
}
