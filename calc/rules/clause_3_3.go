package rules

// Clause 3.3, 计划生育协会:
//
//	……进一步加大对计划生育家庭特别是空巢老人、留守儿童、失独家庭等计划生育特殊困难家庭的关怀扶助
//	力度，帮助其解决生产、生活中的困难和问题。
var clause3_3 = &clauseRules{id: "3.3", rules: []*rule{
	{benefit: "special-hardship-care", who: all(bereaved),
		readings: reads(&Reading{Words: "空巢老人、留守儿童、失独家庭等计划生育特殊困难家庭",
			Text: "本计算器只按失独家庭判断；空巢老人、留守儿童等其他特殊困难家庭，本计算器不询问。"})},
}}
