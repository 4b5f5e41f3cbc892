//go:build js && wasm

package main

import (
	"errors"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"gyportal/calc"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

// Run with node's wasm runner on PATH:
//
//	PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test ./calc/wasm/

// await waits for a JavaScript promise: its value, or the message of the
// Error it was rejected with.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- result{v: a[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- result{err: errors.New(a[0].Get("message").String())}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}

func call(f func(js.Value, []js.Value) any, args ...any) (js.Value, error) {
	vs := make([]js.Value, len(args))
	for i, a := range args {
		vs[i] = js.ValueOf(a)
	}
	return await(f(js.Undefined(), vs).(js.Value))
}

func paramsJSON(t *testing.T) []byte {
	t.Helper()
	plan, err := model.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	data, err := params.JSON(plan)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRunBeforeInit(t *testing.T) {
	a := &adapter{}
	_, err := call(a.run, `{"hukou":"rural","family":"none"}`, "2024-01-01")
	if err == nil || !strings.Contains(err.Error(), "init") {
		t.Fatalf("run before init: got %v, want an error asking for init", err)
	}
}

func TestArguments(t *testing.T) {
	a := &adapter{}
	for _, args := range [][]any{{}, {1}, {"{}", "x", "y"}} {
		if _, err := call(a.init, args...); err == nil {
			t.Errorf("init%v: no error", args)
		}
	}
	if _, err := call(a.init, string(paramsJSON(t))); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]any{{}, {"{}"}, {1, "2024-01-01"}, {"{}", nil}} {
		if _, err := call(a.run, args...); err == nil || !strings.Contains(err.Error(), "run(factsJSON, today)") {
			t.Errorf("run%v: got %v", args, err)
		}
	}
}

func TestBadParams(t *testing.T) {
	a := &adapter{}
	if _, err := call(a.init, `{"effective": 1}`); err == nil {
		t.Fatal("bad parameters accepted")
	}
}

// TestSameAsNative checks the adapter's answers and errors against calc.Run.
func TestSameAsNative(t *testing.T) {
	pj := paramsJSON(t)
	p, err := calc.ParseParams(pj)
	if err != nil {
		t.Fatal(err)
	}
	a := &adapter{}
	if _, err := call(a.init, string(pj)); err != nil {
		t.Fatal(err)
	}
	for _, facts := range []string{
		`{"hukou":"rural","family":"bereaved"}`,
		`{"hukou":"rural","family":"two_daughters","members":4,"children":[{"stage":"college","admitted_to_college":true}]}`,
		`{"hukou":"rural","family":"only_son","dibao":true,"members":3,"dibao_standard":"2500"}`,
		`{"hukou":"urban","family":"other_planned","complication_level":3,"date":"2010-01-01"}`,
		`{"hukou":"moon","family":"none"}`,
		`{"hukou":"rural","family":"only_son","dibao":true}`,
		`not json`,
	} {
		want, wantErr := calc.Run([]byte(facts), p, "2024-06-01")
		got, err := call(a.run, facts, "2024-06-01")
		switch {
		case wantErr != nil:
			if err == nil || err.Error() != wantErr.Error() {
				t.Errorf("%s: error %v, want %v", facts, err, wantErr)
			}
		case err != nil:
			t.Errorf("%s: %v", facts, err)
		case got.String() != string(want):
			t.Errorf("%s: answer differs from calc.Run:\n%s\nwant\n%s", facts, got.String(), want)
		}
	}
}
