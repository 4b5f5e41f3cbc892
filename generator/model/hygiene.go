package model

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// badRune reports whether r must not appear in content text: C0 and C1
// control characters (but tab and newline), DEL, and the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
// which can make text read differently from what it says.
func badRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// firstBad returns the first bad rune of s and its 1-based character
// position, or ok false.
func firstBad(s string) (r rune, pos int, ok bool) {
	i := 0
	for _, r := range s {
		i++
		if badRune(r) {
			return r, i, true
		}
	}
	return 0, 0, false
}

// checkText reports every string in v (a value decoded from file) that
// holds a character badRune rejects, at its key path.
func (l *loader) checkText(file string, v any) {
	l.walkText(file, "", reflect.ValueOf(v))
}

func (l *loader) walkText(file, key string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			l.walkText(file, key, v.Elem())
		}
	case reflect.String:
		if r, pos, bad := firstBad(v.String()); bad {
			l.errorf(file, key, "第 %d 个字符是看不见的控制字符 %U，可能让文字显示得和原意不同，请删除", pos, r)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			l.walkText(file, fmt.Sprintf("%s[%d]", key, i), v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			l.walkText(file, join(key, toml.Key{k.String()}.String()), v.MapIndex(k))
		}
	case reflect.Struct:
		l.walkStruct(file, key, v)
	}
}

// walkStruct walks the TOML fields of a struct; Dec and Date hold raw
// values their own validation rejects unless they are plain numbers and
// dates.
func (l *loader) walkStruct(file, key string, v reflect.Value) {
	switch v.Interface().(type) {
	case Dec, Date:
		return
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if name := tomlName(t.Field(i)); name != "" {
			l.walkText(file, join(key, name), v.Field(i))
		}
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// visible replaces the characters badRune rejects by their \u escapes,
// so that a message quoting content cannot itself carry them.
func visible(s string) string {
	if _, _, bad := firstBad(s); !bad {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if badRune(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
