package rules

import "strings"

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
	Doc   string // what it asks, in Chinese, for staff
	args  argKind
	basic bool // it reads hukou and family only (checked for conditions that exclude each other)
	fixed *cond
	build func(levels []int, stages []Stage) *cond
}

// A childDef is one child condition of the vocabulary.
type childDef struct {
	Name  string
	Doc   string
	args  argKind
	fixed *childCond
	build func(stages []Stage) *childCond
}

// A formulaDef is one formula of the vocabulary.
type formulaDef struct {
	Name string
	Doc  string
	f    formula
}

var condDefs = []condDef{
	{Name: "rural", Doc: "农村户口", fixed: rural, basic: true},
	{Name: "urban", Doc: "城镇户口", fixed: urban, basic: true},
	{Name: "planned", Doc: "计划生育家庭（独女户、独子户、二女户、失独家庭或其他计划生育家庭）", fixed: planned, basic: true},
	{Name: "only-child-or-two-daughters", Doc: "独生子女户（含失独家庭）或计划生育二女户", fixed: onlyChildOrTwoDaughters, basic: true},
	{Name: "only-daughter-or-two-daughters", Doc: "独女户或计划生育二女户", fixed: onlyDaughterOrTwoDaughters, basic: true},
	{Name: "only-daughter", Doc: "独女户", fixed: onlyDaughter, basic: true},
	{Name: "only-son-or-two-daughters", Doc: "独子户或计划生育二女户", fixed: onlySonOrTwoDaughters, basic: true},
	{Name: "bereaved", Doc: "失独家庭", fixed: bereaved, basic: true},
	{Name: "dibao", Doc: "低保家庭", fixed: dibao},
	{Name: "hardship", Doc: "困难家庭：低保家庭或计划生育贫困家庭", fixed: hardship},
	{Name: "poor-or-dibao", Doc: "计划生育贫困家庭，低保家庭也算", fixed: poorOrDibao},
	{Name: "minority", Doc: "少数民族家庭", fixed: minority},
	{Name: "middle-low-income", Doc: "中等偏下收入家庭", fixed: middleLow},
	{Name: "integrity", Doc: "参加计划生育诚信活动", fixed: integrity},
	{Name: "can-develop", Doc: "有能力发展项目", fixed: develop},
	{Name: "disabled-parent", Doc: "夫妇一方经鉴定为残疾并丧失劳动能力", fixed: disabled},
	{Name: "bereaved-or-wubao-elder", Doc: "失独家庭，或计划生育家庭中有老年人符合五保供养条件", fixed: nursing},
	{Name: "housing-at-most", Doc: "城镇人均住房面积不超过这项待遇的 amount（平方米，含本数）", fixed: housingAtMost},
	{Name: "medical-over", Doc: "自付合规医疗费用超过这项待遇的 threshold（元，不含本数）", fixed: medicalOver},
	{Name: "complication", Doc: "经鉴定为计划生育手术并发症，等级为所列之一：complication(3, 4)", args: levelArgs,
		build: func(levels []int, _ []Stage) *cond { return complication(levels...) }},
	{Name: "child-at", Doc: "有子女在读所列阶段之一：child-at(primary, junior)", args: stageArgs,
		build: func(_ []int, stages []Stage) *cond { return anyChildAt(stages...) }},
}

var childDefs = []childDef{
	{Name: "admitted", Doc: "子女被高等院校录取（今年的考生）", fixed: admitted},
	{Name: "stage", Doc: "子女在读所列阶段之一：stage(senior, vocational)", args: stageArgs, build: func(s []Stage) *childCond { return stageIn(s...) }},
}

var formulaDefs = []formulaDef{
	{Name: "service", Doc: "服务，没有金额（kind = \"service\" 的默认）", f: service},
	{Name: "quantity", Doc: "一个数量标准，如 260 平方米：amount 和 unit（kind = \"standard\" 的默认）", f: quantity},
	{Name: "fixed", Doc: "固定金额：amount 元，按 period 发放（kind = \"cash\" 的默认）", f: fixed},
	{Name: "dibao-share", Doc: "当地农村低保标准 × rate × 家庭人口数，按 period 发放", f: dibaoShare},
	{Name: "excess", Doc: "(自付合规医疗费用 − threshold) × rate，按 period 发放", f: excess},
	{Name: "aid-share", Doc: "扶贫帮扶标准 × rate，只列出、不计入合计（kind = \"standard\"）", f: aidShare},
}

// Vocabulary lists the words content may use in rules, for the
// generated reference: the conditions, the child conditions and the
// formulas, each with its parameters and Chinese wording.
func Vocabulary() (conds, children, formulas [][2]string) {
	for _, d := range condDefs {
		conds = append(conds, [2]string{d.Name + d.args.suffix(), d.Doc})
	}
	for _, d := range childDefs {
		children = append(children, [2]string{d.Name + d.args.suffix(), d.Doc})
	}
	for _, d := range formulaDefs {
		formulas = append(formulas, [2]string{d.Name, d.Doc})
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
	name, rest, call := strings.Cut(s, "(")
	name = strings.TrimSpace(name)
	if !call {
		return name, nil, !strings.Contains(s, ")")
	}
	inner, tail, closed := strings.Cut(rest, ")")
	if !closed || strings.TrimSpace(tail) != "" {
		return name, nil, false
	}
	for _, a := range strings.Split(inner, ",") {
		args = append(args, strings.TrimSpace(a))
	}
	return name, args, true
}

// parseArgs reads a word's parameters; problem says why they are wrong.
func parseArgs(kind argKind, args []string) (levels []int, stages []Stage, problem string) {
	switch {
	case kind == noArgs && args != nil:
		return nil, nil, "不带参数"
	case kind != noArgs && len(args) == 0:
		return nil, nil, "需要参数，如 " + map[argKind]string{levelArgs: "(3, 4)", stageArgs: "(primary)"}[kind]
	}
	for _, a := range args {
		switch kind {
		case levelArgs:
			if len(a) != 1 || a[0] < '1' || a[0] > '0'+maxLevel {
				return nil, nil, "并发症等级 " + quote(a) + " 不存在，应为 1 到 4"
			}
			levels = append(levels, int(a[0]-'0'))
		case stageArgs:
			s, ok := stageByName(a)
			if !ok {
				return nil, nil, "阶段 " + quote(a) + " 不存在" + suggest(a, stageNamesList())
			}
			stages = append(stages, s)
		}
	}
	return levels, stages, ""
}

func stageByName(name string) (Stage, bool) {
	for _, s := range Stages() {
		if s.String() == name {
			return s, true
		}
	}
	return 0, false
}

func stageNamesList() []string {
	var out []string
	for _, s := range Stages() {
		out = append(out, s.String())
	}
	return out
}

func condDefNames() []string {
	var out []string
	for _, d := range condDefs {
		out = append(out, d.Name)
	}
	return out
}

func childDefNames() []string {
	var out []string
	for _, d := range childDefs {
		out = append(out, d.Name)
	}
	return out
}

func formulaNames() []string {
	var out []string
	for _, d := range formulaDefs {
		out = append(out, d.Name)
	}
	return out
}

// suggest returns "；候选：a、b" naming the candidates nearest to name
// (at most a third of its letters apart), or "" when none is near.
func suggest(name string, candidates []string) string {
	best, out := len(name)/3+1, []string(nil)
	for _, c := range candidates {
		switch d := distance(name, c); {
		case d < best:
			best, out = d, []string{c}
		case d == best:
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "；候选：" + strings.Join(out, "、")
}

// distance is the Levenshtein distance of a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
