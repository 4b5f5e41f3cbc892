package main

import (
	"fmt"
	"strings"

	"gyportal/calc/batch"
	"gyportal/calc/batch/jsonstream"
	"gyportal/calc/batch/sheet"
	"gyportal/calc/rules"
)

// calcUsage is the calc command's help, in Chinese; the columns come
// from the calculator's vocabulary.
func calcUsage() string {
	var b strings.Builder
	b.WriteString("用法：" + progName + ` calc [--content 目录] [--date YYYY-MM-DD] [--csv] [--out 文件] [--pretty] [文件|-]

用本平台的计算器计算家庭待遇。读入文件（不给或给 "-" 时读标准输入），
答案写到标准输出，或用 --out 写入文件（写完才替换，不会留下半个文件）。

选项：
  --content 目录   内容目录（默认 content）
  --date 日期      未写 date 的家庭按这一天计算（默认：今天，北京时间）
  --csv            输入是登记表（CSV）；文件名以 .xlsx 结尾时自动按 Excel 工作簿读取
  --out 文件       答案写入文件：登记表的答案写 .csv 或 .xlsx，JSON 的答案写 .json
  --pretty         JSON 答案缩进排版，便于阅读（默认紧凑，与网页计算器逐字节相同）
  --help           显示本说明

JSON：一个对象（一户）得到一个答案；一个数组（多户）得到同样顺序的答案数组，
每行一个，有错误的家庭以 null 占位。
`)
	fmt.Fprintf(&b, "一户的 JSON 不超过 %d KB，嵌套不超过 %d 层。\n\n", jsonstream.MaxBytes>>10, jsonstream.MaxDepth)
	b.WriteString(`登记表（CSV 或 .xlsx）：第一行是列名，以后每行一户。CSV 可以是 UTF-8（带或不带 BOM）、
GB18030/GBK 或带 BOM 的 UTF-16（Excel 的“Unicode 文本”，制表符分隔），自动识别；
.xlsx 读第一个工作表。列（任选、任意顺序；列名写英文名或中文名均可）：
`)
	fmt.Fprintf(&b, "  %-24s %s\n", batch.IDColumn, "编号或户主姓名，原样抄到答案中")
	for _, f := range rules.Fields() {
		fmt.Fprintf(&b, "  %-24s %s\n", f.Name, fieldHelp(f))
	}
	b.WriteString(`空单元格表示不填；可选值写英文名或中文名均可（如 rural 或 农村户口）。
`)
	fmt.Fprintf(&b, "每行不超过 %d KB。\n\n", sheet.MaxRecord>>10)
	fmt.Fprintf(&b, "答案每户一行，列为：\n  %s\n", strings.Join(batch.Header, ","))
	b.WriteString(`（line：登记表中的行号，与 Excel 一致；clauses：发放现金的条款；benefits：现金待遇，
每发放一次列一次；services：服务类待遇；complete：false 表示有待遇缺少信息无法计算，
金额为“至少”；pending：这些待遇；needs：还需要填写的列），之后每个条款、每种周期一列现金金额
（如 "3.2.12 once"），最后一行 total 为合计。CSV 答案为带 BOM 的 UTF-8，Excel 可直接打开；
所有文字单元格都不会被当作公式（以 = + - @ 等开头的加 ' ）。

有错误的行不计算，错误写到标准错误，指明行号和字段：
  登记表.csv: 第 17 行，字段 members（家庭人口）：…
其余各行照常计算；只要有错误，退出码为 1。

退出码：0 成功；1 输入或内容有错误；2 用法错误。
`)
	return b.String()
}

// fieldHelp describes a column: its Chinese name and how it is written.
func fieldHelp(f rules.Field) string {
	h := f.Label
	if f.Required {
		h += "（必填）"
	}
	unit := ""
	if f.Unit != "" {
		unit = "，单位：" + f.Unit
	}
	switch f.Kind {
	case rules.DateField:
		return h + "：YYYY-MM-DD"
	case rules.EnumField:
		return h + "：" + choices(f.Choices)
	case rules.BoolField:
		return h + "：是/否（也可写 true/false、1/0、yes/no）"
	case rules.IntField:
		return h + "：整数 " + f.Min + "–" + f.Max + unit
	case rules.AmountField:
		return h + "：数字，最多两位小数" + unit
	case rules.ChildrenField:
		stage := rules.ChildFields()[0]
		return fmt.Sprintf("%s：每个子女一个阶段，用 \";\" 分隔，考入高等院校的加 \"%s\"，"+
			"如 \"primary;senior%s\"；最多 %d 个；阶段：%s", h, rules.AdmittedMark, rules.AdmittedMark, f.MaxItems, choices(stage.Choices))
	}
	return h
}

// choices lists enumerated values: "rural 农村户口、urban 城镇户口".
func choices(cs []rules.Choice) string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.TrimSpace(c.Name+" "+c.Label))
	}
	return strings.Join(out, "、")
}
