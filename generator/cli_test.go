package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestUsageIsChinese runs the command's help in every form: each exits
// 0 on stdout (a missing command exits 2 on stderr), begins 用法：, and
// says every flag in Chinese.
func TestUsageIsChinese(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		prefix string
	}{
		{nil, exitUsage, "用法：generator <命令> [选项]\n"},
		{[]string{"--help"}, exitOK, "用法：generator <命令> [选项]\n"},
		{[]string{"-h"}, exitOK, "用法：generator <命令> [选项]\n"},
		{[]string{"help"}, exitOK, "用法：generator <命令> [选项]\n"},
		{[]string{"help", "build"}, exitOK, "用法：generator build "},
	}
	for name := range commands {
		tests = append(tests, struct {
			args   []string
			code   int
			prefix string
		}{[]string{name, "--help"}, exitOK, "用法：generator " + name + " "})
	}
	flagLine := regexp.MustCompile(`^  --[a-z-]+`)
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		c := run(tt.args, nil, &stdout, &stderr)
		got := stdout.String()
		if tt.code != exitOK {
			got = stderr.String()
		}
		if c != tt.code || !strings.HasPrefix(got, tt.prefix) {
			t.Errorf("%q: exit %d, %.80q; want exit %d and %q…", tt.args, c, got, tt.code, tt.prefix)
		}
		if strings.Contains(got, "Usage") || strings.Contains(got, "default") {
			t.Errorf("%q: English in the usage:\n%s", tt.args, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if flagLine.MatchString(l) && !strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%q: flag not described in Chinese: %q", tt.args, l)
			}
		}
	}
}

// TestUsageErrors: a wrong flag, a stray argument or an unknown command
// is a usage error (exit 2), said in Chinese on stderr.
func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--nope"}, "generator build：未知选项 -nope（用法见 generator build --help）\n"},
		{[]string{"check", "extra"}, "generator check：多余的参数 \"extra\"（这个命令不接受参数，只接受选项）（用法见 generator check --help）\n"},
		{[]string{"serve", "--addr"}, "generator serve：选项需要一个值：-addr（用法见 generator serve --help）\n"},
		{[]string{"bogus"}, "generator：没有 \"bogus\" 这个命令\n\n用法："},
	} {
		var stdout, stderr bytes.Buffer
		if c := run(tt.args, nil, &stdout, &stderr); c != exitUsage || stdout.Len() != 0 || !strings.HasPrefix(stderr.String(), tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, c, stdout.String(), stderr.String(), tt.want)
		}
	}
}
