package rules

import (
	"os"
	"strings"
	"testing"
)

// vocabularyMarkdown lists the vocabulary as content/SCHEMA.md shows it.
func vocabularyMarkdown() string {
	var b strings.Builder
	conds, children, formulas := Vocabulary()
	table := func(title, head string, rows [][2]string) {
		b.WriteString("\n" + title + "\n\n| " + head + " | 意思 |\n|---|---|\n")
		for _, r := range rows {
			b.WriteString("| `" + r[0] + "` | " + r[1] + " |\n")
		}
	}
	table("Conditions (`who`):", "名称", conds)
	table("Child conditions (`per_child`):", "名称", children)
	table("Formulas (`formula`):", "名称", formulas)
	var facts, stages [][2]string
	for _, f := range Fields() {
		facts = append(facts, [2]string{f.Name, f.Label})
	}
	for _, s := range Stages() {
		stages = append(stages, [2]string{s.String(), s.Label()})
	}
	table("Stages (parameters of `child-at` and `stage`):", "名称", stages)
	table("Household facts (the calculator's JSON fields; `[case.facts]` in content/tests):", "名称", facts)
	return b.String()
}

// TestSchemaVocabulary: the vocabulary section of content/SCHEMA.md is
// the vocabulary of the code (-update rewrites it).
func TestSchemaVocabulary(t *testing.T) {
	const file = "../../content/SCHEMA.md"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- vocabulary:begin -->\n", "<!-- vocabulary:end -->"
	head, rest, ok1 := strings.Cut(string(data), begin)
	old, tail, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		t.Fatalf("%s: no %q … %q section", file, begin, end)
	}
	want := vocabularyMarkdown()
	if *update {
		os.WriteFile(file, []byte(head+begin+want+end+tail), 0o644)
	} else if old != want {
		t.Errorf("%s: the vocabulary section is out of date (go test ./calc/rules -run TestSchemaVocabulary -update)", file)
	}
}

func TestSplitCall(t *testing.T) {
	for _, tt := range []struct {
		in, name, args string
		ok             bool
	}{
		{"rural", "rural", "", true},
		{" complication(3, 4) ", "complication", "3|4", true},
		{"stage(senior,vocational)", "stage", "senior|vocational", true},
		{"stage()", "stage", "", true},
		{"(", "", "", false},
		{"stage(", "stage", "", false},
		{"stage(a))", "stage", "", false},
		{"stage(a(b))", "stage", "", false},
		{"a)", "a)", "", false},
	} {
		name, args, ok := splitCall(tt.in)
		if name != tt.name || ok != tt.ok || (ok && strings.Join(args, "|") != tt.args) {
			t.Errorf("splitCall(%q) = %q %q %v, want %q %q %v", tt.in, name, args, ok, tt.name, tt.args, tt.ok)
		}
	}
}
