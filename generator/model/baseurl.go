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
