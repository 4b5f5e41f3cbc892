package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"gyportal/generator/build"
	"gyportal/generator/model"
)

func init() {
	register(&command{name: "build", summary: "生成网站到 --out 目录（默认 public）：先做 check 的全部检查，有错误就不发布", run: runBuild})
}

func runBuild(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[--content 目录] [--templates 目录] [--out 目录] [--drafts] [--quiet] [--force] [--keep-builds 3] [--keep-days 7]", buildAbout)
	var d dirs
	d.register(fs)
	quiet := fs.Bool("quiet", false, "成功时什么也不显示")
	drafts := fs.Bool("drafts", false, "也生成草稿（draft = true）的条文，页面标有“草稿”、不让搜索引擎收录；只供内部预览，不要发布")
	force := fs.Bool("force", false, "--out 不是本程序生成的目录时也替换它（其中的文件会被删除）")
	cpuProfile := fs.String("cpuprofile", "", "把生成过程的 CPU 性能数据写入这个`文件`（供开发者用）")
	keep := build.DefaultRetention
	fs.IntVar(&keep.Builds, "keep-builds", keep.Builds, "为发布前已打开的页面保留最近几次生成的带内容哈希的文件（样式、脚本、计算器参数、搜索索引）")
	fs.IntVar(&keep.Days, "keep-days", keep.Days, "早前生成的这些文件至少保留的天数")
	if code, ok := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	if keep.Builds < 0 || keep.Days < 0 {
		fmt.Fprintln(stderr, "--keep-builds 和 --keep-days 不能是负数")
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
	o.Force, o.Log, o.Keep = *force, stderr, &keep
	res, err := build.Build(o)
	if err != nil {
		return reportBuildError(stderr, err)
	}
	for _, w := range res.Plan.Mentions() {
		fmt.Fprintln(stderr, w)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if !*quiet {
		for _, l := range leftOut(res.Plan) {
			fmt.Fprintln(stdout, l)
		}
		if res.Plan.Site.BaseURL == "" {
			fmt.Fprintln(stderr, model.PlaceholderNotice(res.Plan.Site))
		}
		fmt.Fprintln(stdout, summary(d.out, res.Stats, time.Since(start)))
	}
	return exitOK
}

// buildAbout is build's --help text.
const buildAbout = `读入内容和模板，检查（与 check 完全相同，含计算器测试用例），全部通过后生成网站。
网站先生成在 --out 旁边的目录里，成功后才切换过去：生成失败或中途被打断时，
--out 原样不变。草稿和发布日期未到的条文不生成，并在最后列出。`

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
	return fmt.Sprintf("已生成 %s：%d 个文件（另有 %d 个 .gz/.br 压缩文件），比上次新增 %d、修改 %d、删除 %d，本次写入 %d 个文件，为已打开旧页面的读者保留早前生成的文件 %d 个，用时 %s",
		out, s.Files, s.Forms, s.Added, s.Changed, s.Removed, s.Written, s.Kept, seconds(took))
}

// leftOut names the clauses a build leaves out (草稿，未公开：4.3) and,
// in a preview with --drafts, the drafts it shows; one line each kind.
func leftOut(p *model.Plan) []string {
	var drafts, later, shown []string
	for _, c := range p.Withheld {
		if c.Draft {
			drafts = append(drafts, c.ID)
		} else {
			later = append(later, c.ID+"（"+c.Publish.String()+" 公开）")
		}
	}
	for _, c := range p.Clauses {
		if c.Draft {
			shown = append(shown, c.ID)
		}
	}
	var out []string
	for _, l := range []struct {
		head string
		ids  []string
	}{{"草稿，未公开：", drafts}, {"未到发布日期，未公开：", later},
		{"含草稿（--drafts：页面标有“草稿”，不让搜索引擎收录，只供内部预览）：", shown}} {
		if len(l.ids) > 0 {
			out = append(out, l.head+strings.Join(l.ids, "、"))
		}
	}
	return out
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
