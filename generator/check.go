package main

import (
	"fmt"
	"io"

	"gyportal/generator/build"
)

func init() {
	register(&command{name: "check", summary: "检查内容（与 build 的检查完全相同，含计算器测试用例），什么也不写", run: runCheck})
}

// runCheck runs what `build` would run today, the content's calculator
// test cases included, without writing or compiling anything
// (build.Check); it prints every error found, file:line: key: first.
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--content 目录] [--templates 目录]", checkAbout)
	var d dirs
	d.register(fs)
	if code, ok := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	o := d.options(false)
	res, err := build.Check(o)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	for _, l := range leftOut(res.Plan) {
		fmt.Fprintln(stdout, l)
	}
	fmt.Fprintln(stdout, checkSummary(o.ContentName, res))
	return exitOK
}

// checkAbout is check's --help text.
const checkAbout = `做 build 今天会做的全部检查：内容、模板、计算器参数、计算器测试用例（content/tests）、
每一页。不写任何文件、不编译计算器。check 通过的，build 就能发布；build 拒绝的，
check 用同样的话拒绝。每条错误以“文件:行: 键:”开头。`

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
