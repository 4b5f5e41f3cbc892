package model

import (
	"time"
	_ "time/tzdata" // Asia/Shanghai whatever the host has installed
)

// guiyang is the site's time zone: Guiyang keeps Beijing time.
var guiyang = mustLoadLocation("Asia/Shanghai")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("model: time zone " + name + ": " + err.Error()) // embedded tzdata has it
	}
	return loc
}

// Today returns the calendar date in Guiyang (Asia/Shanghai) at the
// instant now, as midnight UTC: the representation Date uses, so that
// it compares directly with publish dates and change dates. Every
// "today" of build, serve, check and calc goes through it, whatever the
// host's time zone.
func Today(now time.Time) time.Time {
	y, m, d := now.In(guiyang).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
