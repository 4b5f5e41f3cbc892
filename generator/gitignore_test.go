package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestGitignore: git ignores everything a build with the default --out
// writes beside the sources (the link public, its trees, the lock, the
// temporary names) and the binary README builds.
func TestGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	names := []string{"public", ".public.builds/a/index.html", ".public.lock", ".public.tmp-1", "gyportal"}
	out, err := exec.Command("git", append([]string{"-C", "..", "check-ignore", "--no-index"}, names...)...).Output()
	if err != nil && len(out) == 0 {
		t.Skipf("not in a git work tree: %v", err)
	}
	if got := strings.Fields(string(out)); strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("git ignores %q, want %q", got, names)
	}
}
