package model

import (
	"strings"
	"testing"
)

// TestLocator checks the line of key paths in TOML written every way the
// format allows keys to be written.
func TestLocator(t *testing.T) {
	const src = `title = "x"          # 1
"quoted key" = 1               # 2
'literal key' = 2              # 3
dotted.inner = 3               # 4
text = """first
line with "quotes" and ''' and
fake = 1
[fake]"""                      # 8
lit = '''
x = 1
'''                            # 11
departments = [
  "a",  # 13
  # a comment
  "b",                         # 15
]
[[targets]]                    # 17
name = "a"
  [ targets . "sub table" ]    # 19
  q = 1
[[targets]]                    # 21
name = "b"
foo.bar = 1                    # 23
"x y" = 2                      # 24
children = [ { stage = "a" },
  { stage = "b", more = { deep = 1 } } ]  # 26
[[ benefits ]]                 # 27
id = "b0"
[[benefits.changes]]           # 29
from = "2020-01-01"
[[benefits]]                   # 31
[[benefits.changes]]           # 32
[[benefits.changes]]           # 33
amount = "1"                   # 34
"esc\u0041ped" = 1             # 35
`
	l := newLocator(src)
	tests := map[string]int{
		"title": 1, `"quoted key"`: 2, `"literal key"`: 3, "dotted": 4, "dotted.inner": 4,
		"text": 5, "lit": 9, "departments": 12, "departments[0]": 13, "departments[1]": 15,
		"targets[0]": 17, "targets[0].name": 18, `targets[0]."sub table"`: 19, `targets[0]."sub table".q`: 20,
		"targets[1]": 21, "targets[1].name": 22, "targets[1].foo.bar": 23, `targets[1]."x y"`: 24,
		"targets[1].children[0].stage": 25, "targets[1].children[1].stage": 26, "targets[1].children[1].more.deep": 26,
		"benefits[0].id": 28, "benefits[0].changes[0].from": 30, "benefits[1]": 31,
		"benefits[1].changes[0]": 32, "benefits[1].changes[1].amount": 34, "benefits[1].changes[1].escAped": 35,
		"fake": 1, "targets[1].missing": 21, "benefits[7].x": 1,
	}
	for key, want := range tests {
		if got := l.line(key); got != want {
			t.Errorf("line(%s) = %d, want %d", key, got, want)
		}
	}
	if _, ok := l.lines["x"]; ok {
		t.Errorf("a key inside a multi-line string was taken for a key")
	}
}

// TestUnknownKeyPositions checks that unknown keys are reported with
// their array index and the line they are written on, however written.
func TestUnknownKeyPositions(t *testing.T) {
	m := "measures/3.2.12.toml"
	tests := []struct {
		name, add string // appended to the clause file (line 24 on)
		want      []string
	}{
		{"bare in target", "[[targets]]\nname = \"a\"\nvalue = \"1\"\nfoo = 1\n",
			[]string{`content/measures/3.2.12.toml:27: targets[0].foo: 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"second target", "[[targets]]\nname = \"a\"\nvalue = \"1\"\n[[targets]]\nname = \"b\"\nvalue = \"1\"\nfoo = 1\n",
			[]string{`content/measures/3.2.12.toml:30: targets[1].foo: 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"quoted", "[[targets]]\nname = \"a\"\nvalue = \"1\"\n\"fo o\" = 1\n",
			[]string{`content/measures/3.2.12.toml:27: targets[0]."fo o": 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"dotted", "[[targets]]\nname = \"a\"\nvalue = \"1\"\nfoo.bar = 1\n",
			[]string{`content/measures/3.2.12.toml:27: targets[0].foo.bar: 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"in every element", "[[targets]]\nname = \"a\"\nvalue = \"1\"\nfoo = 1\n[[targets]]\nname = \"b\"\nvalue = \"1\"\nfoo = 2\n", []string{
			`content/measures/3.2.12.toml:27: targets[0].foo: 没有这个键（能写的键见 content/SCHEMA.md）`,
			`content/measures/3.2.12.toml:31: targets[1].foo: 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"unknown table once", "[extra]\na = 1\nb = { c = 1 }\n",
			[]string{`content/measures/3.2.12.toml:24: extra: 没有这个键（能写的键见 content/SCHEMA.md）`}},
		{"benefit change", "[[benefits.changes]]\nfrom = \"2020-01-01\"\namount = \"1\"\n'whe n' = 1\n",
			[]string{`content/measures/3.2.12.toml:27: benefits[1].changes[0]."whe n": 没有这个键（能写的键见 content/SCHEMA.md）`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			fsys[m].Data = append(fsys[m].Data, tt.add...)
			_, err := LoadOn(fsys, "content", day)
			if err == nil {
				t.Fatal("loaded")
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n got  %s\n want %s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}
