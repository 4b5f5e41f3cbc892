package calc

import (
	"encoding/json"
	"testing"
)

// FuzzRun: no input makes Run panic; every error names a field; every
// answer is valid JSON.
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		`{"hukou":"rural","family":"only_daughter","members":3,"dibao":true,"dibao_standard":"2500","integrity":true,"can_develop_project":true}`,
		`{"hukou":"urban","family":"bereaved","complication_level":2,"disabled_parent":true,"children":[{"stage":"college","admitted_to_college":true}]}`,
		`{"hukou":"rural","family":"none","medical_out_of_pocket":5000.01,"date":"2013-06-08"}`,
		`{"hukou":"urban","family":"other_planned","housing_area_per_capita":"14.99","middle_low_income":true,"poor":true}`,
		`{"children":[{"stage":"x"},1,null],"members":0}`,
		`[]`, `null`, `{`, `{"hukou":"rural","family":"none"} 1`, `{"date":"9999-12-31","hukou":"rural","family":"two_daughters"}`,
	} {
		f.Add([]byte(s))
	}
	p := testParams()
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Run(data, p, "2014-01-01")
		if err != nil {
			fieldsOf(t, err)
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON answer: %s", out)
		}
	})
}
