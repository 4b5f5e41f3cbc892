package rules

// Clause 3.2.12, 人口计生部门:
//
//	进一步加大对失独家庭的关心服务力度，在省 3 万元的标准上增发 2 万元的一次性抚慰金。对计划生育手术
//	并发症群众，在经过国家专业鉴定机构鉴定后，一级对象发放一次性抚慰金 2 万元，二级对象每月发放生活
//	补贴 1000 元，三级和四级对象每月发放生活补贴 500 元。对被高等院校录取的农村独女户和计划生育二女户
//	家庭的考生，每人一次性奖励 1000 元；低保家庭考生一次性奖励 6000 元。对夫妇双方其中一方为身体残疾
//	丧失劳动能力的残疾人（经国家专业鉴定机构鉴定残疾并丧失劳动能力）的计划生育家庭子女入学后，小学
//	阶段每人每年发放助学补助 500 元，初中阶段每人每年发放助学补助 1000 元，高中阶段每人每年发放助学
//	补助 3000 元，大学阶段每人每年发放助学补助 5000 元。所需资金由市、区（市、县）各承担 50%。
var clause3_2_12 = &clauseRules{id: "3.2.12", rules: []*rule{
	{benefit: "bereaved-province", who: all(bereaved), amount: fixed, readings: reads(readTwoSolatia)},
	{benefit: "bereaved-city", who: all(bereaved), amount: fixed, readings: reads(readTwoSolatia)},
	{benefit: "complication-level1", who: all(complication(1)), amount: fixed},
	{benefit: "complication-level2", who: all(complication(2)), amount: fixed},
	{benefit: "complication-level3-4", who: all(complication(3, 4)), amount: fixed},
	{benefit: "college-award", who: all(rural, onlyDaughterOrTwoDaughters), perChild: admitted, amount: fixed,
		readings: reads(readNamedBySex)},
	{benefit: "college-award-dibao", who: all(rural, onlyDaughterOrTwoDaughters, dibao), perChild: admitted,
		amount: fixed, instead: "college-award",
		readings: reads(readNamedBySex, &Reading{Words: "低保家庭考生",
			Text: "指农村独女户和计划生育二女户家庭中属于低保家庭的考生：按这一档奖励，代替而不是加在另一档之上。"})},
	{benefit: "school-aid-primary", who: all(planned, disabled), perChild: stageIn(Primary), amount: fixed,
		readings: reads(readSchoolAidPayer)},
	{benefit: "school-aid-junior", who: all(planned, disabled), perChild: stageIn(Junior), amount: fixed,
		readings: reads(readSchoolAidPayer)},
	{benefit: "school-aid-senior", who: all(planned, disabled), perChild: stageIn(Senior, Vocational), amount: fixed,
		readings: reads(&Reading{Words: "高中阶段", Text: "“高中阶段”包括普通高中和中职。"}, readSchoolAidPayer)},
	{benefit: "school-aid-college", who: all(planned, disabled), perChild: stageIn(College), amount: fixed,
		readings: reads(readSchoolAidPayer)},
}}

var (
	readTwoSolatia = &Reading{Words: "在省……的标准上增发……的一次性抚慰金",
		Text: "省定的抚慰金和市里增发的抚慰金分两项列出，失独家庭两项都领。"}
	readSchoolAidPayer = &Reading{Words: "所需资金由市、区（市、县）各承担 50%",
		Text: "这句紧跟在助学补助之后，本平台理解为只说助学补助的资金来源，不适用于本条的其他待遇。"}
)
