package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
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
	force := fs.Bool("force", false, "replace an --out directory that is not a build's output (its files are deleted)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for developers)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	if *cpuProfile != "" {
		stop, err := startProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		defer stop()
	}
	if os.Getenv("GOGC") == "" {
		// A build is short and its peak (the search index built beside
		// the pages) is what counts: collecting twice as often costs a
		// few per cent of CPU and saves a quarter of the peak memory.
		debug.SetGCPercent(50)
	}
	start := time.Now()
	o := d.options(*drafts)
	o.Force, o.Log = *force, stderr
	res, err := build.Build(o)
	if err != nil {
		return reportBuildError(stderr, err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if !*quiet {
		if res.Plan.Site.BaseURL == "" {
			fmt.Fprintln(stderr, model.PlaceholderNotice(res.Plan.Site))
		}
		fmt.Fprintln(stdout, summary(d.out, res.Stats, time.Since(start)))
	}
	return exitOK
}

// options turns the directory flags into build options.
func (d *dirs) options(drafts bool) build.Options {
	return build.Options{
		Content: os.DirFS(d.content), ContentName: filepath.ToSlash(filepath.Clean(d.content)), ContentDir: d.content,
		Templates: os.DirFS(d.templates), TemplatesName: filepath.ToSlash(filepath.Clean(d.templates)), TemplatesDir: d.templates,
		Out: d.out, Today: today(), Drafts: drafts,
	}
}

// today is the calendar date in Guiyang (Asia/Shanghai), as UTC
// midnight, whatever the host's time zone.
func today() time.Time { return model.Today(time.Now()) }

// summary is build's one-line report.
func summary(out string, s build.Stats, took time.Duration) string {
	return fmt.Sprintf("已生成 %s：%d 个文件（另有 %d 个 .gz/.br 压缩文件），比上次新增 %d、修改 %d、删除 %d，本次写入 %d 个文件，用时 %s",
		out, s.Files, s.Forms, s.Added, s.Changed, s.Removed, s.Written, seconds(took))
}

// seconds formats a duration for staff: "1.25 秒".
func seconds(d time.Duration) string {
	return fmt.Sprintf("%.2f 秒", d.Seconds())
}

// startProfile starts a CPU profile into name; stop ends it.
func startProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// reportBuildError prints a failed build's errors (content errors one
// per line, file:line: key: message) and returns the exit code.
func reportBuildError(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	return exitContent
}
