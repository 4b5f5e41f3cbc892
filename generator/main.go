// Command generator builds, checks and serves the policy portal, and runs
// the calculator from the command line. Built once with
// `go build -o gyportal ./generator`, it is the gyportal command:
//
//	gyportal build [--content DIR] [--templates DIR] [--out DIR] [--drafts] [--quiet] [--force]
//	gyportal check [--content DIR] [--templates DIR] [--out DIR]
//	gyportal serve [--content DIR] [--templates DIR] [--addr 127.0.0.1:8080] [--drafts] [--skip-wasm]
//	gyportal calc  [--content DIR] [--date YYYY-MM-DD] [--csv] [--out FILE] [--pretty] [FILE|-]
//
// Usage, --help and every message are in Chinese. Exit status: 0
// success, 1 content or input errors, 2 usage errors.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// progName is the command's name in usage and messages: the binary's
// name ("gyportal"; "generator" under go run).
var progName = "generator"

// command is one subcommand; each registers itself from its own file.
type command struct {
	name    string
	summary string // one line, Chinese
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	if name := filepath.Base(os.Args[0]); name != "" && name != "." {
		progName = strings.TrimSuffix(name, ".exe")
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit code. Without one
// it prints the usage to stderr (exit 2); asked for help (help, --help,
// -h) it prints it to stdout (exit 0); `help build` is `build --help`.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		io.WriteString(stderr, usage())
		return exitUsage
	case args[0] == "help" && len(args) > 1 && commands[args[1]] != nil:
		return commands[args[1]].run([]string{"--help"}, stdin, stdout, stderr)
	case args[0] == "help" || args[0] == "--help" || args[0] == "-help" || args[0] == "-h":
		io.WriteString(stdout, usage())
		return exitOK
	case commands[args[0]] == nil:
		fmt.Fprintf(stderr, "%s：没有 %q 这个命令\n\n%s", progName, args[0], usage())
		return exitUsage
	}
	return commands[args[0]].run(args[1:], stdin, stdout, stderr)
}

// usage is the command's usage, in Chinese.
func usage() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "用法：%s <命令> [选项]\n\n贵阳市计划生育家庭政策网站的生成器和待遇计算器。\n\n命令：\n", progName)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-6s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(&b, "\n每个命令的选项：%s <命令> --help\n退出码：0 成功；1 内容或输入有错误；2 用法错误。\n", progName)
	return b.String()
}
