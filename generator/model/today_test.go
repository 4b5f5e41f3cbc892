package model

import (
	"testing"
	"time"
)

func TestToday(t *testing.T) {
	tests := []struct {
		now  string // RFC 3339 instant
		want string
	}{
		{"2026-11-30T15:59:59Z", "2026-11-30"}, // 23:59:59 in Guiyang
		{"2026-11-30T16:00:00Z", "2026-12-01"}, // midnight in Guiyang
		{"2026-12-01T00:30:00-12:00", "2026-12-01"},
		{"2026-12-01T23:59:00-12:00", "2026-12-02"},
		{"2026-12-01T00:30:00+14:00", "2026-11-30"},
		{"2024-02-29T12:00:00+08:00", "2024-02-29"},
	}
	for _, tt := range tests {
		now, err := time.Parse(time.RFC3339, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		got := Today(now)
		if got.Format(time.DateOnly) != tt.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("Today(%s) = %v, want %s 00:00 UTC", tt.now, got, tt.want)
		}
		if d := MakeDate(got); d.String() != tt.want {
			t.Errorf("MakeDate(Today(%s)) = %s", tt.now, d)
		}
	}
}

// TestTodayIgnoresLocal checks that the host's zone (time.Local) does
// not matter: the same instant gives the same day under any Local.
func TestTodayIgnoresLocal(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	now := time.Date(2026, 12, 1, 1, 0, 0, 0, guiyang) // 2026-11-30 17:00 UTC
	for _, zone := range []string{"Etc/GMT+12", "Pacific/Kiritimati", "UTC", "America/Los_Angeles"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		if got := Today(now.Local()).Format(time.DateOnly); got != "2026-12-01" {
			t.Errorf("Local=%s: Today = %s, want 2026-12-01", zone, got)
		}
	}
}
