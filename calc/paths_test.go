package calc

import (
	"bytes"
	"encoding/json"
	"testing"

	"gyportal/calc/internal/calctest"
	"gyportal/calc/rules"
)

// TestRunMatchesResult: Run's bytes are encoding/json's Marshal of
// Evaluate's Result.
func TestRunMatchesResult(t *testing.T) {
	p := withSeries("2011:10000", "2013:13000")
	for _, facts := range calctest.Households(300, 3) {
		got, err := Run([]byte(facts), p, "2016-06-01")
		if err != nil {
			t.Fatal(err)
		}
		f, _ := rules.ParseFacts([]byte(facts))
		if f.Date == "" {
			f.Date = "2016-06-01" // Run's today
		}
		r, err := Evaluate(f, p)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := json.Marshal(r); !bytes.Equal(got, want) {
			t.Fatalf("%s:\nRun:     %s\nMarshal: %s", facts, got, want)
		}
	}
}

// TestStandardsFromJSON: the browser's path (the parameters' JSON read
// straight into Standards) and the Go path (Params converted) give the
// same answers, byte for byte.
func TestStandardsFromJSON(t *testing.T) {
	p := withSeries("2011:10000", "2012:13000", "2014:16900.50")
	p.Benefits["bereaved-city"].Changes = []rules.Change{{From: "2020-01-01", Amount: "25000.50", Note: "调整"}}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := rules.ParseStandards(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, facts := range calctest.Households(300, 5) {
		for _, today := range []string{"2013-06-09", "2016-01-01", "2021-01-01"} {
			a, errA := Run([]byte(facts), p, today)
			b, errB := s.Run([]byte(facts), today)
			if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
				t.Fatalf("%s on %s:\nParams:    %s %v\nStandards: %s %v", facts, today, a, errA, b, errB)
			}
		}
	}
}
