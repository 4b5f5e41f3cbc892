package calc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// households returns n households mixing every fact, from a seed.
func households(n int, seed uint64) []string {
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
		if r.IntN(2) == 0 {
			m["medical_out_of_pocket"] = fmt.Sprintf("%d.%02d", r.IntN(12000), r.IntN(100))
		}
		if r.IntN(2) == 0 {
			m["housing_area_per_capita"] = fmt.Sprintf("%d.%d", 10+r.IntN(10), r.IntN(10))
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

// TestRunMatchesResult: Run's bytes are encoding/json's Marshal of
// Evaluate's Result.
func TestRunMatchesResult(t *testing.T) {
	p := withSeries("2011:10000", "2013:13000")
	for _, facts := range households(300, 3) {
		got, err := Run([]byte(facts), p, "2016-06-01")
		if err != nil {
			t.Fatal(err)
		}
		f, _ := ParseFacts([]byte(facts))
		f.Date = "2016-06-01"
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
	p.Benefits["bereaved-city"].Changes = []Change{{From: "2020-01-01", Amount: decimal.RequireFromString("25000.50"), Note: "调整"}}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseStandards(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, facts := range households(300, 5) {
		for _, today := range []string{"2013-06-09", "2016-01-01", "2021-01-01"} {
			a, errA := Run([]byte(facts), p, today)
			b, errB := s.Run([]byte(facts), today)
			if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
				t.Fatalf("%s on %s:\nParams:    %s %v\nStandards: %s %v", facts, today, a, errA, b, errB)
			}
		}
	}
}
