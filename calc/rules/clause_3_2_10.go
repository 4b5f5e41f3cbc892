package rules

// Clause 3.2.10, 文化广播电影电视部门:
//
//	文化广播电影电视部门要积极推进文化惠民，繁荣乡村文化。在实施“户户通”工程中，对计划生育家庭实现
//	“全覆盖”，实现村村有文化活动室。要切实开展文化下乡、下基层活动，为计划生育群众发放相关种植养殖
//	图书，……为计划生育群众免费提供学习种植养殖技术的信息。
var clause3_2_10 = &clauseRules{id: "3.2.10", readings: reads(readRuralCulture), rules: []*rule{
	{benefit: "hhtong-coverage", who: all(rural, planned)},
	{benefit: "farming-books", who: all(rural, planned)},
	{benefit: "farming-info-free", who: all(rural, planned)},
}}

var readRuralCulture = &Reading{Words: "繁荣乡村文化",
	Text: "“户户通”工程和文化下乡、种植养殖图书和技术信息面向农村，本平台只对农村户口的计划生育家庭列出这几项。"}
