package rules

// Clause 3.2.11, 卫生部门:
//
//	卫生部门要积极探索新型农村合作医疗服务机制，……开展新型农村合作医疗基金购买大病商业保险试点
//	工作。对新农合报销后，个人年度累计负担的合规医疗费用超过大病保险起付标准 5000 元的纳入大病医疗
//	保险，按不低于 50% 的比例再次报销，报销不设封顶线。
var clause3_2_11 = &clauseRules{id: "3.2.11", rules: []*rule{
	{benefit: "serious-illness-reimbursement", who: all(rural, medicalOver), amount: excess,
		readings: reads(
			&Reading{Words: "新型农村合作医疗",
				Text: "新农合面向农村居民，本平台只对农村户口的家庭计算；本条文字没有限定只对计划生育家庭，非计划生育家庭也算。"},
			&Reading{Words: "按不低于……的比例再次报销，报销不设封顶线",
				Text: "再次报销金额 =（个人年度累计负担的合规医疗费用 − 起付标准）× 比例，四舍五入到分，不设封顶；实际比例可以更高。"})},
}}
