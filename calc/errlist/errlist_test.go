package errlist

import (
	"errors"
	"testing"
)

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("an empty list is an error")
	}
	l.Add("content/b.toml", 3, "amount", "不是数字")
	l.Add("content/a.toml", 12, "", "找不到这个文件")
	l.Add("content/a.toml", 2, "title", "必须填写\u202e")
	l.Add("content/b.toml", 0, "", "文件级")
	want := "content/a.toml:2: title: 必须填写\\u202e\n" +
		"content/a.toml:12: 找不到这个文件\n" +
		"content/b.toml: 文件级\n" +
		"content/b.toml:3: amount: 不是数字"
	err := l.Err()
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "content/a.toml" || e.Line != 2 {
		t.Errorf("errors.As finds %+v", e)
	}
}

func TestSplit(t *testing.T) {
	a, b := errors.New("a"), errors.New("b")
	for _, tt := range []struct {
		err  error
		want int
	}{{nil, 0}, {a, 1}, {errors.Join(a, b), 2}, {List{{Msg: "x"}, {Msg: "y"}, {Msg: "z"}}, 3}} {
		if got := Split(tt.err); len(got) != tt.want {
			t.Errorf("Split(%v) = %d errors, want %d", tt.err, len(got), tt.want)
		}
	}
}

// TestErrorText: each kind of position prints as staff read it: a
// content file's line, a spreadsheet's row with or without its field,
// and a row of a sheet whose name is not known.
func TestErrorText(t *testing.T) {
	cause := errors.New("cause")
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "content/a.toml", Line: 3, Key: "amount", Msg: "不是数字"}, "content/a.toml:3: amount: 不是数字"},
		{Error{File: "content/a.toml", Msg: "找不到"}, "content/a.toml: 找不到"},
		{Error{File: "register.csv", Line: 17, Key: "members（家庭人口）", Msg: "应为 1 到 100", Row: true},
			"register.csv: 第 17 行，字段 members（家庭人口）：应为 1 到 100"},
		{Error{File: "register.csv", Line: 9, Msg: "第 6 列有内容", Row: true}, "register.csv: 第 9 行：第 6 列有内容"},
		{Error{Line: 2, Key: "dibao", Msg: "\"x\u202e\"", Row: true, Err: cause}, "第 2 行，字段 dibao：\"x\\u202e\""},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if e := tt.e; errors.Is(&e, cause) != (tt.e.Err != nil) {
			t.Errorf("%q: errors.Is finds the cause: %v", tt.want, errors.Is(&e, cause))
		}
	}
}
