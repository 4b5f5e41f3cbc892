package batch

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gyportal/calc"
)

const (
	oneHousehold = `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true,"medical_out_of_pocket":"12000"}`
	twoHousehold = `{"hukou":"urban","family":"bereaved","date":"2020-01-01"}`
	badHousehold = `{"hukou":"rural","family":"none","children":[{"stage":"x"}]}`
)

// answerJSON runs JSON and returns what it wrote and reported.
func answerJSON(t *testing.T, in string, pretty bool) (string, []string, error) {
	t.Helper()
	var out bytes.Buffer
	var errs []string
	_, err := JSON(strings.NewReader(in), &out, testParams(t), Options{Today: "2024-01-01",
		Report: func(e error) { errs = append(errs, e.Error()) }}, pretty)
	return out.String(), errs, err
}

func run(t *testing.T, facts string) []byte {
	t.Helper()
	b, err := calc.Run([]byte(facts), testParams(t), "2024-01-01")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestJSON: a lone object's answer is calc.Run's bytes; an array's
// answers are calc.Run's bytes in order, null for a household with
// errors; --pretty indents the same answers.
func TestJSON(t *testing.T) {
	a1, a2 := run(t, oneHousehold), run(t, twoHousehold)
	got, errs, err := answerJSON(t, oneHousehold, false)
	if err != nil || len(errs) > 0 || got != string(a1)+"\n" {
		t.Errorf("object: %v %q\n%.200s", err, errs, got)
	}
	got, errs, err = answerJSON(t, "["+oneHousehold+",\n"+badHousehold+", "+twoHousehold+", 3]", false)
	want := "[\n" + string(a1) + ",\nnull,\n" + string(a2) + ",\nnull\n]\n"
	if err != nil || got != want {
		t.Errorf("array: %v\n%.300s", err, got)
	}
	wantErrs := []string{`[1].children[0].stage: "x" 不是可选值之一`, "[3]: 应为一个 JSON 对象"}
	if len(errs) != len(wantErrs) || !strings.HasPrefix(errs[0], wantErrs[0]) || !strings.HasPrefix(errs[1], wantErrs[1]) {
		t.Errorf("errors %q, want %q", errs, wantErrs)
	}

	got, _, _ = answerJSON(t, oneHousehold, true)
	var ind bytes.Buffer
	json.Indent(&ind, a1, "", "  ")
	if got != ind.String()+"\n" {
		t.Errorf("pretty object:\n%.300s", got)
	}
	got, _, _ = answerJSON(t, "["+oneHousehold+","+badHousehold+"]", true)
	all, _ := json.MarshalIndent([]json.RawMessage{a1, json.RawMessage("null")}, "", "  ")
	if got != string(all)+"\n" {
		t.Errorf("pretty array:\n%.300s\nwant\n%.300s", got, all)
	}
	if got, _, err := answerJSON(t, " [ ] ", false); err != nil || got != "[]\n" {
		t.Errorf("empty array: %q %v", got, err)
	}
}

// TestJSONStops: a stream that breaks off keeps the answers written a
// valid array.
func TestJSONStops(t *testing.T) {
	got, _, err := answerJSON(t, "["+oneHousehold+", {\"hukou\": \"rural\"", false)
	var list []json.RawMessage
	if err == nil || !strings.Contains(err.Error(), "[1]: JSON 数组不完整") || json.Unmarshal([]byte(got), &list) != nil || len(list) != 1 {
		t.Errorf("error %v, output %.100q", err, got)
	}
}
