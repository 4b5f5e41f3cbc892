package calc

// rules are the plan's household benefits, in plan order. Each names its
// benefit id; every figure comes from that benefit's Standard in Params.
// Readings taken where the plan is ambiguous are noted beside the rule.
var rules = []rule{
	// 3.2.2 教育部门. "农村计划生育困难家庭" is read as a rural
	// family-planning family that receives 低保 or is a registered 计划生育贫困家庭.
	{clause: "3.2.2", id: "preschool-fee-waiver", conds: []check{rural, fp, hardship, anyChild(Preschool)}},
	{clause: "3.2.2", id: "boarding-living-allowance", conds: []check{rural, fp, hardship, anyChild(Primary, Junior)}},
	{clause: "3.2.2", id: "high-school-aid", conds: []check{rural, fp, hardship, anyChild(Senior)}},
	{clause: "3.2.2", id: "vocational-free-education", conds: []check{rural, fp, hardship, anyChild(Vocational)}},
	// 中考 is taken at the end of 初中.
	{clause: "3.2.2", id: "zhongkao-bonus", conds: []check{rural, familyIn(OnlyDaughter, TwoDaughters), anyChild(Junior)}},
	{clause: "3.2.2", id: "preschool-priority", conds: []check{fp, anyChild(Preschool)}},

	// 3.2.3 民族宗教事务部门.
	{clause: "3.2.3", id: "minority-relief", conds: []check{minority, fp, hardship}},

	// 3.2.4 民政部门: rate × local standard × members, per year.
	{clause: "3.2.4", id: "dibao-supplement", how: dibaoShare,
		conds: []check{rural, dibao, familyIn(OnlyDaughter, OnlySon, TwoDaughters)}},
	// 五保 qualifies the elderly; 失独家庭 are named on their own.
	{clause: "3.2.4", id: "nursing-home", conds: []check{nursing}},

	// 3.2.6 人力资源社会保障部门.
	{clause: "3.2.6", id: "job-training", conds: []check{fp}},
	{clause: "3.2.6", id: "startup-support", conds: []check{fp}},
	{clause: "3.2.6", id: "startup-loan", conds: []check{fp}},
	{clause: "3.2.6", id: "public-welfare-job", conds: []check{fp}},

	// 3.2.7 住房城乡建设部门. "15 平方米以下" is read as below the standard.
	{clause: "3.2.7", id: "public-rental-housing", uses: []string{"amount"},
		conds: []check{urban, fp, middleLow, housingBelow}},
	{clause: "3.2.7", id: "dilapidated-house-priority", conds: []check{rural, fp}},
	{clause: "3.2.7", id: "rural-homestead-area", how: quantity,
		conds: []check{rural, familyIn(OnlyDaughter, OnlySon, TwoDaughters)}},

	// 3.2.8 农业部门. An only-daughter household outside the 诚信活动 gets
	// neither fund: the 6000 tier names only 独子户 and 二女户.
	{clause: "3.2.8", id: "agri-project-priority", conds: []check{rural, fp, develop}},
	{clause: "3.2.8", id: "project-fund-only-daughter", how: fixed, group: "project-fund",
		conds: []check{rural, familyIn(OnlyDaughter), integrity, develop}},
	{clause: "3.2.8", id: "project-fund-son-two-daughters", how: fixed, group: "project-fund",
		conds: []check{rural, familyIn(OnlySon, TwoDaughters), develop}},
	{clause: "3.2.8", id: "industry-upgrade-priority", conds: []check{rural, fp}},

	// 3.2.9 水利部门.
	{clause: "3.2.9", id: "water-connection-free", conds: []check{rural, fp}},

	// 3.2.10 文化广播电影电视部门: 户户通 and 文化下乡 serve rural households.
	{clause: "3.2.10", id: "hhtong-coverage", conds: []check{rural, fp}},
	{clause: "3.2.10", id: "farming-books", conds: []check{rural, fp}},
	{clause: "3.2.10", id: "farming-info-free", conds: []check{rural, fp}},

	// 3.2.11 卫生部门: 新农合 covers rural residents; the text does not
	// limit it to family-planning families. No cap.
	{clause: "3.2.11", id: "serious-illness-reimbursement", how: excess, conds: []check{rural, medicalOver}},

	// 3.2.12 人口计生部门. The provincial and the city's 抚慰金 are two
	// entitlements.
	{clause: "3.2.12", id: "bereaved-province", how: fixed, conds: []check{familyIn(Bereaved)}},
	{clause: "3.2.12", id: "bereaved-city", how: fixed, conds: []check{familyIn(Bereaved)}},
	{clause: "3.2.12", id: "complication-level1", how: fixed, group: "complication", conds: []check{complication(1)}},
	{clause: "3.2.12", id: "complication-level2", how: fixed, group: "complication", conds: []check{complication(2)}},
	{clause: "3.2.12", id: "complication-level3-4", how: fixed, group: "complication", conds: []check{complication(3, 4)}},
	// A 低保 household's 考生 gets the 低保 award instead of, not on top of, the other.
	{clause: "3.2.12", id: "college-award", how: fixed, group: "college-award", tier: notDibao,
		conds: []check{rural, familyIn(OnlyDaughter, TwoDaughters)}, child: admitted},
	{clause: "3.2.12", id: "college-award-dibao", how: fixed, group: "college-award", tier: dibao,
		conds: []check{rural, familyIn(OnlyDaughter, TwoDaughters)}, child: admitted},
	// Per child at school; 高中阶段 includes 中职.
	{clause: "3.2.12", id: "school-aid-primary", how: fixed, group: "school-aid",
		conds: []check{fp, disabled}, child: stageIn(Primary)},
	{clause: "3.2.12", id: "school-aid-junior", how: fixed, group: "school-aid",
		conds: []check{fp, disabled}, child: stageIn(Junior)},
	{clause: "3.2.12", id: "school-aid-senior", how: fixed, group: "school-aid",
		conds: []check{fp, disabled}, child: stageIn(Senior, Vocational)},
	{clause: "3.2.12", id: "school-aid-college", how: fixed, group: "school-aid",
		conds: []check{fp, disabled}, child: stageIn(College)},

	// 3.2.13 卫生部门、人口计生部门.
	{clause: "3.2.13", id: "prepregnancy-check", conds: []check{fp}},

	// 3.2.15 粮食部门.
	{clause: "3.2.15", id: "grain-storage", conds: []check{rural, fp}},

	// 3.2.16 市政府金融办.
	{clause: "3.2.16", id: "microloan", conds: []check{fp}},

	// 3.2.17 "三结合"帮扶部门: a 低保 household gets the higher amount
	// instead of, not on top of, the other.
	{clause: "3.2.17", id: "production-materials", conds: []check{fp, poor}},
	{clause: "3.2.17", id: "three-combination-cash", how: fixed, group: "three-combination", tier: notDibao,
		conds: []check{fp, poor}},
	{clause: "3.2.17", id: "three-combination-cash-dibao", how: fixed, group: "three-combination", tier: dibao,
		conds: []check{fp, poor}},
	{clause: "3.2.17", id: "paired-assistance-priority", conds: []check{fp, poor}},

	// 3.2.18 公共民生普惠政策 give more to 独生子女户 and 二女户.
	{clause: "3.2.18", id: "model-family-preference", conds: []check{familyIn(OnlyDaughter, OnlySon, TwoDaughters)}},

	// 3.3 计划生育协会: care for 计划生育特殊困难家庭 such as 失独家庭.
	{clause: "3.3", id: "special-hardship-care", conds: []check{familyIn(Bereaved)}},
}
