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
