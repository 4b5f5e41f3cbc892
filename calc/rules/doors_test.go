package rules

import (
	"encoding/json"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// TestDoors: one household read from JSON, from text cells (as CSV and
// query strings give them) and from a TOML check case gives the same
// Facts.
func TestDoors(t *testing.T) {
	fromJSON, err := ParseFacts([]byte(`{"date":"2024-03-01","hukou":"rural","family":"two_daughters","members":3,
		"dibao":true,"dibao_standard":"2500.50","poor":false,"complication_level":2,
		"children":[{"stage":"junior"},{"stage":"senior","admitted_to_college":true}],
		"medical_out_of_pocket":12000,"aid_standard":"800"}`))
	if err != nil {
		t.Fatal(err)
	}
	cells := url.Values{"date": {"2024-03-01"}, "hukou": {"rural"}, "family": {"two_daughters"}, "members": {"3"},
		"dibao": {"是"}, "dibao_standard": {" 2500.5 "}, "poor": {"0"}, "complication_level": {"2"},
		"children": {"junior; senior+admitted"}, "medical_out_of_pocket": {"12000.00"}, "aid_standard": {"800"},
		"wubao": {""}}
	fromText, err := ParseFactsText(func(name string) (string, bool) {
		v, ok := cells[name]
		if !ok {
			return "", false
		}
		return v[0], true
	})
	if err != nil {
		t.Fatal(err)
	}
	var c struct{ Facts map[string]any }
	if _, err := toml.Decode(`[facts]
date = 2024-03-01
hukou = "rural"
family = "two_daughters"
members = 3
dibao = true
dibao_standard = "2500.50"
poor = false
complication_level = 2
medical_out_of_pocket = "12000"
aid_standard = "800"
[[facts.children]]
stage = "junior"
[[facts.children]]
stage = "senior"
admitted_to_college = true
`, &c); err != nil {
		t.Fatal(err)
	}
	fromTOML, err := ParseFactsTOML(c.Facts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromJSON, fromText) || !reflect.DeepEqual(fromJSON, fromTOML) {
		t.Errorf("JSON %+v\ntext %+v\nTOML %+v", fromJSON, fromText, fromTOML)
	}
}

// TestTextDoorErrors: text cells are checked like JSON, field by field;
// a label may stand for a name; an empty cell is a fact not given.
func TestTextDoorErrors(t *testing.T) {
	tests := []struct {
		cells  map[string]string
		fields string
	}{
		{map[string]string{"hukou": "农村户口", "family": "失独家庭"}, ""},
		{map[string]string{"hukou": "rural", "family": "none", "members": " "}, ""},
		{map[string]string{"hukou": "", "family": "none"}, "hukou"},
		{map[string]string{"hukou": "村", "family": "none"}, "hukou"},
		{map[string]string{"hukou": "rural", "family": "none", "dibao": "有"}, "dibao"},
		{map[string]string{"hukou": "rural", "family": "none", "members": "三"}, "members"},
		{map[string]string{"hukou": "rural", "family": "none", "dibao_standard": "2万"}, "dibao_standard"},
		{map[string]string{"hukou": "rural", "family": "none", "children": "primary;phd"}, "children[1].stage"},
		{map[string]string{"hukou": "rural", "family": "none", "children": "小学;高中+admitted"}, ""},
		{map[string]string{"hukou": "rural", "family": "none", "date": "2024/01/01"}, "date"},
	}
	for _, tt := range tests {
		_, err := ParseFactsText(func(name string) (string, bool) { v, ok := tt.cells[name]; return v, ok })
		got := ""
		if err != nil {
			got = strings.Join(fieldsOf(t, err), " ")
		}
		if got != tt.fields {
			t.Errorf("%v: fields %q, want %q (%v)", tt.cells, got, tt.fields, err)
		}
	}
}

// TestTOMLDoorErrors: a TOML float is refused (amounts are strings);
// unknown keys and bad children are named.
func TestTOMLDoorErrors(t *testing.T) {
	tests := []struct {
		facts  map[string]any
		fields string
	}{
		{map[string]any{"hukou": "rural", "family": "none", "dibao_standard": 2500.5}, "dibao_standard"},
		{map[string]any{"hukou": "rural", "family": "none", "colour": "red"}, "colour"},
		{map[string]any{"hukou": "rural", "family": "none", "children": []map[string]any{{"age": int64(3)}}},
			"children[0].age children[0].stage"},
		{map[string]any{"hukou": "rural", "family": "none", "children": "college+admitted"}, ""},
		{map[string]any{"hukou": "rural", "family": "none", "date": time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)}, ""},
		{map[string]any{"hukou": "rural", "family": "none", "members": int64(0)}, "members"},
	}
	for _, tt := range tests {
		_, err := ParseFactsTOML(tt.facts)
		got := ""
		if err != nil {
			got = strings.Join(fieldsOf(t, err), " ")
		}
		if got != tt.fields {
			t.Errorf("%v: fields %q, want %q (%v)", tt.facts, got, tt.fields, err)
		}
	}
}

// TestJSONStrings: escapes decode as encoding/json decodes them.
func TestJSONStrings(t *testing.T) {
	for _, s := range []string{`"rural"`, `"ru\u0072al"`, `"\ud83d\ude00"`, `"\ud83d"`, `"a\"b\\c\/\b\f\n\r\t"`, `"中文"`} {
		r := &jsonReader{data: []byte(s)}
		got, ok := r.str()
		var want string
		if err := json.Unmarshal([]byte(s), &want); err != nil || !ok || string(got) != want {
			t.Errorf("%s: got %q (%v), want %q", s, got, r.err, want)
		}
	}
	for _, s := range []string{`"abc`, `"a\x"`, "\"a\x01\"", `"\u12"`} {
		r := &jsonReader{data: []byte(s)}
		if _, ok := r.str(); ok || r.err == nil || r.err.Field != "$" {
			t.Errorf("%s: accepted", s)
		}
	}
}

// TestJSONNumbers: the reader accepts exactly JSON's number grammar.
func TestJSONNumbers(t *testing.T) {
	for _, s := range []string{"0", "-0", "12", "12.5", "1e3", "1E+3", "-1.5e-3", "01", "1.", ".5", "-", "1e", "+1"} {
		r := &jsonReader{data: []byte(s)}
		_, ok := r.number()
		ok = ok && r.end()
		if want := json.Valid([]byte(s)); ok != want {
			t.Errorf("%q: accepted %v, encoding/json %v", s, ok, want)
		}
	}
}

// TestValidDate: calendar dates only.
func TestValidDate(t *testing.T) {
	for s, want := range map[string]bool{"2024-02-29": true, "2023-02-29": false, "2000-02-29": true, "1900-02-29": false,
		"2024-04-31": false, "2024-12-31": true, "0000-01-01": false, "2024-1-01": false, "2024-01-01x": false} {
		if validDate(s) != want {
			t.Errorf("validDate(%q) = %v", s, !want)
		}
	}
}

// TestContradictionDoors: each household of the shared table of
// contradictions (../testdata/contradictions.json) is refused by the
// three doors — JSON, text cells, a TOML check case — with the one
// message, naming the same field.
func TestContradictionDoors(t *testing.T) {
	data, err := os.ReadFile("../testdata/contradictions.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name, CSV, Field, Message string
		Facts                     json.RawMessage
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		want := c.Field + ": " + c.Message
		_, errJSON := ParseFacts(c.Facts)
		head, row, _ := strings.Cut(strings.TrimSpace(c.CSV), "\n")
		cells := map[string]string{}
		names := strings.Split(head, ",")
		for i, v := range strings.Split(row, ",") {
			cells[names[i]] = v
		}
		_, errText := ParseFactsText(func(name string) (string, bool) { v, ok := cells[name]; return v, ok })
		var m map[string]any
		json.Unmarshal(c.Facts, &m)
		for k, v := range m {
			if n, ok := v.(float64); ok {
				m[k] = int64(n) // TOML integers
			}
		}
		_, errTOML := ParseFactsTOML(m)
		for door, err := range map[string]error{"JSON": errJSON, "text": errText, "TOML": errTOML} {
			if err == nil || err.Error() != want {
				t.Errorf("%s, %s door: %v, want %q", c.Name, door, err, want)
			}
		}
	}
}
