//go:build js && wasm

// Command wasm is the calculator's WebAssembly entry point: a thin adapter
// that exposes the rules of package calc to JavaScript, in the manner of
// go-jsonnet's cmd/wasm. Built with GOOS=js GOARCH=wasm by generator build.
//
// It sets one global object, gyportalCalc, with two functions that each
// return a Promise; a Go error becomes a rejected promise whose Error
// carries the message:
//
//	gyportalCalc.init(paramsJSON)      // the output of params.JSON(plan)
//	gyportalCalc.run(factsJSON, today) // calc.Run: the answer JSON string
//
// The parameters are read with rules.ParseStandards and evaluated with
// (*rules.Standards).Run, the path calc.Run takes too, which builds no
// decimal: the adapter links neither encoding/json nor shopspring/decimal,
// math/big or fmt.
//
// today is the evaluation date YYYY-MM-DD (the page passes the reader's
// local date). The answer is byte for byte what `generator calc` prints for
// the same household, without the final newline.
package main

import (
	"errors"
	"sync"
	"syscall/js"

	"gyportal/calc/rules"
)

// adapter holds the parameters once init has parsed them.
type adapter struct {
	mu     sync.Mutex
	params *rules.Standards
}

func main() {
	a := &adapter{}
	js.Global().Set("gyportalCalc", js.ValueOf(map[string]any{
		"init": js.FuncOf(a.init),
		"run":  js.FuncOf(a.run),
	}))
	select {} // keep the functions alive
}

// init parses the parameters: gyportalCalc.init(paramsJSON).
func (a *adapter) init(_ js.Value, args []js.Value) any {
	return promise(func() (any, error) {
		if err := wantStrings(args, "init(paramsJSON)", 1); err != nil {
			return nil, err
		}
		p, err := rules.ParseStandards([]byte(args[0].String()))
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		a.params = p
		a.mu.Unlock()
		return nil, nil
	})
}

// run evaluates one household: gyportalCalc.run(factsJSON, today).
func (a *adapter) run(_ js.Value, args []js.Value) any {
	return promise(func() (any, error) {
		if err := wantStrings(args, "run(factsJSON, today)", 2); err != nil {
			return nil, err
		}
		a.mu.Lock()
		p := a.params
		a.mu.Unlock()
		if p == nil {
			return nil, errors.New("gyportalCalc.init(paramsJSON) must be called first")
		}
		out, err := p.Run([]byte(args[0].String()), args[1].String())
		if err != nil {
			return nil, err
		}
		return string(out), nil
	})
}

// wantStrings checks that exactly n string arguments were passed.
func wantStrings(args []js.Value, usage string, n int) error {
	if len(args) != n {
		return errors.New("gyportalCalc." + usage + ": wrong number of arguments")
	}
	for _, v := range args {
		if v.Type() != js.TypeString {
			return errors.New("gyportalCalc." + usage + ": arguments must be strings")
		}
	}
	return nil
}

// promise runs f in a goroutine and returns a JavaScript Promise that
// resolves with its value or rejects with an Error carrying its message.
func promise(f func() (any, error)) js.Value {
	var handler js.Func
	handler = js.FuncOf(func(_ js.Value, pargs []js.Value) any {
		resolve, reject := pargs[0], pargs[1]
		go func() {
			defer handler.Release()
			v, err := f()
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(err.Error()))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	return js.Global().Get("Promise").New(handler)
}
