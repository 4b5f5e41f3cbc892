package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// session is one ```console block of README.md: commands ("$ ./gyportal
// …") each followed by what it prints.
type session struct {
	line  int // of the block's first command in README.md
	steps []step
}

type step struct {
	args []string
	want string
}

// readmeSessions returns the console blocks of README.md.
func readmeSessions(t *testing.T) []session {
	t.Helper()
	var out []session
	var cur *session
	for i, l := range strings.Split(string(mustRead(t, "../README.md")), "\n") {
		switch {
		case l == "```console":
			out = append(out, session{line: i + 2})
			cur = &out[len(out)-1]
		case cur != nil && l == "```":
			cur = nil
		case cur != nil && strings.HasPrefix(l, "$ "):
			f := strings.Fields(strings.TrimPrefix(l, "$ "))
			if f[0] != "./gyportal" {
				t.Fatalf("README.md:%d: a console block runs only ./gyportal: %q", i+1, l)
			}
			cur.steps = append(cur.steps, step{args: f[1:]})
		case cur != nil && len(cur.steps) > 0:
			cur.steps[len(cur.steps)-1].want += l + "\n"
		}
	}
	return out
}

// readmeBlock returns the fenced block that follows marker in README.md.
func readmeBlock(t *testing.T, marker string) string {
	t.Helper()
	s := string(mustRead(t, "../README.md"))
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("README.md has no %s", marker)
	}
	s = s[i:]
	start := strings.Index(s, "```")
	s = s[start:]
	s = s[strings.Index(s, "\n")+1:]
	return s[:strings.Index(s, "```")]
}

var took = regexp.MustCompile(`用时 [0-9.]+ 秒`)

// TestReadmeExamples runs every console block of README.md in a copy of
// the content, from a fresh start, and compares what each command prints
// (stdout, then stderr; times aside) with what README shows.
func TestReadmeExamples(t *testing.T) {
	defer func(name string) { progName = name }(progName)
	progName = "gyportal"
	sessions := readmeSessions(t)
	if len(sessions) < 2 {
		t.Fatalf("README.md has %d console blocks", len(sessions))
	}
	for _, s := range sessions {
		dir := filepath.Dir(copyContent(t))
		for _, st := range s.steps {
			args := st.args
			if len(args) > 0 && (args[0] == "build" || args[0] == "check") {
				args = append([]string{args[0], "--content", filepath.Join(dir, "content"), "--templates", "../templates",
					"--out", filepath.Join(dir, "public")}, args[1:]...)
			}
			var stdout, stderr bytes.Buffer
			run(args, nil, &stdout, &stderr)
			got := strings.ReplaceAll(stdout.String()+stderr.String(), dir+string(os.PathSeparator), "")
			got = took.ReplaceAllString(got, "用时 … 秒")
			if want := took.ReplaceAllString(st.want, "用时 … 秒"); got != want {
				t.Errorf("README.md:%d: ./gyportal %s prints:\n%s\nREADME shows:\n%s", s.line, strings.Join(st.args, " "), got, want)
			}
		}
	}
}
