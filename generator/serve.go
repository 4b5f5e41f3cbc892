package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"gyportal/generator/build"
	"gyportal/generator/build/cache"
	"gyportal/generator/preview"
	"gyportal/generator/wasmbuild"
)

func init() {
	register(&command{name: "serve", summary: "本地预览：生成网站、在浏览器里看，内容一改就重新生成", run: runServe})
}

// calcDir is the calculator's source directory; a change there rebuilds
// the calculator assets.
const calcDir = "calc"

// runServe runs the preview until interrupted (Ctrl+C or SIGTERM).
func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr)
}

// serveFlags are serve's own flags (besides the directories).
type serveFlags struct {
	addr             string
	drafts, skipWasm bool
}

// serve builds the site, serves it on --addr and rebuilds it whenever the
// content, templates or calculator change, until ctx is done. It says
// what it is doing as it goes, in Chinese (the first compilation of the
// calculator takes a while), and prints the URL it listens on (with the
// real port when --addr asks for port 0) once the site is ready.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[--content 目录] [--templates 目录] [--addr 地址] [--drafts] [--skip-wasm]", serveAbout)
	var d dirs
	d.register(fs)
	fs.Lookup("out").Usage = "不使用：预览生成在内存里，不写这个`目录`（接受它，只为与 build 的写法相同）"
	var f serveFlags
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "预览服务器监听的`地址`；端口写 0 时自动选一个空闲端口")
	fs.BoolVar(&f.drafts, "drafts", false, "也显示草稿（draft = true）的条文，页面标有“草稿”")
	fs.BoolVar(&f.skipWasm, "skip-wasm", false, "不编译计算器（只改内容时更快）")
	if code, ok := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		fmt.Fprintf(stderr, "无法监听 %s：%v\n", f.addr, err)
		return exitContent
	}
	opts := d.options(f.drafts)
	opts.SkipWasm = f.skipWasm
	opts.Cache = cache.Open()
	if !f.skipWasm {
		warmCalculator(stdout, stderr, opts.Cache)
	}
	return runPreview(ctx, ln, d, opts, stdout, stderr)
}

// serveAbout is serve's --help text.
const serveAbout = `生成网站（在内存里，不写 --out），在本机提供网页供预览；内容、模板或计算器一改，
自动重新生成，浏览器刷新即可看到。内容有错误时，页面上方显示错误（文件:行: 键:），
仍显示上一次生成成功的网站。按 Ctrl+C 停止。`

// warmCalculator compiles the calculator into the build cache before the
// first build. On a fresh machine this takes most of a minute, and it
// says so once compiling has taken more than slowCompile; a start that
// finds the calculator in the cache says only that. A failure is only
// reported here; the build reports it again over the pages.
func warmCalculator(stdout, stderr io.Writer, c *cache.Cache) {
	type built struct {
		out *wasmbuild.Output
		err error
	}
	start := time.Now()
	done := make(chan built, 1)
	go func() {
		out, err := buildWasm(".", c)
		done <- built{out, err}
	}()
	var b built
	select {
	case b = <-done:
	case <-time.After(slowCompile):
		fmt.Fprintln(stdout, "正在编译计算器（第一次运行需要约一分钟）…")
		b = <-done
	}
	switch {
	case b.err != nil:
		fmt.Fprintf(stderr, "计算器编译失败：%v\n", b.err)
	case b.out.Cached:
		fmt.Fprintln(stdout, "计算器已编译（取自缓存）")
	default:
		fmt.Fprintf(stdout, "计算器已编译（用时 %s）\n", time.Since(start).Round(100*time.Millisecond))
	}
}

// buildWasm compiles the calculator (a variable for tests); slowCompile
// is how long a compile runs before warmCalculator says it takes a while.
var (
	buildWasm   = wasmbuild.Build
	slowCompile = time.Second
)

// runPreview runs the preview server on ln until ctx is done.
func runPreview(ctx context.Context, ln net.Listener, d dirs, opts build.Options, stdout, stderr io.Writer) int {
	srv := preview.New(preview.Config{
		Build:  opts,
		Today:  today,
		Watch:  []string{d.content, d.templates, calcDir},
		Log:    stdout,
		ErrLog: stderr,
	})
	fmt.Fprintln(stdout, "正在生成网站…")
	ready := func(url string) {
		fmt.Fprintf(stdout, "已就绪：%s （按 Ctrl+C 停止）\n", url)
	}
	if err := srv.Serve(ctx, ln, ready); err != nil {
		fmt.Fprintf(stderr, "预览服务器出错：%v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "预览已停止")
	return exitOK
}
