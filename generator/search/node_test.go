package search_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gyportal/generator/search"
	"gyportal/generator/search/searchtest"
)

// needTool returns the path of an external program, or skips the test
// when it is missing; with CI set, a missing program fails the test.
func needTool(t *testing.T, name string, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed, and CI is set", name)
	}
	t.Skipf("%s is not installed; skipping (set CI to make this a failure)", name)
	return ""
}

// nodeDriver runs search.js under node: it tokenizes the strings, parses
// and expands the queries, and runs every query against the index with
// the browser's engine, reading files from disk instead of fetching.
const nodeDriver = `
const api = require(process.argv[2]);
const fs = require("fs"), path = require("path");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const cp = (s, i) => Array.from(s.slice(0, i)).length;
(async () => {
  const out = { tokens: [], parsed: [], expanded: [], search: [] };
  for (const s of input.strings) {
    out.tokens.push(api.tokenize(s, false).map(t => [t.key, t.pos, cp(s, t.start), cp(s, t.end)]));
  }
  const meta = JSON.parse(fs.readFileSync(path.join(input.root, input.meta), "utf8"));
  for (const q of input.queries) {
    const phrases = api.parseQuery(q);
    out.parsed.push(phrases);
    out.expanded.push(phrases.map(p => api.expand(p, meta.syn, meta.sw).map(a => ({ keys: a.keys, weight: a.weight }))));
    const eng = new api.Engine(name => fs.readFileSync(path.join(input.root, name)));
    await eng.open(input.meta);
    const res = await eng.search(q);
    await Promise.all(res.hits.slice(0, 10).map(h => eng.fragment(h)));
    const files = Object.keys(eng.fetched).filter(n => n !== input.meta).sort();
    out.search.push({ hits: res.hits.map(h => [h.doc, h.score, h.seg]), files });
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

type nodeOutput struct {
	Tokens   [][][4]any
	Parsed   [][][]string
	Expanded [][][]struct {
		Keys   []string
		Weight float64
	}
	Search []struct {
		Hits  [][3]float64
		Files []string
	}
}

// tokenCorpus returns strings that exercise the tokenizer.
func tokenCorpus(docs []search.Doc) []string {
	strs := []string{
		"", " ", "3.2.12", "3.2.12.", ".5", "5.", "3..2", "1.5万元", "v1.2", "ＡＢＣ１２３", "Ｖ１．２",
		"在省 3 万元的标准上增发 2 万元", "低保 8000", "低保，8000", "2万", "2 万", "１０００元",
		"abc DEF", "a-b_c", "〇一二", "𠀀𠀁計劃", "😀失独😀", "ｱｲｳ", "Ⅻ", "\u3000失\u3000独\u00a0家\t庭\n",
		"（一）建立", "“户户通”", "50%", "100%，并免", "中共贵阳市委办公厅  \n贵阳市人民政府办公厅",
	}
	for _, d := range docs {
		strs = append(strs, d.Title, d.Department, d.Summary, d.Body)
		strs = append(strs, d.Groups...)
	}
	alphabet := []string{"a", "Z", "9", "0", ".", "．", "０", "Ｑ", " ", "\u3000", "\t", "\n", "，", "。", "计", "划",
		"𠀀", "〇", "\u00a0", "-", "%", "😀", "ｱ", "Ⅻ", "\u200b", "\ufeff", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		var b strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		strs = append(strs, b.String())
	}
	return strs
}

// TestJSMatchesGo runs search.js under node and checks that it splits
// text into the same tokens as Tokenize, parses and expands queries the
// same way, and returns the same ranked hits and fetches the same files
// as Reader.Query.
func TestJSMatchesGo(t *testing.T) {
	node := needTool(t, "node")
	docs, syn := searchtest.MustFixture()
	dir := t.TempDir()
	a, err := search.Write(dir, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.OpenDir(dir, a.Meta)
	if err != nil {
		t.Fatal(err)
	}
	strs := tokenCorpus(append(docs, searchtest.Synthetic(20, 5)...))
	queries := []string{"", "  ", "，", "ＡＢＣ", "3.2.12 失独", "低保，8000", "残疾人", "独生女户", "１０００元",
		"计划生育家庭", "计划生育特殊困难家庭", "火星", "在省3万元的标准上增发2万元的一次性抚慰金",
		"对计划生育手术并发症群众在经过国家专业鉴定机构鉴定后一级对象发放一次性抚慰金二级对象每月发放生活补贴",
		"a b c d e f g h i j k l"}
	for _, c := range searchtest.Cases {
		queries = append(queries, c.Query)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		d := docs[rng.IntN(len(docs))]
		rs := []rune(d.Body + d.Summary)
		if len(rs) < 8 {
			continue
		}
		i := rng.IntN(len(rs) - 8)
		queries = append(queries, string(rs[i:i+1+rng.IntN(7)]))
	}

	input, _ := json.Marshal(map[string]any{"strings": strs, "queries": queries,
		"root": filepath.Join(dir, "search"), "meta": filepath.Base(a.Meta)})
	driver := filepath.Join(t.TempDir(), "driver.js")
	if err := os.WriteFile(driver, []byte(nodeDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, driver, filepath.Join(dir, filepath.FromSlash(a.Script)))
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var js nodeOutput
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}

	for i, s := range strs {
		var want [][4]any
		for _, tok := range search.Tokenize(s) {
			want = append(want, [4]any{tok.Key, float64(tok.Pos),
				float64(utf8.RuneCountInString(s[:tok.Start])), float64(utf8.RuneCountInString(s[:tok.End]))})
		}
		if !slices.Equal(js.Tokens[i], want) && (len(want) > 0 || len(js.Tokens[i]) > 0) {
			t.Errorf("tokens of %q:\n js %v\n go %v", s, js.Tokens[i], want)
		}
	}
	for i, q := range queries {
		parsed := search.ParseQuery(q)
		if len(parsed) == 0 {
			parsed = [][]string{}
		}
		if !equalJSON(js.Parsed[i], parsed) {
			t.Errorf("ParseQuery(%q): js %v, go %v", q, js.Parsed[i], parsed)
		}
		for p, phrase := range parsed {
			alts, weights := search.Expand(phrase, syn)
			for k := range max(len(alts), len(js.Expanded[i][p])) {
				if k >= len(alts) || k >= len(js.Expanded[i][p]) ||
					!slices.Equal(alts[k], js.Expanded[i][p][k].Keys) || weights[k] != js.Expanded[i][p][k].Weight {
					t.Errorf("expand(%q): js %v, go %v %v", phrase, js.Expanded[i][p], alts, weights)
					break
				}
			}
		}
		hits, cost, err := r.Query(q, 10)
		if err != nil {
			t.Fatal(err)
		}
		var want [][3]float64
		for _, h := range hits {
			want = append(want, [3]float64{float64(h.Doc), h.Score, float64(h.Seg)})
		}
		if !slices.Equal(js.Search[i].Hits, want) {
			t.Errorf("hits of %q:\n js %v\n go %v", q, head(js.Search[i].Hits), head(want))
		}
		if !slices.Equal(js.Search[i].Files, cost.Names) {
			t.Errorf("files of %q:\n js %v\n go %v", q, js.Search[i].Files, cost.Names)
		}
	}
	t.Logf("%d strings tokenized and %d queries answered alike", len(strs), len(queries))

	// An empty index answers nothing, without errors.
	empty := t.TempDir()
	a, err = search.Write(empty, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	input, _ = json.Marshal(map[string]any{"strings": []string{}, "queries": []string{"失独", "低保 8000", "家"},
		"root": filepath.Join(empty, "search"), "meta": filepath.Base(a.Meta)})
	cmd = exec.Command(node, driver, filepath.Join(empty, filepath.FromSlash(a.Script)))
	cmd.Stdin = bytes.NewReader(input)
	stderr.Reset()
	cmd.Stderr = &stderr
	if out, err = cmd.Output(); err != nil {
		t.Fatalf("node, empty index: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, &js); err != nil || len(js.Search) != 3 || len(js.Search[0].Hits) != 0 {
		t.Errorf("empty index: %s %v", out, err)
	}
}

func head[T any](s []T) []T { return s[:min(len(s), 6)] }

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
