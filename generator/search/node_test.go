package search_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
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
  const out = { tokens: [], parsed: [], expanded: [], search: [], status: [] };
  for (const s of input.strings || []) {
    out.tokens.push(api.tokenize(s, false).map(t => [t.key, t.pos, cp(s, t.start), cp(s, t.end)]));
  }
  const meta = JSON.parse(fs.readFileSync(path.join(input.root, input.meta), "utf8"));
  const load = (name, start, end) => {
    const b = fs.readFileSync(path.join(input.root, name));
    return start === undefined ? { bytes: b, whole: true } : { bytes: b.subarray(start, end), whole: false };
  };
  for (const q of input.queries) {
    const phrases = api.parseQuery(q);
    out.parsed.push(phrases);
    out.expanded.push(phrases.map(p => api.expand(p, meta.syn, meta.sw).map(a => ({ keys: a.keys, weight: a.weight }))));
    const eng = new api.Engine(load);
    await eng.open(input.meta);
    const res = await eng.search(q);
    const frags = await Promise.all(res.hits.slice(0, 10).map(h => eng.fragment(h, res.phrases)));
    const files = Object.keys(eng.fetched).sort();
    out.search.push({ hits: res.hits.map(h => [h.doc, h.score, h.seg]), partial: res.partial, files,
      texts: frags.map(f => [f.u, f.t, f.d || "", f.s || "", f.text]) });
    out.status.push(api.statusText(q, res));
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
		Hits    [][3]float64
		Partial bool
		Files   []string
		Texts   [][5]string
	}
	Status []string
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
// same way, and returns the same ranked hits, makes the same requests and
// shows the same fragments as searchtest.Reader.Query: on the fixture, and
// on a synthetic site with small settings that exercise pack boundaries,
// bitmaps, four-bit impacts and long bodies read by segment.
func TestJSMatchesGo(t *testing.T) {
	node := needTool(t, "node")
	docs, syn := searchtest.MustFixture()
	queries := []string{"", "  ", "，", "ＡＢＣ", "3.2.12 失独", "低保，8000", "残疾人", "独生女户", "１０００元",
		"计划生育家庭", "计划生育特殊困难家庭", "火星", "在省3万元的标准上增发2万元的一次性抚慰金",
		"对计划生育手术并发症群众在经过国家专业鉴定机构鉴定后一级对象发放一次性抚慰金二级对象每月发放生活补贴",
		"a b c d e f g h i j k l", "抚慰金怎么领", "独生女儿有什么补贴", "失独 怎么办", "怎么办", "火星探险", "火星移民",
		"领导小组怎么办", "我家是低保户能领多少钱", "8000 火星", "计划生育 家庭 补贴", notice,
		"\u202e通知\u0007\n\t请拨打 400", strings.Repeat("很长的查询", 30)}
	for _, c := range searchtest.Cases {
		queries = append(queries, c.Query)
	}
	for _, c := range searchtest.ResidentCases {
		queries = append(queries, c.Query)
	}
	queries = append(queries, fuzzCorpus(t, "FuzzQuery")...)
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
	strs := tokenCorpus(append(docs, searchtest.Synthetic(20, 5)...))
	strs = append(strs, fuzzCorpus(t, "FuzzTokenize")...)
	t.Run("fixture", func(t *testing.T) {
		compareJS(t, node, docs, syn, search.Options{}, strs, queries)
	})
	t.Run("synthetic-small-packs", func(t *testing.T) {
		syn := slices.Clone(syn)
		r := compareJS(t, node, searchtest.Synthetic(300, 11), syn, search.Options{Common: 12, NibbleDF: 40, WholeBody: 300,
			Segment: 60, PackTarget: 4096, BucketTarget: 256, DictTarget: 512, ListBytes: 128}, nil, queries)
		for _, k := range []string{"bitmap", "nibble", "segment"} {
			if r.Seen[k] == 0 {
				t.Errorf("no %s met: %v", k, r.Seen)
			}
		}
	})
	t.Run("empty", func(t *testing.T) {
		compareJS(t, node, nil, nil, search.Options{}, nil, []string{"失独", "低保 8000", "家", "抚慰金怎么领"})
	})
}

// compareJS indexes docs and compares search.js with the Go engine,
// which it returns.
func compareJS(t *testing.T, node string, docs []search.Doc, syn []search.Synonym, opts search.Options, strs, queries []string) *searchtest.Reader {
	r, a, dir := openIndex(t, docs, syn, opts)
	input, _ := json.Marshal(map[string]any{"strings": strs, "queries": queries,
		"root": filepath.Join(dir, "search"), "meta": filepath.Base(a.Meta)})
	js := runNode(t, node, filepath.Join(dir, filepath.FromSlash(a.Script)), input)
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
	partial := 0
	for i, q := range queries {
		parsed := search.ParseQuery(q)
		if len(parsed) == 0 {
			parsed = [][]string{}
		}
		if !equalJSON(js.Parsed[i], parsed) {
			t.Errorf("ParseQuery(%q): js %v, go %v", q, js.Parsed[i], parsed)
		}
		for p, phrase := range parsed {
			alts, weights := r.Expand(phrase)
			for k := range max(len(alts), len(js.Expanded[i][p])) {
				if k >= len(alts) || k >= len(js.Expanded[i][p]) ||
					!slices.Equal(alts[k], js.Expanded[i][p][k].Keys) || weights[k] != js.Expanded[i][p][k].Weight {
					t.Errorf("expand(%q): js %v, go %v %v", phrase, js.Expanded[i][p], alts, weights)
					break
				}
			}
		}
		compareAnswer(t, r, q, js.Search[i].Hits, js.Search[i].Partial, js.Search[i].Files, js.Search[i].Texts)
		checkStatus(t, q, js.Status[i], len(js.Search[i].Hits), js.Search[i].Partial)
		if js.Search[i].Partial {
			partial++
		}
	}
	t.Logf("%d strings tokenized and %d queries (%d partial) answered alike; met %v", len(strs), len(queries), partial, r.Seen)
	return r
}

// compareAnswer checks the browser's answer to q against the Go engine's.
func compareAnswer(t *testing.T, r *searchtest.Reader, q string, hits [][3]float64, partial bool, files []string, texts [][5]string) {
	t.Helper()
	ans, cost, err := r.Query(q, 10)
	if err != nil {
		t.Fatal(err)
	}
	var want [][3]float64
	var wantTexts [][5]string
	for k, h := range ans.Hits {
		want = append(want, [3]float64{float64(h.Doc), h.Score, float64(h.Seg)})
		if k < 10 {
			f, err := r.Fragment(h, ans.Phrases)
			if err != nil {
				t.Fatal(err)
			}
			wantTexts = append(wantTexts, [5]string{f.URL, f.Title, f.Department, f.Summary, f.Text})
		}
	}
	if !slices.Equal(hits, want) || partial != ans.Partial {
		t.Errorf("hits of %q:\n js %v %v\n go %v %v", q, partial, head(hits), ans.Partial, head(want))
	}
	if !slices.Equal(files, cost.Names) {
		t.Errorf("requests of %q:\n js %v\n go %v", q, files, cost.Names)
	}
	if !slices.Equal(texts, wantTexts) {
		t.Errorf("fragments of %q:\n js %q\n go %q", q, head(texts), head(wantTexts))
	}
}

// checkStatus checks the status line of a search: it starts with
// "搜索：“", repeats at most 40 characters of the query (then "…"), as
// plain text without control or bidirectional characters, and says what
// was found.
func checkStatus(t *testing.T, q, status string, hits int, partial bool) {
	t.Helper()
	rest, ok := strings.CutPrefix(status, "搜索：“")
	echo, tail, ok2 := strings.Cut(rest, "”，")
	if !ok || !ok2 {
		t.Errorf("status of %q: %q does not start with 搜索：“…”，", q, status)
		return
	}
	if n := utf8.RuneCountInString(strings.TrimSuffix(echo, "…")); n > 40 {
		t.Errorf("status of %q repeats %d characters of it", q, n)
	}
	for _, r := range echo {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("status of %q repeats %U", q, r)
		}
	}
	want := "找到 "
	switch {
	case hits == 0:
		want = "没有找到相关内容。"
	case partial:
		want = "没有找到完全一致的内容，以下是部分匹配"
	}
	if !strings.HasPrefix(tail, want) {
		t.Errorf("status of %q: %q, want …%s", q, status, want)
	}
}

// runNode runs the driver over input with the script at path.
func runNode(t *testing.T, node, script string, input []byte) nodeOutput {
	t.Helper()
	driver := filepath.Join(t.TempDir(), "driver.js")
	if err := os.WriteFile(driver, []byte(nodeDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, driver, script)
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
	return js
}

// fuzzCorpus returns the string inputs of the seed corpus of a fuzz
// target (testdata/fuzz/<name>), so that what fuzzing found is compared
// with the browser too.
func fuzzCorpus(t *testing.T, name string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			if s, ok := strings.CutPrefix(strings.TrimSpace(line), "string("); ok {
				if v, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
					// As node receives it: invalid UTF-8 as U+FFFD.
					data, _ := json.Marshal(v)
					json.Unmarshal(data, &v)
					out = append(out, v)
				}
			}
		}
	}
	return out
}

func head[T any](s []T) []T { return s[:min(len(s), 6)] }

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
