package batch

import (
	"fmt"
	"io"
	"time"
)

// Progress shows a long run's progress on one line of a terminal,
// rewritten in place: rows done, rate, and the time left when the share
// of the input read is known. It writes at most every Every.
type Progress struct {
	W     io.Writer
	Now   func() time.Time // time.Now when nil
	Every time.Duration    // 500ms when zero

	start, last time.Time
	shown       bool
}

// Update shows rows done and the share of the input read (negative when
// not known).
func (p *Progress) Update(rows int, share float64) {
	now := p.now()
	if p.start.IsZero() {
		p.start, p.last = now, now
		return
	}
	every := p.Every
	if every == 0 {
		every = 500 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start).Seconds()
	line := fmt.Sprintf("已处理 %d 户，每秒 %.0f 户", rows, float64(rows)/max(elapsed, 1e-3))
	if share > 0 && share < 1 {
		line += fmt.Sprintf("，已读 %.0f%%，预计还需 %s", share*100, duration(elapsed*(1-share)/share))
	}
	fmt.Fprintf(p.W, "\r\033[K%s", line)
	p.shown = true
}

// Clear removes the progress line, so that another line can be written.
func (p *Progress) Clear() {
	if p.shown {
		io.WriteString(p.W, "\r\033[K")
		p.shown = false
	}
}

func (p *Progress) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// duration writes seconds as "5 秒", "3 分 20 秒" or "1 小时 5 分".
func duration(s float64) string {
	n := int(s + 0.5)
	switch {
	case n < 60:
		return fmt.Sprintf("%d 秒", n)
	case n < 3600:
		return fmt.Sprintf("%d 分 %d 秒", n/60, n%60)
	}
	return fmt.Sprintf("%d 小时 %d 分", n/3600, n%3600/60)
}
