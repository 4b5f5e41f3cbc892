package search_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// benchQueries are reported one by one, by label: resident queries, very
// common words, a long phrase, a single character and an absent phrase.
var benchQueries = []struct{ label, q string }{
	{"shidu", "失独"},
	{"gongzufang", "公租房"},
	{"dabingbaoxian", "大病保险"},
	{"zhongkaojiafen", "中考加分"},
	{"xiaoedaikuan", "小额贷款"},
	{"dushengnv-syn", "独生女"},
	{"8000", "8000"},
	{"2wan", "2万"},
	{"dibao+8000", "低保 8000"},
	{"chunelie", "唇腭裂"},
	{"jihuashengyu", "计划生育"},
	{"jhsy-jiating", "计划生育家庭"},
	{"long-10-chars", "计划生育特殊困难家庭"},
	{"jia-1-char", "家"},
	{"absent", "火星移民"},
}

// BenchmarkSite10k indexes a 10,000-clause synthetic site (with 100
// department and 80 group pages) and reports the time to build it, the
// bytes and files written, and the bytes a browser fetches per query
// (meta file, dictionary shards, postings, and the fragments of the first
// ten results; not the script). Run it with scripts/search-bench.sh.
func BenchmarkSite10k(b *testing.B) {
	benchSite(b, searchtest.Synthetic(10000, 1), 300)
}

// BenchmarkSitePlan does the same for the real-size site (the fixture:
// 25 clauses, 26 departments, 18 groups and the full text).
func BenchmarkSitePlan(b *testing.B) {
	docs, _ := searchtest.MustFixture()
	benchSite(b, docs, 300)
}

func benchSite(b *testing.B, docs []search.Doc, samples int) {
	_, syn := searchtest.MustFixture()
	b.ReportAllocs()
	var a search.Assets
	var dir string
	for b.Loop() {
		dir = b.TempDir()
		var err error
		if a, err = search.Write(dir, docs, syn); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(a.Bytes), "index-bytes")
	b.ReportMetric(float64(a.Files), "files")
	r, err := search.OpenDir(dir, a.Meta)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range benchQueries {
		_, c, err := r.Query(q.q, 10)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(c.Bytes), "B/q-"+q.label)
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
		costs = append(costs, c.Bytes)
	}
	slices.Sort(costs)
	sum := 0
	for _, c := range costs {
		sum += c
	}
	b.ReportMetric(float64(sum)/float64(len(costs)), "B/q-random-mean")
	b.ReportMetric(float64(costs[len(costs)*95/100]), "B/q-random-p95")
	b.ReportMetric(float64(costs[len(costs)-1]), "B/q-random-max")
}
