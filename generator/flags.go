package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// dirs are the directory flags shared by build, check and serve.
type dirs struct {
	content, templates, out string
}

func (d *dirs) register(fs *cmdFlags) {
	fs.StringVar(&d.content, "content", "content", "内容`目录`：条文、部门、人群、计算器测试用例")
	fs.StringVar(&d.templates, "templates", "templates", "模板`目录`")
	fs.StringVar(&d.out, "out", "public", "输出`目录`：网站生成到这里")
}

// cmdFlags is a subcommand's flag set with its help, in Chinese.
type cmdFlags struct {
	*flag.FlagSet
	name     string // the subcommand: "build"
	synopsis string // what follows the name in the usage line
	about    string // what the command does, one paragraph or more
}

// newFlags returns the flag set of subcommand name; parse reports its
// errors and prints its help.
func newFlags(name, synopsis, about string) *cmdFlags {
	fs := flag.NewFlagSet(progName+" "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &cmdFlags{FlagSet: fs, name: name, synopsis: synopsis, about: about}
}

// parse parses args. On --help it prints the help to stdout; on a usage
// error (an unknown flag, a stray argument) it says so in Chinese on
// stderr. ok is false when the command is to stop, with exit code code.
func (f *cmdFlags) parse(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := f.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, f.help())
		return exitOK, false
	case err != nil:
		return usageErr(stderr, f.name, flagErrText(err)), false
	case f.NArg() > 0:
		return usageErr(stderr, f.name, fmt.Sprintf("多余的参数 %q（这个命令不接受参数，只接受选项）", f.Arg(0))), false
	}
	return exitOK, true
}

// help is the subcommand's --help text.
func (f *cmdFlags) help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "用法：%s %s %s\n\n%s\n\n选项：\n", progName, f.name, f.synopsis, strings.TrimSpace(f.about))
	f.VisitAll(func(fl *flag.Flag) {
		arg, usage := flag.UnquoteUsage(fl)
		left := "--" + fl.Name
		if _, isBool := fl.Value.(interface{ IsBoolFlag() bool }); !isBool {
			left += " " + arg
		}
		if fl.DefValue != "" && fl.DefValue != "false" {
			usage += "（默认 " + fl.DefValue + "）"
		}
		fmt.Fprintf(&b, "  %s%s%s\n", left, strings.Repeat(" ", max(2, 20-width(left))), usage)
	})
	fmt.Fprintf(&b, "  --help%s显示本说明\n\n退出码：0 成功；1 内容或输入有错误；2 用法错误。\n", strings.Repeat(" ", 14))
	return b.String()
}

// width is the width of s in a terminal: Chinese characters take two
// columns.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 {
			n++
		}
	}
	return n
}

// usageErr prints a usage error of subcommand name and returns exitUsage.
func usageErr(stderr io.Writer, name, msg string) int {
	fmt.Fprintf(stderr, "%s %s：%s（用法见 %s %s --help）\n", progName, name, msg, progName, name)
	return exitUsage
}

// flagErrText is the flag package's error in Chinese.
func flagErrText(err error) string {
	msg := err.Error()
	for _, t := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", "未知选项 "},
		{"flag needs an argument: ", "选项需要一个值："},
		{"invalid boolean value ", "开关选项的值无效："},
		{"invalid value ", "选项的值无效："},
		{"bad flag syntax: ", "选项写法有误："},
	} {
		if rest, ok := strings.CutPrefix(msg, t.prefix); ok {
			return t.zh + rest
		}
	}
	return msg
}
