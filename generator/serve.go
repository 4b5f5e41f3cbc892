package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"gyportal/generator/preview"
)

func init() {
	register(&command{name: "serve", summary: "live preview: build, serve, rebuild on change", run: runServe})
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

// serve builds the site, serves it on --addr and rebuilds it whenever the
// content, templates or calculator change, until ctx is done. It prints
// the URL it listens on (with the real port when --addr asks for port 0).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	var d dirs
	d.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free port")
	drafts := fs.Bool("drafts", false, "include draft clauses")
	skipWasm := fs.Bool("skip-wasm", false, "do not compile the calculator (faster when editing content only)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "无法监听 %s：%v\n", *addr, err)
		return exitContent
	}
	opts := d.options(*drafts)
	opts.SkipWasm = *skipWasm
	srv := preview.New(preview.Config{
		Build:  opts,
		Today:  today,
		Watch:  []string{d.content, d.templates, calcDir},
		Log:    stdout,
		ErrLog: stderr,
	})
	ready := func(url string) {
		fmt.Fprintf(stdout, "预览地址：%s （按 Ctrl+C 停止）\n", url)
	}
	if err := srv.Serve(ctx, ln, ready); err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	return exitOK
}
