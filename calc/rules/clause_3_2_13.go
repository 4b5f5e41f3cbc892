package rules

// Clause 3.2.13, 卫生部门、人口计生部门:
//
//	卫生部门、人口计生部门要……积极推进免费孕前优生健康检查服务，减少出生缺陷发生率，提高免费孕前
//	优生检查覆盖率，确保 2015 年目标人群全覆盖。
var clause3_2_13 = &clauseRules{id: "3.2.13", rules: []*rule{
	{benefit: "prepregnancy-check", who: all(planned)},
}}
