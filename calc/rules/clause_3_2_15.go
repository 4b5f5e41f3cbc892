package rules

// Clause 3.2.15, 粮食部门:
//
//	粮食部门负责开展农村计划生育家庭科学储粮等工作。
var clause3_2_15 = &clauseRules{id: "3.2.15", rules: []*rule{
	{benefit: "grain-storage", who: all(rural, planned)},
}}
