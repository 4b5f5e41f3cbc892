package build

import (
	"io"

	"gyportal/generator/build/cache"
	"gyportal/generator/build/calcstep"
)

// Check runs everything a build with o would run today, on the same
// visible plan (drafts and clauses whose publish date has not come are
// left out as the build leaves them out): the content, the templates,
// the calculator's parameters and its typical households, the search
// index, every page. It writes nothing and compiles nothing, so what it
// accepts the build publishes, and what the build rejects it rejects
// with the same message; its Stats.Files counts the files the build
// would publish. o.Out and o.Memory are ignored.
func Check(o Options) (*Result, error) {
	if o.Cache == nil {
		o.Cache = cache.Open()
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	r, err := prepare(o)
	if err != nil {
		return nil, err
	}
	r.check, r.out = true, newDiscardSink()
	if err := r.runSteps(); err != nil {
		return nil, err
	}
	m, err := r.out.finish()
	if err != nil {
		return nil, err
	}
	st := compare(nil, m)
	if !o.SkipWasm {
		// The files a build compiles (the calculator's WebAssembly and
		// wasm_exec.js) count as the build counts them.
		st.Files += len(calcstep.Skipped)
	}
	return &Result{Plan: r.plan, Full: r.full, Stats: st}, nil
}
