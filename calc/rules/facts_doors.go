package rules

import (
	"slices"
	"strconv"
	"strings"
)

// maxFactsBytes is the largest JSON of one household accepted.
const maxFactsBytes = 64 << 10

// ParseFacts parses one household, a JSON object whose fields are the
// facts of Fields. Numbers are read from their text, never through
// float64; amounts may also be written as strings. children is a list of
// {"stage", "admitted_to_college"}, or the short form
// "primary;senior+admitted" (see AdmittedMark). null leaves a fact out.
// Every problem is a *FieldError naming the field; several are joined
// with errors.Join.
func ParseFacts(data []byte) (*Facts, error) {
	if len(data) > maxFactsBytes {
		return nil, fieldErr("$", "一户的情况不能超过 64 KB（得到 ", strconv.Itoa(len(data)>>10), " KB）")
	}
	r := &jsonReader{data: data}
	p := &factParser{f: &Facts{}}
	if r.peek() != '{' {
		if r.skip() && r.end() {
			return nil, fieldErr("$", "应为一个 JSON 对象（一户的情况）")
		}
		r.fail("应为一个 JSON 对象（一户的情况）")
		return nil, r.err
	}
	ok := r.object(func(key []byte) bool { return jsonFact(r, p, key) })
	if ok && !r.end() {
		r.fail("JSON 对象之后还有多余的内容")
	}
	if r.err != nil {
		return nil, r.err
	}
	return p.finish()
}

// jsonFact reads the value of one field of a household's object.
func jsonFact(r *jsonReader, p *factParser, key []byte) bool {
	id, known := fieldByName(key)
	if !known {
		name := string(key)
		if name == "" {
			name = `""`
		}
		p.fail(name, "未知字段（可用字段：", strings.Join(FactNames(), "、"), "）")
		return r.skip()
	}
	if !p.mark(id) {
		return r.skip()
	}
	if id != fChildren {
		v, ok := r.scalar()
		if ok {
			setScalar(p, id, v)
		}
		return ok
	}
	return jsonChildren(r, p)
}

// jsonChildren reads children: a list of objects, or the short form.
func jsonChildren(r *jsonReader, p *factParser) bool {
	const path = "children"
	if c := r.peek(); c != '[' {
		v, ok := r.scalar()
		switch {
		case !ok || v.kind == rawNull:
		case v.kind == rawString:
			p.f.Children = shortChildren(p, v)
		default:
			p.fail(path, "应为列表，如 [{\"stage\": \"primary\"}]，或简写 \"primary;senior+admitted\"（得到", v.typeName(), "）")
		}
		return ok
	}
	kids := make([]Child, 0, 4)
	ok := r.array(func(i int) bool {
		kids = append(kids, Child{})
		return jsonChild(r, p, i, &kids[len(kids)-1])
	})
	p.f.Children = checkCount(p, kids)
	return ok
}

// jsonChild reads one child's object.
func jsonChild(r *jsonReader, p *factParser, i int, c *Child) bool {
	if r.peek() != '{' {
		v, ok := r.scalar()
		if ok {
			p.fail(childPath(i, ""), "应为对象，如 {\"stage\": \"primary\", \"admitted_to_college\": false}（得到", v.typeName(), "）")
		}
		return ok
	}
	var seen [len(childFields)]bool
	ok := r.object(func(key []byte) bool {
		k := -1
		for j := range childFields {
			if string(key) == childFields[j].Name {
				k = j
			}
		}
		if k < 0 {
			p.fail(childPath(i, string(key)), "未知字段（可用字段：stage、admitted_to_college）")
			return r.skip()
		}
		v, ok := r.scalar()
		switch {
		case !ok || v.kind == rawNull:
		case seen[k]:
			p.fail(childPath(i, childFields[k].Name), "重复给出")
		default:
			seen[k] = true
			setChild(p, i, k, c, v)
		}
		return ok
	})
	if ok && !seen[0] {
		p.fail(childPath(i, "stage"), "必填，可选值：", choiceList(stageChoices[1:]))
	}
	return ok
}

// setChild stores fact k (of childFields) of child i.
func setChild[T text](p *factParser, i, k int, c *Child, v raw[T]) {
	if v.kind == rawNull {
		return
	}
	if k == 0 {
		if n, ok := enumValue(p, where{i, "stage"}, v, stageChoices[:]); ok {
			c.Stage = Stage(n)
		}
		return
	}
	c.AdmittedToCollege, _ = boolValue(p, where{i, "admitted_to_college"}, v)
}

func childPath(i int, field string) string {
	p := "children[" + strconv.Itoa(i) + "]"
	if field != "" {
		p += "." + field
	}
	return p
}

// checkCount refuses more children than the vocabulary allows.
func checkCount(p *factParser, kids []Child) []Child {
	if len(kids) > maxChildren {
		p.fail("children", "最多 ", strconv.Itoa(maxChildren), " 个子女（得到 ", strconv.Itoa(len(kids)), " 个）")
		return nil
	}
	return kids
}

// shortChildren reads the short form of children: stages separated by
// ";", each optionally followed by AdmittedMark. Empty parts are skipped.
// A text cell may name a stage by its Chinese label too.
func shortChildren[T text](p *factParser, v raw[T]) []Child {
	var kids []Child
	rest := v.s
	for len(rest) > 0 {
		part := rest
		if j := indexByte(rest, ';'); j >= 0 {
			part, rest = rest[:j], rest[j+1:]
		} else {
			rest = rest[:0]
		}
		part = trimSpace(part)
		if len(part) == 0 {
			continue
		}
		c := Child{}
		if n := len(part) - len(AdmittedMark); n >= 0 && string(part[n:]) == AdmittedMark {
			part, c.AdmittedToCollege = trimSpace(part[:n]), true
		}
		setChild(p, len(kids), 0, &c, raw[T]{kind: v.kind, s: part})
		kids = append(kids, c)
	}
	return checkCount(p, kids)
}

func indexByte[T text](s T, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// ParseFactsText reads one household from text cells, as a CSV row, a
// spreadsheet row or a query string gives them: get returns the cell of a
// fact by name (see FactNames), ok false or an empty cell when it is not
// given. Yes/no facts take true/false, 1/0, yes/no, y/n or 是/否; an
// enumerated fact its name or its Chinese label ("rural" or "农村户口");
// children the short form "primary;senior+admitted". The caller reports
// columns that name no fact (see LookupField).
func ParseFactsText(get func(name string) (string, bool)) (*Facts, error) {
	p := &factParser{f: &Facts{}}
	for i := range fields {
		cell, ok := get(fields[i].Name)
		if !ok || len(trimSpace(cell)) == 0 {
			continue
		}
		id := fieldID(i)
		p.seen[id] = true
		v := raw[string]{kind: rawText, s: cell}
		if id == fChildren {
			p.f.Children = shortChildren(p, v)
			continue
		}
		setScalar(p, id, v)
	}
	return p.finish()
}

// ParseFactsTOML reads one household from a check case's facts table as
// github.com/BurntSushi/toml decodes it: strings, integers, booleans,
// dates (values with a Format method, such as time.Time), and children as
// an array of tables or the short form. A TOML float is refused: amounts
// are written as strings ("4999.99"), which are exact.
func ParseFactsTOML(m map[string]any) (*Facts, error) {
	p := &factParser{f: &Facts{}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		id, ok := fieldByName(k)
		switch {
		case !ok:
			p.fail(k, "未知字段（可用字段：", strings.Join(FactNames(), "、"), "）")
		case id == fChildren:
			p.seen[id] = true
			p.f.Children = tomlChildren(p, m[k])
		default:
			p.seen[id] = true
			setScalar(p, id, tomlRaw(k, m[k], p))
		}
	}
	return p.finish()
}

// tomlRaw turns a decoded TOML value into a raw scalar.
func tomlRaw(path string, v any, p *factParser) raw[string] {
	switch x := v.(type) {
	case string:
		return raw[string]{kind: rawString, s: x}
	case bool:
		return raw[string]{kind: rawBool, b: x}
	case int64:
		return raw[string]{kind: rawNumber, s: strconv.FormatInt(x, 10)}
	case float64:
		p.fail(path, "小数请写成字符串，如 \"4999.99\"（TOML 的小数不精确）")
		return raw[string]{kind: rawNull}
	case interface{ Format(string) string }:
		return raw[string]{kind: rawString, s: x.Format("2006-01-02")}
	}
	return raw[string]{kind: rawOther, what: "列表或表"}
}

// tomlChildren reads children from TOML: the short form, or an array of
// tables with stage and admitted_to_college.
func tomlChildren(p *factParser, v any) []Child {
	var list []map[string]any
	switch x := v.(type) {
	case string:
		return shortChildren(p, raw[string]{kind: rawString, s: x})
	case []map[string]any:
		list = x
	case []any:
		for i, e := range x {
			t, ok := e.(map[string]any)
			if !ok {
				p.fail(childPath(i, ""), "应为表，如 { stage = \"primary\" }")
				continue
			}
			list = append(list, t)
		}
	default:
		p.fail("children", "应为表的数组（[[case.facts.children]]），或简写 \"primary;senior+admitted\"")
		return nil
	}
	kids := make([]Child, len(list))
	for i, t := range list {
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			val := t[k]
			switch k {
			case "stage":
				setChild(p, i, 0, &kids[i], tomlRaw(childPath(i, k), val, p))
			case "admitted_to_college":
				setChild(p, i, 1, &kids[i], tomlRaw(childPath(i, k), val, p))
			default:
				p.fail(childPath(i, k), "未知字段（可用字段：stage、admitted_to_college）")
			}
		}
		if _, ok := t["stage"]; !ok {
			p.fail(childPath(i, "stage"), "必填，可选值：", choiceList(stageChoices[1:]))
		}
	}
	return checkCount(p, kids)
}
