package rules

import (
	"errors"
	"strconv"
	"strings"
)

// Facts is what a household tells the calculator, parsed into typed
// values by ParseFacts (JSON), ParseFactsText (text cells) or
// ParseFactsTOML (check cases). Every fact but Hukou and Family may be
// left out: a number left out is not zero (see Amount), a yes/no fact
// left out is no.
type Facts struct {
	Date                 string  // evaluation date YYYY-MM-DD; "" when not given
	Hukou                Hukou   // required
	Family               Family  // required
	Members              int     // people in the household; 0 when not given
	Dibao                bool    // receives 低保
	DibaoStandard        Amount  // local rural 低保 standard, yuan per person per year
	Poor                 bool    // registered 计划生育贫困家庭
	Integrity            bool    // takes part in the 计划生育诚信活动
	CanDevelopProject    bool    // 有能力发展项目
	ComplicationLevel    int     // 0 (none) to 4
	DisabledParent       bool    // one spouse certified disabled and unable to work
	EthnicMinority       bool    // a minority household
	Wubao                bool    // an elderly member meets the 五保供养 rules
	Children             []Child // in the order given
	MedicalOutOfPocket   Amount  // yuan left after 新农合 this year
	HousingAreaPerCapita Amount  // urban housing, m² per person
	MiddleLowIncome      bool    // urban 中等偏下收入 household
	AidStandard          Amount  // the household's 扶贫开发 帮扶标准, yuan
}

// Child is one child of the household.
type Child struct {
	Stage             Stage // required
	AdmittedToCollege bool  // admitted to a 高等院校 (a 考生 this year)
}

// Amount is a non-negative figure a household gives, yuan or square
// metres, with at most two decimal places, kept exactly in hundredths.
// The zero Amount is "not given", which is not the same as 0.
type Amount struct {
	h  int64
	ok bool
}

// AmountOf returns the given amount of hundredths (250050 is 2500.50).
func AmountOf(hundredths int64) Amount { return Amount{hundredths, true} }

// Given reports whether the household gave the figure.
func (a Amount) Given() bool { return a.ok }

// Hundredths returns the figure in hundredths (fen for yuan).
func (a Amount) Hundredths() int64 { return a.h }

// String writes the figure without trailing zeros ("2500", "2500.5"),
// "" when not given.
func (a Amount) String() string {
	if !a.ok {
		return ""
	}
	return string(appendNum(nil, a.h, 2))
}

// FieldError is an input error that names the field it concerns, as a
// path such as "children[1].stage" ("$" for the input as a whole).
// Functions that find several return them joined with errors.Join.
type FieldError struct {
	Field string
	Msg   string
}

// Error returns "field: msg".
func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field string, msg ...string) *FieldError {
	return &FieldError{Field: field, Msg: strings.Join(msg, "")}
}

// rawKind says how a source wrote a value.
type rawKind uint8

const (
	rawString rawKind = iota // a JSON or TOML string
	rawNumber                // a JSON or TOML number, as its text
	rawBool                  // JSON or TOML true/false
	rawNull                  // JSON null: as if not given
	rawText                  // a text cell (CSV, spreadsheet, query string): read leniently
	rawOther                 // a list or object where a scalar belongs
)

// raw is one scalar value as a source gave it.
type raw[T text] struct {
	kind rawKind
	s    T    // the text of a string, number or cell
	b    bool // a bool's value
	what string
}

// factParser fills one Facts and collects the errors; the three doors
// share it, so a fact is checked in one place.
type factParser struct {
	f    *Facts
	errs []error
	seen [numFields]bool
}

func (p *factParser) fail(field string, msg ...string) {
	p.errs = append(p.errs, fieldErr(field, msg...))
}

// finish reports the required facts not given and, when every fact is
// well formed, the contradictions; it returns the Facts or the joined
// errors.
func (p *factParser) finish() (*Facts, error) {
	for i := range fields {
		if fields[i].Required && !p.seen[i] {
			p.fail(fields[i].Name, "必填，可选值：", choiceList(fields[i].Choices))
		}
	}
	if len(p.errs) == 0 {
		p.contradict()
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.f, nil
}

// mark records that fact id was given; a second value is an error.
func (p *factParser) mark(id fieldID) bool {
	if p.seen[id] {
		p.fail(fields[id].Name, "重复给出")
		return false
	}
	p.seen[id] = true
	return true
}

// where names the field a value is for; its path is built only for an
// error.
type where struct {
	child int    // index in children, -1 for a household fact
	field string // the fact's name, or the child's field
}

func (w where) path() string {
	if w.child < 0 {
		return w.field
	}
	return childPath(w.child, w.field)
}

// setScalar stores one scalar fact. A null leaves the fact out.
func setScalar[T text](p *factParser, id fieldID, v raw[T]) {
	if v.kind == rawNull {
		return
	}
	name := where{-1, fields[id].Name}
	f := p.f
	switch id {
	case fDate:
		if s, ok := wantString(p, name, v); ok {
			if !validDate(s) {
				p.fail(name.path(), quote(s), " 不是日期，应写成 YYYY-MM-DD")
				return
			}
			f.Date = string(s)
		}
	case fHukou:
		if n, ok := enumValue(p, name, v, hukouChoices[:]); ok {
			f.Hukou = Hukou(n)
		}
	case fFamily:
		if n, ok := enumValue(p, name, v, familyChoices[:]); ok {
			f.Family = Family(n)
		}
	case fMembers:
		f.Members, _ = intValue(p, name, v, 1, maxMembers)
	case fComplication:
		f.ComplicationLevel, _ = intValue(p, name, v, 0, maxLevel)
	case fDibaoStandard:
		f.DibaoStandard = amountValue(p, id, v)
	case fMedical:
		f.MedicalOutOfPocket = amountValue(p, id, v)
	case fHousing:
		f.HousingAreaPerCapita = amountValue(p, id, v)
	case fAidStandard:
		f.AidStandard = amountValue(p, id, v)
	default:
		b, ok := boolValue(p, name, v)
		if ok {
			*boolField(f, id) = b
		}
	}
}

// boolField returns the yes/no fact id of f.
func boolField(f *Facts, id fieldID) *bool {
	switch id {
	case fDibao:
		return &f.Dibao
	case fPoor:
		return &f.Poor
	case fIntegrity:
		return &f.Integrity
	case fCanDevelop:
		return &f.CanDevelopProject
	case fDisabled:
		return &f.DisabledParent
	case fMinority:
		return &f.EthnicMinority
	case fWubao:
		return &f.Wubao
	case fMiddleLow:
		return &f.MiddleLowIncome
	}
	panic("calc: fact " + fields[id].Name + " is not yes/no")
}

// wantString returns a string value (or a cell's text).
func wantString[T text](p *factParser, at where, v raw[T]) (T, bool) {
	if v.kind != rawString && v.kind != rawText {
		p.fail(at.path(), "应为字符串（得到", v.typeName(), "）")
		return v.s, false
	}
	return trimSpace(v.s), true
}

// enumValue returns the index of the choice v names. A text cell may also
// give the Chinese label.
func enumValue[T text](p *factParser, at where, v raw[T], choices []Choice) (int, bool) {
	s, ok := wantString(p, at, v)
	if !ok {
		return 0, false
	}
	for i := 1; i < len(choices); i++ {
		if string(s) == choices[i].Name || v.kind == rawText && string(s) == choices[i].Label {
			return i, true
		}
	}
	p.fail(at.path(), quote(s), " 不是可选值之一：", choiceList(choices[1:]))
	return 0, false
}

// boolValue reads yes/no: JSON and TOML true/false; a cell's
// true/false, 1/0, yes/no, y/n, 是/否.
func boolValue[T text](p *factParser, at where, v raw[T]) (bool, bool) {
	switch v.kind {
	case rawBool:
		return v.b, true
	case rawText:
		switch strings.ToLower(string(trimSpace(v.s))) {
		case "true", "1", "yes", "y", "是":
			return true, true
		case "false", "0", "no", "n", "否":
			return false, true
		}
		p.fail(at.path(), quote(v.s), " 应为 true/false、1/0、yes/no 或 是/否")
		return false, false
	}
	p.fail(at.path(), "应为 true 或 false（得到", v.typeName(), "）")
	return false, false
}

// intValue reads a whole number written as a number or as text.
func intValue[T text](p *factParser, at where, v raw[T], lo, hi int) (int, bool) {
	path := at.field
	if v.kind != rawNumber && v.kind != rawString && v.kind != rawText {
		p.fail(path, "应为整数（得到", v.typeName(), "）")
		return 0, false
	}
	s := trimSpace(v.s)
	n, ok := parseInt(s)
	if !ok {
		p.fail(path, quote(s), " 不是整数")
		return 0, false
	}
	if n < lo || n > hi {
		p.fail(path, "应在 ", strconv.Itoa(lo), " 到 ", strconv.Itoa(hi), " 之间（得到 ", strconv.Itoa(n), "）")
		return 0, false
	}
	return n, true
}

// amountValue reads a non-negative figure with at most two decimals,
// written as a number or as text, within the fact's limits.
func amountValue[T text](p *factParser, id fieldID, v raw[T]) Amount {
	name := fields[id].Name
	if v.kind != rawNumber && v.kind != rawString && v.kind != rawText {
		p.fail(name, "应为数字，可写成字符串，如 \"5000\"（得到", v.typeName(), "）")
		return Amount{}
	}
	s := trimSpace(v.s)
	h, problem := parseHundredths(s)
	if problem == "" && id == fDibaoStandard && h == 0 {
		problem = "应大于 0"
	}
	if problem != "" {
		p.fail(name, quote(s), " ", problem)
		return Amount{}
	}
	return Amount{h, true}
}

// parseInt reads an optionally negative whole number of at most nine
// digits.
func parseInt[T text](s T) (int, bool) {
	neg := len(s) > 0 && s[0] == '-'
	digits := s
	if neg {
		digits = s[1:]
	}
	if len(digits) == 0 || len(digits) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseHundredths reads "2500", "2500.5" or "0.01" exactly, in
// hundredths. It returns a Chinese description of the problem when s is
// not such a figure.
func parseHundredths[T text](s T) (int64, string) {
	if len(s) > 0 && s[0] == '-' {
		if _, bad := parseHundredths(s[1:]); bad == "" {
			return 0, "不能为负数"
		}
		return 0, "不是数字（应写成 \"5000\" 或 \"4999.99\" 这样的数）"
	}
	var whole, frac int64
	i, digits := 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if whole > 0 || s[i] != '0' {
			digits++
		}
		if digits <= 8 {
			whole = whole*10 + int64(s[i]-'0')
		}
	}
	if i == 0 {
		return 0, "不是数字（应写成 \"5000\" 或 \"4999.99\" 这样的数）"
	}
	places := 0
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if places++; places <= 2 {
				frac = frac*10 + int64(s[i]-'0')
			} else if s[i] != '0' {
				return 0, "最多两位小数（金额写到分，面积写到0.01平方米）"
			}
		}
		if i == start {
			return 0, "不是数字（应写成 \"5000\" 或 \"4999.99\" 这样的数）"
		}
	}
	if i != len(s) {
		return 0, "不是数字（应写成 \"5000\" 或 \"4999.99\" 这样的数）"
	}
	if digits > 8 {
		return 0, "太大，应不超过 99999999.99"
	}
	for ; places < 2; places++ {
		frac *= 10
	}
	return whole*100 + frac, ""
}

// typeName names the JSON type of a value, for messages.
func (v raw[T]) typeName() string {
	switch v.kind {
	case rawString:
		return "字符串"
	case rawNumber:
		return "数字"
	case rawBool:
		return "true/false"
	case rawNull:
		return "null"
	}
	return v.what
}

// choiceList lists choices for a message: "rural（农村户口）、urban（城镇户口）".
func choiceList(cs []Choice) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(c.Name)
		if c.Label != "" {
			b.WriteString("（" + c.Label + "）")
		}
	}
	return b.String()
}

// quote quotes a value for a message, shortened when long.
func quote[T text](s T) string { return strconv.Quote(clip(string(s))) }

// clip shortens a long value for an error message.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// trimSpace removes ASCII white space around s.
func trimSpace[T text](s T) T {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// validDate reports whether s is a calendar date YYYY-MM-DD (years 0001
// to 9999).
func validDate[T text](s T) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	num := func(a, b int) int {
		n := 0
		for i := a; i < b; i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, d := num(0, 4), num(5, 7), num(8, 10)
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// contradictions are the households the vocabulary can write but no
// household can be: facts that exclude each other. They are checked in
// one place, after parsing (finish), so every door — JSON, text cells
// (CSV rows, spreadsheets, query strings, the form), TOML cases — refuses
// them with the same message. A household rule (household) names a
// household fact; a child rule (child) is checked for each child and
// names that child's field.
var contradictions = [...]struct {
	field     string // the fact named: "children", or a child's field
	msg       string
	household func(f *Facts) bool
	child     func(f *Facts, c Child) bool
}{
	{field: "children", msg: "失独家庭是独生子女已去世的家庭，不能再填在世的子女；请删去子女，或改选家庭类型",
		household: func(f *Facts) bool { return f.Family == Bereaved && len(f.Children) > 0 }},
	{field: "children", msg: "独生子女户（独女户、独子户）只有一个孩子，这里填了不止一个；请只填这个孩子，或改选家庭类型",
		household: func(f *Facts) bool {
			return (f.Family == OnlyDaughter || f.Family == OnlySon) && len(f.Children) > 1
		}},
	{field: "children", msg: "二女户只有两个孩子（两个女儿），这里填了两个以上；请只填这两个孩子，或改选家庭类型",
		household: func(f *Facts) bool { return f.Family == TwoDaughters && len(f.Children) > 2 }},
	{field: "members", msg: "家庭人口少于填写的子女人数；请核对家庭人口或子女",
		household: func(f *Facts) bool { return f.Members > 0 && f.Members < len(f.Children) }},
	{field: "admitted_to_college", msg: "被高等院校录取的孩子应在读高中、中职或大学；请改选孩子现在的在读阶段，或不勾选“今年考上了大学”",
		child: func(_ *Facts, c Child) bool {
			return c.AdmittedToCollege && c.Stage != Senior && c.Stage != Vocational && c.Stage != College
		}},
}

// Contradictory reports whether no household can be f: it holds one of
// the vocabulary's contradictions, which every door refuses.
func (f *Facts) Contradictory() bool { return contradicts(f) }

// contradicts reports whether f holds any of the contradictions: no
// household can be f.
func contradicts(f *Facts) bool {
	for _, c := range contradictions {
		if c.household != nil && c.household(f) {
			return true
		}
		for _, kid := range f.Children {
			if c.child != nil && c.child(f, kid) {
				return true
			}
		}
	}
	return false
}

// contradict reports each contradiction f holds.
func (p *factParser) contradict() {
	f := p.f
	for _, c := range contradictions {
		if c.household != nil && c.household(f) {
			p.fail(c.field, c.msg)
		}
		for i, kid := range f.Children {
			if c.child != nil && c.child(f, kid) {
				p.fail(childPath(i, c.field), c.msg)
			}
		}
	}
}
