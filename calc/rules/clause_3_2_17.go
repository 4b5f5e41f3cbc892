package rules

// Clause 3.2.17, 各计划生育“三结合”帮扶部门:
//
//	各计划生育“三结合”帮扶部门要根据计划生育贫困家庭的生产生活需要，在积极帮助其解决化肥、农机等
//	生产物资的基础上，给予每户每年 500 元以上的现金帮扶，属于低保家庭的给予每户每年 1000 元以上的
//	现金帮扶，……实施“定点结对帮扶”工程的部门，要优先将无政策外生育的村和计划生育贫困家庭纳入结对
//	帮扶范围。
var clause3_2_17 = &clauseRules{id: "3.2.17", rules: []*rule{
	{benefit: "production-materials", who: all(planned, poorOrDibao)},
	{benefit: "three-combination-cash", who: all(planned, poorOrDibao), amount: fixed, readings: reads(readAtLeast)},
	{benefit: "three-combination-cash-dibao", who: all(planned, dibao), amount: fixed,
		instead: "three-combination-cash",
		readings: reads(readAtLeast, &Reading{Words: "属于低保家庭的给予",
			Text: "属于低保家庭的计划生育贫困家庭按这一档领取，代替而不是加在另一档之上。"})},
	{benefit: "paired-assistance-priority", who: all(planned, poorOrDibao)},
}}

var readAtLeast = &Reading{Words: "以上",
	Text: "“以上”包括本数（《民法典》第一千二百五十九条）：现金帮扶至少为所列金额，实际可以更多。"}
