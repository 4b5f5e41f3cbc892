package batch

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"testing"
	"time"

	"gyportal/calc/batch/sheet"
)

var benchRows = flag.Int("rows", 100_000, "households in the register of BenchmarkSheet (the goal is stated for 1000000)")

// parseCSV reads every record of data with encoding/csv alone, and does
// nothing else: the baseline "parse time".
func parseCSV(data []byte) int {
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

// readSheet reads every row of data through sheet.CSVReader (encoding
// detection, Excel row numbers), and does nothing else.
func readSheet(data []byte) int {
	r := sheet.NewCSVReader(bytes.NewReader(data), 0)
	n := 0
	for {
		if _, err := r.Next(); err == io.EOF {
			return n
		}
		n++
	}
}

// BenchmarkSheet: a register (-rows households, 100,000 by default)
// through Sheet, CSV in and CSV out. Beside it, the time of merely
// parsing that CSV (encoding/csv) and of reading it through
// sheet.CSVReader, and the ratios: x-parse is the goal's measure
// (≤ 5 for 1,000,000 rows once calc is fast).
func BenchmarkSheet(b *testing.B) {
	rows := *benchRows
	data := registerCSV(b, rows, 1, ',')
	p := testParams(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		sum, err := Sheet(sheet.NewCSVReader(bytes.NewReader(data), 0), sheet.NewCSVWriter(io.Discard), p, Options{Today: "2016-06-01"})
		if err != nil || sum.Answered != rows {
			b.Fatal(err, sum)
		}
	}
	perRun := b.Elapsed() / time.Duration(b.N)
	b.StopTimer()
	parse := timed(func() { parseCSV(data) })
	read := timed(func() { readSheet(data) })
	b.ReportMetric(float64(rows)/perRun.Seconds(), "households/s")
	b.ReportMetric(float64(parse.Milliseconds()), "parse-ms")
	b.ReportMetric(float64(perRun)/float64(parse), "x-parse")
	b.ReportMetric(float64(perRun)/float64(read), "x-read")
}

// timed returns the mean time of three runs of f.
func timed(f func()) time.Duration {
	start := time.Now()
	for range 3 {
		f()
	}
	return time.Since(start) / 3
}
