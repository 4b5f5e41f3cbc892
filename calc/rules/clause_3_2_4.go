package rules

// Clause 3.2.4, 民政部门:
//
//	民政部门对符合农村低保条件的独生子女户和计划生育二女户的农村低保家庭成员，在其享受基本保障金
//	的基础上，每年按照不低于当地农村低保保障标准 20% 的比例增发补助。加大对计划生育家庭养老问题的
//	研究和关注，对符合五保供养政策规定的计划生育家庭老年人、失独家庭，要按照相关规定根据其意愿安排
//	入住敬老院。要充分发挥社会组织的作用，多渠道、多形式开展志愿者服务计划生育家庭活动。
var clause3_2_4 = &clauseRules{id: "3.2.4", rules: []*rule{
	{benefit: "dibao-supplement", who: all(rural, onlyChildOrTwoDaughters, dibao), amount: dibaoShare,
		readings: reads(&Reading{Words: "农村低保家庭成员……每年按照不低于当地农村低保保障标准……的比例增发补助",
			Text: "增发补助按这户农村低保家庭的全部成员计算：当地农村低保保障标准 × 比例 × 家庭人口数，每年不低于此数，在基本保障金之外另外增发。"})},
	{benefit: "nursing-home", who: all(nursing)},
	{benefit: "volunteer-services", who: all(planned)},
}}
