package main

import (
	"fmt"
	"io"

	"gyportal/generator/build"
)

func init() {
	register(&command{name: "check", summary: "validate what build would publish, writing nothing", run: runCheck})
}

// runCheck runs what `build` would run today, the content's calculator
// test cases included, without writing or compiling anything
// (build.Check); it prints every error found, file:line: key: first.
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	var d dirs
	fs.StringVar(&d.content, "content", "content", "content directory")
	fs.StringVar(&d.templates, "templates", "templates", "templates directory")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
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
