package model

import (
	"regexp"
	"strconv"
	"strings"
)

// locator maps key paths such as "benefits[2].amount" to the line where
// the key is written. The TOML decoder does not expose key positions for
// elements of arrays of tables, so the locator reads the source lines:
// table headers, array-of-table headers and "key =" lines, skipping the
// bodies of multi-line strings.
type locator struct {
	lines map[string]int // path -> 1-based line
	order []string       // paths in file order
}

var (
	headerRE = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_.\-" ]+?)\s*\]\]?`)
	keyRE    = regexp.MustCompile(`^\s*([A-Za-z0-9_\-]+)\s*=`)
)

func newLocator(src string) *locator {
	l := &locator{lines: map[string]int{}}
	counts := map[string]int{} // array-of-tables path -> elements seen
	prefix := ""
	inML := ""
	for i, line := range strings.Split(src, "\n") {
		if inML != "" {
			if strings.Count(line, inML)%2 == 1 {
				inML = ""
			}
			continue
		}
		if m := headerRE.FindStringSubmatch(line); m != nil && !keyRE.MatchString(line) {
			prefix = l.header(m[1], strings.HasPrefix(strings.TrimSpace(line), "[["), counts)
			l.add(prefix, i+1)
			continue
		}
		if m := keyRE.FindStringSubmatch(line); m != nil {
			l.add(join(prefix, m[1]), i+1)
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(line, q)%2 == 1 {
					inML = q
				}
			}
		}
	}
	return l
}

// header turns a table header "benefits.changes" into an indexed path
// "benefits[1].changes[0]", counting array elements.
func (l *locator) header(name string, array bool, counts map[string]int) string {
	parts := strings.Split(strings.ReplaceAll(name, " ", ""), ".")
	path := ""
	for i, p := range parts {
		path = join(path, p)
		last := i == len(parts)-1
		if last && array {
			n := counts[path]
			counts[path] = n + 1
			path += "[" + strconv.Itoa(n) + "]"
		} else if n, ok := counts[path]; ok {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return path
}

func (l *locator) add(path string, line int) {
	if _, ok := l.lines[path]; !ok {
		l.lines[path] = line
		l.order = append(l.order, path)
	}
}

// line returns the line of path, or of its nearest enclosing table, or 1.
func (l *locator) line(path string) int {
	for path != "" {
		if n, ok := l.lines[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

var indexRE = regexp.MustCompile(`\[[0-9]+\]`)

// find resolves an unindexed key such as "benefits.amout" (as reported by
// toml.MetaData.Undecoded) to its first indexed path and line.
func (l *locator) find(key string) (string, int) {
	for _, p := range l.order {
		if indexRE.ReplaceAllString(p, "") == key {
			return p, l.lines[p]
		}
	}
	return key, 1
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
