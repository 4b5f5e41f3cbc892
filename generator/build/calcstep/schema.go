package calcstep

import (
	"strconv"
	"strings"

	"gyportal/calc/rules"
	"gyportal/generator/site"
)

// obj is a JSON object; the site writes it with sorted keys.
type obj = map[string]any

// schema is the JSON Schema (draft 2020-12) of the household input,
// derived from calc's vocabulary: every fact, its kind, limits, values
// and Chinese description.
func schema(base string) obj {
	props := obj{}
	var required []string
	for _, f := range rules.Fields() {
		props[f.Name] = fieldSchema(f)
		if f.Required {
			required = append(required, f.Name)
		}
	}
	child := obj{"type": "object", "additionalProperties": false, "properties": obj{}}
	var childRequired []string
	for _, f := range rules.ChildFields() {
		child["properties"].(obj)[f.Name] = fieldSchema(f)
		if f.Required {
			childRequired = append(childRequired, f.Name)
		}
	}
	child["required"] = childRequired
	return obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  strings.TrimSuffix(base, "/") + "/data/household.schema.json",
		"title":                "待遇计算器的家庭情况输入",
		"description":          "一户家庭的情况。计算器按这些情况计算该户可以领取的待遇；除必填项外，不清楚的可以不写，需要时计算器会说明还需要了解什么。",
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
		"$defs":                obj{"child": child},
	}
}

// fieldSchema is the schema of one fact.
func fieldSchema(f rules.Field) obj {
	s := obj{"description": describe(f)}
	switch f.Kind {
	case rules.DateField:
		s["type"], s["format"], s["pattern"] = "string", "date", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	case rules.EnumField:
		var names []string
		for _, c := range f.Choices {
			names = append(names, c.Name)
		}
		s["enum"] = names
	case rules.BoolField:
		s["type"] = "boolean"
	case rules.IntField:
		s["type"], s["minimum"], s["maximum"] = "integer", number(f.Min), number(f.Max)
	case rules.AmountField:
		s["anyOf"] = []obj{
			{"type": "string", "pattern": `^[0-9]+(\.[0-9]{1,2})?$`},
			{"type": "number", "minimum": number(f.Min), "maximum": number(f.Max), "multipleOf": 0.01},
		}
	case rules.ChildrenField:
		s["type"], s["maxItems"], s["items"] = "array", f.MaxItems, obj{"$ref": "#/$defs/child"}
	}
	return s
}

// number is a limit as a JSON number, from its decimal text.
func number(s string) any { return jsonNumber(s) }

// describe says what a fact is, in Chinese: its label, unit, limits and
// values, as the open data page and the schema show it.
func describe(f rules.Field) string {
	d := f.Label
	if f.Kind == rules.BoolField {
		d = "是否" + d
	}
	if f.Unit != "" {
		d += "（" + f.Unit + "）"
	}
	switch f.Kind {
	case rules.EnumField:
		var cs []string
		for _, c := range f.Choices {
			cs = append(cs, c.Name+" "+c.Label)
		}
		d += "：" + strings.Join(cs, "，")
	case rules.IntField:
		d += "，" + f.Min + " 至 " + f.Max + " 的整数"
	case rules.AmountField:
		d += "，不小于 " + f.Min + "，最多两位小数"
	case rules.ChildrenField:
		d += "，每人一项，最多 " + itoa(f.MaxItems) + " 人"
	case rules.DateField:
		d += "，YYYY-MM-DD"
	}
	if f.Required {
		d += "。必填"
	}
	if f.Help != "" {
		d += "。" + strings.TrimSuffix(f.Help, "。")
	}
	return d + "。"
}

// fieldRows are the facts as the open data page's table lists them.
func fieldRows() []site.FieldRow {
	var out []site.FieldRow
	for _, f := range rules.Fields() {
		out = append(out, site.FieldRow{Name: f.Name, Desc: describe(f)})
	}
	var kids []string
	for _, f := range rules.ChildFields() {
		kids = append(kids, f.Name+"："+strings.TrimSuffix(describe(f), "。"))
	}
	out = append(out, site.FieldRow{Name: "children[].*", Desc: "每个子女的情况：" + strings.Join(kids, "；") + "。"})
	return out
}

// jsonNumber is decimal text kept as a JSON number.
type jsonNumber string

// MarshalJSON writes the number's text.
func (n jsonNumber) MarshalJSON() ([]byte, error) { return []byte(n), nil }

func itoa(n int) string { return strconv.Itoa(n) }
