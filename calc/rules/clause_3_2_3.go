package rules

// Clause 3.2.3, 民族宗教事务部门:
//
//	民族宗教事务部门要做好对少数民族计划生育困难家庭的救助工作。
var clause3_2_3 = &clauseRules{id: "3.2.3", rules: []*rule{
	{benefit: "minority-relief", who: all(minority, planned, hardship)},
}}
