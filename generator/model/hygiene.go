package model

import (
	"fmt"
	"reflect"
	"sort"

	"github.com/BurntSushi/toml"

	"gyportal/calc/errlist"
)

// firstBad returns the first bad rune of s and its 1-based character
// position, or ok false.
func firstBad(s string) (r rune, pos int, ok bool) {
	i := 0
	for _, r := range s {
		i++
		if errlist.Bad(r) {
			return r, i, true
		}
	}
	return 0, 0, false
}

// checkText reports every string in v (a value decoded from file) that
// holds a character errlist.Bad rejects, at its key path.
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
