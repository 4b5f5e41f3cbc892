package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRetention publishes five builds, each with a clause retitled (a
// new search index) and an amount changed (new calculator parameters),
// and checks what the fifth keeps of the four before it: with every
// build on one day, all their content-named files (the 7 days); with the
// fifth ten days later, only those of the last three builds. Each kept
// file is in the tree with its forms, and the manifest says which build
// it belongs to: the last that had it. Pages are never kept.
func TestRetention(t *testing.T) {
	if testing.Short() {
		t.Skip("five builds per case")
	}
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name     string
		lastDay  time.Time
		keep     *Retention
		keptFrom int // the oldest build whose files the fifth keeps
	}{
		{"same day", day, nil, 1},
		{"ten days later", day.AddDate(0, 0, 10), nil, 2},
		{"staff keep one build", day.AddDate(0, 0, 10), &Retention{Builds: 1}, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			content := filepath.Join(t.TempDir(), "content")
			copyDir(t, "../../content", content)
			out := filepath.Join(t.TempDir(), "public")
			owner := map[string]int{} // content-named file → the last build that had it
			var res *Result
			for i := 1; i <= 5; i++ {
				editClause(t, content, i)
				o := testOptions(content, out)
				o.Keep = tt.keep
				if i == 5 {
					o.Today = tt.lastDay
				}
				var err error
				if res, err = Build(o); err != nil {
					t.Fatal(err)
				}
				m, _ := readManifest(realTree(t, out))
				if m.build.n != i {
					t.Fatalf("build %d is numbered %d", i, m.build.n)
				}
				for name := range m.files {
					if contentNamed(name) {
						owner[name] = i
					}
				}
			}
			verifyTree(t, out)
			m, _ := readManifest(realTree(t, out))
			want := map[string]int{}
			for name, b := range owner {
				if _, ok := m.files[name]; !ok && b >= tt.keptFrom {
					want[name] = b
				}
			}
			if len(want) == 0 || res.Stats.Kept != len(want) || len(m.kept) != len(want) {
				t.Fatalf("kept %d files (stats %d), want %d", len(m.kept), res.Stats.Kept, len(want))
			}
			params := 0
			for name, k := range m.kept {
				if want[name] != k.build.n {
					t.Errorf("%s kept as build %d's, want %d", name, k.build.n, want[name])
				}
				if strings.HasPrefix(name, "assets/calc-params.") {
					params++
				}
			}
			if params != 5-tt.keptFrom {
				t.Errorf("%d earlier calculator parameters kept, want %d", params, 5-tt.keptFrom)
			}
		})
	}
}

// amount8000 is the amount of 3.2.8's fund (8000 yuan, 80xx once edited).
var amount8000 = regexp.MustCompile(`"80\d\d"`)

// editClause retitles clause 3.2.12 and changes an amount of clause
// 3.2.8 (8000 yuan), differently for each n.
func editClause(t *testing.T, content string, n int) {
	t.Helper()
	p := filepath.Join(content, "measures", "3.2.12.toml")
	os.WriteFile(p, []byte(strings.Replace(read(t, p), "title", fmt.Sprintf("title = \"第%d版\"\n#", n), 1)), 0o644)
	p = filepath.Join(content, "measures", "3.2.8.toml")
	data := read(t, p)
	at := amount8000.FindStringIndex(data)
	if at == nil {
		t.Fatal(`3.2.8 has no amount "80xx"`)
	}
	os.WriteFile(p, []byte(data[:at[0]]+fmt.Sprintf(`"%d"`, 8000+n)+data[at[1]:]), 0o644)
	// The staff's case that expects the fund follows the edit: build
	// runs the cases and refuses an amount they contradict.
	p = filepath.Join(content, "tests", "3.2.4-3.2.8-3.2.17-rural.toml")
	data = read(t, p)
	at = caseFund.FindStringIndex(data)
	if at == nil {
		t.Fatal(`no case expects once = "80xx.00"`)
	}
	os.WriteFile(p, []byte(data[:at[0]]+fmt.Sprintf(`once    = "%d.00"`, 8000+n)+data[at[1]:]), 0o644)
}

// caseFund is the case's expectation of the fund of 3.2.8.
var caseFund = regexp.MustCompile(`once    = "80\d\d\.00"`)
