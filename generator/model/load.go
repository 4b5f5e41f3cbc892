package model

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Load reads and validates the content tree in fsys as of today in
// Guiyang (see Today). name is the path shown in error messages for the
// root of fsys (usually "content"). On failure the error is an ErrorList
// holding every problem found.
func Load(fsys fs.FS, name string) (*Plan, error) {
	return LoadOn(fsys, name, Today(time.Now()))
}

// LoadOn is Load on the day today (midnight UTC, as Today returns): the
// dates staff say they checked something may not be after it.
func LoadOn(fsys fs.FS, name string, today time.Time) (*Plan, error) {
	l := &loader{fsys: fsys, root: name, today: today, missing: map[string]bool{}}
	if info, err := fs.Stat(fsys, "."); err != nil || !info.IsDir() {
		l.errs.Add(name, 0, "", "content directory not found")
		return nil, l.errs.Err()
	}
	p := &Plan{}
	l.decode("site.toml", &p.Site, true)
	l.decode("document.toml", &p.Document, true)
	var depts struct {
		Department []*Department `toml:"department"`
	}
	l.decode("departments.toml", &depts, true)
	p.Departments = depts.Department
	var groups struct {
		Group []*Group `toml:"group"`
	}
	l.decode("groups.toml", &groups, true)
	p.Groups = groups.Group
	l.decode("adjustment.toml", &p.Adjustment, true)
	var syn struct {
		Synonym []Synonym `toml:"synonym"`
	}
	l.decode("synonyms.toml", &syn, false)
	p.Synonyms = syn.Synonym
	p.Clauses = l.clauses()
	p.Cases = l.cases()
	l.validate(p)
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	p.locs, p.root = l.locs, l.root
	p.link()
	return p, nil
}

type loader struct {
	fsys    fs.FS
	root    string
	today   time.Time
	errs    ErrorList
	locs    map[string]*locator // file name -> locator
	missing map[string]bool     // files that could not be read or parsed
}

// display returns the file name shown in messages.
func (l *loader) display(file string) string { return path.Join(l.root, file) }

// decode parses one TOML file into v, reporting syntax errors and
// unknown keys. A missing optional file is not an error.
func (l *loader) decode(file string, v any, required bool) bool {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		if required || !errors.Is(err, fs.ErrNotExist) {
			l.errs.Add(l.display(file), 0, "", "cannot read: %v", trimPathErr(err))
		}
		l.missing[file] = true
		return false
	}
	loc := newLocator(string(data))
	if l.locs == nil {
		l.locs = map[string]*locator{}
	}
	l.locs[file] = loc
	md, err := toml.Decode(string(data), v)
	if err != nil {
		l.tomlErr(file, err)
		l.missing[file] = true
		return false
	}
	for _, k := range md.Undecoded() {
		if len(k) > 2 && k[0] == "case" && k[1] == "facts" {
			continue // household facts are free-form here; calc checks them
		}
		p, line := loc.find(k.String())
		l.errs.Add(l.display(file), line, p, "unknown key")
	}
	return true
}

func (l *loader) tomlErr(file string, err error) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key := pe.LastKey
		l.errs.Add(l.display(file), pe.Position.Line, key, "%s", pe.Message)
		return
	}
	l.errs.Add(l.display(file), 0, "", "%v", err)
}

// clauses loads every measures/*.toml file, in name order.
func (l *loader) clauses() []*Clause {
	names, err := fs.Glob(l.fsys, "measures/*.toml")
	if err != nil || len(names) == 0 {
		l.errs.Add(l.display("measures"), 0, "", "no clause files (measures/*.toml)")
		return nil
	}
	var out []*Clause
	for _, n := range names {
		c := &Clause{File: l.display(n), rel: n}
		if l.decode(n, c, true) {
			c.loc = l.locs[n]
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return LessID(out[i].ID, out[j].ID) })
	return out
}

// cases loads the calculator test cases under tests/.
func (l *loader) cases() []Case {
	names, _ := fs.Glob(l.fsys, "tests/*.toml")
	var out []Case
	for _, n := range names {
		var f struct {
			Case []Case `toml:"case"`
		}
		if !l.decode(n, &f, true) {
			continue
		}
		for i := range f.Case {
			f.Case[i].key = "case[" + itoa(i) + "]"
			f.Case[i].File = l.display(n)
			f.Case[i].Line = l.locs[n].line(f.Case[i].key)
		}
		out = append(out, f.Case...)
	}
	return out
}

// line returns the line of key path in file.
func (l *loader) line(file, key string) int {
	if loc := l.locs[file]; loc != nil {
		return loc.line(key)
	}
	return 0
}

// errorf records an error at key path in file, positioned by the locator.
// Errors in a file that could not be read or parsed are not reported:
// its one error says why.
func (l *loader) errorf(file, key, format string, args ...any) {
	if l.missing[file] {
		return
	}
	l.errs.Add(l.display(file), l.line(file, key), key, format, args...)
}

func trimPathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// LessID orders clause ids numerically by component: "3.2.2" < "3.2.10".
func LessID(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, y := atoi(as[i]), atoi(bs[i])
		if x != y {
			return x < y
		}
		if as[i] != bs[i] {
			return as[i] < bs[i]
		}
	}
	return len(as) < len(bs)
}
