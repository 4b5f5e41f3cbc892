package rules

import "strconv"

// The conditions of the vocabulary, worded in the plan's terms. Content
// names them (see vocabulary.go); the readings of the words a condition
// reads are content too (a reading's conditions).

// simple makes a condition that reads yes/no from the facts and shows
// fixed words.
func simple(who, need string, test func(f *Facts) bool) *cond {
	whoP, needP := mk(who), mk(need)
	return &cond{
		who: func(w tw, _ *crule) tw { w.p(whoP); return w },
		test: func(f *Facts, k *crule) tri {
			if test(f) {
				return holds
			}
			return fails
		},
		met:  func(w tw, _ *Facts, _ *crule) tw { w.p(whoP); return w },
		need: func(w tw, _ *Facts, _ *crule) tw { w.p(needP); return w },
	}
}

// canChange marks a condition that one change of the household's
// circumstances can make hold (it may then appear in not_granted).
func (c *cond) canChange() *cond {
	c.reach = func(*Facts) bool { return true }
	return c
}

// metBy shows, when the condition holds, the words of the fact that made
// it hold.
func (c *cond) metBy(words func(f *Facts) piece) *cond {
	c.met = func(w tw, f *Facts, _ *crule) tw { w.p(words(f)); return w }
	return c
}

// familyPieces are the families' terms, as explanations show them.
var familyPieces = func() (ps [len(familyChoices)]piece) {
	for i, c := range familyChoices {
		ps[i] = mk(c.Label)
	}
	return ps
}()

// families is the condition that the household is one of fams; the
// explanation shows the household's own term.
func families(who, need string, fams ...Family) *cond {
	var in [len(familyChoices)]bool
	for _, f := range fams {
		in[f] = true
	}
	return simple(who, need, func(f *Facts) bool { return in[f.Family] }).
		metBy(func(f *Facts) piece { return familyPieces[f.Family] })
}

// The household conditions.
var (
	rural   = simple("农村户口", "需为农村户口", func(f *Facts) bool { return f.Hukou == Rural })
	urban   = simple("城镇户口", "需为城镇户口", func(f *Facts) bool { return f.Hukou == Urban })
	planned = families("计划生育家庭", "需为计划生育家庭",
		OnlyDaughter, OnlySon, TwoDaughters, Bereaved, OtherPlanned)
	onlyChildOrTwoDaughters = families("独生子女户（含失独家庭）或计划生育二女户", "需为独生子女户或计划生育二女户",
		OnlyDaughter, OnlySon, Bereaved, TwoDaughters)
	onlyDaughterOrTwoDaughters = families("独女户或计划生育二女户", "需为独女户或计划生育二女户",
		OnlyDaughter, TwoDaughters)
	onlyDaughter          = families("独女户", "需为独女户", OnlyDaughter)
	onlySonOrTwoDaughters = families("独子户或计划生育二女户", "需为独子户或计划生育二女户",
		OnlySon, TwoDaughters)
	bereaved = families("失独家庭", "需为失独家庭", Bereaved)

	dibao = simple("低保家庭", "需为低保家庭", func(f *Facts) bool { return f.Dibao }).canChange()
	// hardship is 3.2.2's and 3.2.3's 困难家庭.
	hardship = simple("困难家庭（低保家庭或计划生育贫困家庭）", "需为困难家庭（低保家庭或计划生育贫困家庭）",
		func(f *Facts) bool { return f.Dibao || f.Poor }).canChange().metBy(dibaoOrPoor)
	// poorOrDibao is 3.2.17's 计划生育贫困家庭.
	poorOrDibao = simple("计划生育贫困家庭（低保家庭也算）", "需为计划生育贫困家庭或低保家庭",
		func(f *Facts) bool { return f.Dibao || f.Poor }).canChange().metBy(dibaoOrPoor)
	minority  = simple("少数民族家庭", "需为少数民族家庭", func(f *Facts) bool { return f.EthnicMinority })
	middleLow = simple("中等偏下收入家庭", "需为中等偏下收入家庭", func(f *Facts) bool { return f.MiddleLowIncome }).canChange()
	integrity = simple("参加计划生育诚信活动", "需参加计划生育诚信活动", func(f *Facts) bool { return f.Integrity }).canChange()
	develop   = simple("有能力发展项目", "需有能力发展项目", func(f *Facts) bool { return f.CanDevelopProject }).canChange()
	disabled  = simple("夫妇一方经国家专业鉴定机构鉴定为残疾并丧失劳动能力",
		"需夫妇一方经国家专业鉴定机构鉴定为残疾并丧失劳动能力", func(f *Facts) bool { return f.DisabledParent })
	nursing = simple("失独家庭，或计划生育家庭中有老年人符合五保供养政策规定",
		"需为失独家庭，或家中老年人符合五保供养政策规定",
		func(f *Facts) bool { return f.Family == Bereaved || f.Family.Planned() && f.Wubao }).
		metBy(func(f *Facts) piece {
			if f.Family == Bereaved {
				return familyPieces[Bereaved]
			}
			return wubaoWords
		})
)

var (
	dibaoWords = mk("低保家庭")
	poorWords  = mk("计划生育贫困家庭")
	wubaoWords = mk("计划生育家庭老年人符合五保供养政策规定")
)

func dibaoOrPoor(f *Facts) piece {
	if f.Dibao {
		return dibaoWords
	}
	return poorWords
}

// housingAtMost: urban housing per person at most the benefit's amount
// (m²), 3.2.7's "15 平方米以下".
var housingAtMost = &cond{
	who: func(w tw, k *crule) tw {
		w.raw("城镇人均住房面积")
		k.writeQty(&w)
		w.raw("以下（含本数）")
		return w
	},
	test: func(f *Facts, k *crule) tri {
		a := f.HousingAreaPerCapita
		switch {
		case !a.Given():
			return unknown
		case a.h <= k.v:
			return holds
		}
		return fails
	},
	met: func(w tw, f *Facts, k *crule) tw {
		w.raw("人均住房面积")
		w.b = appendNum(w.b, f.HousingAreaPerCapita.h, 2)
		w.p(k.unit)
		w.raw("，在")
		k.writeQty(&w)
		w.raw("以下")
		return w
	},
	need: func(w tw, f *Facts, k *crule) tw {
		w.raw("需城镇人均住房面积在")
		k.writeQty(&w)
		w.raw("以下（含本数），您填写的是")
		w.b = appendNum(w.b, f.HousingAreaPerCapita.h, 2)
		w.p(k.unit)
		return w
	},
	reach: func(*Facts) bool { return true },
	needs: setOf(fHousing),
	uses:  []string{"amount"},
}

// medicalOver: costs left after 新农合 above the benefit's threshold,
// 3.2.11's "超过大病保险起付标准".
var medicalOver = &cond{
	who: func(w tw, k *crule) tw {
		w.raw("新农合报销后个人年度累计负担的合规医疗费用超过起付标准")
		w.b = appendMoney(w.b, k.thr)
		w.raw("元（不含本数）")
		return w
	},
	test: func(f *Facts, k *crule) tri {
		m := f.MedicalOutOfPocket
		switch {
		case !m.Given():
			return unknown
		case m.h > k.thr:
			return holds
		}
		return fails
	},
	met: func(w tw, f *Facts, k *crule) tw {
		w.raw("新农合报销后个人年度累计负担的合规医疗费用")
		w.b = appendMoney(w.b, f.MedicalOutOfPocket.h)
		w.raw("元，超过起付标准")
		w.b = appendMoney(w.b, k.thr)
		w.raw("元")
		return w
	},
	need: func(w tw, f *Facts, k *crule) tw {
		w.raw("需新农合报销后个人年度累计负担的合规医疗费用超过起付标准")
		w.b = appendMoney(w.b, k.thr)
		w.raw("元，您填写的是")
		w.b = appendMoney(w.b, f.MedicalOutOfPocket.h)
		w.raw("元")
		return w
	},
	reach: func(*Facts) bool { return true },
	needs: setOf(fMedical),
	uses:  []string{"threshold"},
}

// complication: the certified complication level is one of levels.
func complication(levels ...int) *cond {
	names := make([]string, len(levels))
	var in [maxLevel + 1]bool
	for i, l := range levels {
		names[i] = levelChoices[l].Label
		in[l] = true
	}
	const head = "经国家专业鉴定机构鉴定为计划生育手术并发症"
	c := simple(head+joinOr(names), "需"+head+joinOr(names), func(f *Facts) bool { return in[f.ComplicationLevel] })
	var met [maxLevel + 1]piece
	for l := range met {
		met[l] = mk(head + levelChoices[l].Label)
	}
	return c.metBy(func(f *Facts) piece { return met[f.ComplicationLevel] })
}

// stageNames names stages as a condition: "高中或中职".
func stageNames(stages []Stage) string {
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Label()
	}
	return joinOr(names)
}

// anyChildAt: at least one child is at one of the stages.
func anyChildAt(stages ...Stage) *cond {
	what := "有子女在读" + stageNames(stages)
	return simple(what, "需"+what, func(f *Facts) bool {
		for _, c := range f.Children {
			for _, s := range stages {
				if c.Stage == s {
					return true
				}
			}
		}
		return false
	})
}

// childNth are the words "第N个子女" for the first children.
var childNth = func() (ps [maxChildren]piece) {
	for i := range ps {
		ps[i] = mk("第" + strconv.Itoa(i+1) + "个子女")
	}
	return ps
}()

// stageIn: the child is at one of the stages.
func stageIn(stages ...Stage) *childCond {
	names := stageNames(stages)
	var in [len(stageChoices)]bool
	for _, s := range stages {
		in[s] = true
	}
	var met [len(stageChoices)]piece
	for s := range met {
		met[s] = mk("在读" + stageChoices[s].Label)
	}
	return &childCond{
		who:  "子女在读" + names,
		each: "每个在读" + names + "的子女各一份",
		test: func(c Child) bool { return in[c.Stage] },
		met: func(w tw, i int, c Child) tw {
			w.p(childNth[i])
			w.p(met[c.Stage])
			return w
		},
		need: mk("需有子女在读" + names),
	}
}

// admitted: the child has been admitted to a 高等院校 (a 考生 this year).
// A family with a living child not yet at college, or that told of no
// child, could see one admitted.
var admitted = &childCond{
	who:  "子女被高等院校录取（今年的考生）",
	each: "每个被录取的子女各一份",
	test: func(c Child) bool { return c.AdmittedToCollege },
	met: func(w tw, i int, _ Child) tw {
		w.p(childNth[i])
		w.p(admittedWords)
		return w
	},
	need: mk("需有子女被高等院校录取"),
	reach: func(f *Facts) bool {
		if f.Family == Bereaved {
			return false
		}
		for _, c := range f.Children {
			if c.Stage == Senior || c.Stage == Vocational {
				return true
			}
		}
		return len(f.Children) == 0
	},
}

var admittedWords = mk("被高等院校录取")
