package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gyportal/generator/build"
	"gyportal/generator/model"
)

func init() {
	register(&command{name: "build", summary: "build the site into --out", run: runBuild})
}

func runBuild(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var d dirs
	d.register(fs)
	quiet := fs.Bool("quiet", false, "print nothing on success")
	drafts := fs.Bool("drafts", false, "include draft clauses")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	start := time.Now()
	res, err := build.Build(d.options(*drafts))
	if err != nil {
		return reportBuildError(stderr, err)
	}
	if !*quiet {
		fmt.Fprintln(stdout, summary(res.Stats, time.Since(start)))
	}
	return exitOK
}

// options turns the directory flags into build options.
func (d *dirs) options(drafts bool) build.Options {
	return build.Options{
		Content: os.DirFS(d.content), ContentName: filepath.ToSlash(filepath.Clean(d.content)),
		Templates: os.DirFS(d.templates), TemplatesName: filepath.ToSlash(filepath.Clean(d.templates)),
		Out: d.out, Today: today(), Drafts: drafts,
	}
}

// today is Guiyang's calendar date, as UTC midnight, whatever the host's
// time zone.
func today() time.Time { return model.Today(time.Now()) }

// summary is build's one-line report.
func summary(s build.Stats, took time.Duration) string {
	return fmt.Sprintf("built %d files: %d added, %d changed, %d removed in %s",
		s.Written, s.Added, s.Changed, s.Removed, took.Round(time.Millisecond))
}

// reportBuildError prints a failed build's errors (content errors one
// per line, file:line: key: message) and returns the exit code.
func reportBuildError(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	return exitContent
}
