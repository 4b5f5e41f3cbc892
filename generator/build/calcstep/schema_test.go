package calcstep

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// decodeJSON decodes data keeping numbers as json.Number.
func decodeJSON(t *testing.T, name string, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// TestHouseholdSchema checks the schema's shape and, with a small
// validator for the keywords it uses, that it accepts and rejects the
// right inputs.
func TestHouseholdSchema(t *testing.T) {
	schema := decodeJSON(t, "schema", mustCanon(t, schema("https://example.gov.cn"))).(map[string]any)
	if schema["$schema"] != "https://json-schema.org/draft/2020-12/schema" || schema["additionalProperties"] != false {
		t.Fatalf("schema header wrong: %v %v", schema["$schema"], schema["additionalProperties"])
	}
	valid := []string{
		`{"hukou":"rural","family":"bereaved"}`,
		`{"date":"2014-01-01","hukou":"urban","family":"only_son","members":3,"dibao":true,"dibao_standard":"2400",
		  "poor":false,"integrity":true,"can_develop_project":false,"complication_level":4,"disabled_parent":true,
		  "ethnic_minority":false,"wubao":false,"children":[{"stage":"college","admitted_to_college":true},{"stage":"none"}],
		  "medical_out_of_pocket":12000.5,"housing_area_per_capita":"14.5","middle_low_income":true}`,
	}
	invalid := map[string]string{
		"unknown field":     `{"hukou":"rural","family":"none","pets":2}`,
		"missing family":    `{"hukou":"rural"}`,
		"bad hukou":         `{"hukou":"town","family":"none"}`,
		"members 0":         `{"hukou":"rural","family":"none","members":0}`,
		"members fraction":  `{"hukou":"rural","family":"none","members":1.5}`,
		"negative money":    `{"hukou":"rural","family":"none","medical_out_of_pocket":-1}`,
		"negative string":   `{"hukou":"rural","family":"none","dibao_standard":"-5"}`,
		"money text":        `{"hukou":"rural","family":"none","dibao_standard":"很多"}`,
		"level 5":           `{"hukou":"rural","family":"none","complication_level":5}`,
		"bool as string":    `{"hukou":"rural","family":"none","dibao":"yes"}`,
		"bad stage":         `{"hukou":"rural","family":"none","children":[{"stage":"phd"}]}`,
		"child extra field": `{"hukou":"rural","family":"none","children":[{"stage":"primary","age":7}]}`,
		"child no stage":    `{"hukou":"rural","family":"none","children":[{}]}`,
	}
	for _, in := range valid {
		if err := validate(schema, schema, decodeJSON(t, in, []byte(in)), "$"); err != nil {
			t.Errorf("valid input rejected: %v\n%s", err, in)
		}
	}
	for name, in := range invalid {
		if validate(schema, schema, decodeJSON(t, in, []byte(in)), "$") == nil {
			t.Errorf("%s: invalid input accepted: %s", name, in)
		}
	}
}

// mustCanon encodes v as JSON.
func mustCanon(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validate checks v against schema s for the keywords householdSchema
// uses: $ref (local), type, enum, minimum, maximum, pattern, anyOf,
// required, properties, additionalProperties, items, maxItems.
func validate(root, s map[string]any, v any, at string) error {
	if ref, ok := s["$ref"].(string); ok {
		def := root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if err := validate(root, def, v, at); err != nil {
			return err
		}
	}
	if alts, ok := s["anyOf"].([]any); ok {
		var errs []string
		for _, alt := range alts {
			err := validate(root, alt.(map[string]any), v, at)
			if err == nil {
				errs = nil
				break
			}
			errs = append(errs, err.Error())
		}
		if errs != nil {
			return fmt.Errorf("%s: matches no alternative (%s)", at, strings.Join(errs, "; "))
		}
	}
	if typ, ok := s["type"].(string); ok && !hasType(v, typ) {
		return fmt.Errorf("%s: not of type %s", at, typ)
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == v
		}
		if !found {
			return fmt.Errorf("%s: %v not in enum", at, v)
		}
	}
	if n, ok := v.(json.Number); ok {
		x, _ := n.Float64()
		if m, ok := s["minimum"].(json.Number); ok {
			if lo, _ := m.Float64(); x < lo {
				return fmt.Errorf("%s: below minimum", at)
			}
		}
		if m, ok := s["maximum"].(json.Number); ok {
			if hi, _ := m.Float64(); x > hi {
				return fmt.Errorf("%s: above maximum", at)
			}
		}
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: does not match %s", at, p)
		}
	}
	if list, ok := v.([]any); ok {
		if m, ok := s["maxItems"].(json.Number); ok {
			if max, _ := m.Int64(); int64(len(list)) > max {
				return fmt.Errorf("%s: too many items", at)
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range list {
				if err := validate(root, items, it, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	if o, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := o[r]; !ok {
				return fmt.Errorf("%s: %s required", at, r)
			}
		}
		for k, val := range o {
			ps, known := props[k].(map[string]any)
			if !known {
				if s["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown property %s", at, k)
				}
				continue
			}
			if err := validate(root, ps, val, at+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Int64()
		return err == nil
	}
	return false
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}
