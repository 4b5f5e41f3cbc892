package model

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"gyportal/calc/errlist"
	"gyportal/calc/rules"
)

// Load reads and validates the content tree in fsys as of today in
// Guiyang (see Today). name is the path shown in error messages for the
// root of fsys (usually "content"). On failure the error is an errlist.List
// holding every problem found.
func Load(fsys fs.FS, name string) (*Plan, error) {
	return LoadOn(fsys, name, Today(time.Now()))
}

// LoadOn is Load on the day today (midnight UTC, as Today returns): the
// dates staff say they checked something may not be after it.
func LoadOn(fsys fs.FS, name string, today time.Time) (*Plan, error) {
	l := &loader{fsys: fsys, root: name, today: today, missing: map[string]bool{}}
	if info, err := fs.Stat(fsys, "."); err != nil || !info.IsDir() {
		l.errs.Add(name, 0, "", "找不到内容目录")
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
	for i, d := range p.Departments {
		d.index = i
	}
	var groups struct {
		Group []*Group `toml:"group"`
	}
	l.decode("groups.toml", &groups, true)
	p.Groups = groups.Group
	for i, g := range p.Groups {
		g.index = i
	}
	l.decode("adjustment.toml", &p.Adjustment, true)
	var syn struct {
		Synonym []Synonym `toml:"synonym"`
	}
	l.decode("synonyms.toml", &syn, false)
	p.Synonyms = syn.Synonym
	var rds struct {
		Readings []*rules.Reading `toml:"readings"`
	}
	l.decode("readings.toml", &rds, false)
	p.Readings = rds.Readings
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
	errs    errlist.List
	locs    map[string]*locator // file name -> locator
	missing map[string]bool     // files that could not be read or parsed
}

// display returns the file name shown in messages.
func (l *loader) display(file string) string { return path.Join(l.root, file) }

// clauses loads every measures/*.toml file, in name order.
func (l *loader) clauses() []*Clause {
	names, err := fs.Glob(l.fsys, "measures/*.toml")
	if err != nil || len(names) == 0 {
		l.errs.Add(l.display("measures"), 0, "", "没有条文文件（measures/*.toml）")
		return nil
	}
	// Decode the files in parallel, each with a loader of its own, and
	// merge them in name order.
	subs := make([]*loader, len(names))
	got := make([]*Clause, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				sub := &loader{fsys: l.fsys, root: l.root, today: l.today, missing: map[string]bool{}}
				c := &Clause{File: l.display(names[i]), rel: names[i]}
				if sub.decode(names[i], c, true) {
					got[i] = c
				}
				subs[i] = sub
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []*Clause
	for i, n := range names {
		l.merge(subs[i])
		if c := got[i]; c != nil {
			c.loc = l.locs[n]
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return LessID(out[i].ID, out[j].ID) })
	return out
}

// merge adds what sub found to l.
func (l *loader) merge(sub *loader) {
	l.errs = append(l.errs, sub.errs...)
	if l.locs == nil {
		l.locs = map[string]*locator{}
	}
	for f, loc := range sub.locs {
		l.locs[f] = loc
	}
	for f := range sub.missing {
		l.missing[f] = true
	}
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
