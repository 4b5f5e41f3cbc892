package rules

// Clause 3.2.9, 水利部门:
//
//	水利部门要确保农村计划生育家庭安全饮水和自来水（自流水）普及率达 100%，并免入户材料费和安装费。
var clause3_2_9 = &clauseRules{id: "3.2.9", rules: []*rule{
	{benefit: "water-connection-free", who: all(rural, planned)},
}}
