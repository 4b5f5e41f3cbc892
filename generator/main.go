// Command generator builds, checks and serves the policy portal, and runs
// the calculator from the command line.
//
//	go run ./generator build [--content DIR] [--templates DIR] [--out DIR] [--quiet]
//	go run ./generator serve [same flags] [--addr 127.0.0.1:8080] [--drafts]
//	go run ./generator check [--content DIR]
//	go run ./generator calc  [--content DIR] [--date YYYY-MM-DD] [--csv] [FILE|-]
//
// Exit status: 0 success, 1 content or input errors, 2 usage errors.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// command is one subcommand; each registers itself from its own file.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || commands[args[0]] == nil {
		usage(stderr)
		return exitUsage
	}
	return commands[args[0]].run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: generator <command> [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-6s %s\n", n, commands[n].summary)
	}
	io.WriteString(w, b.String())
}
