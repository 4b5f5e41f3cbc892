package model

import (
	"errors"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// decode parses one TOML file into v, reporting syntax errors, unknown
// keys and unsafe characters. A missing optional file is not an error.
func (l *loader) decode(file string, v any, required bool) bool {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		if required || !errors.Is(err, fs.ErrNotExist) {
			l.errs.Add(l.display(file), 0, "", "%s", readErr(err))
		}
		l.missing[file] = true
		return false
	}
	src := strings.ReplaceAll(string(data), "\r\n", "\n") // the same text whatever the editor's line ends
	loc := newLocator(src)
	if l.locs == nil {
		l.locs = map[string]*locator{}
	}
	l.locs[file] = loc
	md, err := toml.Decode(src, v)
	if err != nil {
		l.tomlErr(file, loc, err)
		l.missing[file] = true
		return false
	}
	l.checkText(file, v)
	l.unknownKeys(file, loc, v, md.Undecoded())
	return true
}

func readErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "找不到这个文件"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取这个文件的权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "无法读取：" + err.Error()
}

// unknownKeys reports each key written in file that v has no field for,
// at every place it is written; not the keys inside an unknown table.
func (l *loader) unknownKeys(file string, loc *locator, v any, keys []toml.Key) {
	reported := map[string]bool{}
	for _, k := range keys {
		if len(k) > 2 && k[0] == "case" && k[1] == "facts" {
			continue // household facts are free-form here; calc checks them
		}
		if reported[k.String()] || insideReported(k, reported) {
			continue
		}
		reported[k.String()] = true
		msg := unknownKeyMsg(v, k)
		found := loc.findAll(k.String())
		for _, e := range found {
			l.errs.Add(l.display(file), e.line, e.path, "%s", msg)
		}
		if len(found) == 0 {
			l.errs.Add(l.display(file), loc.line(k.String()), k.String(), "%s", msg)
		}
	}
}

func insideReported(k toml.Key, reported map[string]bool) bool {
	for i := 1; i < len(k); i++ {
		if reported[k[:i].String()] {
			return true
		}
	}
	return false
}

// decodeErrRE matches the decoder's errors that are not a toml.ParseError
// (wrong value types): `toml: line 3 (last key "benefits.amount"): …`.
var (
	decodeErrRE = regexp.MustCompile(`^toml: line ([0-9]+) \(last key "(.*)"\): (.*)$`)
	typeErrRE   = regexp.MustCompile(`^incompatible types: TOML value has type (\S+);`)
	// enumErrRE matches the message of a rules.EnumError (a kind, period
	// or level that is none of the values allowed).
	enumErrRE = regexp.MustCompile(`^("(?:[^"\\]|\\.)*") 不是可选的值，可选：`)
)

// tomlErr reports a file the decoder rejected, in Chinese, at the line and
// the indexed key path of the error.
// A decoder error is never left without a line: at worst it is line 1.
func (l *loader) tomlErr(file string, loc *locator, err error) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if line < 1 { // the decoder gives line 0 for some errors at the end of the file
			line = loc.lineAt(pe.Position.Start)
		}
		if m := enumErrRE.FindStringSubmatch(pe.Message); m != nil { // rules.EnumError, already in Chinese
			v, _ := strconv.Unquote(m[1])
			if e, ok := loc.withValue(pe.LastKey, v); ok {
				line = e.line
			}
			l.errs.Add(l.display(file), line, loc.at(pe.LastKey, line), "%s", pe.Message)
			return
		}
		l.errs.Add(l.display(file), line, loc.at(pe.LastKey, line), "%s", tomlMsg(pe.Message))
		return
	}
	if m := decodeErrRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		line = max(line, 1)
		key := loc.at(m[2], line)
		if t := typeErrRE.FindStringSubmatch(m[3]); t != nil {
			if e, ok := loc.ofKind(m[2], t[1]); ok {
				line, key = e.line, e.path
			}
		}
		l.errs.Add(l.display(file), line, key, "%s", tomlMsg(m[3]))
		return
	}
	l.errs.Add(l.display(file), 1, "", "%s", tomlMsg(err.Error()))
}
