package sheet

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"gyportal/calc/errlist"
)

// readAll returns every row of the CSV data as "num:cell|cell", and the
// errors as text.
func readAll(t *testing.T, data []byte) (rows, errs []string) {
	t.Helper()
	r := NewCSVReader(bytes.NewReader(data), int64(len(data)))
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows, errs
		}
		var re *errlist.Error
		if err != nil && (!errors.As(err, &re) || errors.Is(err, ErrStop)) {
			return rows, append(errs, err.Error())
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		rows = append(rows, strings.Join([]string{strconv.Itoa(row.Num), strings.Join(row.Cells, "|")}, ":"))
	}
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const register = "id,户主,dibao\nA1,张三,是\n\"A2\",\"李四\n（代）\",否\n"

// TestEncodings: the same register in every encoding Excel saves gives
// the same rows, the encoding detected without being told.
func TestEncodings(t *testing.T) {
	want := []string{"1:id|户主|dibao", "2:A1|张三|是", "3:A2|李四\n（代）|否"}
	tests := []struct {
		name string
		data []byte
		enc  Encoding
	}{
		{"UTF-8", []byte(register), UTF8},
		{"UTF-8 BOM", append(slices.Clip(bomUTF8), register...), UTF8BOM},
		{"GB18030", encode(t, simplifiedchinese.GB18030, register), GB18030},
		{"GBK", encode(t, simplifiedchinese.GBK, register), GB18030},
		{"UTF-16LE", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), register), UTF16LE},
		{"UTF-16BE", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), register), UTF16BE},
		{"UTF-16LE tabs", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), strings.ReplaceAll(register, ",", "\t")), UTF16LE},
		{"CRLF", []byte(strings.ReplaceAll(register, "\n", "\r\n")), UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewCSVReader(bytes.NewReader(tt.data), 0)
			var got []string
			for {
				row, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, strconv.Itoa(row.Num)+":"+strings.Join(row.Cells, "|"))
			}
			if !slices.Equal(got, want) {
				t.Errorf("rows %q, want %q", got, want)
			}
			if r.dec.Encoding() != tt.enc {
				t.Errorf("encoding %s, want %s", r.dec.Encoding(), tt.enc)
			}
		})
	}
}

// TestLateNonASCII: a GB18030 file whose first non-ASCII byte comes after
// a long ASCII start is still recognised.
func TestLateNonASCII(t *testing.T) {
	text := "id,name\n" + strings.Repeat("A0,x\n", 30000) + "A1,是\n"
	rows, errs := readAll(t, encode(t, simplifiedchinese.GB18030, text))
	if len(errs) > 0 || rows[len(rows)-1] != "30002:A1|是" {
		t.Errorf("last row %q, errors %q", rows[len(rows)-1], errs)
	}
}

// TestRowNumbers: rows are numbered as Excel numbers them.
func TestRowNumbers(t *testing.T) {
	tests := []struct {
		name, in   string
		rows, errs []string
	}{
		{"blank lines are rows", "\nh\n\na\n  \nb\n", []string{"2:h", "4:a", "6:b"}, nil},
		{"line breaks in a cell are not", "h,x\n\"a\nb\nc\",1\nd,2\n", []string{"1:h|x", "2:a\nb\nc|1", "3:d|2"}, nil},
		{"quote error", "h\n\"a\nb\",1\n\"c,2\nd\n", []string{"1:h", "2:a\nb|1"},
			[]string{"第 3 行：CSV 格式错误：引号（\"）不配对；之后的行未读取"}},
		{"bare quote", "h,x\na,1\nb\"c,2\n", []string{"1:h|x", "2:a|1"},
			[]string{"第 3 行：CSV 格式错误：未加引号的单元格里有引号"}},
		{"mixed encoding", "h\n是\n" + strings.Repeat("\n", 5000) + "a,\xCA\xC7\nz\n", []string{"1:h", "2:是", "5004:z"},
			[]string{"第 5003 行：第 2 列有无法识别的字符"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := readAll(t, []byte(tt.in))
			if !slices.Equal(rows, tt.rows) {
				t.Errorf("rows %q, want %q", rows, tt.rows)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", errs, tt.errs)
			}
			for i := range errs {
				if !strings.HasPrefix(errs[i], tt.errs[i]) {
					t.Errorf("error %q, want %q…", errs[i], tt.errs[i])
				}
			}
		})
	}
}

// endless is an endless stream of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestNotARegister: input that is no text register fails at once with a
// message, reading a bounded amount.
func TestNotARegister(t *testing.T) {
	tests := []struct {
		name string
		r    io.Reader
		want error
	}{
		{"/dev/zero", endless(0), ErrBinary},
		{"endless line", endless('a'), ErrLongRow},
		{"unclosed quote", io.MultiReader(strings.NewReader("h\n\""), endless('a')), ErrLongRow},
		{"binary", bytes.NewReader([]byte{0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0}), ErrBinary},
		{"NUL later", io.MultiReader(strings.NewReader(strings.Repeat("a,b\n", 5000)), endless(0)), ErrBinary},
		{"xlsx", strings.NewReader("PK\x03\x04\x14\x00"), ErrXLSX},
		{"xls", bytes.NewReader([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1}), ErrXLS},
		{"no encoding", bytes.NewReader([]byte("h\n\xff\xfe\xfd\n")), ErrEncoding},
		{"UTF-16 without BOM", bytes.NewReader(encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "id,hukou\n")), ErrUTF16},
		{"UTF-16BE without BOM", bytes.NewReader(encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "id,hukou\n")), ErrUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &counter{r: tt.r}
			r := NewCSVReader(c, 0)
			var err error
			for err == nil {
				_, err = r.Next()
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			if c.n > 1<<20 {
				t.Errorf("read %d bytes before failing", c.n)
			}
		})
	}
}

// TestNeutralize: no text cell can start a formula.
func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"＝1+1", "'＝1+1"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"＠A1", "'＠A1"},
		{"﹦1", "'﹦1"},
		{" =1", "' =1"},
		{"\u3000=1", "'\u3000=1"},
		{"A-1", "A-1"},
		{"张三", "张三"},
		{"1.00", "1.00"},
		{"", ""},
		{"'=1", "'=1"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVWriter: a byte-order mark, neutralised text, numbers as they are.
func TestCSVWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	w.Write([]Cell{{Text: "id"}, {Text: "once"}})
	w.Write([]Cell{{Text: "\t=1+1"}, {Text: "50000.00", Number: true}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if want := "\ufeffid,once\n'\t=1+1,50000.00\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestXLSX: a workbook written is read back with the same cells, numbers
// stored as numbers, text neutralised.
func TestXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xlsx")
	o, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]Cell{
		{{Text: "id"}, {Text: "once"}, {Text: "clauses"}},
		{{Text: "=cmd|' /C calc'!A0"}, {Text: "50000.00", Number: true}, {Text: "3.2.11;3.2.12"}},
		{{Text: "张三"}, {Text: "4999.99", Number: true}, {Text: ""}},
	}
	for _, r := range rows {
		if err := o.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := OpenXLSX(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var got []string
	for {
		row, err := x.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strconv.Itoa(row.Num)+":"+strings.Join(row.Cells, "|"))
	}
	want := []string{"1:id|once|clauses", "2:'=cmd|' /C calc'!A0|50000|3.2.11;3.2.12", "3:张三|4999.99"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	if typ, _ := f.GetCellType(sheetName, "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B2 type %v, want a number", typ)
	}
	if v, _ := f.GetCellValue(sheetName, "B3"); v != "4999.99" {
		t.Errorf("B3 shows %q, want 4999.99", v)
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// TestNotXLSX: a file named .xlsx that is not one.
func TestNotXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	os.WriteFile(path, []byte("id,hukou\n"), 0o644)
	if _, err := OpenXLSX(path); err == nil || !strings.Contains(err.Error(), "不是有效的 .xlsx 文件") {
		t.Errorf("error %v", err)
	}
}

func TestExcelValues(t *testing.T) {
	for s, want := range map[string]string{"41640": "2014-01-01", "42887": "2017-06-01", "61": "1900-03-01"} {
		if got, ok := ExcelDate(s); !ok || got != want {
			t.Errorf("ExcelDate(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"2014-01-01", "60", "1.5", ""} {
		if got, ok := ExcelDate(s); ok {
			t.Errorf("ExcelDate(%q) = %q", s, got)
		}
	}
	for s, want := range map[string]string{"4999.9899999999998": "4999.99", "1.2E+5": "120000", "0.30000000000000004": "0.3",
		"12000": "12000", "4999.99": "4999.99", "primary": "primary", "是": "是"} {
		if got := ExcelNumber(s); got != want {
			t.Errorf("ExcelNumber(%q) = %q, want %q", s, got, want)
		}
	}
}
