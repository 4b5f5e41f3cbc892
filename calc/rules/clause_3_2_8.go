package rules

// Clause 3.2.8, 农业部门:
//
//	农业部门在致富增收项目扶持上要优先考虑有能力发展项目的农村计划生育家庭。扶贫开发提供的资金和物资
//	要优先照顾农村计划生育家庭，对参加计划生育诚信活动并有能力发展项目的农村独女户，每户安排不少于
//	8000 元的项目发展基金；有能力发展项目的独子户和计划生育二女户，每户安排不少于 6000 元项目发展
//	基金；扶贫开发提供的资金和物资在帮扶标准基础上提高幅度不低于 30%。在实施“整村推进·美丽乡村”
//	工程中，要优先纳入没有政策外生育的村。在实施“产业提升·助农增收”工程中，要优先考虑计划生育家庭。
var clause3_2_8 = &clauseRules{id: "3.2.8", rules: []*rule{
	{benefit: "agri-project-priority", who: all(rural, planned, develop)},
	{benefit: "project-fund-only-daughter", who: all(rural, onlyDaughter, integrity, develop), amount: fixed,
		readings: reads(&Reading{Words: "参加计划生育诚信活动并有能力发展项目的农村独女户",
			Text: "没有参加计划生育诚信活动的农村独女户不享受这一档，也不按另一档享受，因为另一档只列了独子户和计划生育二女户。"},
			readOncePerHousehold)},
	{benefit: "project-fund-son-two-daughters", who: all(rural, onlySonOrTwoDaughters, develop), amount: fixed,
		readings: reads(&Reading{Words: "有能力发展项目的独子户和计划生育二女户",
			Text: "这一档也限于农村家庭：本条讲的是农业部门和扶贫开发对农村计划生育家庭的扶持。"},
			readOncePerHousehold)},
	{benefit: "poverty-aid-increase", who: all(rural, planned), amount: aidShare,
		readings: reads(&Reading{Words: "扶贫开发提供的资金和物资在帮扶标准基础上提高幅度不低于",
			Text: "这是农村计划生育家庭得到扶贫开发资金和物资时的待遇：在帮扶标准的基础上至少提高这个比例。本计算器不询问是否得到扶贫帮扶，对农村计划生育家庭都列出这一项；填写了帮扶标准的，算出至少提高多少元。扶贫资金和物资不一定按期发放现金，这笔数不计入合计。"})},
	{benefit: "industry-upgrade-priority", who: all(rural, planned)},
}}

var readOncePerHousehold = &Reading{Words: "每户安排",
	Text: "项目发展基金按每户一次计算。"}
