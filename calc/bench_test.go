package calc

import (
	"testing"
)

const benchFacts = `{"hukou":"rural","family":"two_daughters","members":4,"dibao":true,"dibao_standard":"2500",
"integrity":true,"can_develop_project":true,"poor":true,"disabled_parent":true,"complication_level":3,
"children":[{"stage":"junior"},{"stage":"senior","admitted_to_college":true}],"medical_out_of_pocket":"12000"}`

// BenchmarkRun: one household, JSON in, indented JSON answer out; with
// the standards as the plan sets them, and after two 3.1 raises (whose
// arithmetic every adjustable amount's explanation then shows).
func BenchmarkRun(b *testing.B) {
	data := []byte(benchFacts)
	for _, bb := range []struct {
		name string
		p    *Params
	}{
		{"plan", testParams()},
		{"two-raises", withSeries("2011:10000", "2013:13000", "2015:16900")},
	} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Run(data, bb.p, "2016-06-01"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "households/s")
		})
	}
}
