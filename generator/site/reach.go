package site

import (
	"html/template"
	"text/template/parse"
)

// listReach works out how deep a kind's templates reach into lists of
// clauses (fields named Clauses: a department's, a group's). A page's key
// hashes each list it reaches through fields (not through another list)
// as the sums of the list's clauses, and a clause's sum leaves out the
// lists it leads to (see Site.clauseSum); so a kind keeps its key only
// while its templates never reach a list from inside a list: no Clauses
// field under a range or with over something reached through Clauses,
// nor through a variable bound to it, nor in a template called there.
//
// The walk is conservative: once the dot comes from a list, it counts as
// such until the end of its block, whatever the pipeline; a variable
// bound there, or bound to a list, counts as from a list everywhere.
type listReach struct {
	t       *template.Template
	deepVar map[string]bool // variables holding a list or what came from one
	walked  map[string]bool // templates walked with a dot from a list
	lists   bool            // some template names Clauses
	nested  bool            // a list is reached from inside a list
}

// scanLists walks every template of t as if called with the page, and
// each template called with a dot from a list once more in that light.
func scanLists(t *template.Template) (lists, nested bool) {
	r := &listReach{t: t, deepVar: map[string]bool{}}
	for n := -1; n != len(r.deepVar); { // again until no variable is found deep anew
		n = len(r.deepVar)
		r.walked = map[string]bool{}
		for _, x := range t.Templates() {
			if x.Tree != nil {
				r.walk(x.Tree.Root, false)
			}
		}
	}
	return r.lists, r.nested
}

// walk visits n with the dot from a list (deep) or not.
func (r *listReach) walk(n parse.Node, deep bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				r.walk(c, deep)
			}
		}
	case *parse.ActionNode:
		r.pipe(n.Pipe, deep)
	case *parse.IfNode:
		r.pipe(n.Pipe, deep)
		r.walk(n.List, deep)
		r.walk(n.ElseList, deep)
	case *parse.RangeNode:
		r.block(&n.BranchNode, deep)
	case *parse.WithNode:
		r.block(&n.BranchNode, deep)
	case *parse.TemplateNode:
		if r.pipe(n.Pipe, deep) && !r.walked[n.Name] {
			r.walked[n.Name] = true
			if x := r.t.Lookup(n.Name); x != nil && x.Tree != nil {
				r.walk(x.Tree.Root, true)
			}
		}
	}
}

// block visits a range or with: its body with the dot its pipeline
// gives, the else branch with the dot as it was.
func (r *listReach) block(b *parse.BranchNode, deep bool) {
	r.walk(b.List, r.pipe(b.Pipe, deep))
	r.walk(b.ElseList, deep)
}

// pipe notes the lists p names and reports whether its value may come
// from a list: it names Clauses or a deep variable, or the dot is deep.
// Variables it binds are deep if so.
func (r *listReach) pipe(p *parse.PipeNode, deep bool) bool {
	if p == nil {
		return deep
	}
	var names, fromDeep bool
	r.idents(p, &names, &fromDeep)
	if names {
		r.lists = true
		if deep || fromDeep {
			r.nested = true
		}
	}
	out := deep || names || fromDeep
	if out {
		for _, v := range p.Decl {
			r.deepVar[v.Ident[0]] = true
		}
	}
	return out
}

// idents looks through the fields and variables of n.
func (r *listReach) idents(n parse.Node, names, fromDeep *bool) {
	field := func(ids []string) {
		for _, id := range ids {
			if id == "Clauses" {
				*names = true
			}
		}
	}
	switch n := n.(type) {
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			r.idents(c, names, fromDeep)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			r.idents(a, names, fromDeep)
		}
	case *parse.FieldNode:
		field(n.Ident)
	case *parse.VariableNode:
		if r.deepVar[n.Ident[0]] {
			*fromDeep = true
		}
		field(n.Ident[1:])
	case *parse.ChainNode:
		r.idents(n.Node, names, fromDeep)
		field(n.Field)
	}
}
