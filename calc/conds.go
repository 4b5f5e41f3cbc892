package calc

import (
	"fmt"
	"slices"
	"strings"
)

// cond is one condition of a rule, evaluated for a household: whether it
// holds, the words shown in the explanation when it does (may be empty)
// and the requirement shown in not_granted when it does not.
type cond struct {
	ok        bool
	met, need string
}

// check evaluates a condition for the household (and the standard in
// hand, h.std and h.qty, for conditions that compare against it).
type check func(h *hh) cond

// childCheck evaluates a condition for one child.
type childCheck func(c Child) cond

// levelNames are the complication levels as explanations show them.
var levelNames = [...]string{"", "一级", "二级", "三级", "四级"}

// flag is a condition that a yes/no fact holds.
func flag(get func(f *Facts) bool, met string) check {
	need := "需为" + met
	return func(h *hh) cond { return cond{get(h.f), met, need} }
}

// The household conditions the rules use.
var (
	rural check = func(h *hh) cond { return cond{h.f.Hukou == Rural, "农村户口", "需为农村户口"} }
	urban check = func(h *hh) cond { return cond{h.f.Hukou == Urban, "城镇户口", "需为城镇户口"} }
	fp    check = func(h *hh) cond {
		return cond{h.f.Family.Planned(), h.f.Family.Label(), "需为计划生育家庭"}
	}
	dibao           = flag(func(f *Facts) bool { return f.Dibao }, "低保家庭")
	notDibao  check = func(h *hh) cond { return cond{!h.f.Dibao, "", "需为非低保家庭"} }
	poor            = flag(func(f *Facts) bool { return f.Poor }, "计划生育贫困家庭")
	minority        = flag(func(f *Facts) bool { return f.EthnicMinority }, "少数民族家庭")
	middleLow       = flag(func(f *Facts) bool { return f.MiddleLowIncome }, "中等偏下收入家庭")
	hardship        = flag(func(f *Facts) bool { return f.Dibao || f.Poor }, "困难家庭（低保家庭或计划生育贫困家庭）")
	integrity check = func(h *hh) cond {
		return cond{h.f.Integrity, "参加计划生育诚信活动", "需参加计划生育诚信活动"}
	}
	develop check = func(h *hh) cond {
		return cond{h.f.CanDevelopProject, "有能力发展项目", "需有能力发展项目"}
	}
	disabled check = func(h *hh) cond {
		return cond{h.f.DisabledParent, "夫妇一方经鉴定为残疾并丧失劳动能力", "需夫妇一方经国家专业鉴定机构鉴定为残疾并丧失劳动能力"}
	}
	// nursing: a 失独家庭, or an elderly member who meets the 五保供养 rules.
	nursing check = func(h *hh) cond {
		switch {
		case h.f.Family == Bereaved:
			return cond{true, "失独家庭", ""}
		case h.f.Family.Planned() && h.f.Wubao:
			return cond{true, "计划生育家庭老年人符合五保供养政策规定", ""}
		}
		return cond{false, "", "需为失独家庭，或计划生育家庭老年人符合五保供养政策规定"}
	}
	// housingBelow: urban housing per person below the standard's amount (m²).
	housingBelow check = func(h *hh) cond {
		limit := num(h.qty) + h.std.Unit
		a := h.f.HousingAreaPerCapita
		if !a.Given() {
			return cond{false, "", "城镇人均住房面积需在" + limit + "以下（未填写 housing_area_per_capita）"}
		}
		return cond{a.Decimal().LessThan(h.qty),
			fmt.Sprintf("人均住房面积%s%s，在%s以下", a, h.std.Unit, limit),
			fmt.Sprintf("城镇人均住房面积需在%s以下（填写为%s%s）", limit, a, h.std.Unit)}
	}
	// medicalOver: costs left after 新农合 above the standard's threshold.
	medicalOver check = func(h *hh) cond {
		t, m := threshold(h.std), h.f.MedicalOutOfPocket.Decimal()
		return cond{m.GreaterThan(t),
			fmt.Sprintf("新农合报销后个人年度累计负担的合规医疗费用%s元，超过起付标准%s元", num(m), num(t)),
			fmt.Sprintf("新农合报销后个人年度累计负担的合规医疗费用需超过起付标准%s元（填写为%s元）", num(t), num(m))}
	}
)

// familyIn: the household is one of the family types.
func familyIn(fams ...Family) check {
	names := make([]string, len(fams))
	for i, f := range fams {
		names[i] = f.Label()
	}
	need := "需为" + joinOr(names)
	return func(h *hh) cond {
		return cond{slices.Contains(fams, h.f.Family), h.f.Family.Label(), need}
	}
}

// complication: the certified complication level is one of levels.
func complication(levels ...int) check {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = levelName(l)
	}
	need := "需经国家专业鉴定机构鉴定为计划生育手术并发症" + joinOr(names)
	var met [len(levelNames)]string
	for l := range levelNames {
		met[l] = "经国家专业鉴定机构鉴定为计划生育手术并发症" + levelName(l)
	}
	return func(h *hh) cond {
		l := h.f.ComplicationLevel
		if !slices.Contains(levels, l) {
			return cond{false, "", need}
		}
		return cond{true, met[l], need}
	}
}

func levelName(l int) string {
	if l < 1 || l >= len(levelNames) {
		return ""
	}
	return levelNames[l]
}

// stagesText names stages: "高中或中职".
func stagesText(stages []Stage) string {
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Label()
	}
	return joinOr(names)
}

// joinOr joins alternatives: "甲", "甲或乙", "甲、乙或丙".
func joinOr(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], "、") + "或" + names[len(names)-1]
}

// anyChild: at least one child is at one of the stages.
func anyChild(stages ...Stage) check {
	what := "有子女在读" + stagesText(stages)
	return func(h *hh) cond {
		for _, c := range h.f.Children {
			if slices.Contains(stages, c.Stage) {
				return cond{true, what, ""}
			}
		}
		return cond{false, "", "需" + what}
	}
}

// stageIn: the child is at one of the stages.
func stageIn(stages ...Stage) childCheck {
	need := "需有子女在读" + stagesText(stages)
	return func(c Child) cond {
		return cond{slices.Contains(stages, c.Stage), "在读" + c.Stage.Label(), need}
	}
}

// admitted: the child has been admitted to a 高等院校.
var admitted childCheck = func(c Child) cond {
	return cond{c.AdmittedToCollege, "被高等院校录取", "需有子女被高等院校录取"}
}
