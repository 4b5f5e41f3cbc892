package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gyportal/generator/model"
)

func init() {
	register(&command{name: "check", summary: "validate content only", run: runCheck})
}

// runCheck loads and validates the content and runs its calculator test
// cases; it prints every error found.
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	content := fs.String("content", "content", "content directory")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	name := filepath.ToSlash(filepath.Clean(*content))
	plan, err := model.Load(os.DirFS(*content), name)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	if errs := checkCases(plan); len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return exitContent
	}
	fmt.Fprintf(stdout, "%s: %d clauses, %d departments, %d groups, %d calculator cases: ok\n",
		name, len(plan.Clauses), len(plan.Departments), len(plan.Groups), len(plan.Cases))
	return exitOK
}

// checkCases runs the content's calculator test cases. The calculator
// command (calccmd.go) replaces it.
var checkCases = func(*model.Plan) []error { return nil }
