package rules

// The household vocabulary: every fact a household can tell the
// calculator, defined once. Parsing (JSON, text cells, TOML cases), the
// CSV columns, the command's help, the JSON Schema, the calculator form
// and the open-data field table all derive from Fields and the enums
// below; nothing else names a fact or a value.

// A Choice is one value of an enumerated fact.
type Choice struct {
	Name  string // as JSON, CSV and query strings write it: "only_daughter"
	Label string // the plan's term, as explanations show it: "独女户"
	Long  string // as the calculator form offers it
}

// Hukou is the household's 户口 (registration).
type Hukou uint8

// The values of Hukou; HukouUnset means not given.
const (
	HukouUnset Hukou = iota
	Rural
	Urban
)

var hukouChoices = [...]Choice{
	{},
	{"rural", "农村户口", "农村户口"},
	{"urban", "城镇户口", "城镇户口"},
}

// String returns the value's name ("rural"), "" for HukouUnset.
func (h Hukou) String() string { return hukouChoices[h].Name }

// Label returns the Chinese term ("农村户口").
func (h Hukou) Label() string { return hukouChoices[h].Label }

// Family is the household's family-planning type.
type Family uint8

// The values of Family; FamilyUnset means not given.
const (
	FamilyUnset  Family = iota
	OnlyDaughter        // 独女户: an only child, a daughter
	OnlySon             // 独子户: an only child, a son
	TwoDaughters        // 计划生育二女户
	Bereaved            // 失独家庭: the only child has died
	OtherPlanned        // another family-planning household
	NotPlanned          // not a family-planning household
)

var familyChoices = [...]Choice{
	{},
	{"only_daughter", "独女户", "独生子女户，孩子是女儿（独女户）"},
	{"only_son", "独子户", "独生子女户，孩子是儿子（独子户）"},
	{"two_daughters", "计划生育二女户", "实行计划生育、生了两个女儿（二女户）"},
	{"bereaved", "失独家庭", "独生子女去世（失独家庭）"},
	{"other_planned", "计划生育家庭", "其他实行计划生育的家庭"},
	{"none", "非计划生育家庭", "以上都不是"},
}

// String returns the value's name ("only_daughter").
func (f Family) String() string { return familyChoices[f].Name }

// Label returns the Chinese term ("独女户").
func (f Family) Label() string { return familyChoices[f].Label }

// Planned reports whether the household is a family-planning household.
func (f Family) Planned() bool { return f != FamilyUnset && f != NotPlanned }

// Stage is where a child is at school.
type Stage uint8

// The values of Stage; StageUnset means not given.
const (
	StageUnset Stage = iota
	NoSchool         // not at school (too young, or working)
	Preschool
	Primary
	Junior
	Senior
	Vocational
	College
)

var stageChoices = [...]Choice{
	{},
	{"none", "未上学", "不在上学（未上学或已工作）"},
	{"preschool", "幼儿园（学前教育）", "上幼儿园（学前教育）"},
	{"primary", "小学", "上小学"},
	{"junior", "初中", "上初中"},
	{"senior", "高中", "上高中"},
	{"vocational", "中职", "上中职（中等职业学校）"},
	{"college", "大学", "上大学（高等院校）"},
}

// String returns the value's name ("primary").
func (s Stage) String() string { return stageChoices[s].Name }

// Label returns the Chinese term ("小学").
func (s Stage) Label() string { return stageChoices[s].Label }

// levelChoices are the complication levels as the form offers them.
var levelChoices = [...]Choice{
	{"0", "", "没有或不清楚"},
	{"1", "一级", "一级"},
	{"2", "二级", "二级"},
	{"3", "三级", "三级"},
	{"4", "四级", "四级"},
}

// FieldKind is how a fact is written.
type FieldKind uint8

// The kinds of fact.
const (
	DateField     FieldKind = iota + 1 // "YYYY-MM-DD"
	EnumField                          // one of Field.Choices, by name
	BoolField                          // yes or no
	IntField                           // a whole number within Min..Max
	AmountField                        // a non-negative number with at most two decimals, within Min..Max
	ChildrenField                      // a list of children (see ChildFields)
)

// Field describes one fact of the household vocabulary.
type Field struct {
	Name     string    // JSON field, CSV column and query parameter
	Kind     FieldKind //
	Label    string    // short Chinese name: "家庭人口"
	Question string    // as the calculator form asks it
	Help     string    // the help text beside the question
	Unit     string    // "人", "元/人·年", "平方米"; "" when none
	Required bool      // hukou and family; every other fact may be left out
	Min, Max string    // limits of Int and Amount facts, as decimal text
	MaxItems int       // Children: the most children
	Choices  []Choice  // Enum facts (and complication_level): the values
}

// fieldID numbers the facts; the order is Fields' order.
type fieldID uint8

const (
	fDate fieldID = iota
	fHukou
	fFamily
	fMembers
	fDibao
	fDibaoStandard
	fPoor
	fIntegrity
	fCanDevelop
	fComplication
	fDisabled
	fMinority
	fWubao
	fChildren
	fMedical
	fHousing
	fMiddleLow
	fAidStandard
	numFields
)

// Limits of the facts.
const (
	maxMembers  = 100
	maxChildren = 20
	maxLevel    = 4
	// maxAmount is the largest amount of money or area, in hundredths:
	// 99,999,999.99.
	maxAmount = 9_999_999_999
)

// fields is the vocabulary, indexed by fieldID.
var fields = [numFields]Field{
	fDate: {Name: "date", Kind: DateField, Label: "计算日期",
		Question: "按哪一天的标准计算？",
		Help:     "格式 YYYY-MM-DD。不填按今天（北京时间）计算。"},
	fHukou: {Name: "hukou", Kind: EnumField, Label: "户口", Required: true, Choices: hukouChoices[1:],
		Question: "您家是农村户口还是城镇户口？",
		Help:     "按户口本上登记的户口性质选择。"},
	fFamily: {Name: "family", Kind: EnumField, Label: "家庭类型", Required: true, Choices: familyChoices[1:],
		Question: "您家属于哪一种家庭？",
		Help:     "按您家登记的计划生育家庭类型选择。失独家庭指独生子女去世的家庭。"},
	fMembers: {Name: "members", Kind: IntField, Label: "家庭人口", Unit: "人", Min: "1", Max: "100",
		Question: "家里一共几口人？",
		Help:     "家庭成员的人数。不清楚可以不填，需要时计算器会提示。"},
	fDibao: {Name: "dibao", Kind: BoolField, Label: "享受最低生活保障（低保）"},
	fDibaoStandard: {Name: "dibao_standard", Kind: AmountField, Label: "当地农村低保标准", Unit: "元/人·年",
		Min: "0.01", Max: "99999999.99",
		Question: "当地农村低保标准是每人每年多少元？",
		Help:     "当地农村低保保障标准，按每人每年计（第3.2.4条）。不清楚可以不填，需要时计算器会提示。"},
	fPoor: {Name: "poor", Kind: BoolField, Label: "登记在册的计划生育贫困家庭",
		Help: "指计划生育贫困家庭（第3.2.17条）。"},
	fIntegrity:  {Name: "integrity", Kind: BoolField, Label: "参加了计划生育诚信活动"},
	fCanDevelop: {Name: "can_develop_project", Kind: BoolField, Label: "有能力发展种植、养殖等生产项目"},
	fComplication: {Name: "complication_level", Kind: IntField, Label: "计划生育手术并发症等级", Min: "0", Max: "4",
		Choices:  levelChoices[:],
		Question: "是否经鉴定有计划生育手术并发症？",
		Help:     "以国家专业鉴定机构的鉴定结论为准。"},
	fDisabled: {Name: "disabled_parent", Kind: BoolField, Label: "夫妻一方经鉴定为残疾，并丧失劳动能力",
		Help: "以国家专业鉴定机构的鉴定为准。"},
	fMinority: {Name: "ethnic_minority", Kind: BoolField, Label: "少数民族家庭"},
	fWubao: {Name: "wubao", Kind: BoolField, Label: "家里有老人符合五保供养条件",
		Help: "指计划生育家庭中符合五保供养政策规定的老年人（第3.2.4条）。"},
	fChildren: {Name: "children", Kind: ChildrenField, Label: "子女", MaxItems: maxChildren,
		Question: "家里的孩子现在的情况",
		Help:     "按孩子现在的情况填写，每个孩子一项。"},
	fMedical: {Name: "medical_out_of_pocket", Kind: AmountField, Label: "新农合报销后自付的合规医疗费用", Unit: "元",
		Min: "0", Max: "99999999.99",
		Question: "今年看病新农合报销后，自己负担的合规医疗费用一共多少元？",
		Help:     "新农合报销后，今年个人累计负担的合规医疗费用（第3.2.11条）。没有或不清楚可以不填。"},
	fHousing: {Name: "housing_area_per_capita", Kind: AmountField, Label: "城镇人均住房面积", Unit: "平方米",
		Min: "0", Max: "99999999.99",
		Question: "城镇住房人均多少平方米？",
		Help:     "住房面积除以家庭人口。只有城镇户口需要填；不清楚可以不填。"},
	fMiddleLow: {Name: "middle_low_income", Kind: BoolField, Label: "城镇中等偏下收入家庭"},
	fAidStandard: {Name: "aid_standard", Kind: AmountField, Label: "扶贫开发帮扶标准", Unit: "元",
		Min: "0", Max: "99999999.99",
		Question: "您家得到的扶贫开发帮扶标准是多少元？",
		Help:     "扶贫开发提供的资金和物资的帮扶标准（第3.2.8条）。不清楚可以不填。"},
}

// childFields describe one child: its stage and its admission.
var childFields = [...]Field{
	{Name: "stage", Kind: EnumField, Label: "在读阶段", Required: true, Choices: stageChoices[1:],
		Question: "现在"},
	{Name: "admitted_to_college", Kind: BoolField, Label: "今年考上了大学（被高等院校录取）"},
}

// Fields returns the household vocabulary, in its documented order. The
// slice is a copy; its Choices must not be changed.
func Fields() []Field { return append([]Field(nil), fields[:]...) }

// ChildFields returns the facts of one child: stage (required) and
// admitted_to_college.
func ChildFields() []Field { return append([]Field(nil), childFields[:]...) }

// LookupField returns the fact named name.
func LookupField(name string) (Field, bool) {
	if id, ok := fieldByName(name); ok {
		return fields[id], true
	}
	return Field{}, false
}

// FactNames returns the names of the facts, in their documented order.
func FactNames() []string {
	out := make([]string, numFields)
	for i := range fields {
		out[i] = fields[i].Name
	}
	return out
}

// fieldByName finds a fact by name; name may be a string or bytes, so
// that the JSON reader looks keys up without allocating.
func fieldByName[T text](name T) (fieldID, bool) {
	for i := range fields {
		if string(name) == fields[i].Name {
			return fieldID(i), true
		}
	}
	return 0, false
}

// Hukous returns the values of Hukou, in order.
func Hukous() []Hukou { return []Hukou{Rural, Urban} }

// Families returns the values of Family, in order.
func Families() []Family {
	return []Family{OnlyDaughter, OnlySon, TwoDaughters, Bereaved, OtherPlanned, NotPlanned}
}

// Stages returns the values of Stage, in order.
func Stages() []Stage {
	return []Stage{NoSchool, Preschool, Primary, Junior, Senior, Vocational, College}
}

// AdmittedMark follows a stage in the short form of children to mark a
// child admitted to college: "primary;senior+admitted".
const AdmittedMark = "+admitted"

// text is what the parsers read: a string or bytes.
type text interface{ ~string | ~[]byte }
