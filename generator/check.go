package main

import (
	"fmt"
	"io"
	"time"

	"gyportal/generator/build"
	"gyportal/generator/changes"
	"gyportal/generator/params"
)

func init() {
	register(&command{name: "check", summary: "检查内容（与 build 的检查完全相同，含计算器测试用例），什么也不写", run: runCheck})
}

// runCheck runs what `build` would run today, the content's calculator
// test cases included, without writing or compiling anything
// (build.Check); it prints every error found, file:line: key: first.
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--content 目录] [--templates 目录] [--out 目录]", checkAbout)
	var d dirs
	d.register(fs)
	fs.Lookup("out").Usage = "build 生成网站的`目录`：检查通过后，列出发布到这里会带来的变化"
	if code, ok := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	o := d.options(false)
	res, err := build.Check(o)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	for _, w := range res.Plan.Mentions() {
		fmt.Fprintln(stderr, w)
	}
	for _, l := range leftOut(res.Plan) {
		fmt.Fprintln(stdout, l)
	}
	fmt.Fprintln(stdout, checkSummary(o.ContentName, res))
	if res.Changes == nil {
		return exitOK
	}
	return printChanges(stdout, stderr, d.out, res, o.Today)
}

// printChanges says what publishing would change in out, the build
// check compared with.
func printChanges(stdout, stderr io.Writer, out string, res *build.Result, today time.Time) int {
	lines, err := changeLines(res, today)
	if err != nil {
		fmt.Fprintf(stderr, "%s：无法比较：%v\n", out, err)
		return exitContent
	}
	if len(lines) == 0 {
		fmt.Fprintf(stdout, "与 %s 里已生成的网站相比：发布后没有变化\n", out)
		return exitOK
	}
	fmt.Fprintf(stdout, "与 %s 里已生成的网站相比，发布后：\n", out)
	for _, l := range lines {
		fmt.Fprintln(stdout, "  "+l)
	}
	return exitOK
}

// maxPages is how many pages of each kind (added, removed, changed)
// check lists; the rest are counted.
const maxPages = 20

// changeLines says what publishing would change in the build check
// compared with: the pages, the other files, the amounts benefit by
// benefit, the calculator test cases whose answers change.
func changeLines(res *build.Result, today time.Time) ([]string, error) {
	ch := res.Changes
	var out []string
	others := 0
	for _, k := range []struct {
		what  string
		files []string
	}{{"新增页面", ch.Added}, {"删除页面", ch.Removed}, {"修改页面", ch.Changed}} {
		pages, n := changes.Pages(k.files)
		others += n
		for i, p := range pages {
			if i == maxPages {
				out = append(out, fmt.Sprintf("……另有 %d 个%s", len(pages)-maxPages, k.what))
				break
			}
			out = append(out, k.what+" "+p)
		}
	}
	if others > 0 {
		out = append(out, fmt.Sprintf("（另有 %d 个数据、搜索索引等文件改变）", others))
	}
	bs, err := changes.Benefits(ch.Dir, res.Plan)
	if err != nil {
		return nil, err
	}
	cp, err := params.Check(res.Plan)
	if err != nil {
		return nil, err
	}
	cs, err := changes.Cases(ch.Dir, res.Plan, cp, today)
	return append(append(out, bs...), cs...), err
}

// checkAbout is check's --help text.
const checkAbout = `做 build 今天会做的全部检查：内容、模板、计算器参数、计算器测试用例（content/tests）、
每一页。不写任何文件、不编译计算器。check 通过的，build 就能发布；build 拒绝的，
check 用同样的话拒绝。每条错误以“文件:行: 键:”开头。

--out 目录里有 build 生成的网站时，检查通过后再列出发布会带来的变化：新增、删除、
修改的页面，逐项待遇的金额（旧 → 新），新增和移除的待遇，结果会变的计算器测试用例。
计算器程序本身的改动不在其中（check 不编译计算器）。`

// checkSummary is check's one-line report.
func checkSummary(name string, res *build.Result) string {
	p := res.Plan
	hidden := ""
	if n := len(res.Full.Clauses) - len(p.Clauses); n > 0 {
		hidden = fmt.Sprintf("（另有 %d 条是草稿或未到发布日期，不公开）", n)
	}
	return fmt.Sprintf("%s：检查通过。网站今天公开 %d 条条款%s、%d 个责任部门、%d 类人群，共 %d 个文件；%d 个计算器测试用例全部通过",
		name, len(p.Clauses), hidden, len(p.Departments), len(p.Groups), res.Stats.Files, len(p.Cases))
}
