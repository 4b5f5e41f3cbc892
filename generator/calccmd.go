package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gyportal/calc"
	"gyportal/calc/batch"
	"gyportal/calc/batch/sheet"
	"gyportal/calc/errlist"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

func init() {
	register(&command{name: "calc", summary: "计算家庭待遇（JSON、CSV 或 .xlsx 登记表）", run: runCalc})
}

// calcOptions are the calc command's flags and argument.
type calcOptions struct {
	content, date, out, file string
	csv, pretty              bool
	today                    string // the date used for households without one
}

// sheet reports whether the input is a register (CSV or .xlsx).
func (o *calcOptions) sheet() bool { return o.csv || sheet.IsXLSX(o.file) }

// name is how messages name the input.
func (o *calcOptions) name() string {
	if o.file == "" || o.file == "-" {
		return "stdin"
	}
	return o.file
}

func runCalc(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, code := parseCalc(args, stdout, stderr)
	if o == nil {
		return code
	}
	cp, code := loadParams(o.content, stderr)
	if cp == nil {
		return code
	}
	if o.sheet() {
		return calcSheet(o, cp, stdin, stdout, stderr)
	}
	return calcJSON(o, cp, stdin, stdout, stderr)
}

// parseCalc reads the flags; on a usage error (or --help) it returns nil
// and the exit code.
func parseCalc(args []string, stdout, stderr io.Writer) (*calcOptions, int) {
	o := &calcOptions{}
	fs := flag.NewFlagSet(progName+" calc", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.content, "content", "content", "")
	fs.StringVar(&o.date, "date", "", "")
	fs.StringVar(&o.out, "out", "", "")
	fs.BoolVar(&o.csv, "csv", false, "")
	fs.BoolVar(&o.pretty, "pretty", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(stdout, calcUsage())
			return nil, exitOK
		}
		return nil, usageErr(stderr, "calc", flagErrText(err))
	}
	if fs.NArg() > 1 {
		return nil, usageErr(stderr, "calc", "最多一个输入文件")
	}
	o.file = fs.Arg(0)
	o.today = today().Format(time.DateOnly)
	if o.date != "" {
		if d, err := time.Parse(time.DateOnly, o.date); err != nil || d.Format(time.DateOnly) != o.date {
			return nil, usageErr(stderr, "calc", fmt.Sprintf("--date %q 不是日期，应写成 YYYY-MM-DD", o.date))
		}
		o.today = o.date
	}
	if msg := o.check(); msg != "" {
		return nil, usageErr(stderr, "calc", msg)
	}
	return o, exitOK
}

// check returns what is wrong with a combination of flags, or "".
func (o *calcOptions) check() string {
	ext := strings.ToLower(filepath.Ext(o.out))
	switch {
	case o.sheet() && o.pretty:
		return "--pretty 只用于 JSON 的答案（登记表的答案是 CSV 或 .xlsx）"
	case !o.sheet() && (ext == ".csv" || ext == ".xlsx"):
		return "JSON 输入的答案是 JSON：--out 请用 .json 文件；登记表请加 --csv 或用 .xlsx 文件"
	case o.out != "" && o.file != "" && o.file != "-" && sameFile(o.out, o.file):
		return "--out 不能是输入文件本身（会覆盖登记表）"
	}
	return ""
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// calcSheet answers a register (CSV or .xlsx) and returns the exit code.
// With --out, the file is written only when the register's header could
// be read; it then holds every row answered.
func calcSheet(o *calcOptions, cp *calc.Params, stdin io.Reader, stdout, stderr io.Writer) int {
	src, err := sheet.Open(o.file, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", o.name(), fileErrText(err))
		return exitContent
	}
	defer src.Close()
	var dst sheet.Writer = sheet.NewCSVWriter(stdout)
	var file *sheet.Output
	if o.out != "" {
		if file, err = sheet.Create(o.out); err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", o.out, fileErrText(err))
			return exitContent
		}
		dst = file
	}
	rep := newReporter(o.name(), stderr)
	sum, err := batch.Sheet(src, dst, cp, rep.options(o.today))
	if !sum.Started && file != nil {
		file.Abort()
	}
	return rep.finish(sum, err, "行", "这些行不在答案中")
}

// calcJSON answers households written as JSON and returns the exit code.
func calcJSON(o *calcOptions, cp *calc.Params, stdin io.Reader, stdout, stderr io.Writer) int {
	in := stdin
	if o.file != "" && o.file != "-" {
		f, err := os.Open(o.file)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", o.name(), fileErrText(err))
			return exitContent
		}
		defer f.Close()
		in = f
	}
	out := stdout
	var file *sheet.File
	if o.out != "" {
		var err error
		if file, err = sheet.CreateFile(o.out); err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", o.out, fileErrText(err))
			return exitContent
		}
		out = file
	}
	rep := newReporter(o.name(), stderr)
	sum, err := batch.JSON(in, out, cp, rep.options(o.today), o.pretty)
	if file != nil {
		if cerr := file.Commit(); cerr != nil && err == nil {
			err = fmt.Errorf("%s: %s", o.out, fileErrText(cerr))
		}
	}
	return rep.finish(sum, err, "户", "答案中以 null 占位")
}

// fileErrText explains an error opening or writing a file.
func fileErrText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或目录不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	}
	return err.Error()
}

// maxReported is how many errors of households are printed; the rest
// are counted.
const maxReported = 200

// reporter prints the errors of a run to stderr, under the input's name,
// and a progress line when stderr is a terminal.
type reporter struct {
	name     string
	w        io.Writer
	progress *batch.Progress
	reported int
}

func newReporter(name string, stderr io.Writer) *reporter {
	r := &reporter{name: name, w: stderr}
	if isTerminal(stderr) {
		r.progress = &batch.Progress{W: stderr}
	}
	return r
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// options are the run's options: its date, errors and progress.
func (r *reporter) options(today string) batch.Options {
	opt := batch.Options{Today: today, File: r.name, Report: r.report}
	if r.progress != nil {
		opt.Progress = r.progress.Update
	}
	return opt
}

// report prints one household's error, up to maxReported.
func (r *reporter) report(err error) {
	if r.reported++; r.reported <= maxReported {
		r.line(err)
	}
}

// line prints one error: a positioned one as it is (it names its file),
// any other under the input's name.
func (r *reporter) line(err error) {
	if r.progress != nil {
		r.progress.Clear()
	}
	if e, ok := err.(*errlist.Error); ok && e.File != "" {
		fmt.Fprintln(r.w, e)
		return
	}
	fmt.Fprintf(r.w, "%s: %v\n", r.name, err)
}

// finish prints the error that ended the run, if any, and a count of the
// households with errors (unit 行 or 户; left says what became of them);
// it returns the exit code.
func (r *reporter) finish(sum batch.Summary, err error, unit, left string) int {
	if err != nil {
		for _, e := range errlist.Split(err) {
			r.line(e)
		}
	}
	if r.progress != nil {
		r.progress.Clear()
	}
	if r.reported > maxReported {
		fmt.Fprintf(r.w, "%s: ……另有 %d 条错误未列出\n", r.name, r.reported-maxReported)
	}
	if sum.Failed > 0 && sum.Failed+sum.Answered > 1 { // a lone household's errors say it all
		fmt.Fprintf(r.w, "%s: 共 %d %s有错误，%s；其余 %d %s已计算\n", r.name, sum.Failed, unit, left, sum.Answered, unit)
	}
	if err != nil || sum.Failed > 0 {
		return exitContent
	}
	return exitOK
}

// loadParams loads the content and builds the calculator's parameters.
func loadParams(dir string, stderr io.Writer) (*calc.Params, int) {
	plan, err := model.Load(os.DirFS(dir), filepath.ToSlash(filepath.Clean(dir)))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitContent
	}
	// The published plan, as the site's calculator sees it: drafts and
	// clauses not yet published never set a standard.
	cp, err := params.Check(plan.Visible(today(), false))
	if err != nil {
		for _, e := range errlist.Split(err) {
			fmt.Fprintf(stderr, "%s: 计算器参数：%v\n", dir, e)
		}
		return nil, exitContent
	}
	return cp, exitOK
}
