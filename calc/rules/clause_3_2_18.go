package rules

// Clause 3.2.18, 各有关部门:
//
//	……公共民生普惠政策对独生子女户、计划生育二女户和1980年以来（三代及以上）均执行计划生育政策的
//	模范家庭给予更多优惠，对计划生育家庭实现全覆盖。
var clause3_2_18 = &clauseRules{id: "3.2.18", rules: []*rule{
	{benefit: "model-family-preference", who: all(onlyChildOrTwoDaughters),
		readings: reads(&Reading{Words: "1980年以来（三代及以上）均执行计划生育政策的模范家庭",
			Text: "模范家庭也享受更多优惠；本计算器不询问是否为模范家庭，只按独生子女户和计划生育二女户判断。"})},
}}
