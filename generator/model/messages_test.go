package model

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// realFS returns the repository's content as a MapFS one can edit.
func realFS(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../../content")
	m := fstest.MapFS{}
	for _, pat := range []string{"*.toml", "measures/*.toml", "tests/*.toml"} {
		names, _ := fs.Glob(root, pat)
		for _, n := range names {
			data, err := fs.ReadFile(root, n)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = &fstest.MapFile{Data: data}
		}
	}
	return m
}

// TestChineseMessages is the table of content errors as staff read them:
// Chinese, after the file:line: key: prefix, on the real content.
func TestChineseMessages(t *testing.T) {
	m := "measures/3.2.12.toml"
	tests := []struct {
		name, file, from, to string
		want                 string
	}{
		{"the issue's example", m, `amount     = "20000"`, `amount     = "2万"`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: "2万" 不是数字，金额请写成 "20000"`},
		{"amount with unit", m, `amount     = "20000"`, `amount     = "20,000元"`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: "20,000元" 不是数字，金额请写成 "20000"`},
		{"full-width digits", m, `amount     = "20000"`, `amount     = "２００００"`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: "２００００" 不是数字，金额请写成 "20000"`},
		{"words", m, `amount     = "20000"`, `amount     = "两万"`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: "两万" 不是数字，金额请写成 "20000" 这样的数字（可带小数，如 "0.50"）`},
		{"unquoted number", m, `amount     = "20000"`, `amount     = 20000`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: 数字要加引号，请写成 "20000"`},
		{"boolean amount", m, `amount     = "20000"`, `amount     = true`,
			`content/measures/3.2.12.toml:32: benefits[1].amount: 这里应写加引号的数字，如 "20000"，写成了true 或 false`},
		{"percent ratio", "adjustment.toml", `threshold = "0.30"`, `threshold = "30%"`,
			`content/adjustment.toml:4: threshold: "30%" 不是数字，比例请写成小数 "0.30"`},
		{"wrong type", m, `minimum    = false`, `minimum    = "否"`,
			`content/measures/3.2.12.toml:18: benefits[0].minimum: 这里应写true 或 false，写成了加引号的文字`},
		{"list expected", m, `departments = ["population", "appraisal-agency", "districts"]`, `departments = "population"`,
			`content/measures/3.2.12.toml:3: departments: 这里应写列表 [ … ]，写成了加引号的文字`},
		{"unquoted text", m, `unit       = "元"`, `unit       = 元`,
			`content/measures/3.2.12.toml:16: benefits[0].unit: 元 不是合法的值：文字要加引号，如 "人口计生部门"，金额也写成 "20000"`},
		{"duplicate key", m, `period     = "once"`, "period     = \"once\"\nperiod     = \"month\"",
			`content/measures/3.2.12.toml:18: benefits[0].period: 这个键写了两次（同一处只能写一次）`},
		{"date with slashes", m, `id          = "3.2.12"`, "id          = \"3.2.12\"\npublish     = \"2026/7/1\"",
			`content/measures/3.2.12.toml:2: publish: "2026/7/1" 的写法不对，请写成 "2026-07-01"`},
		{"typo suggestion", m, `level      = "province"`, `levle      = "province"`,
			`content/measures/3.2.12.toml:19: benefits[0].levle: 没有这个键，是不是要写 level？`},
		{"enum", m, `period     = "once"`, `period     = "一次性"`,
			`content/measures/3.2.12.toml:17: benefits[0].period: "一次性" 不是可选的值，可选：once、month、year`},
		{"two keys on a line", m, `unit       = "元"`, `unit       = "元" period = "once"`,
			`content/measures/3.2.12.toml:16: benefits[0].unit: 一行只能写一个“键 = 值”，后面多出了 'p'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := realFS(t)
			old := string(fsys[tt.file].Data)
			if !strings.Contains(old, tt.from) {
				t.Fatalf("content lacks %q", tt.from)
			}
			fsys[tt.file].Data = []byte(strings.Replace(old, tt.from, tt.to, 1))
			_, err := LoadOn(fsys, "content", day)
			if err == nil || err.Error() != tt.want {
				t.Errorf("errors:\n got  %v\n want %s", err, tt.want)
			}
		})
	}
}
