package main

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// edit is one change a staff member makes to a content file: the first
// old becomes new (an empty old puts new at the top of the file).
type edit struct {
	file, old, new string
}

// apply makes the edit in the content directory dir.
func (e edit) apply(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, e.file)
	b := string(mustRead(t, p))
	if e.old != "" && !strings.Contains(b, e.old) {
		t.Fatalf("%s has no %q", e.file, e.old)
	}
	if e.old == "" {
		b = e.new + b
	} else {
		b = strings.Replace(b, e.old, e.new, 1)
	}
	if err := writeFile(p, b); err != nil {
		t.Fatal(err)
	}
}

func writeFile(name, data string) error { return os.WriteFile(name, []byte(data), 0o644) }

// badEdits are edits check and build must both refuse, each with every
// line they print.
var badEdits = []struct {
	name  string
	edits []edit
	want  []string
}{
	{"amount the cases contradict", []edit{{"measures/3.2.12.toml", `amount     = "20000"`, `amount     = "25000"`}}, []string{
		`content/tests/3.2.12-bereaved-complication.toml:7: case "城镇失独家庭：省3万元加市增发2万元": once 应为 50000.00，实际为 55000.00`,
		`content/tests/3.2.12-bereaved-complication.toml:19: case "农村失独家庭：同样是5万元": once 应为 50000.00，实际为 55000.00`,
		`content/tests/3.2.12-bereaved-complication.toml:84: case "方案施行当天：失独家庭5万元": once 应为 50000.00，实际为 55000.00`,
		`content/tests/readings.toml:4: case "农村失独家庭2口人，低保，当地低保标准3000元：失独家庭算独生子女户，3.2.4每年增发1200元": once 应为 50000.00，实际为 55000.00`,
		`content/tests/readings.toml:34: case "失独家庭没有在世的子女：不享受项目发展基金和高校录取奖励": once 应为 50000.00，实际为 55000.00`,
	}},
	{"benefit group outside its clause's", []edit{{"measures/3.2.12.toml", `groups     = ["bereaved"]`, `groups     = ["only-child"]`}}, []string{
		`content/measures/3.2.12.toml:13: benefits[0].groups[0]: 人群 "only-child" 不在本条的人群里：待遇的人群要从本条的 groups（第 4 行）里选；请把 "only-child" 加到第 4 行，或从这里删去`,
	}},
	{"draft the cases expect", []edit{{"measures/3.2.12.toml", "", "draft = true\n"}}, []string{
		`content/measures/3.2.12.toml:1: draft: 本条是草稿，不公开；计算器不计算本条的待遇，期望本条待遇的计算器测试用例因此不通过（见下）：请一并修改这些用例，或去掉 draft = true`,
		`content/tests/3.2.12-bereaved-complication.toml:7: case "城镇失独家庭：省3万元加市增发2万元": once 应为 50000.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:7: case "城镇失独家庭：省3万元加市增发2万元": 发放现金的条款应为 [3.2.12]，实际为 []`,
		`content/tests/3.2.12-bereaved-complication.toml:19: case "农村失独家庭：同样是5万元": once 应为 50000.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:19: case "农村失独家庭：同样是5万元": 发放现金的条款应为 [3.2.12]，实际为 []`,
		`content/tests/3.2.12-bereaved-complication.toml:29: case "并发症一级：一次性抚慰金2万元": once 应为 20000.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:29: case "并发症一级：一次性抚慰金2万元": 发放现金的条款应为 [3.2.12]，实际为 []`,
		`content/tests/3.2.12-bereaved-complication.toml:41: case "并发症二级：每月1000元": month 应为 1000.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:52: case "并发症三级：每月500元": month 应为 500.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:62: case "并发症四级：每月500元": month 应为 500.00，实际为 0.00`,
		`content/tests/3.2.12-bereaved-complication.toml:84: case "方案施行当天：失独家庭5万元": once 应为 50000.00，实际为 0.00`,
		`content/tests/3.2.12-students.toml:6: case "农村独女户，女儿考上大学：奖励1000元": once 应为 1000.00，实际为 0.00`,
		`content/tests/3.2.12-students.toml:6: case "农村独女户，女儿考上大学：奖励1000元": 发放现金的条款应为 [3.2.12]，实际为 []`,
		`content/tests/3.2.12-students.toml:17: case "农村二女户低保家庭，一个女儿考上大学：奖励6000元（不再另加1000元），另有低保增发补助和“三结合”现金帮扶（低保家庭算作计划生育贫困家庭）": once 应为 6000.00，实际为 0.00`,
		`content/tests/3.2.12-students.toml:17: case "农村二女户低保家庭，一个女儿考上大学：奖励6000元（不再另加1000元），另有低保增发补助和“三结合”现金帮扶（低保家庭算作计划生育贫困家庭）": 发放现金的条款应为 [3.2.4, 3.2.12, 3.2.17]，实际为 [3.2.4, 3.2.17]`,
		`content/tests/3.2.12-students.toml:43: case "夫妇一方残疾，孩子分别读小学、初中、中职、大学：500+1000+3000+5000": year 应为 9500.00，实际为 0.00`,
		`content/tests/3.2.12-students.toml:43: case "夫妇一方残疾，孩子分别读小学、初中、中职、大学：500+1000+3000+5000": 发放现金的条款应为 [3.2.12]，实际为 []`,
		`content/tests/readings.toml:4: case "农村失独家庭2口人，低保，当地低保标准3000元：失独家庭算独生子女户，3.2.4每年增发1200元": once 应为 50000.00，实际为 0.00`,
		`content/tests/readings.toml:4: case "农村失独家庭2口人，低保，当地低保标准3000元：失独家庭算独生子女户，3.2.4每年增发1200元": 发放现金的条款应为 [3.2.4, 3.2.12, 3.2.17]，实际为 [3.2.4, 3.2.17]`,
		`content/tests/readings.toml:19: case "农村独女户低保家庭，女儿考上大学，不清楚当地低保标准：6000元奖励照样计算，低保增发补助待补充，不算作0": once 应为 6000.00，实际为 0.00`,
		`content/tests/readings.toml:19: case "农村独女户低保家庭，女儿考上大学，不清楚当地低保标准：6000元奖励照样计算，低保增发补助待补充，不算作0": 发放现金的条款应为 [3.2.12, 3.2.17]，实际为 [3.2.17]`,
		`content/tests/readings.toml:34: case "失独家庭没有在世的子女：不享受项目发展基金和高校录取奖励": once 应为 50000.00，实际为 0.00`,
		`content/tests/readings.toml:34: case "失独家庭没有在世的子女：不享受项目发展基金和高校录取奖励": 发放现金的条款应为 [3.2.12]，实际为 []`,
	}},
	{"scheduled clause the cases expect", []edit{{"measures/3.2.11.toml", "", "publish = \"2099-01-01\"\n"}}, []string{
		`content/measures/3.2.11.toml:1: publish: 本条要到 2099-01-01 才公开；计算器不计算本条的待遇，期望本条待遇的计算器测试用例因此不通过（见下）：请一并修改这些用例，或改 publish 的日期`,
		`content/tests/3.2.11-medical.toml:4: case "自付12000元：(12000 − 5000) × 50% = 3500元": year 应为 3500.00，实际为 0.00`,
		`content/tests/3.2.11-medical.toml:4: case "自付12000元：(12000 − 5000) × 50% = 3500元": 发放现金的条款应为 [3.2.11]，实际为 []`,
		`content/tests/3.2.11-medical.toml:36: case "自付5000.01元：0.005元四舍五入为0.01元": year 应为 0.01，实际为 0.00`,
		`content/tests/3.2.11-medical.toml:46: case "不设封顶线：自付105000元报销50000元": year 应为 50000.00，实际为 0.00`,
		`content/tests/readings.toml:4: case "农村失独家庭2口人，低保，当地低保标准3000元：失独家庭算独生子女户，3.2.4每年增发1200元": 待补充情况的待遇应为 [serious-illness-reimbursement]，实际为 []`,
		`content/tests/readings.toml:19: case "农村独女户低保家庭，女儿考上大学，不清楚当地低保标准：6000元奖励照样计算，低保增发补助待补充，不算作0": 待补充情况的待遇应为 [dibao-supplement, serious-illness-reimbursement]，实际为 [dibao-supplement]`,
		`content/tests/readings.toml:68: case "新农合报销后自付5000.01元：超过的0.01元按50%报销，四舍五入到分为0.01元": year 应为 0.01，实际为 0.00`,
		`content/tests/readings.toml:68: case "新农合报销后自付5000.01元：超过的0.01元按50%报销，四舍五入到分为0.01元": 发放现金的条款应为 [3.2.11]，实际为 []`,
	}},
	{"duplicate benefit id", []edit{{"measures/3.2.11.toml", `id         = "serious-illness-reimbursement"`, `id         = "bereaved-city"`}}, []string{
		`content/measures/3.2.11.toml:10: benefits[0].id: 待遇 id "bereaved-city" 重复了（content/measures/3.2.12.toml:27 也是这个 id）`,
		`content/measures/3.2.12.toml:27: benefits[1].id: 待遇 id "bereaved-city" 重复了（content/measures/3.2.11.toml:10 也是这个 id）`,
		`content/tests/readings.toml:17: case[0].expect.pending[0]: 没有 id 为 "serious-illness-reimbursement" 的待遇（content/measures 里没有）`,
		`content/tests/readings.toml:32: case[1].expect.pending[1]: 没有 id 为 "serious-illness-reimbursement" 的待遇（content/measures 里没有）`,
	}},
	{"clause group typo", []edit{{"measures/3.2.12.toml", `groups      = ["bereaved",`, `groups      = ["bereavd",`}}, []string{
		`content/measures/3.2.12.toml:4: groups[0]: 没有 id 为 "bereavd" 的人群（groups.toml 里没有），是不是要写 "bereaved"？`,
	}},
	{"department typo", []edit{{"measures/3.2.4.toml", `departments = ["civil-affairs"]`, `departments = ["civil-afairs"]`}}, []string{
		`content/measures/3.2.4.toml:3: departments[0]: 没有 id 为 "civil-afairs" 的部门（departments.toml 里没有），是不是要写 "civil-affairs"？`,
	}},
	{"amount in words", []edit{{"measures/3.2.12.toml", `amount     = "20000"`, `amount     = "2万"`}}, []string{
		`content/measures/3.2.12.toml:32: benefits[1].amount: "2万" 不是数字，金额请写成 "20000"`,
	}},
	{"unknown key", []edit{{"measures/3.2.12.toml", `title       =`, `titel       =`}}, []string{
		`content/measures/3.2.12.toml:1: title: 必须填写`,
		`content/measures/3.2.12.toml:2: titel: 没有这个键，是不是要写 title？`,
	}},
	{"TOML syntax", []edit{{"measures/3.2.12.toml", `title       = "`, `title       = `}}, []string{
		`content/measures/3.2.12.toml:2: title: 人口计生部门 不是合法的值：文字要加引号，如 "人口计生部门"，金额也写成 "20000"`,
	}},
	{"benefit kind", []edit{{"measures/3.2.12.toml", `kind       = "cash"`, `kind       = "money"`}}, []string{
		`content/measures/3.2.12.toml:14: benefits[0].kind: "money" 不是可选的值，可选：cash、service、standard`,
	}},
	{"publish date", []edit{{"measures/3.2.12.toml", "", "publish = \"2024-13-01\"\n"}}, []string{
		`content/measures/3.2.12.toml:1: publish: "2024-13-01" 不是日期，请写成 "2013-06-09" 这样的年-月-日`,
	}},
	{"case expectation", []edit{{"tests/3.2.12-students.toml", `once    = "1000.00"`, `once    = "2000.00"`}}, []string{
		`content/tests/3.2.12-students.toml:6: case "农村独女户，女儿考上大学：奖励1000元": once 应为 2000.00，实际为 1000.00`,
	}},
	{"case expects a clause that does not exist", []edit{{"tests/3.2.12-students.toml", `clauses = ["3.2.12"]`, `clauses = ["3.2.21"]`}}, []string{
		`content/tests/3.2.12-students.toml:15: case[0].expect.clauses[0]: 没有 id 为 "3.2.21" 的条文（content/measures 里没有），是不是要写 "3.2.12"？`,
	}},
	{"case expects a benefit that does not exist", []edit{{"tests/readings.toml", `pending = ["serious-illness-reimbursement"]`, `pending = ["serious-ilness-reimbursement"]`}}, []string{
		`content/tests/readings.toml:17: case[0].expect.pending[0]: 没有 id 为 "serious-ilness-reimbursement" 的待遇（content/measures 里没有），是不是要写 "serious-illness-reimbursement"？`,
	}},
	{"adjustment threshold", []edit{{"adjustment.toml", `threshold = "0.30"`, `threshold = "0"`}}, []string{
		`content/adjustment.toml:4: threshold: 必须写一个大于 0 的比例，如 "0.30"`,
	}},
	{"duplicate department", []edit{{"departments.toml", `id   = "discipline-inspection"`, `id   = "civil-affairs"`}}, []string{
		`content/departments.toml:156: department[28].id: id "civil-affairs" 重复了（第 31 行已有同样 id 的部门）`,
		`content/measures/4.3.toml:3: departments[1]: 没有 id 为 "discipline-inspection" 的部门（departments.toml 里没有）`,
	}},
	{"cash without period", []edit{{"measures/3.2.12.toml", `period     = "once"`, ``}}, []string{
		`content/measures/3.2.12.toml:9: benefits[0].period: 现金待遇要写发放周期 period：once（一次性）、month（每月）或 year（每年）`,
	}},
}

// TestOneValidation makes each bad edit in a copy of the content and
// runs check and build on it: both exit 1 with the same lines, and the
// build leaves the site it built before exactly as it was.
func TestOneValidation(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	good := copyContent(t)
	var stdout, stderr bytes.Buffer
	if c := run([]string{"build", "--content", good, "--templates", "../templates", "--out", out}, nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("good build: exit %d\n%s", c, stderr.String())
	}
	built := regexp.MustCompile(`：(\d+) 个文件`).FindStringSubmatch(stdout.String())
	stdout.Reset()
	if c := run([]string{"check", "--content", good, "--templates", "../templates"}, nil, &stdout, &stderr); c != exitOK ||
		built == nil || !strings.Contains(stdout.String(), "共 "+built[1]+" 个文件；") {
		t.Fatalf("check and build count different files: %q, build %q", stdout.String(), built)
	}
	before := snapshot(t, out)
	for _, tc := range badEdits {
		t.Run(tc.name, func(t *testing.T) {
			content := copyContent(t)
			for _, e := range tc.edits {
				e.apply(t, content)
			}
			flags := []string{"--content", content, "--templates", "../templates"}
			var got [2]string
			for i, args := range [][]string{append([]string{"check"}, flags...), append(append([]string{"build"}, flags...), "--out", out)} {
				var stdout, stderr bytes.Buffer
				if c := run(args, nil, &stdout, &stderr); c != exitContent || stdout.Len() != 0 {
					t.Errorf("%s: exit %d, stdout %q, want exit %d and nothing", args[0], c, stdout.String(), exitContent)
				}
				got[i] = strings.ReplaceAll(stderr.String(), content, "content")
			}
			if got[0] != got[1] {
				t.Errorf("check and build differ:\ncheck:\n%s\nbuild:\n%s", got[0], got[1])
			}
			if want := strings.Join(tc.want, "\n") + "\n"; got[1] != want {
				t.Errorf("build says:\n%s\nwant:\n%s", got[1], want)
			}
			if after := snapshot(t, out); after != before {
				t.Error("the failed build changed the published site")
			}
		})
	}
}

// snapshot is a digest of every file name and content the site at out
// shows, followed through its symbolic link.
func snapshot(t *testing.T, out string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(out+"/", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(h.Sum(nil))
}
