package batch

import (
	"os"
	"sync"
	"testing"

	"gyportal/calc"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

var (
	paramsOnce sync.Once
	paramsVal  *calc.Params
	paramsErr  error
)

// testParams builds the calculator's parameters from the repository's content.
func testParams(t testing.TB) *calc.Params {
	t.Helper()
	paramsOnce.Do(func() {
		plan, err := model.Load(os.DirFS("../../content"), "content")
		if err != nil {
			paramsErr = err
			return
		}
		paramsVal, paramsErr = params.FromPlan(plan)
	})
	if paramsErr != nil {
		t.Fatal(paramsErr)
	}
	return paramsVal
}
