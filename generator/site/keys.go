package site

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strconv"
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
// A page kind whose templates reach the whole plan (.Plan) or a list of
// clauses (.Clauses: a department's, a group's), or call asset with a
// name that is not a constant, has no key: its pages are always rendered.
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
var stateFuncs = []string{"rules", "clauseReadings"}

// kindDeps is what a page kind's templates reach beyond the page.
type kindDeps struct {
	keyed  bool     // its pages have keys
	assets []string // the asset names its templates name
	rules  bool     // it calls a function of stateFuncs
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

// fields leaves the kind unkeyed when a field chain names the plan or a
// list of clauses.
func (d *kindDeps) fields(idents []string) {
	for _, f := range idents {
		if f == "Plan" || f == "Clauses" {
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

// executableSum is the hash of the running program: the generator's
// version, whatever built it.
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
	h := sha256.New()
	h.Write(s.t.sum[:])
	for _, a := range d.assets {
		u, _ := s.in.Assets(a)
		fmt.Fprintf(h, "asset %q %q\n", a, u)
	}
	if d.rules {
		h.Write(s.rulesSum())
	}
	hashValue(h, reflect.ValueOf(*p))
	return Key(h.Sum(nil)), true
}

// rulesSum hashes the calculator's rule descriptions, once per site.
func (s *Site) rulesSum() []byte {
	s.rulesOnce.Do(func() {
		h := sha256.New()
		hashValue(h, reflect.ValueOf(s.in.Calculator.Rules))
		s.rulesHash = h.Sum(nil)
	})
	return s.rulesHash
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	decType     = reflect.TypeFor[decimal.Decimal]()
	planType    = reflect.TypeFor[*model.Plan]()
	clausesType = reflect.TypeFor[[]*model.Clause]()
)

// hashValue writes v to h: every exported field, element and map entry
// (maps in key order), times and decimals as text. It leaves out the plan
// and lists of clauses, which keyed pages do not reach (see Key), and so
// never loops on the model's back-references.
func hashValue(h hash.Hash, v reflect.Value) {
	t := v.Type()
	switch {
	case t == planType || t == clausesType:
		return
	case t == decType:
		writeText(h, v.Interface().(decimal.Decimal).String())
		return
	case t == timeType:
		writeText(h, v.Interface().(time.Time).Format(time.RFC3339Nano))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			writeText(h, "nil")
			return
		}
		if v.Kind() == reflect.Interface {
			writeText(h, v.Elem().Type().String())
		}
		hashValue(h, v.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				writeText(h, t.Field(i).Name)
				hashValue(h, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		writeText(h, strconv.Itoa(v.Len()))
		for i := range v.Len() {
			hashValue(h, v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return compareText(fmt.Sprint(a), fmt.Sprint(b)) })
		writeText(h, strconv.Itoa(len(keys)))
		for _, k := range keys {
			hashValue(h, k)
			hashValue(h, v.MapIndex(k))
		}
	case reflect.String:
		writeText(h, v.String())
	case reflect.Bool:
		writeText(h, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeText(h, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeText(h, strconv.FormatUint(v.Uint(), 10))
	default:
		writeText(h, fmt.Sprint(v.Interface()))
	}
}

// writeText writes s with its length, so that no two sequences of texts
// write the same bytes.
func writeText(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	io.WriteString(h, s)
}

func compareText(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
