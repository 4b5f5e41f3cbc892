package search_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// benchQueries are reported one by one: two-character words, a single
// character, common words, spaced words, digits, a 15-character phrase,
// a synonym, residents' questions and phrases absent from the site.
var benchQueries = []struct{ label, q string }{
	{"2 chars", "失独"},
	{"2 chars", "低保"},
	{"2 chars, common", "家庭"},
	{"1 char", "家"},
	{"3 chars", "公租房"},
	{"4 chars, common", "计划生育"},
	{"4 chars", "大病保险"},
	{"3 spaced words", "计划生育 家庭 补贴"},
	{"2 spaced words", "低保 8000"},
	{"digits", "8000"},
	{"digits", "2015"},
	{"15 chars", "扶贫开发提供的资金和物资要优先"},
	{"10 chars", "计划生育特殊困难家庭"},
	{"synonym", "独生女"},
	{"question", "抚慰金怎么领"},
	{"question", "独生女儿有什么补贴"},
	{"absent", "火星探险"},
	{"absent, part", "火星移民"},
}

// BenchmarkSite10k indexes a 10,000-clause synthetic site (with 100
// department and 80 group pages), then prints the layout and, for each
// query of benchQueries, the bytes a browser fetches: cold (the meta file,
// gzip, and the index ranges), warm (the meta file cached), and against a
// server that ignores Range (whole packs). The script is not counted (it
// is cached with the pages). Run it with scripts/search-bench.sh.
func BenchmarkSite10k(b *testing.B) {
	benchSite(b, "10k", searchtest.Synthetic(10000, 1), 300)
}

// BenchmarkSitePlan does the same for the real-size site (the fixture:
// 25 clauses, 26 departments, 18 groups and the full text).
func BenchmarkSitePlan(b *testing.B) {
	docs, _ := searchtest.MustFixture()
	benchSite(b, "plan", docs, 300)
}

func benchSite(b *testing.B, name string, docs []search.Doc, samples int) {
	_, syn := searchtest.MustFixture()
	b.ReportAllocs()
	var a search.Assets
	var dir string
	var took, cpu time.Duration
	peak := peakHeap(func() {
		for b.Loop() {
			dir = b.TempDir()
			start, cpu0 := time.Now(), cpuTime()
			var err error
			if a, err = search.Write(dir, docs, syn); err != nil {
				b.Fatal(err)
			}
			took, cpu = time.Since(start), cpuTime()-cpu0
		}
	})
	script, _ := os.ReadFile(dir + a.Script)
	b.ReportMetric(float64(a.Bytes), "index-bytes")
	b.ReportMetric(float64(a.Files), "files")
	r, err := searchtest.OpenDir(dir, a.Meta, false)
	if err != nil {
		b.Fatal(err)
	}
	whole, err := searchtest.OpenDir(dir, a.Meta, true)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Printf("\n%s: %d documents; index %d files, %.1f MB; build %.2f s wall, %.2f s CPU, peak heap %d MiB; script %.1f KB gzip, meta %.1f KB gzip\n",
		name, len(docs), a.Files, float64(a.Bytes)/1e6, took.Seconds(), cpu.Seconds(), peak>>20, gzipKB(script), float64(r.MetaGzip())/1024)
	fmt.Printf("%-18s %-34s %7s %9s %9s %6s %10s\n", "query", "", "hits", "cold KB", "warm KB", "reqs", "no-Range KB")
	worst := 0
	for _, q := range benchQueries {
		ans, c, err := r.Query(q.q, 10)
		if err != nil {
			b.Fatal(err)
		}
		_, cw, err := whole.Query(q.q, 10)
		if err != nil {
			b.Fatal(err)
		}
		mode := ""
		if ans.Partial && len(ans.Hits) > 0 {
			mode = " (partial)"
		}
		fmt.Printf("%-18s %-34s %7d %9.1f %9.1f %6d %10.1f\n", q.label, q.q+mode, len(ans.Hits),
			kb(c.Cold()), kb(c.Bytes), c.Requests, kb(cw.Cold()))
		worst = max(worst, c.Cold())
		b.ReportMetric(float64(c.Cold()), "B/q-"+strings.ReplaceAll(q.q, " ", "+"))
	}
	// Random phrases of 2 to 6 characters from the bodies.
	rng := rand.New(rand.NewPCG(9, 9))
	var costs []int
	for len(costs) < samples {
		rs := []rune(docs[rng.IntN(len(docs))].Body)
		n := 2 + rng.IntN(5)
		if len(rs) <= n {
			continue
		}
		i := rng.IntN(len(rs) - n)
		_, c, err := r.Query(string(rs[i:i+n]), 10)
		if err != nil {
			b.Fatal(err)
		}
		costs = append(costs, c.Cold())
	}
	slices.Sort(costs)
	sum := 0
	for _, c := range costs {
		sum += c
	}
	fmt.Printf("%d random phrases of 2-6 characters, cold KB: mean %.1f, p95 %.1f, max %.1f; worst listed query %.1f KB\n",
		len(costs), kb(sum/len(costs)), kb(costs[len(costs)*95/100]), kb(costs[len(costs)-1]), kb(worst))
	b.ReportMetric(float64(sum)/float64(len(costs)), "B/q-random-mean")
	b.ReportMetric(float64(costs[len(costs)-1]), "B/q-random-max")
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func kb(n int) float64 { return float64(n) / 1024 }

func gzipKB(data []byte) float64 { return kb(searchtest.GzipLen(data)) }

// peakHeap runs fn and returns the largest heap in use seen while it ran,
// sampled every 10 ms.
func peakHeap(fn func()) uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	return peak.Load()
}
