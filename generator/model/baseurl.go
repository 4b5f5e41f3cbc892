package model

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

var hostnameRE = regexp.MustCompile(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// urlChar reports whether a base URL may contain r: letters, digits and
// the URL punctuation that needs no escaping in HTML, XML or robots.txt
// (no quotes, angle brackets, spaces, backslashes, controls, and no ?, #
// or @: a base URL has no query, fragment or user name).
func urlChar(r rune) bool {
	return r < 0x80 && (isBare(byte(r)) || strings.ContainsRune(".~:/%[]", r))
}

// checkBaseURL returns why u cannot be the deployed site's address, or ""
// when it can: an absolute https:// URL (http:// only for this machine),
// a host name, an optional port and path, ending with "/", and nothing
// that would need escaping where the address is written.
func checkBaseURL(u string) string {
	const example = `，如 "https://www.example.gov.cn/"`
	if i := strings.IndexFunc(u, func(r rune) bool { return !urlChar(r) }); i >= 0 {
		return fmt.Sprintf("%q 含有网址里不能用的字符 %q（只能用英文字母、数字和 - . _ ~ : / %% [ ]）", u, []rune(u[i:])[0])
	}
	p, err := url.Parse(u)
	switch {
	case err != nil || p.Host == "" || p.Opaque != "":
		return fmt.Sprintf("%q 不是完整的网站地址，必须以 https:// 开头%s", u, example)
	case p.Scheme == "http" && !isLoopback(p.Hostname()):
		return fmt.Sprintf("%q 必须用 https://（http:// 只用于本机预览，如 \"http://localhost:8080/\"）", u)
	case p.Scheme != "https" && p.Scheme != "http":
		return fmt.Sprintf("%q 必须以 https:// 开头%s", u, example)
	case !validHost(p.Host):
		return fmt.Sprintf("%q 的域名 %q 不正确%s", u, p.Host, example)
	case !strings.HasSuffix(u, "/"):
		return fmt.Sprintf("%q 必须以 / 结尾", u)
	}
	return ""
}

// validHost reports whether h is a host name or IP address with an
// optional numeric port.
func validHost(h string) bool {
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = h, ""
	} else if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 || strings.Trim(port, "0123456789") != "" {
		return false
	}
	return hostnameRE.MatchString(host) || net.ParseIP(strings.Trim(host, "[]")) != nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// exampleHosts are the domains reserved for examples (RFC 2606, RFC
// 6761) and the host names of this machine.
var exampleHosts = []string{"example.com", "example.org", "example.net", "example.gov.cn", "example.cn",
	"example", "test", "invalid", "localhost"}

// PlaceholderBase reports whether base_url u is not a real address of
// the deployed site: unset, or on an example domain (example.gov.cn,
// example.com/org/net, *.example, *.test, *.invalid) or this machine
// (localhost, 127.0.0.1, ::1). The site then prints no address.
func PlaceholderBase(u string) bool {
	if strings.TrimSpace(u) == "" {
		return true
	}
	p, err := url.Parse(u)
	if err != nil {
		return false // checkBaseURL reports it
	}
	host := strings.ToLower(strings.TrimSuffix(p.Hostname(), "."))
	if isLoopback(host) {
		return true
	}
	for _, e := range exampleHosts {
		if host == e || strings.HasSuffix(host, "."+e) {
			return true
		}
	}
	return false
}

// PlaceholderNotice is build's and check's one line while the site has
// no real address.
func PlaceholderNotice(s Site) string {
	was := "未设置"
	if s.Placeholder != "" {
		was = "是示例地址 " + s.Placeholder
	}
	return "提示：site.toml 的 base_url " + was + "，网页、明白纸和二维码都不印网站地址，也不生成 sitemap.xml 和 feed.xml；部署前请填写实际域名。"
}
