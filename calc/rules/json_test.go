package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomHouseholds returns n households mixing every fact, from a seed.
func randomHouseholds(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 2013))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var out []string
	for range n {
		m := map[string]any{"hukou": pick("rural", "urban"),
			"family": pick("only_daughter", "only_son", "two_daughters", "bereaved", "other_planned", "none")}
		for _, fl := range []string{"dibao", "poor", "integrity", "can_develop_project", "disabled_parent",
			"ethnic_minority", "wubao", "middle_low_income"} {
			if r.IntN(3) == 0 {
				m[fl] = true
			}
		}
		if r.IntN(3) > 0 {
			m["members"] = 1 + r.IntN(8)
		}
		if r.IntN(2) == 0 {
			m["dibao_standard"] = fmt.Sprintf("%d.%02d", 1000+r.IntN(5000), r.IntN(100))
		}
		if r.IntN(3) == 0 {
			m["complication_level"] = r.IntN(5)
		}
		if r.IntN(2) == 0 {
			m["medical_out_of_pocket"] = fmt.Sprintf("%d.%02d", r.IntN(12000), r.IntN(100))
		}
		if r.IntN(2) == 0 {
			m["housing_area_per_capita"] = fmt.Sprintf("%d.%d", 10+r.IntN(10), r.IntN(10))
		}
		if r.IntN(4) == 0 {
			m["aid_standard"] = fmt.Sprint(r.IntN(5000))
		}
		if r.IntN(8) == 0 {
			m["date"] = pick("2013-06-08", "2013-06-09", "2016-01-01")
		}
		var kids []any
		for k := r.IntN(4); k > 0; k-- {
			kids = append(kids, map[string]any{"stage": pick("none", "preschool", "primary", "junior", "senior", "vocational", "college"),
				"admitted_to_college": r.IntN(4) == 0})
		}
		if kids != nil {
			m["children"] = kids
		}
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}

// TestAnswerJSON: Run's one-pass JSON is byte for byte encoding/json's
// Marshal of Evaluate's Result, and Indent is json.Indent.
func TestAnswerJSON(t *testing.T) {
	for _, p := range []*tparams{testParams(), withSeries("2011:10000", "2013:13000", "2015:16900")} {
		s := p.std()
		for _, facts := range randomHouseholds(400, 7) {
			got, err := s.Run([]byte(facts), "2016-06-01")
			if err != nil {
				t.Fatalf("%s: %v", facts, err)
			}
			f, _ := ParseFacts([]byte(facts))
			if f.Date == "" {
				f.Date = "2016-06-01"
			}
			r, err := s.Evaluate(f, false)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(r)
			if !bytes.Equal(got, want) {
				t.Fatalf("%s:\nRun:     %s\nMarshal: %s", facts, got, want)
			}
			var ind bytes.Buffer
			json.Indent(&ind, want, "", "  ")
			if !bytes.Equal(Indent(got), ind.Bytes()) {
				t.Fatalf("Indent differs from json.Indent:\n%s\n%s", Indent(got), ind.Bytes())
			}
		}
	}
}

// TestEscaped: answers' strings are escaped as encoding/json escapes them.
func TestEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", "中文“引号”", `a"b\c`, "<script>&amp;", "\u2028\u2029", "\x00\x01\x1f\t\n\r\b\f",
		"bad\xffutf8", "\xe2\x80", "😀"} {
		want, _ := json.Marshal(s)
		if got := `"` + string(appendEscaped(nil, s)) + `"`; got != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}
