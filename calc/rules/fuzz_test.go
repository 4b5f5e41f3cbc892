package rules

import (
	"os"
	"testing"
)

// FuzzParseStandards: no parameters make the reader panic; what it
// accepts evaluates.
func FuzzParseStandards(f *testing.F) {
	data, err := os.ReadFile("../testdata/params.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"effective":"2013-06-09","benefits":{},"clauses":{},"adjustment":{"base_year":2011,"threshold":"0.3","expenditure":null}}`))
	f.Add([]byte(`{"benefits":{"x":{"amount":"1e3","changes":[{"from":"2020-01-01","amount":"-1"}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStandards(data)
		if err != nil {
			return
		}
		if _, err := s.Run([]byte(`{"hukou":"rural","family":"only_daughter","members":3,"dibao":true,"dibao_standard":"2500"}`), "2020-01-01"); err != nil {
			t.Fatalf("accepted standards fail to evaluate: %v", err)
		}
	})
}
