package model

import (
	"testing"
)

func TestClauseLine(t *testing.T) {
	p, err := LoadOn(minimal(), "content", day)
	if err != nil {
		t.Fatal(err)
	}
	c := p.Clause("3.2.12")
	if c.File != "content/measures/3.2.12.toml" {
		t.Errorf("File = %q", c.File)
	}
	for key, want := range map[string]int{
		"id": 1, "title": 2, "summary": 6,
		"benefits[0]": 8, "benefits[0].amount": 13, "benefits[0].level": 15,
		"benefits[1]": 17, "benefits[1].id": 18, "benefits[1].amount": 22,
		"benefits[1].rate":   17, // not written: its table
		"benefits[1].x[3].y": 17,
		"nothing":            1,
	} {
		if got := c.Line(key); got != want {
			t.Errorf("Line(%q) = %d, want %d", key, got, want)
		}
	}
	if got := c.Errorf("benefits[1].amount", "%q 不对", "2万").Error(); got != `content/measures/3.2.12.toml:22: benefits[1].amount: "2万" 不对` {
		t.Errorf("Errorf: %s", got)
	}
	if v := p.Visible(day, false).Clause("3.2.12"); v.Line("benefits[1].amount") != 22 {
		t.Errorf("a visible copy lost its positions")
	}
	if (&Clause{}).Line("id") != 0 {
		t.Errorf("a clause not made by Load has no positions")
	}
}

func TestPlanLine(t *testing.T) {
	p, err := LoadOn(minimal(), "content", day)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Line("adjustment.toml", "threshold"); got != 2 {
		t.Errorf("adjustment threshold line %d", got)
	}
	if got := p.Line("departments.toml", "department[0].name"); got != 3 {
		t.Errorf("department name line %d", got)
	}
	if got := p.Line("nope.toml", "x"); got != 0 {
		t.Errorf("unknown file line %d", got)
	}
	if got := p.Errorf("adjustment.toml", "threshold", "缺少").Error(); got != "content/adjustment.toml:2: threshold: 缺少" {
		t.Errorf("Errorf: %s", got)
	}
}
