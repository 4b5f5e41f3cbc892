package site

// obj is a JSON object literal; canonicalJSON sorts its keys.
type obj = map[string]any

// householdSchema is the JSON Schema (draft 2020-12) of the calculator's
// household input: the facts a resident enters, as the command line
// calculator and the calculator page accept them.
func householdSchema(base string) obj {
	boolean := func(desc string) obj { return obj{"type": "boolean", "description": desc} }
	return obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  base + "/data/household.schema.json",
		"title":                "待遇计算器的家庭情况输入",
		"description":          "一户家庭的情况。计算器按这些情况计算该户可以领取的待遇。",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"hukou", "family"},
		"properties": obj{
			"date": obj{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
				"description": "按哪一天的标准计算，格式 YYYY-MM-DD。"},
			"hukou": obj{"enum": []string{"rural", "urban"},
				"description": "户籍：rural 农村，urban 城镇。"},
			"family": obj{"enum": []string{"only_daughter", "only_son", "two_daughters", "bereaved", "other_planned", "none"},
				"description": "计划生育家庭类型：only_daughter 独生女户，only_son 独生子户，two_daughters 二女户，bereaved 失独家庭，other_planned 其他计划生育家庭，none 不是计划生育家庭。"},
			"members": obj{"type": "integer", "minimum": 1, "maximum": 100, "description": "家庭人口数。"},
			"dibao":   boolean("是否低保家庭。"),
			"dibao_standard": obj{"$ref": "#/$defs/money",
				"description": "当地农村低保保障标准（元/人/年），第3.2.4条按它的一定比例增发补助。"},
			"poor":                boolean("是否计划生育贫困家庭。"),
			"integrity":           boolean("是否参加计划生育诚信活动。"),
			"can_develop_project": boolean("是否有能力发展项目。"),
			"complication_level": obj{"type": "integer", "minimum": 0, "maximum": 4,
				"description": "计划生育手术并发症等级：1 至 4 级；0 表示没有。"},
			"disabled_parent": boolean("夫妇一方是否为身体残疾、丧失劳动能力的残疾人（经国家专业鉴定机构鉴定）。"),
			"ethnic_minority": boolean("是否少数民族家庭（用于少数民族计划生育困难家庭救助）。"),
			"wubao":           boolean("家中老人是否符合五保供养政策规定。"),
			"children": obj{"type": "array", "maxItems": 20, "description": "家中子女，每人一项。",
				"items": obj{"$ref": "#/$defs/child"}},
			"medical_out_of_pocket": obj{"$ref": "#/$defs/money",
				"description": "新农合报销后，个人一年内累计负担的合规医疗费用（元）。"},
			"housing_area_per_capita": obj{"$ref": "#/$defs/decimal",
				"description": "城镇人均住房面积（平方米）。"},
			"middle_low_income": boolean("是否中等偏下收入家庭。"),
		},
		"$defs": obj{
			"money": obj{"description": "金额（元），不小于 0；可以写成数字，也可以写成十进制字符串，如 \"5000\" 或 \"1234.50\"。",
				"anyOf": []obj{
					{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?$`},
					{"type": "number", "minimum": 0},
				}},
			"decimal": obj{"description": "不小于 0 的数，可以写成数字或十进制字符串。",
				"anyOf": []obj{
					{"type": "string", "pattern": `^[0-9]+(\.[0-9]+)?$`},
					{"type": "number", "minimum": 0},
				}},
			"child": obj{"type": "object", "additionalProperties": false, "required": []string{"stage"},
				"properties": obj{
					"stage": obj{"enum": []string{"none", "preschool", "primary", "junior", "senior", "vocational", "college"},
						"description": "在读阶段：none 未上学，preschool 学前，primary 小学，junior 初中，senior 高中，vocational 中职，college 大学。"},
					"admitted_to_college": boolean("是否被高等院校录取。"),
				}},
		},
	}
}
