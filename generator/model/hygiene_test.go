package model

import (
	"strings"
	"testing"
)

func TestBaseURL(t *testing.T) {
	ok := []string{"https://www.example.gov.cn/", "https://example.gov.cn:8443/portal/", "http://localhost:8080/",
		"http://127.0.0.1/", "http://[::1]:8080/", "https://xn--fiqs8s.cn/%E6%94%BF/"}
	for _, u := range ok {
		if msg := checkBaseURL(u); msg != "" {
			t.Errorf("%s rejected: %s", u, msg)
		}
	}
	bad := map[string]string{
		`"><script>alert(1)</script>`: `"\"><script>alert(1)</script>" 含有网址里不能用的字符 '"'（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"https://a.cn/ b":             `"https://a.cn/ b" 含有网址里不能用的字符 ' '（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"https://a.cn/?q=1":           `"https://a.cn/?q=1" 含有网址里不能用的字符 '?'（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"https://user@a.cn/":          `"https://user@a.cn/" 含有网址里不能用的字符 '@'（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"https://政府.cn/":              `"https://政府.cn/" 含有网址里不能用的字符 '政'（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"example.org":                 `"example.org" 不是完整的网站地址，必须以 https:// 开头，如 "https://www.example.gov.cn/"`,
		"/relative/":                  `"/relative/" 不是完整的网站地址，必须以 https:// 开头，如 "https://www.example.gov.cn/"`,
		"javascript:alert(1)":         `"javascript:alert(1)" 含有网址里不能用的字符 '('（只能用英文字母、数字和 - . _ ~ : / % [ ]）`,
		"javascript://a.cn/":          `"javascript://a.cn/" 必须以 https:// 开头，如 "https://www.example.gov.cn/"`,
		"http://example.gov.cn/":      `"http://example.gov.cn/" 必须用 https://（http:// 只用于本机预览，如 "http://localhost:8080/"）`,
		"https://a..cn/":              `"https://a..cn/" 的域名 "a..cn" 不正确，如 "https://www.example.gov.cn/"`,
		"https://a.cn:99999/":         `"https://a.cn:99999/" 的域名 "a.cn:99999" 不正确，如 "https://www.example.gov.cn/"`,
		"https://a.cn":                `"https://a.cn" 必须以 / 结尾`,
		"":                            `"" 不是完整的网站地址，必须以 https:// 开头，如 "https://www.example.gov.cn/"`,
	}
	for u, want := range bad {
		if got := checkBaseURL(u); got != want {
			t.Errorf("checkBaseURL(%q)\n got  %s\n want %s", u, got, want)
		}
	}
}

// TestTextHygiene checks that control and bidi characters anywhere in
// the content are errors at their key, and that tab, newline and CRLF
// line ends are not.
func TestTextHygiene(t *testing.T) {
	m := "measures/3.2.12.toml"
	tests := []struct {
		name, file, from, to string
		want                 string
	}{
		{"rlo in title", m, `title = "特惠机制"`, "title = \"特惠\u202e机制\"",
			`content/measures/3.2.12.toml:2: title: 第 3 个字符是看不见的控制字符 U+202E，可能让文字显示得和原意不同，请删除`},
		{"escaped C0 in benefit", m, `name = "市增发"`, `name = "市\u0007增发"`,
			`content/measures/3.2.12.toml:19: benefits[1].name: 第 2 个字符是看不见的控制字符 U+0007，可能让文字显示得和原意不同，请删除`},
		{"C1 in text", m, `text = """在省`, `text = """在\u0085省`,
			`content/measures/3.2.12.toml:5: text: 第 2 个字符是看不见的控制字符 U+0085，可能让文字显示得和原意不同，请删除`},
		{"isolate in a list", "document.toml", `issuer = "中共贵阳市委办公厅"`, "issuer = \"x\"\nissued_by = [\"a\", \"b\u2067\"]",
			`content/document.toml:3: issued_by[1]: 第 2 个字符是看不见的控制字符 U+2067，可能让文字显示得和原意不同，请删除`},
		{"lone CR", m, `summary = "失独家庭再发2万元。"`, `summary = "失独\r家庭"`,
			`content/measures/3.2.12.toml:6: summary: 第 3 个字符是看不见的控制字符 U+000D，可能让文字显示得和原意不同，请删除`},
		{"unknown key shown escaped", m, `summary = "失独家庭再发2万元。"`, "summary = \"x\"\n\"a\u202eb\" = 1",
			`content/measures/3.2.12.toml:7: "a\u202eb": 没有这个键（能写的键见 content/SCHEMA.md）`},
		{"tab and newline allowed", m, `text = """在省`, "text = \"\"\"在\t省\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			old := string(fsys[tt.file].Data)
			if !strings.Contains(old, tt.from) {
				t.Fatalf("fixture lacks %q", tt.from)
			}
			fsys[tt.file].Data = []byte(strings.Replace(old, tt.from, tt.to, 1))
			_, err := LoadOn(fsys, "content", day)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("errors:\n got  %s\n want %s", got, tt.want)
			}
		})
	}
}

func TestCRLFContent(t *testing.T) {
	fsys := minimal()
	m := "measures/3.2.12.toml"
	fsys[m].Data = []byte(strings.ReplaceAll(string(fsys[m].Data), "\n", "\r\n"))
	fsys[m].Data = []byte(strings.Replace(string(fsys[m].Data), `text = """在省`, "text = \"\"\"\r\n在省\r\n", 1))
	p, err := LoadOn(fsys, "content", day)
	if err != nil {
		t.Fatal(err)
	}
	c := p.Clause("3.2.12")
	if strings.Contains(c.Text, "\r") || c.Line("benefits[1].amount") != 24 {
		t.Errorf("CRLF file: text %q, amount line %d", c.Text, c.Line("benefits[1].amount"))
	}
}
