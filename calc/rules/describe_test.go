package rules

import (
	"strings"
	"testing"
)

// TestDescribe: every rule is described once, under its clause, from the
// parameters' figures; every reading of the rule code is in a description.
func TestDescribe(t *testing.T) {
	p := withSeries("2011:10000", "2012:13000")
	std := p.std()
	ds, err := std.Describe("2014-01-01")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]BenefitRule{}
	texts := ""
	for _, c := range ds {
		for _, r := range c.Readings {
			texts += r.Words + r.Text
		}
		for _, b := range c.Benefits {
			if _, dup := byID[b.Benefit]; dup {
				t.Errorf("%s described twice", b.Benefit)
			}
			if b.Clause != c.Clause || b.Title == "" || len(b.Who) == 0 {
				t.Errorf("incomplete description %+v", b)
			}
			byID[b.Benefit] = b
			for _, r := range b.Readings {
				texts += r.Words + r.Text
			}
		}
	}
	for _, id := range std.BenefitIDs() {
		if _, ok := byID[id]; !ok {
			t.Errorf("%s not described", id)
		}
	}
	for _, r := range p.Readings {
		if !strings.Contains(texts, r.Text) {
			t.Errorf("reading %q is in no description", r.Words)
		}
	}
	for id, want := range map[string]string{
		"bereaved-city":                 "每户一次性26000元",
		"bereaved-province":             "每户一次性30000元",
		"dibao-supplement":              "当地农村低保保障标准 × 20% × 家庭人口数，每年不低于此数",
		"serious-illness-reimbursement": "（个人年度累计负担的合规医疗费用 − 起付标准5000元）× 50%，每年不低于此数",
		"rural-homestead-area":          "每户不低于260平方米",
		"poverty-aid-increase":          "在帮扶标准基础上提高不低于30%",
	} {
		if got := byID[id].Amount; !strings.Contains(got, want) {
			t.Errorf("%s amount %q, want %q", id, got, want)
		}
	}
	if w := strings.Join(byID["public-rental-housing"].Who, "；"); !strings.Contains(w, "城镇人均住房面积15平方米以下（含本数）") {
		t.Errorf("public-rental-housing who %q", w)
	}
	if w := strings.Join(byID["dibao-supplement"].Who, "；"); !strings.Contains(w, "独生子女户（含失独家庭）或计划生育二女户") {
		t.Errorf("dibao-supplement who %q", w)
	}
	if b := byID["college-award-dibao"]; b.Instead != "名称-college-award" || b.PerChild == "" {
		t.Errorf("college-award-dibao: instead %q, per child %q", b.Instead, b.PerChild)
	}
	if b := byID["school-aid-senior"]; !strings.Contains(b.PerChild, "高中或中职") || !b.Adjustable {
		t.Errorf("school-aid-senior %+v", b)
	}
}

// TestReadingsStatedOnce: no two readings say the same, and none has
// figures of its own (the figures are the content's).
func TestReadingsStatedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range testParams().Readings {
		if seen[r.Text] {
			continue
		}
		seen[r.Text] = true
		for _, d := range []string{"元", "平方米"} {
			for _, n := range []string{"500", "1000", "5000", "6000", "8000", "15", "20", "30", "260"} {
				if strings.Contains(r.Text, n+d) {
					t.Errorf("reading %q states a figure %s%s", r.Words, n, d)
				}
			}
		}
	}
}
