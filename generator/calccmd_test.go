package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// testParams builds the parameters from ../content.
func testParams(t *testing.T) *calc.Params {
	t.Helper()
	plan, err := model.Load(os.DirFS("../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	cp, err := params.FromPlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

func runCmd(stdin string, args ...string) (code int, stdout, stderr string) {
	return runCmdFrom(strings.NewReader(stdin), args...)
}

func runCmdFrom(stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(append([]string{"calc", "--content", "../content"}, args...), stdin, &o, &e)
	return code, o.String(), e.String()
}

const (
	household1 = `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true,"medical_out_of_pocket":"12000"}`
	household2 = `{"hukou":"urban","family":"bereaved","date":"2020-01-01"}`
)

func TestCalcCommand(t *testing.T) {
	cp := testParams(t)
	want1, err := calc.Run([]byte(household1), cp, "2024-01-01")
	if err != nil {
		t.Fatal(err)
	}
	want2, _ := calc.Run([]byte(household2), cp, "2024-01-01")

	// An object: exactly calc.Run's bytes (what window.policyCalc returns) and a newline.
	code, out, errs := runCmd(household1, "--date", "2024-01-01")
	if code != 0 || out != string(want1)+"\n" || errs != "" {
		t.Errorf("object: code %d, stderr %q, stdout %.80q", code, errs, out)
	}
	// An array: the answers in order, each calc.Run's bytes.
	code, out, errs = runCmd("["+household1+",\n"+household2+"]", "--date", "2024-01-01", "-")
	if want := "[\n" + string(want1) + ",\n" + string(want2) + "\n]\n"; code != 0 || errs != "" || out != want {
		t.Fatalf("array: code %d, stderr %q, stdout %.80q", code, errs, out)
	}
	// --pretty indents the same answer.
	var ind bytes.Buffer
	json.Indent(&ind, want1, "", "  ")
	if code, out, _ = runCmd(household1, "--date", "2024-01-01", "--pretty"); code != 0 || out != ind.String()+"\n" {
		t.Errorf("pretty: code %d, stdout %.80q", code, out)
	}
	// A file.
	f := t.TempDir() + "/h.json"
	os.WriteFile(f, []byte(household1), 0o644)
	if code, out, _ = runCmd("", "--date", "2024-01-01", f); code != 0 || out != string(want1)+"\n" {
		t.Errorf("file: code %d", code)
	}
	// CSV: UTF-8 with a byte-order mark.
	code, out, errs = runCmd("id,hukou,family,children\nx,rural,only_daughter,senior+admitted\n", "--csv", "--date", "2024-01-01")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "\ufeffline,id,date,once,month,year,clauses,benefits,services,complete,pending,needs,3.2.4 year,") ||
		!strings.Contains(out, "\n2,x,2024-01-01,1000.00,0.00,0.00,3.2.12,college-award,") ||
		!strings.HasSuffix(out, "\ntotal,,,1000.00,0.00,0.00,,,,,,,0.00,0.00,0.00,1000.00,0.00,0.00,0.00\n") {
		t.Errorf("csv: code %d, stderr %q, stdout %q", code, errs, out)
	}
}

// TestCalcOut: --out writes the answers to a file, CSV or .xlsx by its
// name, the same as standard output; the register may be .xlsx.
func TestCalcOut(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "登记表.csv")
	os.WriteFile(reg, []byte("id,hukou,family,children\n=1+1,rural,only_daughter,senior+admitted\n"), 0o644)
	code, stdout, errs := runCmd("", "--csv", "--date", "2024-01-01", reg)
	if code != 0 || errs != "" {
		t.Fatalf("code %d, %s", code, errs)
	}
	if !strings.Contains(stdout, "\n2,'=1+1,") {
		t.Errorf("formula not neutralised: %q", stdout)
	}
	csvOut := filepath.Join(dir, "answers.csv")
	if code, _, errs = runCmd("", "--csv", "--date", "2024-01-01", "--out", csvOut, reg); code != 0 {
		t.Fatalf("--out csv: code %d, %s", code, errs)
	}
	if b, _ := os.ReadFile(csvOut); string(b) != stdout {
		t.Errorf("--out csv differs from stdout:\n%s", b)
	}
	xlsxOut := filepath.Join(dir, "answers.xlsx")
	if code, _, errs = runCmd("", "--csv", "--date", "2024-01-01", "--out", xlsxOut, reg); code != 0 {
		t.Fatalf("--out xlsx: code %d, %s", code, errs)
	}
	// The .xlsx answer read as a register: "generator calc answers.xlsx"
	// rejects its columns by name, which shows it was read as a workbook.
	code, _, errs = runCmd("", "--date", "2024-01-01", xlsxOut)
	if code != 1 || !strings.Contains(errs, "answers.xlsx: 第 1 行，字段 line：未知列") {
		t.Errorf("reading the .xlsx: code %d, %s", code, errs)
	}
	jsonOut := filepath.Join(dir, "answers.json")
	if code, _, _ = runCmd(household1, "--date", "2024-01-01", "--out", jsonOut); code != 0 {
		t.Errorf("--out json: code %d", code)
	}
	if b, _ := os.ReadFile(jsonOut); !json.Valid(b) {
		t.Errorf("--out json: %.80q", b)
	}
	// A register whose header is wrong leaves the old answers alone.
	os.WriteFile(reg, []byte("id,colour\n1,red\n"), 0o644)
	before, _ := os.ReadFile(xlsxOut)
	if code, _, _ = runCmd("", "--out", xlsxOut, "--csv", reg); code != 1 {
		t.Errorf("bad header: code %d", code)
	}
	if after, _ := os.ReadFile(xlsxOut); !bytes.Equal(before, after) {
		t.Error("bad header replaced the answers")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 4 {
		t.Errorf("files left: %v", ents)
	}
}

// TestCalcHelp: --help is Chinese, on standard output, and names every
// column.
func TestCalcHelp(t *testing.T) {
	code, out, errs := runCmd("", "--help")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "用法：generator calc") {
		t.Fatalf("code %d, stderr %q, stdout %.80q", code, errs, out)
	}
	for _, name := range append(rules.FactNames(), "--out", "--pretty", "--csv", ".xlsx", "GB18030", "64 KB") {
		if !strings.Contains(out, name) {
			t.Errorf("help lacks %s", name)
		}
	}
}

func TestCalcCommandErrors(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.csv")
	os.WriteFile(reg, []byte("hukou,family\n"), 0o644)
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		stdout      string // a prefix of standard output
		stderr      []string
	}{
		{"object", `{"hukou":"town","family":"none","members":0}`, nil, 1, "",
			[]string{"stdin: hukou: ", "stdin: members: "}},
		{"array", `[{"hukou":"rural","family":"none"}, {"hukou":"rural","family":"none","children":[{"stage":"x"}]}, 3]`, nil, 1, "[\n{",
			[]string{"stdin: [1].children[0].stage: ", "stdin: [2]: ", "stdin: 共 2 户有错误，答案中以 null 占位；其余 1 户已计算"}},
		{"bad array", `[{"hukou":"rural"`, nil, 1, "[]", []string{"stdin: [0]: JSON 数组不完整"}},
		{"csv", "hukou,family,dibao\nrural,none,true\nrural,none,maybe\n", []string{"--csv"}, 1, "\ufeffline,",
			[]string{"stdin: 第 3 行，字段 dibao（享受最低生活保障（低保））：\"maybe\"", "stdin: 共 1 行有错误，这些行不在答案中；其余 1 行已计算"}},
		{"missing file", "", []string{"/nonexistent/x.json"}, 1, "", []string{"/nonexistent/x.json: 文件或目录不存在"}},
		{"missing register", "", []string{"/nonexistent/x.xlsx"}, 1, "", []string{"/nonexistent/x.xlsx: 文件或目录不存在"}},
		{"bad date", "{}", []string{"--date", "2024-02-30"}, 2, "", []string{"generator calc：--date \"2024-02-30\" 不是日期"}},
		{"two files", "{}", []string{"a", "b"}, 2, "", []string{"最多一个输入文件"}},
		{"unknown flag", "{}", []string{"--xml"}, 2, "", []string{"未知选项 -xml"}},
		{"no value", "{}", []string{"--date"}, 2, "", []string{"选项需要一个值：-date"}},
		{"pretty csv", "", []string{"--csv", "--pretty"}, 2, "", []string{"--pretty 只用于 JSON"}},
		{"json to xlsx", "{}", []string{"--out", "a.xlsx"}, 2, "", []string{"JSON 输入的答案是 JSON"}},
		{"out is the input", "", []string{"--csv", "--out", reg, reg}, 2, "", []string{"--out 不能是输入文件本身"}},
		{"bad content", "{}", []string{"--content", "/nonexistent"}, 1, "", []string{"/nonexistent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(tt.stdin, tt.args...)
			if code != tt.code || !strings.HasPrefix(out, tt.stdout) || tt.stdout == "" && out != "" {
				t.Errorf("code %d (want %d), stdout %.40q", code, tt.code, out)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
			if tt.name == "object" && strings.Contains(errs, "占位") {
				t.Errorf("a lone household's errors end with a count of households: %q", errs)
			}
		})
	}
}

// TestCalcLimits: oversized, deep or binary input fails at once with a
// Chinese message and exit 1, however large the input.
func TestCalcLimits(t *testing.T) {
	kids := strings.TrimSuffix(strings.Repeat(`{"stage":"primary"},`, 21), ",")
	tests := []struct {
		name  string
		stdin io.Reader
		args  []string
		want  string
	}{
		{"64 KB", strings.NewReader(`{"hukou":"rural","family":"none","x":"` + strings.Repeat("a", 64<<10) + `"}`), nil, "stdin: $: 一户的 JSON 超过 64 KB"},
		{"64 KB in an array", strings.NewReader(`[{"hukou":"rural","family":"none"},{"x":"` + strings.Repeat("a", 64<<10) + `"}]`), nil, "stdin: [1]: 一户的 JSON 超过 64 KB"},
		{"nesting", strings.NewReader(`{"hukou":` + strings.Repeat("[", 10) + strings.Repeat("]", 10) + `}`), nil, "stdin: $: JSON 嵌套超过 10 层"},
		{"children", strings.NewReader(`{"hukou":"rural","family":"none","children":[` + kids + `]}`), nil, "stdin: children: 最多 20 个子女"},
		{"/dev/zero", zeros{}, nil, "stdin: $: 不是 JSON：含有二进制数据"},
		{"/dev/zero as CSV", zeros{}, []string{"--csv"}, "stdin: 文件含有 NUL 字节"},
		{"binary", strings.NewReader("\x7fELF\x02\x01\x01\x00"), nil, "stdin: $: 应为一户的 JSON 对象"},
		{"binary as CSV", strings.NewReader("\x7fELF\x02\x01\x01\x00"), []string{"--csv"}, "stdin: 文件含有 NUL 字节"},
		{"xlsx as CSV", strings.NewReader("PK\x03\x04\x14\x00\x06\x00"), []string{"--csv"}, "stdin: 这是 Excel 工作簿（.xlsx）"},
		{"endless CSV line", endless('a'), []string{"--csv"}, "stdin: 一行超过 64 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCmdFrom(tt.stdin, tt.args...)
			if code != 1 || !strings.Contains(errs, tt.want) {
				t.Errorf("code %d, stderr %q, want %q", code, errs, tt.want)
			}
		})
	}
}

// zeros reads as /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// endless is an endless stream of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// contradiction is one household no family can be, with the one message
// every door gives for it (calc/testdata/contradictions.json, which the
// browser tests read too).
type contradiction struct {
	Name      string          `json:"name"`
	Facts     json.RawMessage `json:"facts"`
	CSV       string          `json:"csv"`
	Query     string          `json:"query"`
	Field     string          `json:"field"`
	FormField string          `json:"form_field"`
	Message   string          `json:"message"`
}

// TestContradictionsRefused: each contradictory household is refused by
// the command, as a JSON object and as a register's row, with the same
// field and message, and exit code 1; nothing is answered for it.
func TestContradictionsRefused(t *testing.T) {
	data, err := os.ReadFile("../calc/testdata/contradictions.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []contradiction
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			code, out, errs := runCmd(string(c.Facts), "--date", "2024-01-01")
			if want := "stdin: " + c.Field + ": " + c.Message + "\n"; code != 1 || out != "" || errs != want {
				t.Errorf("JSON: code %d, stdout %.60q, stderr %q, want %q", code, out, errs, want)
			}
			code, out, errs = runCmd(c.CSV, "--csv", "--date", "2024-01-01")
			if want := "，字段 " + c.Field + "（"; code != 1 || !strings.Contains(errs, "stdin: 第 2 行"+want) ||
				!strings.Contains(errs, "）："+c.Message+"\n") || strings.Contains(out, "\n2,") {
				t.Errorf("CSV: code %d, stderr %q, want row 2, %s…）：%s", code, errs, want, c.Message)
			}
		})
	}
}
