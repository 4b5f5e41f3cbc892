package jsonstream

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// endless is an endless stream of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// readAll returns the values read and the error that ended the stream.
func readAll(r io.Reader) (vals []string, idx []int, err error) {
	jr := NewReader(r)
	for {
		v, i, err := jr.Next()
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return vals, idx, err
		}
		vals, idx = append(vals, string(v)), append(idx, i)
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		name, in string
		vals     []string
		idx      []int
	}{
		{"object", ` {"a": "]", "b": [1, {"c": "\"}"}]} ` + "\n", []string{`{"a": "]", "b": [1, {"c": "\"}"}]}`}, []int{-1}},
		{"BOM", "\ufeff{}", []string{`{}`}, []int{-1}},
		{"array", "[ {\"a\":1} ,\n{\"s\":\"x,]\\\\\"}, 3, \"s\" ]\n", []string{`{"a":1}`, `{"s":"x,]\\"}`, `3`, `"s"`}, []int{0, 1, 2, 3}},
		{"empty array", " [ ] ", nil, nil},
		{"object with trailing text", `{} x`, []string{`{} x`}, []int{-1}}, // rules.ParseFacts reports it
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vals, idx, err := readAll(strings.NewReader(tt.in))
			if err != nil || !slices.Equal(vals, tt.vals) || !slices.Equal(idx, tt.idx) {
				t.Errorf("got %q %v %v, want %q %v", vals, idx, err, tt.vals, tt.idx)
			}
		})
	}
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n int
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestLimits: oversized, deep, binary or broken input stops with a
// message naming the household, having read a bounded amount.
func TestLimits(t *testing.T) {
	big := `{"hukou":"` + strings.Repeat("x", MaxBytes) + `"}`
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	tests := []struct {
		name string
		in   io.Reader
		vals int
		want string
	}{
		{"64 KB object", strings.NewReader(big), 0, "$: 一户的 JSON 超过 64 KB"},
		{"64 KB element", strings.NewReader(`[{}, ` + big + `]`), 1, "[1]: 一户的 JSON 超过 64 KB"},
		{"just under 64 KB", strings.NewReader(`[` + big[:MaxBytes-2] + `"}]`), 1, ""},
		{"nesting", strings.NewReader(`[{}, {"a":` + deep + `}]`), 1, "[1]: JSON 嵌套超过 10 层"},
		{"nesting 10", strings.NewReader(`[` + deep[1:len(deep)-1] + `]`), 1, ""},
		{"/dev/zero", endless(0), 0, "$: 不是 JSON：含有二进制数据"},
		{"zeros in array", io.MultiReader(strings.NewReader("[{},"), endless(0)), 1, "[1]: 不是 JSON：含有二进制数据"},
		{"endless object", io.MultiReader(strings.NewReader(`{"a":"`), endless('a')), 0, "$: 一户的 JSON 超过 64 KB"},
		{"binary", strings.NewReader("\x7fELF\x02\x01\x01\x00"), 0, "$: 应为一户的 JSON 对象"},
		{"PNG", strings.NewReader("\x89PNG\r\n\x1a\n\x00"), 0, "$: 应为一户的 JSON 对象"},
		{"UTF-16", strings.NewReader("\xff\xfe[\x00"), 0, "$: JSON 请用 UTF-8 编码"},
		{"empty", strings.NewReader(" \n"), 0, "$: 没有输入"},
		{"unterminated", strings.NewReader(`[{}, {"a": 1`), 1, "[1]: JSON 数组不完整"},
		{"missing element", strings.NewReader(`[{}, ]`), 1, "[1]: 数组中缺少元素"},
		{"after the array", strings.NewReader(`[{}] {}`), 1, "$: JSON 数组之后还有多余的内容"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &counter{r: tt.in}
			vals, _, err := readAll(c)
			if len(vals) != tt.vals {
				t.Errorf("%d values, want %d", len(vals), tt.vals)
			}
			var je *Error
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want != "" && (!errors.As(err, &je) || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if c.n > 1<<20 {
				t.Errorf("read %d bytes", c.n)
			}
		})
	}
}

// FuzzReader: no input makes the reader panic or loop; every value is
// within the limits; every error is an *Error.
func FuzzReader(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"\"]"}]}`, `[{}, 3, "x", [[]]]`, `[`, `[,]`, "\x00", `{} {}`, `["\\"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		jr := NewReader(strings.NewReader(in))
		for range len(in) + 2 {
			v, _, err := jr.Next()
			if err == io.EOF {
				return
			}
			var je *Error
			if err != nil && !errors.As(err, &je) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if err != nil {
				return
			}
			if len(v) > MaxBytes {
				t.Fatalf("value of %d bytes", len(v))
			}
		}
		t.Fatal("no end")
	})
}
