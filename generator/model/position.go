package model

import (
	"fmt"
	"path"

	"gyportal/calc/errlist"
)

// Line returns the line of key path in the clause's file, for example
// "benefits[2].amount" or "targets[0].value". A key that is not written
// in the file (a missing key, a default) gives the line of its nearest
// enclosing table, or 1. Clauses not made by Load give 0.
func (c *Clause) Line(key string) int {
	if c.loc == nil {
		return 0
	}
	return c.loc.line(key)
}

// Errorf returns a content error at key path of the clause's file, for
// the callers of Load (calculator parameters, check) that find a problem
// the loader cannot see.
func (c *Clause) Errorf(key, format string, args ...any) *errlist.Error {
	return &errlist.Error{File: c.File, Line: c.Line(key), Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Line returns the line of key path in file, a path relative to the
// content root as Load read it ("adjustment.toml",
// "measures/3.2.12.toml", "tests/x.toml"); 0 for a file Load did not
// read.
func (p *Plan) Line(file, key string) int {
	if loc := p.locs[file]; loc != nil {
		return loc.line(key)
	}
	return 0
}

// Errorf returns a content error at key path of file (relative to the
// content root, as for Line), its name shown as the loader shows it
// ("content/adjustment.toml").
func (p *Plan) Errorf(file, key, format string, args ...any) *errlist.Error {
	return &errlist.Error{File: path.Join(p.root, file), Line: p.Line(file, key), Key: key, Msg: fmt.Sprintf(format, args...)}
}
