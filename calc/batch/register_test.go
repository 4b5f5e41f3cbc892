package batch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gyportal/calc/batch/internal/register"
	"gyportal/calc/batch/sheet"
	"gyportal/calc/errlist"
)

// registerCSV returns n households of seed as UTF-8 CSV.
func registerCSV(t testing.TB, n int, seed uint64, comma rune) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := register.WriteCSV(&b, n, seed, comma); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// registerXLSX writes n households of seed as a workbook at path.
func registerXLSX(t testing.TB, path string, n int, seed uint64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := register.WriteXLSX(f, n, seed); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// answerSheet runs Sheet on src and returns the CSV written and the
// errors reported.
func answerSheet(t testing.TB, src sheet.Reader) (string, []string, error) {
	t.Helper()
	var out bytes.Buffer
	var errs []string
	_, err := Sheet(src, sheet.NewCSVWriter(&out), testParams(t), Options{Today: "2016-06-01",
		Report: func(e error) { errs = append(errs, e.Error()) }})
	src.Close()
	return out.String(), errs, err
}

func encoded(t *testing.T, e encoding.Encoding, data []byte) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSameAnswers: the same 100 households as UTF-8, UTF-8 with BOM,
// GB18030, UTF-16LE (comma- and tab-separated) CSV and as .xlsx give
// identical answers.
func TestSameAnswers(t *testing.T) {
	data := registerCSV(t, 100, 1, ',')
	want, errs, err := answerSheet(t, sheet.NewCSVReader(bytes.NewReader(data), 0))
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	if n := strings.Count(want, "\n"); n != 102 {
		t.Fatalf("%d lines of answers, want 102", n)
	}
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	tsv := registerCSV(t, 100, 1, '\t')
	inputs := map[string][]byte{
		"UTF-8 BOM":    append([]byte("\ufeff"), data...),
		"GB18030":      encoded(t, simplifiedchinese.GB18030, data),
		"UTF-16LE":     encoded(t, utf16, data),
		"UTF-16LE tab": encoded(t, utf16, tsv),
		"CRLF":         bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")),
	}
	for name, in := range inputs {
		got, errs, err := answerSheet(t, sheet.NewCSVReader(bytes.NewReader(in), 0))
		if err != nil || len(errs) > 0 || got != want {
			t.Errorf("%s: answers differ (error %v %q)", name, err, errs)
		}
	}
	path := filepath.Join(t.TempDir(), "register.xlsx")
	registerXLSX(t, path, 100, 1)
	x, err := sheet.OpenXLSX(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, errs, err := answerSheet(t, x); err != nil || len(errs) > 0 || got != want {
		t.Errorf("xlsx: answers differ (error %v %q)\n%s", err, errs, firstDiff(got, want))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestXLSXOutput: an .xlsx answer opened back with the library shows the
// CSV answer, numbers stored as numbers, text neutralised.
func TestXLSXOutput(t *testing.T) {
	data := registerCSV(t, 100, 3, ',')
	want, _, err := answerSheet(t, sheet.NewCSVReader(bytes.NewReader(data), 0))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "answers.xlsx")
	o, err := sheet.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sheet(sheet.NewCSVReader(bytes.NewReader(data), 0), o, testParams(t), Options{Today: "2016-06-01"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheetName := f.GetSheetList()[0]
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		w.Write(padTo(r, len(Header)+len(ClauseColumns(testParams(t)))))
	}
	w.Flush()
	if got := "\ufeff" + b.String(); got != want {
		t.Errorf("xlsx shows another table:\n%s", firstDiff(got, want))
	}
	for cell, typ := range map[string]excelize.CellType{"A2": excelize.CellTypeNumber, "D2": excelize.CellTypeNumber, "B2": excelize.CellTypeInlineString} {
		if got, _ := f.GetCellType(sheetName, cell); got != typ && !(typ == excelize.CellTypeNumber && got == excelize.CellTypeUnset) {
			t.Errorf("%s: type %v, want %v", cell, got, typ)
		}
	}
	for _, r := range rows {
		for _, c := range r {
			if sheet.Neutralize(c) != c {
				t.Errorf("cell %q can be read as a formula", c)
			}
		}
	}
}

// padTo pads a row with empty cells to n.
func padTo(r []string, n int) []string {
	for len(r) < n {
		r = append(r, "")
	}
	return r
}

// TestSheet: a register's answers, and what is copied, summed and left out.
func TestSheet(t *testing.T) {
	in := "\ufeffid,hukou,family,members,dibao,dibao_standard,integrity,can_develop_project,children,medical_out_of_pocket,date\n" +
		"A1,rural,only_daughter,3,是,2500,yes,1,senior+admitted,12000,\n" +
		"\n" +
		"\"=A2\n（代）\",urban,bereaved,,,,,,,,2014-01-01\n" +
		"A3,rural,none,,false,,,,,4999.99,\n"
	got, errs, err := answerSheet(t, sheet.NewCSVReader(strings.NewReader(in), 0))
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	want := "\ufeffline,id,date,once,month,year,clauses,benefits,services,complete,pending,needs,3.2.4 year,3.2.8 once,3.2.11 year,3.2.12 once,3.2.12 month,3.2.12 year,3.2.17 year\n" +
		"2,A1,2016-06-01,14000.00,0.00,6000.00,3.2.4;3.2.8;3.2.11;3.2.12;3.2.17,dibao-supplement;project-fund-only-daughter;serious-illness-reimbursement;college-award-dibao;three-combination-cash-dibao," +
		"high-school-aid;volunteer-services;job-training;startup-support;startup-loan;public-welfare-job;dilapidated-house-priority;rural-homestead-area;agri-project-priority;poverty-aid-increase;industry-upgrade-priority;water-connection-free;hhtong-coverage;farming-books;farming-info-free;prepregnancy-check;grain-storage;microloan;production-materials;paired-assistance-priority;model-family-preference,true,,," +
		"1500.00,8000.00,3500.00,6000.00,,,1000.00\n" +
		"4,\"'=A2\n（代）\",2014-01-01,50000.00,0.00,0.00,3.2.12,bereaved-province;bereaved-city,nursing-home;volunteer-services;job-training;startup-support;startup-loan;public-welfare-job;prepregnancy-check;microloan;model-family-preference;special-hardship-care,true,,,,,,50000.00,,,\n" +
		"5,A3,2016-06-01,0.00,0.00,0.00,,,,true,,,,,,,,,\n" +
		"total,,,64000.00,0.00,6000.00,,,,,,,1500.00,8000.00,3500.00,56000.00,0.00,0.00,1000.00\n"
	if got != want {
		t.Errorf("answers\n%s\nwant\n%s\n%s", got, want, firstDiff(got, want))
	}
}

// TestRowErrors: each bad row is reported with its row number as Excel
// shows it and its field, and left out; the others are answered.
func TestRowErrors(t *testing.T) {
	tests := []struct {
		name, in string
		lines    []string // the line cells answered, then "total"
		errs     []string // each error, in order
		fatal    string   // the error that ended the run
	}{
		{"unknown column", "hukou,family,colour\nrural,none,red\n", nil, nil,
			"第 1 行，字段 colour：未知列（可用列：id、date、hukou"},
		{"duplicate column", "hukou,family,hukou\n", nil, nil, "第 1 行，字段 hukou（户口）：列名重复"},
		{"no header", "\n\n", nil, nil, "第 1 行：没有标题行"},
		{"header after blank rows", "\n\nhukou,family,dibao\nrural,none,maybe\nrural,none,1\n", []string{"5", "total"},
			[]string{`第 4 行，字段 dibao（享受最低生活保障（低保））："maybe"`}, ""},
		{"bad rows", "hukou,family,dibao,children,members\n" +
			"rural,none,maybe,,\n" +
			"rural,none,,primary;kindergarten,\n" +
			"\"rural\",\"none\",,\"college+admitted+x\n\",\n" +
			"rural,only_son,true,,2\n" +
			"rural,none,,,\n" +
			"rural,none\n" +
			"urban,xx,,,0\n" +
			"rural,none,,,,x\n",
			[]string{"5", "6", "7", "total"},
			[]string{
				`第 2 行，字段 dibao（享受最低生活保障（低保））："maybe"`,
				`第 3 行，字段 children[1].stage（子女）："kindergarten"`,
				`第 4 行，字段 children[0].stage（子女）："college+admitted+x"`,
				`第 8 行，字段 family（家庭类型）：`,
				`第 8 行，字段 members（家庭人口）：`,
				`第 9 行：第 6 列有内容，但标题行（第 1 行）中这一列没有列名`,
			}, ""},
		{"quote error stops", "hukou,family\nrural,none\nrural,\"none\nx\"y\nrural,none\n", []string{"2", "total"}, nil,
			"第 3 行：CSV 格式错误：引号"},
		{"binary", "\x00\x01\x02", nil, nil, "文件含有 NUL 字节"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, err := answerSheet(t, sheet.NewCSVReader(strings.NewReader(tt.in), 0))
			if tt.fatal == "" && err != nil || tt.fatal != "" && (err == nil || !strings.Contains(err.Error(), tt.fatal)) {
				t.Errorf("error %v, want %q", err, tt.fatal)
			}
			var lines []string
			for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if i > 0 && l != "" && !strings.HasPrefix(l, "\"") && !strings.HasPrefix(l, ",") {
					lines = append(lines, strings.Split(l, ",")[0])
				}
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("rows answered %q, want %q", lines, tt.lines)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors:\n%s\nwant %d", strings.Join(errs, "\n"), len(tt.errs))
			}
			for i := range errs {
				if !strings.HasPrefix(errs[i], tt.errs[i]) {
					t.Errorf("error %d = %q, want %q…", i, errs[i], tt.errs[i])
				}
			}
		})
	}
}

// TestXLSXRowNumbers: rows of a workbook are numbered as Excel shows them,
// empty rows included.
func TestXLSXRowNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"hukou", "family", "members"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"rural", "none", 2})
	f.SetSheetRow("Sheet1", "A5", &[]any{"rural", "none", 0})
	f.SetSheetRow("Sheet1", "A17", &[]any{"rural", "none", 101})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	x, err := sheet.OpenXLSX(path)
	if err != nil {
		t.Fatal(err)
	}
	_, errs, err := answerSheet(t, x)
	want := []string{"第 5 行，字段 members（家庭人口）：", "第 17 行，字段 members（家庭人口）："}
	if err != nil || len(errs) != 2 || !strings.HasPrefix(errs[0], want[0]) || !strings.HasPrefix(errs[1], want[1]) {
		t.Errorf("errors %q (%v), want %q", errs, err, want)
	}
}

// FuzzSheet: no CSV makes Sheet panic; every error names its row.
func FuzzSheet(f *testing.F) {
	f.Add("hukou,family,children,dibao\nrural,two_daughters,college+admitted;junior,是\n")
	f.Add("id,hukou,family,medical_out_of_pocket\n1,rural,none,5000.01\n2,urban\n")
	f.Add("hukou,family\n\"rural,none\n")
	p := testParams(f)
	f.Fuzz(func(t *testing.T, in string) {
		report := func(e error) {
			var re *errlist.Error
			if !errors.As(e, &re) || !re.Row || re.Line < 1 {
				t.Fatalf("error %q names no row", e)
			}
		}
		_, err := Sheet(sheet.NewCSVReader(strings.NewReader(in), 0), sheet.NewCSVWriter(io.Discard), p,
			Options{Today: "2014-01-01", Report: report})
		for _, e := range errlist.Split(err) {
			if e != nil && !errors.Is(e, sheet.ErrBinary) && !errors.Is(e, sheet.ErrEncoding) &&
				!errors.Is(e, sheet.ErrXLSX) && !errors.Is(e, sheet.ErrXLS) && !errors.Is(e, sheet.ErrUTF16) && !errors.Is(e, sheet.ErrLongRow) {
				report(e)
			}
		}
	})
}

// TestRowErrorPositions: every error of a register, a household's, the
// header's or the one that stopped the reading, is an *errlist.Error
// positioned at the file, the row and the column, and reads as staff
// read it.
func TestRowErrorPositions(t *testing.T) {
	tests := []struct {
		name, in  string
		line      int
		key, want string
	}{
		{"household", "hukou,family,dibao\nrural,none,maybe\n", 2, "dibao（享受最低生活保障（低保））",
			`register.csv: 第 2 行，字段 dibao（享受最低生活保障（低保））："maybe"`},
		{"unnamed column", "hukou,family\nrural,none,x\n", 2, "", "register.csv: 第 2 行：第 3 列有内容，但标题行（第 1 行）中这一列没有列名"},
		{"header", "hukou,family,hukou\n", 1, "hukou（户口）", "register.csv: 第 1 行，字段 hukou（户口）：列名重复"},
		{"no header", "\n", 1, "", "register.csv: 第 1 行：没有标题行"},
		{"stop", "hukou,family\nrural,\"none\nx\"y\n", 2, "", "register.csv: 第 2 行：CSV 格式错误：引号（\"）不配对；之后的行未读取"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []error
			report := func(e error) { got = append(got, e) }
			_, err := Sheet(sheet.NewCSVReader(strings.NewReader(tt.in), 0), sheet.NewCSVWriter(io.Discard), testParams(t),
				Options{Today: "2016-06-01", File: "register.csv", Report: report})
			got = append(got, errlist.Split(err)...)
			if len(got) != 1 {
				t.Fatalf("errors %q, want one", got)
			}
			e, ok := got[0].(*errlist.Error)
			if !ok || e.File != "register.csv" || e.Line != tt.line || e.Key != tt.key || !e.Row {
				t.Errorf("error %#v, want register.csv row %d key %q", got[0], tt.line, tt.key)
			}
			if !strings.HasPrefix(got[0].Error(), tt.want) {
				t.Errorf("error %q, want %q…", got[0], tt.want)
			}
			if stop := errors.Is(got[0], sheet.ErrStop); stop != (tt.name == "stop") {
				t.Errorf("stops the reading: %v", stop)
			}
		})
	}
}
