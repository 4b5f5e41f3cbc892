package model

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// unknownKeyMsg says that key is not a key of v's type, suggesting the
// known key it was probably meant to be.
func unknownKeyMsg(v any, key toml.Key) string {
	if near := Nearest(key[len(key)-1], keysAt(reflect.TypeOf(v), key[:len(key)-1])); near != "" {
		return fmt.Sprintf("没有这个键，是不是要写 %s？", near)
	}
	return "没有这个键（能写的键见 content/SCHEMA.md）"
}

// keysAt returns the TOML keys of the struct type reached from t by path,
// or nil when path does not lead to a struct.
func keysAt(t reflect.Type, path []string) []string {
	for _, p := range path {
		t = structOf(t)
		if t == nil {
			return nil
		}
		f, ok := fieldByKey(t, p)
		if !ok {
			return nil
		}
		t = f.Type
	}
	t = structOf(t)
	if t == nil {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if name := tomlName(t.Field(i)); name != "" {
			keys = append(keys, name)
		}
	}
	return keys
}

// structOf strips pointers and slices from t; nil if no struct is left.
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if tomlName(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func tomlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if !f.IsExported() || name == "-" {
		return ""
	}
	return name
}

// Nearest returns the key of keys closest to s by edit distance, if it is
// close enough to be a typo (at most a third of its letters, at least 1).
func Nearest(s string, keys []string) string {
	best, bestD := "", max(1, len(s)/3)+1
	for _, k := range keys {
		d := editDistance(strings.ToLower(s), k)
		if d < bestD || d == bestD && sameLetters(s, k) && !sameLetters(s, best) {
			best, bestD = k, d
		}
	}
	return best
}

// sameLetters reports whether a and b are made of the same letters (two
// of them swapped, as in 3.2.21 for 3.2.12).
func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

// editDistance is the optimal string alignment distance of a and b, by
// bytes: insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// suggest is the end of a message about an unknown id: the known id it
// was probably meant to be (候选), or nothing.
func suggest(id string, known []string) string {
	if near := Nearest(id, known); near != "" {
		return fmt.Sprintf("，是不是要写 %q？", near)
	}
	return ""
}

// keys returns the keys of m, sorted.
func keys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
