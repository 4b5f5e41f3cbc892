package calcstep

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

func TestFactsFromQuery(t *testing.T) {
	got, err := FactsFromQuery("hukou=rural&family=two_daughters&members=4&dibao=1&child1=college&child1_college=1&child3=junior&medical_out_of_pocket=&complication_level=2")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"hukou": "rural", "family": "two_daughters", "members": "4", "dibao": true, "complication_level": "2",
		"children": []any{map[string]any{"stage": "college", "admitted_to_college": true}, map[string]any{"stage": "junior"}}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %s", got)
	}
	if _, err := rules.ParseFacts(got); err != nil {
		t.Errorf("calc rejects the mapped facts: %v", err)
	}
}

// TestTypicalHouseholds works out the no-JavaScript table on the real
// content: every household is valid and each gets something or is told
// why not.
func TestTypicalHouseholds(t *testing.T) {
	plan, err := model.Load(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	pj, err := params.JSON(plan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := calc.ParseParams(pj)
	if err != nil {
		t.Fatal(err)
	}
	date := time.Now().Format(time.DateOnly)
	if _, err := workOutAll(p, date); err != nil {
		t.Fatal(err)
	}
	for _, tc := range typical {
		ex, _ := workOut(tc.name, tc.query, p, date)
		if len(ex.Cash) == 0 && ex.Services == 0 {
			t.Errorf("%s: gets nothing; pick a household that shows something", tc.name)
		}
	}
}

func TestMoneyText(t *testing.T) {
	for in, want := range map[string]string{"20000.00": "20,000元", "1234.50": "1,234.50元", "0.00": "0元", "999.00": "999元"} {
		if got := moneyText(in); got != want {
			t.Errorf("moneyText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseQuery: the typical households' query strings read through
// calc's door for text cells give the facts the page's mapping gives.
func TestParseQuery(t *testing.T) {
	for _, q := range []string{"hukou=rural&family=two_daughters&members=4&dibao=1&child1=college&child1_college=1&child3=junior&medical_out_of_pocket=&complication_level=2",
		"hukou=urban&family=only_son&members=3&middle_low_income=1&housing_area_per_capita=12.5&aid_standard=800"} {
		viaText, err := ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		js, _ := FactsFromQuery(q)
		viaJSON, err := rules.ParseFacts(js)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(viaText, viaJSON) {
			t.Errorf("%s:\ntext %+v\nJSON %+v", q, viaText, viaJSON)
		}
	}
}

// TestForm: every fact of the vocabulary but the date is asked exactly
// once, with the vocabulary's words.
func TestForm(t *testing.T) {
	asked := map[string]int{}
	for _, s := range form() {
		for _, q := range s.Questions {
			if q.Fact != "" {
				asked[q.Fact]++
			}
			for _, o := range q.Options {
				if o.Fact != "" {
					asked[o.Fact]++
				}
			}
		}
	}
	for _, f := range rules.Fields() {
		if n := asked[f.Name]; f.Name != "date" && n != 1 {
			t.Errorf("fact %s asked %d times", f.Name, n)
		}
	}
}
