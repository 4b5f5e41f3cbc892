package rules

// Clause 3.2.2, 教育部门:
//
//	教育部门要切实落实农村计划生育困难家庭子女学前教育费用减免、义务教育阶段家庭经济困难寄宿生
//	生活费补助、普通高中家庭经济困难学生资助、中职三年免费教育和国家助学金等优先优惠措施，对农村
//	独女户和计划生育二女户家庭学生落实中考加分政策。在乡镇幼儿园、村幼儿园（幼儿班、幼教点）优先
//	安排计划生育家庭子女入园。
var clause3_2_2 = &clauseRules{id: "3.2.2", rules: []*rule{
	{benefit: "preschool-fee-waiver", who: all(rural, planned, hardship, anyChildAt(Preschool))},
	{benefit: "boarding-living-allowance", who: all(rural, planned, hardship, anyChildAt(Primary, Junior))},
	{benefit: "high-school-aid", who: all(rural, planned, hardship, anyChildAt(Senior))},
	{benefit: "vocational-free-education", who: all(rural, planned, hardship, anyChildAt(Vocational))},
	{benefit: "zhongkao-bonus", who: all(rural, onlyDaughterOrTwoDaughters, anyChildAt(Junior)),
		readings: reads(readNamedBySex, &Reading{Words: "中考加分政策",
			Text: "中考在初中毕业时参加，本平台对有子女在读初中的家庭列出这一项。"})},
	{benefit: "preschool-priority", who: all(planned, anyChildAt(Preschool))},
}}
