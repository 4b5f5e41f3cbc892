package rules

import (
	"bytes"
	"encoding/json"
	"testing"

	"gyportal/calc/internal/calctest"
)

// TestAnswerJSON: Run's one-pass JSON is byte for byte encoding/json's
// Marshal of Evaluate's Result, and Indent is json.Indent.
func TestAnswerJSON(t *testing.T) {
	for _, p := range []*tparams{testParams(), withSeries("2011:10000", "2013:13000", "2015:16900")} {
		s := p.std()
		for _, facts := range calctest.Households(400, 7) {
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
