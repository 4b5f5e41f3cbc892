package build

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// synthetic writes a content tree of n clauses built from the real
// content's departments, groups and sentences, for build benchmarks.
func synthetic(tb testing.TB, dir string, n int) {
	tb.Helper()
	copyDirTB(tb, "../../content", dir)
	os.RemoveAll(filepath.Join(dir, "tests"))
	os.MkdirAll(filepath.Join(dir, "measures"), 0o755)
	seed, err := os.ReadFile("../../content/measures/3.2.12.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var sentences []string
	for _, s := range strings.Split(between(string(seed), "text        = \"\"\"", "\"\"\""), "。") {
		if s != "" {
			sentences = append(sentences, s)
		}
	}
	depts := []string{"population", "health", "education", "civil-affairs", "water", "agriculture"}
	groups := []string{"bereaved", "dibao", "rural-only-daughter", "two-daughters", "students"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("9.%d.%d", i/100+1, i%100+1)
		var text strings.Builder
		for j := 0; j < 4+r.Intn(6); j++ {
			text.WriteString(sentences[r.Intn(len(sentences))] + "。")
		}
		body := fmt.Sprintf("id = %q\ntitle = \"合成条款%d\"\ndepartments = [%q]\ngroups = [%q]\ntext = \"\"\"%s\"\"\"\nsummary = \"\"\"%s\"\"\"\n",
			id, i, depts[r.Intn(len(depts))], groups[r.Intn(len(groups))], text.String(), sentences[r.Intn(len(sentences))])
		if err := os.WriteFile(filepath.Join(dir, "measures", id+".toml"), []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	out, _, _ := strings.Cut(rest, to)
	return out
}

func copyDirTB(tb testing.TB, from, to string) {
	t, ok := tb.(*testing.T)
	if ok {
		copyDir(t, from, to)
		return
	}
	filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, _ := os.ReadFile(p)
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
}

// BenchmarkBuildReal times a full build of the real content (without the
// WebAssembly step, which is cached separately).
func BenchmarkBuildReal(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	for i := 0; i < b.N; i++ {
		if _, err := Build(testOptions("../../content", out)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild10k builds a synthetic site of 10,000 clauses and reports
// pages per second and the peak heap.
func BenchmarkBuild10k(b *testing.B) {
	dir := b.TempDir()
	synthetic(b, filepath.Join(dir, "content"), 10000)
	out := filepath.Join(dir, "public")
	var peak uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak {
					peak = m.HeapInuse
				}
			}
		}
	}()
	b.ResetTimer()
	var files int
	for i := 0; i < b.N; i++ {
		r, err := Build(testOptions(filepath.Join(dir, "content"), out))
		if err != nil {
			b.Fatal(err)
		}
		files = r.Stats.Written
	}
	b.StopTimer()
	close(done)
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
