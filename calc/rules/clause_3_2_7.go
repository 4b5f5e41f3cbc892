package rules

// Clause 3.2.7, 住房城乡建设部门:
//
//	住房城乡建设部门要制定完善相关政策，将城镇人均住房面积 15 平方米以下的中等偏下收入计划生育家庭
//	全部纳入公租房保障范围。在农村危房改造工作中，要优先安排计划生育家庭。农房确权登记对农村独生
//	子女户和计划生育二女户家庭的标准为每户不低于 260 平方米建筑面积。
var clause3_2_7 = &clauseRules{id: "3.2.7", rules: []*rule{
	{benefit: "public-rental-housing", who: all(urban, planned, middleLow, housingAtMost)},
	{benefit: "dilapidated-house-priority", who: all(rural, planned)},
	{benefit: "rural-homestead-area", who: all(rural, onlyChildOrTwoDaughters), amount: quantity},
}}
