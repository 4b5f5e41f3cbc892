package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"gyportal/generator/build/cache"
	"gyportal/generator/site"
	"gyportal/generator/wasmbuild"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// copyContent copies the real content into a temporary directory.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

var urlRE = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)

// TestServeCommand runs `generator serve` in-process on a free port and
// drives it over HTTP: a content edit appears, a broken file shows the
// error overlay over the last good page, the fix removes it.
func TestServeCommand(t *testing.T) {
	content := copyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- serve(ctx, []string{"--content", content, "--templates", "../templates", "--out", out,
			"--addr", "127.0.0.1:0", "--skip-wasm"}, &stdout, &stderr)
	}()
	defer func() {
		cancel()
		select {
		case c := <-code:
			if c != exitOK {
				t.Errorf("serve exited %d; stderr:\n%s", c, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	}()

	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		base = urlRE.FindString(stdout.String())
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(base + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(path, what string, ok func(string) bool) string {
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, body := get(path)
			if ok(body) {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: timed out waiting for %s", path, what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	file := filepath.Join(content, "measures", "3.2.12.toml")
	orig, _ := os.ReadFile(file)
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if status, body := get("/clauses/3.2.12/"); status != 200 || !strings.Contains(body, "计划生育家庭特惠机制") {
		t.Fatalf("first page: status %d", status)
	}
	if status, body := get("/no-such-page/"); status != 404 || !strings.Contains(body, "页面未找到") {
		t.Errorf("missing page: status %d", status)
	}

	write(strings.Replace(string(orig), "计划生育家庭特惠机制", "命令测试标题", 1))
	waitFor("/clauses/3.2.12/", "the edit", func(b string) bool { return strings.Contains(b, "命令测试标题") })

	write("id = \"3.2.12\"\ntitle = \"未闭合\n")
	body := waitFor("/clauses/3.2.12/", "the overlay", func(b string) bool { return strings.Contains(b, `role="alert"`) })
	if !strings.Contains(body, "3.2.12.toml:2:") || !strings.Contains(body, "命令测试标题") {
		t.Errorf("overlay without file:line, or last good page gone:\n%s", body)
	}
	if !strings.Contains(stderr.String(), "3.2.12.toml:2:") {
		t.Errorf("build error not printed to stderr: %q", stderr.String())
	}

	write(string(orig))
	waitFor("/clauses/3.2.12/", "the fix", func(b string) bool {
		return strings.Contains(b, "计划生育家庭特惠机制") && !strings.Contains(b, `role="alert"`)
	})
}

func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if c := serve(context.Background(), []string{"--addr", "256.0.0.1:99999"}, &stdout, &stderr); c != exitContent {
		t.Errorf("bad address: exit %d, want %d", c, exitContent)
	}
	if c := serve(context.Background(), []string{"extra"}, &stdout, &stderr); c != exitUsage {
		t.Errorf("stray argument: exit %d, want %d", c, exitUsage)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeProgress runs `generator serve` with the calculator: it says
// what it is doing, in order and in Chinese, then serves with the
// security headers and refuses a foreign Host, over a real HTTP client.
func TestServeProgress(t *testing.T) {
	content := copyContent(t)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- serve(ctx, []string{"--content", content, "--templates", "../templates",
			"--out", filepath.Join(t.TempDir(), "public"), "--addr", "127.0.0.1:0"}, &stdout, &stderr)
	}()
	var base string
	for deadline := time.Now().Add(5 * time.Minute); base == ""; time.Sleep(20 * time.Millisecond) {
		base = urlRE.FindString(stdout.String())
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
	}
	at := 0
	for _, want := range []string{"计算器已编译", "正在生成网站…", "已生成 ", "已就绪：" + base} {
		i := strings.Index(stdout.String()[at:], want)
		if i < 0 {
			t.Fatalf("stdout lacks %q after byte %d:\n%s", want, at, stdout.String())
		}
		at += i
	}

	resp, err := http.Get(base + "calculator/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") != site.CSP ||
		resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") != "no-referrer" ||
		resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("calculator page: status %d, headers %v", resp.StatusCode, resp.Header)
	}
	req, _ := http.NewRequest("GET", base, nil)
	req.Host = "rebind.example.com"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "拒绝访问") {
		t.Errorf("foreign Host: status %d, body %q", resp.StatusCode, body)
	}

	cancel()
	if c := <-code; c != exitOK || !strings.Contains(stdout.String(), "预览已停止") {
		t.Errorf("serve exited %d; stdout:\n%s\nstderr:\n%s", c, stdout.String(), stderr.String())
	}
}

// TestWarmCalculatorSays: a calculator found in the cache is reported as
// such, without the first run's warning; a slow compile gets the warning
// before its time; a failure goes to standard error.
func TestWarmCalculatorSays(t *testing.T) {
	defer func(b func(string, *cache.Cache) (*wasmbuild.Output, error), d time.Duration) {
		buildWasm, slowCompile = b, d
	}(buildWasm, slowCompile)
	slowCompile = 50 * time.Millisecond
	tests := []struct {
		name      string
		wait      time.Duration
		out       *wasmbuild.Output
		err       error
		stdout    []string
		notStdout string
		stderr    string
	}{
		{"cached", 0, &wasmbuild.Output{Cached: true}, nil, []string{"计算器已编译（取自缓存）"}, "第一次运行", ""},
		{"compiled", 200 * time.Millisecond, &wasmbuild.Output{}, nil, []string{"正在编译计算器（第一次运行需要约一分钟）…\n计算器已编译（用时 "}, "缓存", ""},
		{"failed", 0, nil, errors.New("boom"), nil, "已编译", "计算器编译失败：boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buildWasm = func(string, *cache.Cache) (*wasmbuild.Output, error) {
				time.Sleep(tt.wait)
				return tt.out, tt.err
			}
			var o, e bytes.Buffer
			warmCalculator(&o, &e, nil)
			for _, w := range tt.stdout {
				if !strings.Contains(o.String(), w) {
					t.Errorf("stdout %q lacks %q", o.String(), w)
				}
			}
			if strings.Contains(o.String(), tt.notStdout) || !strings.Contains(e.String(), tt.stderr) {
				t.Errorf("stdout %q (must not say %q), stderr %q (want %q)", o.String(), tt.notStdout, e.String(), tt.stderr)
			}
		})
	}
}
