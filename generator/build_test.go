package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildSummary checks build's one-line report: a second build of the
// same content adds and changes nothing; --quiet prints nothing; errors
// go to stderr.
func TestBuildSummary(t *testing.T) {
	content := copyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	args := []string{"build", "--content", content, "--templates", "../templates", "--out", out}
	summaryRE := regexp.MustCompile(`^已生成 \S+：(\d+) 个文件（另有 \d+ 个 \.gz/\.br 压缩文件），比上次新增 (\d+)、修改 (\d+)、删除 (\d+)，本次写入 \d+ 个文件，为已打开旧页面的读者保留早前生成的文件 (\d+) 个，用时 [0-9.]+ 秒\n$`)

	var stdout, stderr bytes.Buffer
	if c := run(args, nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("first build: exit %d\n%s", c, stderr.String())
	}
	m := summaryRE.FindStringSubmatch(stdout.String())
	if m == nil || m[1] != m[2] || m[1] == "0" {
		t.Fatalf("first build summary %q: want every file added", stdout.String())
	}
	// The shipped content has no real address yet: one line says so.
	if want := "提示：site.toml 的 base_url 未设置，"; !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("first build: stderr %q, want one line starting %q", stderr.String(), want)
	}
	stdout.Reset()
	stderr.Reset()
	if c := run(args, nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("second build: exit %d\n%s", c, stderr.String())
	}
	if m := summaryRE.FindStringSubmatch(stdout.String()); m == nil || m[2] != "0" || m[3] != "0" || m[4] != "0" || m[5] != "0" {
		t.Errorf("second build summary %q: want 0 added, 0 changed, 0 removed, 0 kept", stdout.String())
	}

	stdout.Reset()
	os.WriteFile(filepath.Join(content, "measures", "3.2.12.toml"), []byte("id = \"3.2.12\"\ntitle = \"\n"), 0o644)
	if c := run(append(args, "--quiet"), nil, &stdout, &stderr); c != exitContent {
		t.Errorf("broken content: exit %d, want %d", c, exitContent)
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "3.2.12.toml:2:") {
		t.Errorf("broken content: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	stderr.Reset()
	os.WriteFile(filepath.Join(content, "measures", "3.2.12.toml"), mustRead(t, "../content/measures/3.2.12.toml"), 0o644)
	if c := run(append(args, "--quiet"), nil, &stdout, &stderr); c != exitOK || stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q", c, stdout.String(), stderr.String())
	}
}

// TestBuildRefuses runs the command on the examples: a
// directory holding someone's files, and the content directory itself.
// Both are refused with exit 1 and left intact.
func TestBuildRefuses(t *testing.T) {
	content := copyContent(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "thesis.txt"), []byte("t"), 0o644)
	for _, tc := range []struct{ out, want string }{{dir, "不是本程序生成的输出目录"}, {content, "重叠"}} {
		var stdout, stderr bytes.Buffer
		c := run([]string{"build", "--content", content, "--templates", "../templates", "--out", tc.out}, nil, &stdout, &stderr)
		if c != exitContent || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("--out %s: exit %d, stderr %q", tc.out, c, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "thesis.txt")); err != nil {
		t.Error("the refused build removed a file")
	}
	if _, err := os.Stat(filepath.Join(content, "measures", "3.2.12.toml")); err != nil {
		t.Error("the refused build touched the content")
	}
}
