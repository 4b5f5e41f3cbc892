package search_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gyportal/generator/search"
)

func keysAndPositions(toks []search.Token) string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, fmt.Sprintf("%s@%d", t.Key, t.Pos))
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"失独家庭", "失@0 独@1 家@2 庭@3"},
		// Whitespace keeps adjacency, punctuation breaks it.
		{"增发 2 万元", "增@0 发@1 2@2 万@3 元@4"},
		{"低保，8000", "低@0 保@1 8000@3"},
		{"（一）建立", "一@1 建@3 立@4"},
		// Words: letters and digits, dots between digits, lower case,
		// full width folded.
		{"3.2.12", "3.2.12@0"},
		{"第3.2.12条", "第@0 3.2.12@1 条@2"},
		{"12. 人口", "12@0 人@2 口@3"},
		{"ＡＢＣ１２３", "abc123@0"},
		{"Ｖ１．２", "v1.2@0"},
		{"3..2", "3@0 2@2"},
		{"50%以上", "50@0 以@2 上@3"},
		{"〇𠀀", "〇@0 𠀀@1"},
		{"\u3000失\u00a0独\t", "失@0 独@1"},
		{"", ""},
	} {
		if got := keysAndPositions(search.Tokenize(c.in)); got != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	toks := search.Tokenize("增发 2 万元")
	if toks[2].Start != 7 || toks[2].End != 8 || toks[3].Start != 9 {
		t.Errorf("offsets: %+v", toks)
	}
}

func TestParseQuery(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [][]string
	}{
		{"失独", [][]string{{"失", "独"}}},
		{"低保 8000", [][]string{{"低", "保"}, {"8000"}}},
		{"2万", [][]string{{"2", "万"}}},
		{"3.2.12", [][]string{{"3.2.12"}}},
		{" 残疾，助学 ", [][]string{{"残", "疾"}, {"助", "学"}}},
		{"  ", nil},
	} {
		if got := search.ParseQuery(c.in); !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("ParseQuery(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestExpand(t *testing.T) {
	syn := []search.Synonym{
		{Words: []string{"低保", "最低生活保障"}},
		{Words: []string{"残疾", "残疾人"}},
		{From: "独生女", To: []string{"独女户"}},
	}
	for _, c := range []struct{ in, want string }{
		{"低保家庭", "低保家庭 最低生活保障家庭"},
		{"最低生活保障", "最低生活保障 低保"},
		{"独生女", "独生女 独女户"},
		{"独女户", "独女户"}, // one way
		// The longer word claims its tokens: no 残疾人人.
		{"残疾人", "残疾人 残疾"},
		{"残疾", "残疾 残疾人"},
	} {
		alts, weights := expandWith(t, syn, search.ParseQuery(c.in)[0])
		var got []string
		for _, a := range alts {
			got = append(got, strings.Join(a, ""))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("expand(%s) = %v, want %s", c.in, got, c.want)
		}
		if weights[0] != 1 {
			t.Errorf("expand(%s): the query itself has weight %v", c.in, weights[0])
		}
	}
}

// expandWith returns the synonym alternatives of phrase with syn, as the
// query engine reads them from an index.
func expandWith(t *testing.T, syn []search.Synonym, phrase []string) ([][]string, []float64) {
	t.Helper()
	r, _, _ := openIndex(t, nil, syn, search.Options{})
	return r.Expand(phrase)
}
