package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckIsBuild makes content that only the build's preparation can
// reject (a draft clause whose benefit the calculator needs): check
// fails with the very message build gives, and passes what build
// passes.
func TestCheckIsBuild(t *testing.T) {
	content := copyContent(t)
	p := filepath.Join(content, "measures", "3.2.12.toml")
	// A misspelled condition in a rule: both refuse, with the same words.
	os.WriteFile(p, bytes.Replace(mustRead(t, p), []byte(`who       = ["bereaved"]`), []byte(`who       = ["bereaved", "rual"]`), 1), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	var checkOut, checkErr, buildOut, buildErr bytes.Buffer
	cc := run([]string{"check", "--content", content, "--templates", "../templates"}, nil, &checkOut, &checkErr)
	bc := run([]string{"build", "--content", content, "--templates", "../templates", "--out", out}, nil, &buildOut, &buildErr)
	if bc != exitContent || cc != exitContent {
		t.Fatalf("bad rule in 3.2.12: build exit %d, check exit %d\nbuild: %s\ncheck: %s", bc, cc, buildErr.String(), checkErr.String())
	}
	first := strings.SplitN(buildErr.String(), "\n", 2)[0]
	if !strings.Contains(checkErr.String(), first) || !strings.Contains(first, `3.2.12.toml:23: benefits[0].rule.who: 没有名为 "rual" 的条件；候选：rural`) {
		t.Errorf("check says %q, build says %q", checkErr.String(), first)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Error("the failed build installed an output")
	}

	os.WriteFile(p, mustRead(t, "../content/measures/3.2.12.toml"), 0o644)
	checkOut.Reset()
	if c := run([]string{"check", "--content", content, "--templates", "../templates"}, nil, &checkOut, &checkErr); c != exitOK ||
		!strings.Contains(checkOut.String(), "检查通过") {
		t.Errorf("good content: exit %d, %q", c, checkOut.String())
	}
}
