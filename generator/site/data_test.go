package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
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
	for _, want := range []string{"clauses/3.2.19/index.html", "data/clauses.json", "feed.xml"} {
		if !strings.Contains(files[want], "3.2.19") {
			t.Errorf("--drafts build: %s lacks the draft clause", want)
		}
	}
	if strings.Contains(files["sitemap.xml"], "3.2.19") {
		t.Error("--drafts build: the sitemap lists the draft (its page is noindex)")
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

// TestOpenDataFieldsSorted checks that every struct written as open
// data declares its fields in the order of their JSON names, which is
// what makes canonicalJSON's output sorted.
func TestOpenDataFieldsSorted(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(reflect.Type)
	check = func(ty reflect.Type) {
		for ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map || ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		prev := ""
		for i := range ty.NumField() {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name < prev {
				t.Errorf("%s: field %s (%q) comes after %q: keep the fields sorted by JSON name", ty.Name(), f.Name, name, prev)
			}
			prev = name
			check(f.Type)
		}
	}
	for _, v := range []any{docData{}, clauseData{}, bodyData{}, benefitData{}, paramsData{}} {
		check(reflect.TypeOf(v))
	}
}
