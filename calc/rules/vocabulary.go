package rules

// The closed vocabulary content composes rules from: conditions on the
// household, conditions on a child and formulas, each named, worded in
// Chinese and documented here. Staff compose them in a benefit's
// [benefits.rule]; they do not program. A parameter is written after
// the name in parentheses: "complication(3, 4)", "stage(senior, vocational)".

// argKind is what a vocabulary word's parameters are.
type argKind uint8

const (
	noArgs    argKind = iota
	levelArgs         // complication levels, 1 to 4
	stageArgs         // school stages by name: primary, junior …
)

// A condDef is one condition of the vocabulary.
type condDef struct {
	Name  string
	args  argKind
	basic bool // it reads hukou and family only (checked for conditions that exclude each other)
	fixed *cond
	build func(levels []int, stages []Stage) *cond
}

// A childDef is one child condition of the vocabulary.
type childDef struct {
	Name  string
	args  argKind
	fixed *childCond
	build func(stages []Stage) *childCond
}

// A formulaDef is one formula of the vocabulary.
type formulaDef struct {
	Name string
	f    formula
}

var condDefs = []condDef{
	{Name: "rural", fixed: rural, basic: true},
	{Name: "urban", fixed: urban, basic: true},
	{Name: "planned", fixed: planned, basic: true},
	{Name: "only-child-or-two-daughters", fixed: onlyChildOrTwoDaughters, basic: true},
	{Name: "only-daughter-or-two-daughters", fixed: onlyDaughterOrTwoDaughters, basic: true},
	{Name: "only-daughter", fixed: onlyDaughter, basic: true},
	{Name: "only-son-or-two-daughters", fixed: onlySonOrTwoDaughters, basic: true},
	{Name: "bereaved", fixed: bereaved, basic: true},
	{Name: "dibao", fixed: dibao},
	{Name: "hardship", fixed: hardship},
	{Name: "poor-or-dibao", fixed: poorOrDibao},
	{Name: "minority", fixed: minority},
	{Name: "middle-low-income", fixed: middleLow},
	{Name: "integrity", fixed: integrity},
	{Name: "can-develop", fixed: develop},
	{Name: "disabled-parent", fixed: disabled},
	{Name: "bereaved-or-wubao-elder", fixed: nursing},
	{Name: "housing-at-most", fixed: housingAtMost},
	{Name: "medical-over", fixed: medicalOver},
	{Name: "complication", args: levelArgs,
		build: func(levels []int, _ []Stage) *cond { return complication(levels...) }},
	{Name: "child-at", args: stageArgs,
		build: func(_ []int, stages []Stage) *cond { return anyChildAt(stages...) }},
}

var childDefs = []childDef{
	{Name: "admitted", fixed: admitted},
	{Name: "stage", args: stageArgs, build: func(s []Stage) *childCond { return stageIn(s...) }},
}

var formulaDefs = []formulaDef{
	{Name: "service", f: service},
	{Name: "quantity", f: quantity},
	{Name: "fixed", f: fixed},
	{Name: "dibao-share", f: dibaoShare},
	{Name: "excess", f: excess},
	{Name: "aid-share", f: aidShare},
}

// vocabularyDocs say what each word means, in Chinese, for staff (the
// generated reference in content/SCHEMA.md). A function, not a variable,
// so that the browser's calculator does not carry them.
func vocabularyDocs() map[string]string {
	return map[string]string{
		"rural":                          "农村户口",
		"urban":                          "城镇户口",
		"planned":                        "计划生育家庭（独女户、独子户、二女户、失独家庭或其他计划生育家庭）",
		"only-child-or-two-daughters":    "独生子女户（含失独家庭）或计划生育二女户",
		"only-daughter-or-two-daughters": "独女户或计划生育二女户",
		"only-daughter":                  "独女户",
		"only-son-or-two-daughters":      "独子户或计划生育二女户",
		"bereaved":                       "失独家庭",
		"dibao":                          "低保家庭",
		"hardship":                       "困难家庭：低保家庭或计划生育贫困家庭",
		"poor-or-dibao":                  "计划生育贫困家庭，低保家庭也算",
		"minority":                       "少数民族家庭",
		"middle-low-income":              "中等偏下收入家庭",
		"integrity":                      "参加计划生育诚信活动",
		"can-develop":                    "有能力发展项目",
		"disabled-parent":                "夫妇一方经鉴定为残疾并丧失劳动能力",
		"bereaved-or-wubao-elder":        "失独家庭，或计划生育家庭中有老年人符合五保供养条件",
		"housing-at-most":                "城镇人均住房面积不超过这项待遇的 amount（平方米，含本数）",
		"medical-over":                   "自付合规医疗费用超过这项待遇的 threshold（元，不含本数）",
		"complication":                   "经鉴定为计划生育手术并发症，等级为所列之一：complication(3, 4)",
		"child-at":                       "有子女在读所列阶段之一：child-at(primary, junior)",
		"admitted":                       "子女被高等院校录取（今年的考生）",
		"stage":                          "子女在读所列阶段之一：stage(senior, vocational)",
		"service":                        "服务，没有金额（kind = \"service\" 的默认）",
		"quantity":                       "一个数量标准，如 260 平方米：amount 和 unit（kind = \"standard\" 的默认）",
		"fixed":                          "固定金额：amount 元，按 period 发放（kind = \"cash\" 的默认）",
		"dibao-share":                    "当地农村低保标准 × rate × 家庭人口数，按 period 发放",
		"excess":                         "(自付合规医疗费用 − threshold) × rate，按 period 发放",
		"aid-share":                      "扶贫帮扶标准 × rate，只列出、不计入合计（kind = \"standard\"）",
	}
}

// Vocabulary lists the words content may use in rules, for the
// generated reference: the conditions, the child conditions and the
// formulas, each with its parameters and Chinese wording.
func Vocabulary() (conds, children, formulas [][2]string) {
	docs := vocabularyDocs()
	for _, d := range condDefs {
		conds = append(conds, [2]string{d.Name + d.args.suffix(), docs[d.Name]})
	}
	for _, d := range childDefs {
		children = append(children, [2]string{d.Name + d.args.suffix(), docs[d.Name]})
	}
	for _, d := range formulaDefs {
		formulas = append(formulas, [2]string{d.Name, docs[d.Name]})
	}
	return conds, children, formulas
}

func (a argKind) suffix() string {
	switch a {
	case levelArgs:
		return "(等级, …)"
	case stageArgs:
		return "(阶段, …)"
	}
	return ""
}

// splitCall splits "name(a, b)" into its name and arguments; ok is false
// when the parentheses are malformed.
func splitCall(s string) (name string, args []string, ok bool) {
	s = trim(s)
	open, last := index(s, '('), len(s)-1
	if open < 0 {
		return trim(s), nil, index(s, ')') < 0
	}
	name = trim(s[:open])
	if s[last] != ')' || last == open {
		return name, nil, false
	}
	start := open + 1
	ok = true
	for i := start; i < last && ok; i++ {
		switch s[i] {
		case ',':
			args, start = append(args, trim(s[start:i])), i+1
		case '(', ')':
			ok = false
		}
	}
	return name, append(args, trim(s[start:last])), ok
}

func index(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// trim drops ASCII spaces around s.
func trim(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// parseArgs reads a word's parameters; ok is false when they are wrong
// (argProblem says why).
func parseArgs(kind argKind, args []string) (levels []int, stages []Stage, ok bool) {
	if (kind == noArgs) != (args == nil) {
		return nil, nil, false
	}
	for _, a := range args {
		switch {
		case kind == levelArgs && len(a) == 1 && a[0] >= '1' && a[0] <= '0'+maxLevel:
			levels = append(levels, int(a[0]-'0'))
		case kind == stageArgs:
			st, found := stageByName(a)
			if !found {
				return nil, nil, false
			}
			stages = append(stages, st)
		default:
			return nil, nil, false
		}
	}
	return levels, stages, true
}

func stageByName(name string) (Stage, bool) {
	for _, s := range Stages() {
		if s.String() == name {
			return s, true
		}
	}
	return 0, false
}

// lookupCond resolves a condition as who writes it: nil when it is not
// one of the vocabulary's, with well-formed parameters.
func lookupCond(text string) (*cond, string) {
	name, args, ok := splitCall(text)
	for _, d := range condDefs {
		if d.Name != name || !ok {
			continue
		}
		levels, stages, good := parseArgs(d.args, args)
		switch {
		case !good:
			return nil, name
		case d.fixed != nil:
			return d.fixed, name
		}
		return d.build(levels, stages), name
	}
	return nil, name
}

// lookupChild resolves a child condition as per_child writes it.
func lookupChild(text string) (*childCond, string) {
	name, args, ok := splitCall(text)
	for _, d := range childDefs {
		if d.Name != name || !ok {
			continue
		}
		_, stages, good := parseArgs(d.args, args)
		switch {
		case !good:
			return nil, name
		case d.fixed != nil:
			return d.fixed, name
		}
		return d.build(stages), name
	}
	return nil, name
}

// lookupFormula resolves a formula's name; "" is the kind's default.
func lookupFormula(name string, kind Kind) (formula, bool) {
	if name == "" {
		switch kind {
		case KindService:
			return service, true
		case KindStandard:
			return quantity, true
		}
		return fixed, true
	}
	for _, d := range formulaDefs {
		if d.Name == name {
			return d.f, true
		}
	}
	return fixed, false
}
