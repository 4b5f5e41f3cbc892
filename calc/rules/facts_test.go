package rules

import (
	"strings"
	"testing"
)

// TestParseFactsErrors: bad input is reported per field, with the path.
func TestParseFactsErrors(t *testing.T) {
	tests := []struct {
		in     string
		fields string // sorted field paths, space-separated
	}{
		{`not json`, "$"},
		{``, "$"},
		{`[]`, "$"},
		{`null`, "$"},
		{`"x"`, "$"},
		{`{"hukou":"rural","family":"none"} {}`, "$"},
		{`{}`, "family hukou"},
		{`{"hukou":"city","family":"none"}`, "hukou"},
		{`{"hukou":"rural","family":"only child"}`, "family"},
		{`{"hukou":1,"family":"none"}`, "hukou"},
		{`{"hukou":"rural","family":"none","colour":"red"}`, "colour"},
		{`{"hukou":"rural","family":"none","members":0}`, "members"},
		{`{"hukou":"rural","family":"none","members":101}`, "members"},
		{`{"hukou":"rural","family":"none","members":2.5}`, "members"},
		{`{"hukou":"rural","family":"none","members":true}`, "members"},
		{`{"hukou":"rural","family":"none","complication_level":7}`, "complication_level"},
		{`{"hukou":"rural","family":"none","complication_level":-1}`, "complication_level"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":-1}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"-0.01"}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":1e3}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"abc"}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"1234567890123456789012345"}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"100000000"}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"12.345"}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"12."}`, "medical_out_of_pocket"},
		{`{"hukou":"rural","family":"none","dibao_standard":"0"}`, "dibao_standard"},
		{`{"hukou":"rural","family":"none","hukou":"urban"}`, "hukou"},
		{`{"hukou":"rural","family":"none","children":[{"stage":"primary","stage":"junior"}]}`, "children[0].stage"},
		{`{"hukou":"rural","family":"none","x":[[[[[[[[[[[1]]]]]]]]]]]}`, "$"},
		{`{"hukou":"rural","family":"none","dibao_standard":[1]}`, "dibao_standard"},
		{`{"hukou":"rural","family":"none","housing_area_per_capita":"-3"}`, "housing_area_per_capita"},
		{`{"hukou":"rural","family":"none","dibao":"yes"}`, "dibao"},
		{`{"hukou":"rural","family":"none","date":"2024-13-01"}`, "date"},
		{`{"hukou":"rural","family":"none","date":"2024-1-1"}`, "date"},
		{`{"hukou":"rural","family":"none","children":{}}`, "children"},
		{`{"hukou":"rural","family":"none","children":[1]}`, "children[0]"},
		{`{"hukou":"rural","family":"none","children":[{"stage":"primary"},{"stage":"kindergarten"}]}`, "children[1].stage"},
		{`{"hukou":"rural","family":"none","children":[{"admitted_to_college":true}]}`, "children[0].stage"},
		{`{"hukou":"rural","family":"none","children":[{"stage":"college","admitted_to_college":"yes"}]}`, "children[0].admitted_to_college"},
		{`{"hukou":"rural","family":"none","children":[{"stage":"college","age":19}]}`, "children[0].age"},
		{`{"hukou":"rural","family":"none","children":[` + strings.Repeat(`{"stage":"none"},`, 20) + `{"stage":"none"}]}`, "children"},
		{`{"hukou":"x","family":"y","members":0,"zz":1,"aa":2}`, "aa family hukou members zz"},
	}
	for _, tt := range tests {
		_, err := ParseFacts([]byte(tt.in))
		if err == nil && tt.fields == "" {
			continue
		}
		if err == nil {
			t.Errorf("ParseFacts(%s): no error", tt.in)
			continue
		}
		if got := strings.Join(fieldsOf(t, err), " "); got != tt.fields {
			t.Errorf("ParseFacts(%s): fields %q, want %q (%v)", tt.in, got, tt.fields, err)
		}
	}
}

// TestParseFactsValues: values are read exactly, numbers or strings alike.
func TestParseFactsValues(t *testing.T) {
	f, err := ParseFacts([]byte(`{"date":"2020-02-29","hukou":"rural","family":"two_daughters","members":"4",
		"dibao":true,"dibao_standard":3456.78,"medical_out_of_pocket":"0.10","housing_area_per_capita":" 14.99 ",
		"complication_level":4,"children":[{"stage":"college","admitted_to_college":true},{"stage":"none"}],
		"poor":null,"wubao":false,"aid_standard":"99999999.99"}`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Date != "2020-02-29" || f.Hukou != Rural || f.Family != TwoDaughters || f.Members != 4 ||
		f.DibaoStandard.String() != "3456.78" || f.MedicalOutOfPocket.String() != "0.1" ||
		f.HousingAreaPerCapita.Hundredths() != 1499 || f.AidStandard.Hundredths() != 9999999999 ||
		f.ComplicationLevel != 4 || len(f.Children) != 2 || !f.Children[0].AdmittedToCollege ||
		f.Children[0].Stage != College || f.Children[1].Stage != NoSchool || f.Poor || !f.Dibao {
		t.Errorf("facts = %+v", f)
	}
	if f.Poor || f.Wubao || f.Integrity {
		t.Errorf("yes/no facts left out or null must be no: %+v", f)
	}
	if f, err = ParseFacts([]byte(`{"hukou":"urban","family":"none"}`)); err != nil || f.Members != 0 ||
		f.DibaoStandard.Given() || f.MedicalOutOfPocket.Given() || f.HousingAreaPerCapita.Given() {
		t.Errorf("facts left out must stay not given: %+v %v", f, err)
	}
	if f, err = ParseFacts([]byte(`{"hukou":"urban","family":"none","medical_out_of_pocket":0,"housing_area_per_capita":"0.00"}`)); err != nil ||
		!f.MedicalOutOfPocket.Given() || f.MedicalOutOfPocket.Hundredths() != 0 || !f.HousingAreaPerCapita.Given() {
		t.Errorf("a zero given is given: %+v %v", f, err)
	}
}

// TestShortChildren: the short form of children reads like the list.
func TestShortChildren(t *testing.T) {
	long, err := ParseFacts([]byte(`{"hukou":"rural","family":"none","children":[{"stage":"primary"},{"stage":"senior","admitted_to_college":true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	short, err := ParseFacts([]byte(`{"hukou":"rural","family":"none","children":" primary ; senior+admitted ;"}`))
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(long) != mustJSON(short) {
		t.Errorf("short form %s, list %s", mustJSON(short), mustJSON(long))
	}
	_, err = ParseFacts([]byte(`{"hukou":"rural","family":"none","children":"primary;nursery"}`))
	if got := fieldsOf(t, err); len(got) != 1 || got[0] != "children[1].stage" {
		t.Errorf("fields %v", got)
	}
}

func TestFieldErrorString(t *testing.T) {
	if got := (&FieldError{Field: "children[1].stage", Msg: "bad"}).Error(); got != "children[1].stage: bad" {
		t.Errorf("Error() = %q", got)
	}
}
