package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
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

func TestOpenDataFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, contentCopy(t, withUpdates), out, false)
	files, _ := filepath.Glob(filepath.Join(out, "data", "*.json"))
	if len(files) != 7 {
		t.Fatalf("data/ holds %d files, want 7", len(files))
	}
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		v := decodeJSON(t, f, raw)
		canon, err := canonicalJSON(v)
		if err != nil || !bytes.Equal(canon, raw) {
			t.Errorf("%s is not canonical (sorted, indented) JSON", filepath.Base(f))
		}
	}
	var clauses []clauseData
	json.Unmarshal(readOut(t, out, "data/clauses.json"), &clauses)
	if len(clauses) != len(res.Plan.Clauses) || clauses[0].ID != res.Plan.Clauses[0].ID {
		t.Errorf("clauses.json has %d clauses, want %d in plan order", len(clauses), len(res.Plan.Clauses))
	}
	var benefits []benefitData
	json.Unmarshal(readOut(t, out, "data/benefits.json"), &benefits)
	ids := map[string]bool{}
	for _, b := range benefits {
		if ids[b.ID] {
			t.Errorf("benefit %s listed twice", b.ID)
		}
		ids[b.ID] = true
	}
	var params paramsData
	json.Unmarshal(readOut(t, out, "data/parameters.json"), &params)
	if got := params.Benefits["bereaved-city"]; len(got) != 1 || got[0].Amount != "20000" || got[0].From != "2013-06-09" {
		t.Errorf("parameters.json bereaved-city = %+v, want 20000 from 2013-06-09", got)
	}
	for id := range params.Benefits {
		if !ids[id] {
			t.Errorf("parameters.json names unknown benefit %s", id)
		}
	}
	for _, c := range clauses {
		if c.ID == "3.2.12" && (len(c.Updates) != 2 || c.Updates[0].Date != "2014-03-01") {
			t.Errorf("clauses.json 3.2.12 updates = %+v", c.Updates)
		}
	}
}

// TestOpenDataPageDocumentsEveryFile checks that /open-data/ links every
// data file and names every top-level field each file contains.
func TestOpenDataPageDocumentsEveryFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, contentCopy(t, withUpdates), out, false)
	page := string(readOut(t, out, "open-data/index.html"))
	files, _ := filepath.Glob(filepath.Join(out, "data", "*.json"))
	for _, f := range files {
		name := filepath.Base(f)
		if !strings.Contains(page, `href="/data/`+name+`"`) {
			t.Errorf("open-data page does not link %s", name)
		}
		raw, _ := os.ReadFile(f)
		for _, field := range topFields(decodeJSON(t, name, raw), name) {
			if !strings.Contains(page, "<code>"+field+"</code>") {
				t.Errorf("open-data page does not document %s field %s", name, field)
			}
		}
	}
}

// topFields returns the field names a reader of file meets first: the
// keys of its items (a list), of the object itself, or of a schema's
// properties.
func topFields(v any, name string) []string {
	keys := map[string]bool{}
	switch x := v.(type) {
	case []any:
		for _, it := range x {
			for k := range it.(map[string]any) {
				keys[k] = true
			}
		}
	case map[string]any:
		if p, ok := x["properties"].(map[string]any); ok && strings.HasSuffix(name, ".schema.json") {
			x = p
		}
		for k := range x {
			keys[k] = true
		}
	}
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// draftClauses are a draft clause and one published in the future, each
// with a benefit and an update carrying marker text.
var draftClauses = map[string]string{
	"measures/3.2.19.toml": `id = "3.2.19"
title = "草稿条款甲乙丙"
departments = ["population"]
groups = ["bereaved"]
text = "草稿原文甲乙丙。"
summary = "草稿解读甲乙丙。"
draft = true
[[benefits]]
id = "draft-benefit-xyz"
name = "草稿待遇甲乙丙"
for = "household"
kind = "cash"
amount = "123"
unit = "元"
period = "once"
level = "city"
[[updates]]
date = "2015-01-01"
text = "草稿动态甲乙丙。"
`,
	"measures/3.2.20.toml": `id = "3.2.20"
title = "未来条款丁戊己"
departments = ["population"]
groups = ["bereaved"]
text = "未来原文丁戊己。"
summary = "未来解读丁戊己。"
publish = "2030-01-01"
[[benefits]]
id = "future-benefit-xyz"
name = "未来待遇丁戊己"
for = "household"
kind = "cash"
amount = "456"
unit = "元"
period = "once"
level = "city"
[[updates]]
date = "2016-01-01"
text = "未来动态丁戊己。"
`,
}

// markersIn returns the output files that contain any of markers.
func markersIn(files map[string]string, markers ...string) []string {
	var hits []string
	for _, name := range sortedNames(files) {
		for _, m := range markers {
			if strings.Contains(files[name], m) {
				hits = append(hits, name+" contains "+m)
			}
		}
	}
	return hits
}

// TestDraftsAndFuturePublishStayOut checks every output file (pages,
// sitemap, feed, search index, open data) for the marker text of a draft
// clause and of one published after the build date.
func TestDraftsAndFuturePublishStayOut(t *testing.T) {
	content := contentCopy(t, draftClauses)
	draft := []string{"甲乙丙", "draft-benefit-xyz", "3.2.19"}
	future := []string{"丁戊己", "future-benefit-xyz", "3.2.20"}

	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, content, out, false)
	if hits := markersIn(allOutput(t, out), append(draft, future...)...); len(hits) > 0 {
		t.Errorf("public build leaks hidden clauses:\n%s", strings.Join(hits, "\n"))
	}

	preview := filepath.Join(t.TempDir(), "preview")
	buildInto(t, content, preview, true)
	files := allOutput(t, preview)
	for _, want := range []string{"clauses/3.2.19/index.html", "data/clauses.json", "feed.xml", "sitemap.xml"} {
		if !strings.Contains(files[want], "3.2.19") {
			t.Errorf("--drafts build: %s lacks the draft clause", want)
		}
	}
	if hits := markersIn(files, future...); len(hits) > 0 {
		t.Errorf("--drafts build shows a clause before its publish date:\n%s", strings.Join(hits, "\n"))
	}

	later := filepath.Join(t.TempDir(), "later")
	if _, err := renderSite(renderOptions{Content: os.DirFS(content), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates", Out: later,
		Today: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(later, "clauses", "3.2.20", "index.html")); err != nil {
		t.Errorf("clause 3.2.20 not published on its publish date: %v", err)
	}
}

// TestHouseholdSchema checks the schema's shape and, with a small
// validator for the keywords it uses, that it accepts and rejects the
// right inputs.
func TestHouseholdSchema(t *testing.T) {
	schema := decodeJSON(t, "schema", mustCanon(t, householdSchema("https://example.gov.cn"))).(map[string]any)
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

// TestSchemaMatchesCalcFacts checks that the schema lists exactly the
// facts the calculator reads (calc/facts.go, read as source so that this
// test does not depend on the calculator compiling).
func TestSchemaMatchesCalcFacts(t *testing.T) {
	src := "../../calc/facts.go"
	if _, err := os.Stat(src); err != nil {
		t.Skip("calc/facts.go not present")
	}
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var facts []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "factFields" || len(vs.Values) != 1 {
			return true
		}
		for _, el := range vs.Values[0].(*ast.CompositeLit).Elts {
			if lit, ok := el.(*ast.CompositeLit).Elts[0].(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(lit.Value)
				facts = append(facts, s)
			}
		}
		return false
	})
	if len(facts) == 0 {
		t.Skip("calc/facts.go has no factFields list")
	}
	var props []string
	for k := range householdSchema("")["properties"].(obj) {
		props = append(props, k)
	}
	sort.Strings(props)
	sort.Strings(facts)
	if strings.Join(props, ",") != strings.Join(facts, ",") {
		t.Errorf("schema properties %v\ncalc facts          %v", props, facts)
	}
}

func mustCanon(t *testing.T, v any) []byte {
	t.Helper()
	b, err := canonicalJSON(v)
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
