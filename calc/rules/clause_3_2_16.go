package rules

// Clause 3.2.16, 市政府金融办:
//
//	市政府金融办要……加强对计划生育家庭小额担保贷款优惠政策的研究，统筹农村信用社落实小额担保政策，
//	确保计划生育家庭及时得到帮助。
var clause3_2_16 = &clauseRules{id: "3.2.16", rules: []*rule{
	{benefit: "microloan", who: all(planned)},
}}
