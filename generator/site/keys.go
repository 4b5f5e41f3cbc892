package site

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/shopspring/decimal"

	"gyportal/generator/model"
)

// Key names the inputs of a page: the generator (its executable), the
// templates, the URLs of the assets the page's templates name, the
// calculator's rule descriptions when they read them, and the page's own
// values (its address, title, crumbs, date, the clause, department or
// group it shows with their departments and groups, the document, .Extra).
// Two renders with equal keys give equal bytes, so a build may keep a
// page of an earlier build whose key is the same (KeyedWriter) instead
// of rendering it.
//
// A list of clauses a page reaches (.Clauses: a department's, a group's)
// is in its key as the hashes of those clauses (Site.clauseSum). A page
// kind whose templates reach the whole plan (.Plan), or a list of clauses
// from inside such a list (listReach), or call asset with a name that is
// not a constant, has no key: its pages are always rendered.
type Key [16]byte

// KeyedWriter is a Writer that can keep the pages of an earlier build.
type KeyedWriter interface {
	Writer
	// Reuse records the file name as the one an earlier build rendered
	// from inputs with the same key, and reports whether it could.
	Reuse(name string, key Key) bool
	// WriteKeyed is WriteFile for a page rendered from inputs with key.
	WriteKeyed(name string, data []byte, key Key) error
}

// stateFuncs are the template functions whose results depend on more
// than their arguments (on the build's calculator rules); a kind whose
// templates call them has the rules in its pages' keys. A function that
// reads state added to funcs must be listed here.
var stateFuncs = []string{"rules", "clauseReadings", "offers", "ruleOf", "readingsOf"}

// kindDeps is what a page kind's templates reach beyond the page.
type kindDeps struct {
	keyed  bool     // its pages have keys
	assets []string // the asset names its templates name
	rules  bool     // it calls a function of stateFuncs
	lists  bool     // it reaches lists of clauses (listReach)
}

// scanKinds works out each kind's kindDeps from its parse trees.
func (t *Templates) scanKinds() {
	t.deps = map[string]kindDeps{}
	for k, tk := range t.kinds {
		d := kindDeps{keyed: true}
		for _, x := range tk.Templates() {
			if x.Tree != nil {
				d.scan(x.Tree.Root)
			}
		}
		slices.Sort(d.assets)
		d.assets = slices.Compact(d.assets)
		var nested bool
		if d.lists, nested = scanLists(tk); nested {
			d.keyed = false
		}
		t.deps[k] = d
	}
}

// scan walks one node of a template.
func (d *kindDeps) scan(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				d.scan(c)
			}
		}
	case *parse.ActionNode:
		d.scan(n.Pipe)
	case *parse.IfNode:
		d.scanBranch(&n.BranchNode)
	case *parse.RangeNode:
		d.scanBranch(&n.BranchNode)
	case *parse.WithNode:
		d.scanBranch(&n.BranchNode)
	case *parse.TemplateNode:
		d.scan(n.Pipe)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				d.scanCommand(c)
			}
		}
	case *parse.FieldNode:
		d.fields(n.Ident)
	case *parse.VariableNode:
		d.fields(n.Ident)
	case *parse.ChainNode:
		d.scan(n.Node)
		d.fields(n.Field)
	}
}

func (d *kindDeps) scanBranch(b *parse.BranchNode) {
	d.scan(b.Pipe)
	d.scan(b.List)
	d.scan(b.ElseList)
}

// scanCommand notes the asset names and the state functions a command
// calls; an asset call without a constant name leaves the kind unkeyed.
func (d *kindDeps) scanCommand(c *parse.CommandNode) {
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		switch {
		case id.Ident == "asset":
			if s, ok := argString(c.Args); ok {
				d.assets = append(d.assets, s)
			} else {
				d.keyed = false
			}
		case slices.Contains(stateFuncs, id.Ident):
			d.rules = true
		}
	}
	for _, a := range c.Args {
		d.scan(a)
	}
}

func argString(args []parse.Node) (string, bool) {
	if len(args) != 2 {
		return "", false
	}
	s, ok := args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// fields leaves the kind unkeyed when a field chain names the plan.
func (d *kindDeps) fields(idents []string) {
	for _, f := range idents {
		if f == "Plan" {
			d.keyed = false
		}
	}
}

// sourceSum hashes the generator's executable and the template files of
// fsys: what every key starts with.
func sourceSum(fsys fs.FS, names []string) ([32]byte, error) {
	h := sha256.New()
	h.Write(executableSum())
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return [32]byte{}, err
		}
		fmt.Fprintf(h, "%s %d\n", n, len(data))
		h.Write(data)
	}
	return [32]byte(h.Sum(nil)), nil
}

// GeneratorSum is the hash of the running program: the generator's
// version, whatever built it. Keys of what a build may take from an
// earlier one start with it.
func GeneratorSum() []byte { return executableSum() }

var executableSum = sync.OnceValue(func() []byte {
	h := sha256.New()
	if p, err := os.Executable(); err == nil {
		if f, err := os.Open(p); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return h.Sum(nil)
})

// key returns the key of p, ok false for a kind without keys.
func (s *Site) key(p *Page) (Key, bool) {
	d := s.t.deps[p.Kind]
	if !d.keyed {
		return Key{}, false
	}
	b := keyBufs.Get().(*keyBuf)
	defer keyBufs.Put(b)
	*b = append((*b)[:0], s.t.sum[:]...)
	for _, a := range d.assets {
		u, _ := s.in.Assets(a)
		b.text(a)
		b.text(u)
	}
	if d.rules {
		*b = append(*b, s.rulesSum()...)
	}
	var sums func(*model.Clause) []byte
	if d.lists {
		sums = s.clauseSum
	}
	b.value(reflect.ValueOf(*p), sums)
	sum := sha256.Sum256(*b)
	return Key(sum[:16]), true
}

// clauseSum hashes a clause as a page's key hashes it, without the lists
// of clauses it leads to, once per site: what a key appends for each
// clause of a list the page reaches.
func (s *Site) clauseSum(c *model.Clause) []byte {
	if v, ok := s.clauseSums.Load(c); ok {
		return v.([]byte)
	}
	var b keyBuf
	b.value(reflect.ValueOf(c), nil)
	sum := sha256.Sum256(b)
	v, _ := s.clauseSums.LoadOrStore(c, sum[:16])
	return v.([]byte)
}

// rulesSum hashes the calculator's rule descriptions, once per site.
func (s *Site) rulesSum() []byte {
	s.rulesOnce.Do(func() {
		var b keyBuf
		b.value(reflect.ValueOf(s.in.Calculator.Rules), nil)
		sum := sha256.Sum256(b)
		s.rulesHash = sum[:]
	})
	return s.rulesHash
}

// keyBuf collects the bytes a key hashes.
type keyBuf []byte

var keyBufs = sync.Pool{New: func() any { return new(keyBuf) }}

var (
	timeType    = reflect.TypeFor[time.Time]()
	decType     = reflect.TypeFor[decimal.Decimal]()
	planType    = reflect.TypeFor[*model.Plan]()
	clausesType = reflect.TypeFor[[]*model.Clause]()
)

// value appends v: every exported field, element and map entry (maps in
// key order), times and decimals as text, each text with its length and
// each interface with its dynamic type, so that different values append
// different bytes. It leaves out the plan, which keyed pages do not
// reach (see Key), and lists of clauses unless sums is set: then each
// list is its clauses' sums, which leave out the lists they lead to
// (keyed pages reach no list from a list: listReach). So it never loops
// on the model's back-references.
func (b *keyBuf) value(v reflect.Value, sums func(*model.Clause) []byte) {
	t := v.Type()
	switch {
	case t == planType:
		return
	case t == clausesType:
		if sums != nil {
			b.number(uint64(v.Len()))
			for _, c := range v.Interface().([]*model.Clause) {
				*b = append(*b, sums(c)...)
			}
		}
		return
	case t == decType:
		b.text(v.Interface().(decimal.Decimal).String())
		return
	case t == timeType:
		b.text(v.Interface().(time.Time).Format(time.RFC3339Nano))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			*b = append(*b, 0)
			return
		}
		*b = append(*b, 1)
		if v.Kind() == reflect.Interface {
			b.text(v.Elem().Type().String())
		}
		b.value(v.Elem(), sums)
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				b.value(v.Field(i), sums)
			}
		}
	case reflect.Slice, reflect.Array:
		b.number(uint64(v.Len()))
		for i := range v.Len() {
			b.value(v.Index(i), sums)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(fmt.Sprint(x), fmt.Sprint(y)) })
		b.number(uint64(len(keys)))
		for _, k := range keys {
			b.value(k, sums)
			b.value(v.MapIndex(k), sums)
		}
	case reflect.String:
		b.text(v.String())
	case reflect.Bool:
		*b = strconv.AppendBool(*b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.number(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.number(v.Uint())
	default:
		b.text(fmt.Sprint(v.Interface()))
	}
}

// text appends s with its length.
func (b *keyBuf) text(s string) {
	b.number(uint64(len(s)))
	*b = append(*b, s...)
}

func (b *keyBuf) number(n uint64) { *b = binary.AppendUvarint(*b, n) }
