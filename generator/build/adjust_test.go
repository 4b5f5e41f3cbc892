package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestAdjustmentStatus checks what the page of clause 3.1 says with no
// series, with a series below the threshold, and with one that triggers.
func TestAdjustmentStatus(t *testing.T) {
	tests := []struct {
		name, series string
		want         []string
	}{
		{"empty", "", []string{"机制已建立，尚未触发：本平台尚未收录经核实的统计数据"}},
		{"below", row(2011, "10000") + row(2012, "12999.99"), []string{"累计增长尚未达到30%", "12,999.99元"}},
		{"triggered", row(2011, "10000") + row(2013, "13000"), []string{"已触发的调整", "<td>2014-01-01</td>", "<td>30%</td>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyDir(t, fixture, dir)
			adj := "base_year = 2011\nthreshold = \"0.30\"\n" + tt.series
			os.WriteFile(filepath.Join(dir, "adjustment.toml"), []byte(adj), 0o644)
			html := read(t, filepath.Join(build(t, dir), "clauses/3.1/index.html"))
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("page of 3.1 lacks %q", w)
				}
			}
		})
	}
}

func row(year int, yuan string) string {
	return "[[expenditure]]\nyear = " + strconv.Itoa(year) + "\nyuan = \"" + yuan + "\"\nsource = \"测试数据\"\n"
}
