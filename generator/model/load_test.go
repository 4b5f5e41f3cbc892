package model

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"gyportal/calc/errlist"
)

// minimal returns a small valid content tree.
func minimal() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.toml": f("title = \"测试\"\nbase_url = \"https://example.org/\"\n"),
		"document.toml": f(`doc_number = "筑委厅字〔2013〕89号"
issuer = "中共贵阳市委办公厅"
notice_title = "通知"
notice_text = "现予印发"
plan_title = "实施方案"
preamble = "为深入贯彻落实"
signed_date = "2013-06-09"
printed_date = "2013-06-09"
effective = "2013-06-09"
status = "未核实"
status_note = "本平台无法确认方案现在是否仍然执行。"
`),
		"departments.toml": f("[[department]]\nid = \"population\"\nname = \"人口计生部门\"\n"),
		"groups.toml":      f("[[group]]\nid = \"bereaved\"\nname = \"失独家庭\"\n"),
		"adjustment.toml":  f("base_year = 2011\nthreshold = \"0.30\"\n"),
		"measures/3.2.12.toml": f(`id = "3.2.12"
title = "特惠机制"
departments = ["population"]
groups = ["bereaved"]
text = """在省 3 万元的标准上增发 2 万元的一次性抚慰金。"""
summary = "失独家庭再发2万元。"

[[benefits]]
id = "bereaved-province"
name = "省标准"
for = "household"
kind = "cash"
amount = "30000"
period = "once"
level = "province"

[[benefits]]
id = "bereaved-city"
name = "市增发"
for = "household"
kind = "cash"
amount = "20000"
period = "once"
`),
	}
}

func TestLoadMinimal(t *testing.T) {
	p, err := Load(minimal(), "content")
	if err != nil {
		t.Fatal(err)
	}
	c := p.Clause("3.2.12")
	if c == nil || len(c.Benefits) != 2 || c.Benefits[1].Amount.String() != "20000" {
		t.Fatalf("clause not loaded as expected: %+v", c)
	}
	if d := p.Department("population"); len(d.Clauses) != 1 || d.Clauses[0] != c {
		t.Errorf("department not linked to its clause")
	}
	if g := p.Group("bereaved"); len(g.Clauses) != 1 {
		t.Errorf("group not linked to its clause")
	}
}

// TestLoadErrors changes one file of the minimal tree and checks the
// exact messages.
func TestLoadErrors(t *testing.T) {
	m := "measures/3.2.12.toml"
	tests := []struct {
		name       string
		file, from string // replace from with to in file ("" from: whole file)
		to         string
		want       []string
	}{
		{"not a decimal", m, `amount = "20000"`, `amount = "2万"`,
			[]string{`content/measures/3.2.12.toml:22: benefits[1].amount: "2万" 不是数字，金额请写成 "20000"`}},
		{"float amount", m, `amount = "20000"`, `amount = 20000.5`,
			[]string{`content/measures/3.2.12.toml:22: benefits[1].amount: 数字要加引号，请写成 "20000.5"`}},
		{"negative", m, `amount = "30000"`, `amount = "-1"`,
			[]string{`content/measures/3.2.12.toml:13: benefits[0].amount: "-1" 不能是负数`}},
		{"typo in key", m, `period = "once"
level`, `peroid = "once"
level`, []string{
			`content/measures/3.2.12.toml:8: benefits[0].period: 现金待遇要写发放周期 period：once（一次性）、month（每月）或 year（每年）`,
			`content/measures/3.2.12.toml:14: benefits[0].peroid: 没有这个键，是不是要写 period？`}},
		{"unknown department", m, `departments = ["population"]`, `departments = ["populaton"]`,
			[]string{`content/measures/3.2.12.toml:3: departments[0]: 没有 id 为 "populaton" 的部门（departments.toml 里没有），是不是要写 "population"？`}},
		{"unknown group", m, `groups = ["bereaved"]`, `groups = ["bereaved", "nobody"]`,
			[]string{`content/measures/3.2.12.toml:4: groups[1]: 没有 id 为 "nobody" 的人群（groups.toml 里没有）`}},
		{"bad enum", m, `kind = "cash"
amount = "20000"`, `kind = "money"
amount = "20000"`, []string{`content/measures/3.2.12.toml:21: benefits[1].kind: "money" 不是可选的值，可选：cash、service、standard`}},
		{"duplicate benefit", m, `id = "bereaved-city"`, `id = "bereaved-province"`,
			[]string{`content/measures/3.2.12.toml:9: benefits[0].id: 待遇 id "bereaved-province" 重复了（content/measures/3.2.12.toml:18 也是这个 id）`,
				`content/measures/3.2.12.toml:18: benefits[1].id: 待遇 id "bereaved-province" 重复了（content/measures/3.2.12.toml:9 也是这个 id）`}},
		{"file name", m, `id = "3.2.12"`, `id = "3.2.13"`,
			[]string{`content/measures/3.2.12.toml:1: id: 条文 "3.2.13" 必须放在名为 3.2.13.toml 的文件里`}},
		{"broken toml", m, `title = "特惠机制"`, `title = "特惠机制`,
			[]string{`content/measures/3.2.12.toml:2: title: 引号没有配对：一行里的文字要用 " 结束；多行文字请用三个引号 """…"""`}},
		{"missing summary", m, `summary = "失独家庭再发2万元。"`, ``,
			[]string{`content/measures/3.2.12.toml:1: summary: 必须填写`}},
		{"bad date", "document.toml", `effective = "2013-06-09"`, `effective = "2013-13-09"`,
			[]string{`content/document.toml:9: effective: "2013-13-09" 不是日期，请写成 "2013-06-09" 这样的年-月-日`}},
		{"bad base url", "site.toml", `https://example.org/`, `example.org`,
			[]string{`content/site.toml:2: base_url: "example.org" 不是完整的网站地址，必须以 https:// 开头，如 "https://www.example.gov.cn/"`}},
		{"duplicate department", "departments.toml", "", "[[department]]\nid = \"population\"\nname = \"a\"\n[[department]]\nid = \"population\"\nname = \"b\"\n",
			[]string{`content/departments.toml:5: department[1].id: id "population" 重复了（第 2 行已有同样 id 的部门）`}},
		{"bad threshold", "adjustment.toml", `threshold = "0.30"`, `threshold = "30%"`, []string{
			`content/adjustment.toml:2: threshold: "30%" 不是数字，比例请写成小数 "0.30"`}},
		{"zero threshold", "adjustment.toml", `threshold = "0.30"`, `threshold = "0"`, []string{
			`content/adjustment.toml:2: threshold: 必须写一个大于 0 的比例，如 "0.30"`}},
		{"facts and facts_any", "groups.toml", `name = "失独家庭"`, "name = \"失独家庭\"\nfacts = { family = \"bereaved\" }\nfacts_any = [{ dibao = true }, { poor = true }]", []string{
			`content/groups.toml:5: group[0].facts_any: facts 和 facts_any 只能写一个：一种家庭写 facts，几种家庭之一写 facts_any`}},
		{"one facts_any", "groups.toml", `name = "失独家庭"`, "name = \"失独家庭\"\nfacts_any = [{ dibao = true }]", []string{
			`content/groups.toml:4: group[0].facts_any: facts_any 至少要写两种家庭；只有一种请写 facts`}},
		{"missing file", "groups.toml", "", "\x00delete", []string{`content/groups.toml: 找不到这个文件`,
			`content/measures/3.2.12.toml:4: groups[0]: 没有 id 为 "bereaved" 的人群（groups.toml 里没有）`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			switch {
			case tt.to == "\x00delete":
				delete(fsys, tt.file)
			case tt.from == "":
				fsys[tt.file].Data = []byte(tt.to)
			default:
				old := string(fsys[tt.file].Data)
				if !strings.Contains(old, tt.from) {
					t.Fatalf("fixture lacks %q", tt.from)
				}
				fsys[tt.file].Data = []byte(strings.Replace(old, tt.from, tt.to, 1))
			}
			_, err := Load(fsys, "content")
			var list errlist.List
			if !errors.As(err, &list) {
				t.Fatalf("want an errlist.List, got %v", err)
			}
			got := strings.Split(list.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestLessID(t *testing.T) {
	ids := []string{"1", "2", "3.1", "3.2.1", "3.2.2", "3.2.10", "3.2.18", "3.3", "4.1"}
	for i := 0; i+1 < len(ids); i++ {
		if !LessID(ids[i], ids[i+1]) || LessID(ids[i+1], ids[i]) {
			t.Errorf("order of %s and %s", ids[i], ids[i+1])
		}
	}
}

func TestLoadMissingDir(t *testing.T) {
	_, err := Load(os.DirFS("testdata/does-not-exist"), "content")
	if err == nil || err.Error() != "content: 找不到内容目录" {
		t.Errorf("got %v", err)
	}
}

// TestLoadBrokenFileAlone checks that a file that does not parse gives
// one error, not a cascade of "required" errors for its keys.
func TestLoadBrokenFileAlone(t *testing.T) {
	fsys := minimal()
	fsys["document.toml"].Data = []byte("doc_number = \n")
	_, err := Load(fsys, "content")
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.HasPrefix(err.Error(), "content/document.toml:1:") {
		t.Errorf("want one positioned error, got:\n%v", err)
	}
}
