package rules

// Clause 3.2.6, 人力资源社会保障部门:
//
//	人力资源社会保障部门要根据人口计生部门提供的有就业和培训意愿的计划生育家庭成员名单，优先安排
//	开展技能培训，提供免费职业介绍、职业指导和就业推荐服务。要针对有创业愿望的计划生育家庭成员提供
//	免费创业项目推荐、创业指导及创业培训，并对符合条件的计划生育家庭成员落实相关创业补贴政策，优先
//	给予就业小额贷款扶持。公益性岗位用人时，要优先向计划生育家庭倾斜，对独生子女家庭给予更多的优惠
//	和照顾。
var clause3_2_6 = &clauseRules{id: "3.2.6", rules: []*rule{
	{benefit: "job-training", who: all(planned)},
	{benefit: "startup-support", who: all(planned)},
	{benefit: "startup-loan", who: all(planned)},
	{benefit: "public-welfare-job", who: all(planned), readings: reads(readBereavedOnlyChild)},
}}
