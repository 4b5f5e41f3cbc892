package calc

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

const benchFacts = `{"hukou":"rural","family":"only_daughter","members":3,"dibao":true,"dibao_standard":"2500",
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

// benchCSV returns a register of n pseudo-random households.
func benchCSV(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	names := func(n int, name func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = name(i)
		}
		return out
	}
	stages := names(len(Stages()), func(i int) string { return Stages()[i].String() })
	hukous := names(len(Hukous()), func(i int) string { return Hukous()[i].String() })
	families := names(len(Families()), func(i int) string { return Families()[i].String() })
	var b strings.Builder
	b.WriteString("id,hukou,family,members,dibao,dibao_standard,poor,integrity,can_develop_project,complication_level," +
		"disabled_parent,children,medical_out_of_pocket,housing_area_per_capita,middle_low_income\n")
	for i := range n {
		var kids []string
		for range r.IntN(3) {
			k := pick(stages...)
			if r.IntN(8) == 0 {
				k += AdmittedMark
			}
			kids = append(kids, k)
		}
		fmt.Fprintf(&b, "H%06d,%s,%s,%d,%s,%d,%s,%s,%s,%d,%s,%s,%d.%02d,%d.5,%s\n", i,
			pick(hukous...), pick(families...), 1+r.IntN(6), pick("true", "false", ""), 2000+r.IntN(2000),
			pick("true", "false"), pick("true", "false"), pick("true", "false"), r.IntN(5)*r.IntN(2),
			pick("true", "false", "false"), strings.Join(kids, ";"), r.IntN(20000), r.IntN(100),
			5+r.IntN(30), pick("true", "false"))
	}
	return []byte(b.String())
}

// parseOnly reads every record of a CSV, as RunCSV's reader does, and
// does nothing else.
func parseOnly(data []byte) int {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = true
	n := 0
	for {
		if _, err := cr.Read(); err == io.EOF {
			return n
		}
		n++
	}
}

// BenchmarkCSV100k: a 100,000-row register through RunCSV. Beside it,
// the time of merely parsing that CSV, and the ratio of the two, which
// is the cost of the rules (and of building and writing the answers).
func BenchmarkCSV100k(b *testing.B) {
	const rows = 100_000
	p := withSeries("2011:10000", "2013:13000", "2015:16900")
	data := benchCSV(rows)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := RunCSV(bytes.NewReader(data), io.Discard, p, "2016-06-01"); err != nil {
			b.Fatal(err)
		}
	}
	perRun := b.Elapsed() / time.Duration(b.N)
	const parses = 5
	start := time.Now()
	for range parses {
		if parseOnly(data) != rows+1 {
			b.Fatal("row count")
		}
	}
	parse := time.Since(start) / parses
	b.ReportMetric(float64(rows)/perRun.Seconds(), "households/s")
	b.ReportMetric(float64(parse.Milliseconds()), "parse-ms")
	b.ReportMetric(float64(perRun)/float64(parse), "x-parse")
}

// BenchmarkCSVParse100k: merely parsing the 100,000-row CSV.
func BenchmarkCSVParse100k(b *testing.B) {
	data := benchCSV(100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		parseOnly(data)
	}
	b.ReportMetric(100_000/(b.Elapsed().Seconds()/float64(b.N)), "rows/s")
}
