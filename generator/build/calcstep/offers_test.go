package calcstep

import (
	"os"
	"path/filepath"

	"strings"
	"testing"
	"time"

	"gyportal/generator/model"
)

// TestGroupFactsErrors: facts the calculator's vocabulary does not know
// are errors at their line of groups.toml, in Chinese, in facts and in
// each of facts_any's alternatives.
func TestGroupFactsErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../../content")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "groups.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), `facts = { family = "bereaved" }`, `facts = { famly = "bereaved" }`, 1)
	text = strings.Replace(text, `facts = { family = "only_son" }`, `facts = { family = "sons" }`, 1)
	text = strings.Replace(text, `{ poor = true, family`, `{ pore = true, family`, 1)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	line := func(s string) int { return strings.Count(text[:strings.Index(text, s)], "\n") + 1 }
	plan, err := model.Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Prepare(Input{Plan: plan, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), SkipWasm: true})
	if err == nil {
		t.Fatal("bad group facts accepted")
	}
	for _, want := range []string{
		"content/groups.toml:" + itoa(line(`famly`)) + ": group[10].facts.famly: 不能用来划分人群",
		"content/groups.toml:" + itoa(line(`"sons"`)) + `: group[3].facts.family: "sons" 不是可选值之一`,
		"content/groups.toml:" + itoa(line(`pore`)) + ": group[6].facts_any[1].pore: 不能用来划分人群",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
