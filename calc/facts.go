package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// FieldError is an input error that names the field it concerns, as a
// path such as "children[1].stage" ("$" for the input as a whole).
// Functions that find several return them joined with errors.Join.
type FieldError struct {
	Field string
	Msg   string
}

// Error returns "field: msg".
func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Facts is what a household tells the calculator. The JSON field names
// (see ParseFacts) are a public interface.
type Facts struct {
	Date                 string           // evaluation date YYYY-MM-DD; "" when not given
	Hukou                string           // "rural" or "urban"
	Family               string           // see Families
	Members              int              // people in the household; 0 when not given
	Dibao                bool             // receives 低保
	DibaoStandard        *decimal.Decimal // local rural 低保 standard, yuan per person per year
	Poor                 bool             // registered 计划生育贫困家庭
	Integrity            bool             // takes part in the 计划生育诚信活动
	CanDevelopProject    bool             // 有能力发展项目
	ComplicationLevel    int              // 0 (none) to 4
	DisabledParent       bool             // one spouse certified disabled and unable to work
	EthnicMinority       bool             // a minority household
	Wubao                bool             // an elderly member meets the 五保供养 rules
	Children             []Child          // in the order given
	MedicalOutOfPocket   decimal.Decimal  // yuan left after 新农合 this year
	HousingAreaPerCapita *decimal.Decimal // urban housing, m² per person
	MiddleLowIncome      bool             // urban 中等偏下收入 household
}

// Child is one child of the household.
type Child struct {
	Stage             string // see Stages
	AdmittedToCollege bool   // admitted to a 高等院校 (a 考生 this year)
}

// Enumerated values of the facts.
var (
	Hukous   = []string{"rural", "urban"}
	Families = []string{"only_daughter", "only_son", "two_daughters", "bereaved", "other_planned", "none"}
	Stages   = []string{"none", "preschool", "primary", "junior", "senior", "vocational", "college"}
)

// Limits on the facts.
const (
	maxMembers  = 100
	maxChildren = 20
	maxLevel    = 4
	maxDecLen   = 24 // characters of a decimal's text
)

// fieldKind is how a fact is written in JSON (and in CSV).
type fieldKind int

const (
	kString fieldKind = iota
	kBool
	kInt
	kDec
	kChildren
)

// factField describes one fact: its JSON name, kind and how it is stored.
type factField struct {
	name string
	kind fieldKind
	set  func(p *factParser, f *Facts, path string, v any)
}

// factFields lists the facts in the order they are checked and reported.
var factFields = []factField{
	{"date", kString, func(p *factParser, f *Facts, path string, v any) { f.Date = p.date(path, v) }},
	{"hukou", kString, func(p *factParser, f *Facts, path string, v any) { f.Hukou = p.enum(path, v, Hukous) }},
	{"family", kString, func(p *factParser, f *Facts, path string, v any) { f.Family = p.enum(path, v, Families) }},
	{"members", kInt, func(p *factParser, f *Facts, path string, v any) { f.Members = p.integer(path, v, 1, maxMembers) }},
	{"dibao", kBool, func(p *factParser, f *Facts, path string, v any) { f.Dibao = p.boolean(path, v) }},
	{"dibao_standard", kDec, func(p *factParser, f *Facts, path string, v any) { f.DibaoStandard = p.decimalPtr(path, v) }},
	{"poor", kBool, func(p *factParser, f *Facts, path string, v any) { f.Poor = p.boolean(path, v) }},
	{"integrity", kBool, func(p *factParser, f *Facts, path string, v any) { f.Integrity = p.boolean(path, v) }},
	{"can_develop_project", kBool, func(p *factParser, f *Facts, path string, v any) { f.CanDevelopProject = p.boolean(path, v) }},
	{"complication_level", kInt, func(p *factParser, f *Facts, path string, v any) {
		f.ComplicationLevel = p.integer(path, v, 0, maxLevel)
	}},
	{"disabled_parent", kBool, func(p *factParser, f *Facts, path string, v any) { f.DisabledParent = p.boolean(path, v) }},
	{"ethnic_minority", kBool, func(p *factParser, f *Facts, path string, v any) { f.EthnicMinority = p.boolean(path, v) }},
	{"wubao", kBool, func(p *factParser, f *Facts, path string, v any) { f.Wubao = p.boolean(path, v) }},
	{"children", kChildren, func(p *factParser, f *Facts, path string, v any) { f.Children = p.children(path, v) }},
	{"medical_out_of_pocket", kDec, func(p *factParser, f *Facts, path string, v any) {
		if d := p.decimalPtr(path, v); d != nil {
			f.MedicalOutOfPocket = *d
		}
	}},
	{"housing_area_per_capita", kDec, func(p *factParser, f *Facts, path string, v any) {
		f.HousingAreaPerCapita = p.decimalPtr(path, v)
	}},
	{"middle_low_income", kBool, func(p *factParser, f *Facts, path string, v any) { f.MiddleLowIncome = p.boolean(path, v) }},
}

// factIndex maps a fact's name to its description.
var factIndex = func() map[string]*factField {
	m := map[string]*factField{}
	for i := range factFields {
		m[factFields[i].name] = &factFields[i]
	}
	return m
}()

// FactNames returns the JSON names of the facts, in their documented order.
func FactNames() []string {
	out := make([]string, len(factFields))
	for i, f := range factFields {
		out[i] = f.name
	}
	return out
}

// ParseFacts parses one household, a JSON object. Numbers are read from
// their text, never through float64; money and areas may also be written
// as strings. children is a list of {"stage", "admitted_to_college"}, or
// the short form "primary;senior+admitted" (see AdmittedMark). Every problem is reported as a *FieldError naming the field;
// several are joined with errors.Join.
func ParseFacts(data []byte) (*Facts, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fieldErr("$", "不是有效的 JSON：%s", jsonErrText(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fieldErr("$", "JSON 对象之后还有多余的内容")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fieldErr("$", "应为一个 JSON 对象（一户的情况）")
	}
	return factsFromMap(m)
}

func jsonErrText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("第 %d 字节附近：%v", se.Offset, se)
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return "内容不完整"
	}
	return err.Error()
}

// factsFromMap checks a decoded JSON object (numbers as json.Number,
// strings, booleans, lists and objects) and builds the Facts. ParseFacts
// and the CSV reader both use it, so a fact is checked in one place.
func factsFromMap(m map[string]any) (*Facts, error) {
	p := &factParser{}
	f := &Facts{}
	for i := range factFields {
		ff := &factFields[i]
		if v, ok := m[ff.name]; ok && v != nil {
			ff.set(p, f, ff.name, v)
		}
	}
	var unknown []string
	for k := range m {
		if factIndex[k] == nil {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		if k == "" {
			k = `""`
		}
		p.fail(k, "未知字段（可用字段：%s）", strings.Join(FactNames(), "、"))
	}
	if f.Hukou == "" && !p.failed("hukou") {
		p.fail("hukou", "必填，可选值：%s", strings.Join(Hukous, "、"))
	}
	if f.Family == "" && !p.failed("family") {
		p.fail("family", "必填，可选值：%s", strings.Join(Families, "、"))
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return f, nil
}

// factParser collects field errors.
type factParser struct {
	errs []error
}

func (p *factParser) fail(field, format string, args ...any) {
	p.errs = append(p.errs, fieldErr(field, format, args...))
}

func (p *factParser) failed(field string) bool {
	for _, e := range p.errs {
		if e.(*FieldError).Field == field {
			return true
		}
	}
	return false
}

func (p *factParser) err() error { return errors.Join(p.errs...) }

func (p *factParser) str(path string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		p.fail(path, "应为字符串（得到 %s）", jsonType(v))
	}
	return s, ok
}

func (p *factParser) enum(path string, v any, allowed []string) string {
	s, ok := p.str(path, v)
	if !ok {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	p.fail(path, "%q 不是可选值之一：%s", clip(s), strings.Join(allowed, "、"))
	return ""
}

func (p *factParser) date(path string, v any) string {
	s, ok := p.str(path, v)
	if !ok {
		return ""
	}
	if !validDate(s) {
		p.fail(path, "%q 不是日期，应写成 YYYY-MM-DD", clip(s))
		return ""
	}
	return s
}

func (p *factParser) boolean(path string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		p.fail(path, "应为 true 或 false（得到 %s）", jsonType(v))
	}
	return b
}

var intRE = regexp.MustCompile(`^-?[0-9]{1,9}$`)

// integer reads a whole number written as a JSON number or a string.
func (p *factParser) integer(path string, v any, lo, hi int) int {
	s, ok := numberText(v)
	if !ok {
		p.fail(path, "应为整数（得到 %s）", jsonType(v))
		return 0
	}
	if !intRE.MatchString(s) {
		p.fail(path, "%q 不是整数", clip(s))
		return 0
	}
	n := 0
	neg := s[0] == '-'
	for _, c := range strings.TrimPrefix(s, "-") {
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	if n < lo || n > hi {
		p.fail(path, "应在 %d 到 %d 之间（得到 %d）", lo, hi, n)
		return 0
	}
	return n
}

var decRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// decimalPtr reads a non-negative decimal written as a JSON number or a
// string, from its text.
func (p *factParser) decimalPtr(path string, v any) *decimal.Decimal {
	s, ok := numberText(v)
	if !ok {
		p.fail(path, "应为数字，可写成字符串，如 \"5000\"（得到 %s）", jsonType(v))
		return nil
	}
	if len(s) > maxDecLen || !decRE.MatchString(s) {
		p.fail(path, "%q 不是普通小数（如 \"5000\" 或 \"4999.99\"）", clip(s))
		return nil
	}
	if s[0] == '-' {
		p.fail(path, "不能为负数（得到 %s）", s)
		return nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil { // unreachable after the pattern check
		p.fail(path, "%q 不是普通小数", clip(s))
		return nil
	}
	return &d
}

// AdmittedMark follows a stage in the short form of children to mark a
// child admitted to college: "primary;senior+admitted".
const AdmittedMark = "+admitted"

// children reads the list of children, or its short form: stages
// separated by ";", each optionally followed by AdmittedMark.
func (p *factParser) children(path string, v any) []Child {
	if s, ok := v.(string); ok {
		v = shortChildren(s)
	}
	list, ok := v.([]any)
	if !ok {
		p.fail(path, "应为列表，如 [{\"stage\": \"primary\"}]，或简写 \"primary;senior+admitted\"（得到 %s）", jsonType(v))
		return nil
	}
	if len(list) > maxChildren {
		p.fail(path, "最多 %d 个子女（得到 %d 个）", maxChildren, len(list))
		return nil
	}
	out := make([]Child, len(list))
	for i, e := range list {
		cp := fmt.Sprintf("%s[%d]", path, i)
		obj, ok := e.(map[string]any)
		if !ok {
			p.fail(cp, "应为对象，如 {\"stage\": \"primary\", \"admitted_to_college\": false}（得到 %s）", jsonType(e))
			continue
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			val := obj[k]
			switch k {
			case "stage":
				if val != nil {
					out[i].Stage = p.enum(cp+".stage", val, Stages)
				}
			case "admitted_to_college":
				if val != nil {
					out[i].AdmittedToCollege = p.boolean(cp+"."+k, val)
				}
			default:
				p.fail(cp+"."+k, "未知字段（可用字段：stage、admitted_to_college）")
			}
		}
		if v, ok := obj["stage"]; (!ok || v == nil) && !p.failed(cp+".stage") {
			p.fail(cp+".stage", "必填，可选值：%s", strings.Join(Stages, "、"))
		}
	}
	return out
}

// shortChildren expands "primary;senior+admitted" into the list form.
func shortChildren(s string) []any {
	out := []any{}
	for _, tok := range strings.Split(s, ";") {
		tok = strings.TrimSpace(tok)
		if tok == "" {
			continue
		}
		stage, adm := strings.CutSuffix(tok, AdmittedMark)
		out = append(out, map[string]any{"stage": strings.TrimSpace(stage), "admitted_to_college": adm})
	}
	return out
}

// numberText returns the text of a JSON number or string.
func numberText(v any) (string, bool) {
	switch x := v.(type) {
	case json.Number:
		return string(x), true
	case string:
		return strings.TrimSpace(x), true
	}
	return "", false
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "字符串"
	case json.Number:
		return "数字"
	case bool:
		return "true/false"
	case []any:
		return "列表"
	case map[string]any:
		return "对象"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// clip shortens a long value for an error message.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// validDate reports whether s is a calendar date YYYY-MM-DD.
func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == 10
}
