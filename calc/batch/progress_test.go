package batch

import (
	"strings"
	"testing"
	"time"
)

// TestProgress: rows done, rate, share and time left, at most every
// Every, cleared before another line.
func TestProgress(t *testing.T) {
	var b strings.Builder
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &Progress{W: &b, Now: func() time.Time { return now }}
	step := func(d time.Duration, rows int, share float64) string {
		now = now.Add(d)
		b.Reset()
		p.Update(rows, share)
		return b.String()
	}
	if got := step(0, 1000, 0.01); got != "" {
		t.Errorf("first update wrote %q", got)
	}
	if got := step(2*time.Second, 20000, 0.25); got != "\r\033[K已处理 20000 户，每秒 10000 户，已读 25%，预计还需 6 秒" {
		t.Errorf("got %q", got)
	}
	if got := step(100*time.Millisecond, 21000, 0.26); got != "" {
		t.Errorf("wrote again within Every: %q", got)
	}
	if got := step(2*time.Minute, 500000, -1); got != "\r\033[K已处理 500000 户，每秒 4095 户" {
		t.Errorf("unknown share: %q", got)
	}
	b.Reset()
	p.Clear()
	if b.String() != "\r\033[K" {
		t.Errorf("Clear wrote %q", b.String())
	}
	b.Reset()
	p.Clear()
	if b.String() != "" {
		t.Errorf("second Clear wrote %q", b.String())
	}
	for s, want := range map[float64]string{5: "5 秒", 200: "3 分 20 秒", 3900: "1 小时 5 分"} {
		if got := duration(s); got != want {
			t.Errorf("duration(%v) = %q, want %q", s, got, want)
		}
	}
}
