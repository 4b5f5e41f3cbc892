package site

import (
	"html/template"
	"os"
	"testing"
)

// TestListReach checks which templates keep their key: a list of
// clauses reached through fields is hashed in the key, a list reached
// from inside a list (through a range, a with, a variable or a template
// called there) is not, and the kind loses its key.
func TestListReach(t *testing.T) {
	tests := []struct {
		name, src     string
		lists, nested bool
	}{
		{"no list", `{{.Title}}{{range .Clause.Depts}}{{.Name}}{{end}}`, false, false},
		{"a department's list", `{{with .Dept}}{{len .Clauses}}{{range .Clauses}}{{.Title}}{{range .Depts}}{{.Name}}{{end}}{{end}}{{end}}`, true, false},
		{"a list from a list", `{{range .Dept.Clauses}}{{range .Depts}}{{len .Clauses}}{{end}}{{end}}`, true, true},
		{"through a variable", `{{$c := index .Dept.Clauses 0}}{{range $c.Depts}}{{.Name}}{{end}}{{(index $c.Depts 0).Clauses}}`, true, true},
		{"a variable named as one bound to a list elsewhere", `{{define "a"}}{{$x := .}}{{range $x.Depts}}{{.Clauses}}{{end}}{{end}}{{range $x := .Dept.Clauses}}{{end}}`, true, true},
		{"a template called from a list", `{{define "x"}}{{len .Clauses}}{{end}}{{range .Dept.Clauses}}{{template "x" (index .Depts 0)}}{{end}}`, true, true},
		{"a template called with a list", `{{define "x"}}{{range .}}{{range .Grps}}{{.Clauses}}{{end}}{{end}}{{end}}{{template "x" .Group.Clauses}}`, true, true},
		{"the else of a range", `{{range .Dept.Clauses}}{{.ID}}{{else}}{{len .Group.Clauses}}{{end}}`, true, false},
	}
	for _, tt := range tests {
		tmpl, err := template.New("t").Funcs(funcs(nil, nil)).Parse(tt.src)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		lists, nested := scanLists(tmpl)
		if lists != tt.lists || nested != tt.nested {
			t.Errorf("%s: lists %v nested %v, want %v %v", tt.name, lists, nested, tt.lists, tt.nested)
		}
	}
	real, err := Parse(os.DirFS("../../templates"), "templates")
	if err != nil {
		t.Fatal(err)
	}
	if d := real.deps["department"]; !d.keyed || !d.lists {
		t.Errorf("department pages: keyed %v, lists %v; want keys that hash their clauses", d.keyed, d.lists)
	}
}
