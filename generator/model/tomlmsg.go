package model

import (
	"fmt"
	"regexp"
	"strings"
)

// tomlMessages turns the TOML decoder's English messages into Chinese for
// staff; each pattern's groups fill the %s of its text in order.
var tomlMessages = []struct {
	re   *regexp.Regexp
	text string
}{
	{regexp.MustCompile(`^Key '(?:.*)' has already been defined\.$`), "这个键写了两次（同一处只能写一次）"},
	{regexp.MustCompile(`^Key '(.*)' was already created (?:as a hash|and cannot be used as an array)\.$`), "键 %s 前面已经写成了另一种表，不能再这样写"},
	{regexp.MustCompile(`^(.*) is not a table$`), "%s 不是表，不能在它下面再写键"},
	{regexp.MustCompile(`^strings cannot contain newlines$`), "引号没有配对：一行里的文字要用 \" 结束；多行文字请用三个引号 \"\"\"…\"\"\""},
	{regexp.MustCompile(`^unexpected EOF; expected '(.*)'$`), "文件到这里结束了，还缺少 %s（引号或括号没有配对？）"},
	{regexp.MustCompile(`^unexpected EOF.*$`), "文件到这里结束了，还缺少内容（引号或括号没有配对？）"},
	{regexp.MustCompile(`^expected value but found "(.*)" instead$`), "%s 不是合法的值：文字要加引号，如 \"人口计生部门\"，金额也写成 \"20000\""},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), "键名后面应是 =，这里却是 %s"},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), "= 前面缺少键名"},
	{regexp.MustCompile(`^unexpected '(.*)'.*$`), "这里不能有 %s"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`), "一行只能写一个“键 = 值”，后面多出了 %s"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.*)$`), "列表 [ ] 的各项之间要用逗号隔开，这里却是 %s"},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.*) instead$`), "{ } 里的各项之间要用逗号隔开，这里却是 %s"},
	{regexp.MustCompile(`^newlines not allowed within inline tables$`), "{ } 里面不能换行"},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead$`), "表名 [ ] 没有结束，这里是 %s"},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.*) instead$`), "表名 [[ ]] 没有结束，这里是 %s"},
	{regexp.MustCompile(`^unexpected (?:end of table name|table separator) \(table names cannot be empty\)$`), "表名不能是空的"},
	{regexp.MustCompile(`^invalid datetime: "(.*)"$`), "%s 不是合法的日期，日期请写成 \"2013-06-09\""},
	{regexp.MustCompile(`^invalid escape in string '(.*)'$`), "文字里的 %s 不是合法的转义；要写反斜杠本身请写成 \\\\"},
	{regexp.MustCompile(`^TOML files cannot contain control characters: '(.*)'$`), "文件里有看不见的控制字符 %s，请删除"},
	{regexp.MustCompile(`^invalid UTF-8 byte: (.*)$`), "文件不是 UTF-8 编码（字节 %s 不对），请用 UTF-8 保存"},
	{regexp.MustCompile(`^(.*) is out of (?:the safe )?range for .*$`), "数字 %s 太大了"},
	{regexp.MustCompile(`^(?:invalid float|floats must|expected a digit|not an? (?:octal|hexadecimal|binary)|cannot use sign).*$`), "数字的写法不对；金额等数字请加引号写成 \"20000\""},
	{regexp.MustCompile(`^incompatible types: TOML value has type (.*); destination has type (.*)$`), ""}, // typeMsg
}

// tomlMsg returns the Chinese message for a decoder message.
func tomlMsg(msg string) string {
	for _, m := range tomlMessages {
		g := m.re.FindStringSubmatch(msg)
		if g == nil {
			continue
		}
		if m.text == "" {
			return typeMsg(g[1], g[2])
		}
		args := make([]any, len(g)-1)
		for i, s := range g[1:] {
			args[i] = s
		}
		return fmt.Sprintf(m.text, args...)
	}
	return "TOML 写法有误：" + msg
}

// typeNames are the decoder's type names in staff's words.
var typeNames = map[string]string{
	"string": "加引号的文字", "int64": "整数", "integer": "整数", "float64": "小数", "float": "小数",
	"bool": "true 或 false", "boolean": "true 或 false", "slice": "列表 [ … ]", "array": "列表 [ … ]",
	"map[string]any": "表", "map[string]interface {}": "表", "struct": "表", "time.Time": "日期时间",
	"[]interface {}": "列表 [ … ]", "[]any": "列表 [ … ]", "[]map[string]interface {}": "表的列表",
}

func typeMsg(got, want string) string {
	name := func(t string) string {
		if n, ok := typeNames[t]; ok {
			return n
		}
		if strings.HasPrefix(t, "[]") {
			return typeNames["slice"]
		}
		return t
	}
	return fmt.Sprintf("这里应写%s，写成了%s", name(want), name(got))
}
