// Package calcstep is the calculator step of the build: it turns the
// visible plan into the calculator's parameters (the JSON the browser
// fetches, the very bytes `generator calc` uses), compiles the rules of
// calc/ to WebAssembly, and works out with those rules the view values
// the renderer shows: the status of the 3.1 adjustment, the form's
// choices and the table of typical households. It hands the renderer
// plain site types, so package site never imports calc.
package calcstep

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"gyportal/calc"
	"gyportal/calc/rules"
	"gyportal/generator/build/cache"
	"gyportal/generator/cases"
	"gyportal/generator/model"
	"gyportal/generator/params"
	"gyportal/generator/site"
	"gyportal/generator/wasmbuild"
)

// Input is what the step needs.
type Input struct {
	Plan  *model.Plan // the visible plan
	Today time.Time   // the date the examples are worked out for
	// SkipWasm skips compiling the calculator and working out the
	// examples (tests of pages only, whose fixture content may lack
	// benefits the rules need).
	SkipWasm bool
	Cache    *cache.Cache // for the compiled WebAssembly; may be nil
}

// File is one file the step makes, by asset name ("calc.wasm"); the
// build publishes it content-hashed.
type File struct {
	Name string
	Data []byte
}

// Output is the step's result.
type Output struct {
	Files []File // calc-params.json, and unless skipped calc.wasm, wasm_exec.js
	View  site.Calculator
}

// Skipped are the asset names a build with SkipWasm does not make; their
// URLs are empty.
var Skipped = []string{"calc.wasm", "wasm_exec.js"}

// Prepare computes the parameters, runs the content's calculator test
// cases against them (package cases) and computes the view values,
// without compiling anything: the part of the step `check` runs too.
func Prepare(in Input) (*Output, error) {
	cp, err := params.FromPlan(in.Plan)
	if err != nil {
		return nil, err // positioned messages of package params, one per line
	}
	_, invalid := params.Check(in.Plan)
	pj, err := json.Marshal(cp)
	if err != nil {
		return nil, err
	}
	out := &Output{Files: []File{{"calc-params.json", pj}}}
	out.View.Adjustment = &site.AdjustmentStatus{Rule: in.Plan.Adjustment, Raises: raises(cp.Raises())}
	out.View.Page = formPage(in.Today)
	out.View.Schema, out.View.Fields = schema(in.Plan.Site.BaseURL), fieldRows()
	if invalid == nil {
		ds, err := calc.Describe(cp, in.Today.Format(time.DateOnly))
		if err != nil {
			return nil, fmt.Errorf("calculator rules: %w", err)
		}
		out.View.Rules = siteRules(ds)
		if err := cases.Run(in.Plan, cp, in.Today); err != nil {
			return nil, err
		}
		if out.View.Rules.Groups, err = offers(in.Plan, cp, in.Today.Format(time.DateOnly)); err != nil {
			return nil, err
		}
	} else if !in.SkipWasm {
		return nil, invalid
	}
	if in.SkipWasm {
		return out, nil
	}
	// The build evaluates the parameters parsed back from the very bytes
	// the browser gets.
	p, err := calc.ParseParams(pj)
	if err != nil {
		return nil, fmt.Errorf("计算器参数无法读回（程序错误）：%w", err)
	}
	out.View.Page.Examples, err = workOutAll(p, in.Today.Format(time.DateOnly))
	return out, err
}

// Run is the whole step: Prepare, then the WebAssembly of the rules and
// wasm_exec.js of the same Go toolchain (unless SkipWasm).
func Run(in Input) (*Output, error) {
	out, err := Prepare(in)
	if err != nil || in.SkipWasm {
		return out, err
	}
	w, err := wasmbuild.Build(".", in.Cache)
	if err != nil {
		return nil, fmt.Errorf("计算器：%w", err)
	}
	out.Files = append(out.Files, File{"wasm_exec.js", w.WasmExec}, File{"calc.wasm", w.Wasm})
	return out, nil
}

// raises converts calc's adjustments into the renderer's view type.
func raises(rs []calc.Raise) []site.Raise {
	var out []site.Raise
	for _, r := range rs {
		out = append(out, site.Raise{From: r.From, Year: r.Year, BaseYear: r.BaseYear,
			Yuan: r.Yuan, BaseYuan: r.BaseYuan, Growth: r.Growth})
	}
	return out
}

// formPage is the calculator page's data before the examples: the
// form's choices.
func formPage(today time.Time) site.CalculatorPage {
	return site.CalculatorPage{Form: form(), Date: today.Format(time.DateOnly)}
}

// typical are the households of the no-JavaScript table, as the form's
// query strings; the facts are built from them as the page script does.
var typical = []struct{ name, query string }{
	{"农村独女户，三口人，孩子上初中", "hukou=rural&family=only_daughter&members=3&child1=junior"},
	{"农村计划生育二女户，大女儿今年考上大学", "hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior"},
	{"农村独子户，有能力发展生产项目", "hukou=rural&family=only_son&members=3&can_develop_project=1&child1=primary"},
	{"失独家庭（城镇）", "hukou=urban&family=bereaved&members=2"},
	{"计划生育贫困家庭，享受低保", "hukou=rural&family=other_planned&members=4&dibao=1&poor=1&child1=preschool"},
	{"经鉴定计划生育手术并发症三级", "hukou=urban&family=other_planned&members=3&complication_level=3"},
	{"农村家庭，新农合报销后自付医疗费12,000元", "hukou=rural&family=other_planned&members=3&medical_out_of_pocket=12000"},
	{"城镇独子户，中等偏下收入，人均住房12平方米", "hukou=urban&family=only_son&members=3&middle_low_income=1&housing_area_per_capita=12"},
}

// workOut evaluates one typical household with calc.
func workOut(name, query string, p *calc.Params, date string) (site.Example, error) {
	f, err := ParseQuery(query)
	if err != nil {
		return site.Example{}, err
	}
	f.Date = date
	r, err := calc.Evaluate(f, p)
	if err != nil {
		return site.Example{}, err
	}
	ex := site.Example{Name: name, Query: query}
	for _, e := range r.Entitlements {
		if e.Kind != rules.KindCash {
			ex.Services++
			continue
		}
		fig := e.Period.Words() + moneyText(e.Amount)
		if e.Minimum != nil && *e.Minimum {
			fig = e.Period.Words() + "不低于" + moneyText(e.Amount)
		}
		title := e.Title
		if e.Child != nil {
			title += fmt.Sprintf("（第%d个子女）", *e.Child+1)
		}
		ex.Cash = append(ex.Cash, site.ExampleItem{Title: title, Figure: fig, Clause: e.Clause})
	}
	for _, per := range []string{"once", "month", "year"} {
		if s := calc.Yuan(r.Totals.Fen(per)); s.IsPositive() {
			ex.Totals = append(ex.Totals, site.Period(per)+"："+moneyText(s.StringFixed(2)))
		}
	}
	return ex, nil
}

// moneyText formats "20000.00" as "20,000元", keeping fen when present.
func moneyText(s string) string {
	return site.Thousands(strings.TrimSuffix(s, ".00")) + "元"
}

// ParseQuery reads the facts of a calculator query string (the form's
// names: the facts', childN and childN_college for the children)
// through calc's door for text cells, as a spreadsheet row is read.
func ParseQuery(query string) (*rules.Facts, error) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, err
	}
	var kids []string
	for n := 1; n <= field("children").MaxItems; n++ {
		k := "child" + strconv.Itoa(n)
		if st := q.Get(k); st != "" {
			if q.Get(k+"_college") != "" {
				st += rules.AdmittedMark
			}
			kids = append(kids, st)
		}
	}
	return rules.ParseFactsText(func(name string) (string, bool) {
		if name == "children" {
			return strings.Join(kids, ";"), len(kids) > 0
		}
		return q.Get(name), q.Has(name)
	})
}

// FactsFromQuery turns a calculator query string into the facts JSON, the
// mapping calc-page.js makes from the form: fact names as they are,
// numbers and choices as text, checkboxes as true, childN and
// childN_college as children. Tests compare the page's mapping with it.
func FactsFromQuery(query string) ([]byte, error) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, err
	}
	facts := map[string]any{}
	var kids []map[string]any
	for n := 1; n <= field("children").MaxItems; n++ {
		k := "child" + strconv.Itoa(n)
		if st := q.Get(k); st != "" {
			c := map[string]any{"stage": st}
			if q.Get(k+"_college") != "" {
				c["admitted_to_college"] = true
			}
			kids = append(kids, c)
		}
	}
	if kids != nil {
		facts["children"] = kids
	}
	for k := range q {
		f, ok := rules.LookupField(k)
		switch v := q.Get(k); {
		case !ok || v == "":
		case f.Kind == rules.BoolField:
			facts[k] = true
		default:
			facts[k] = v
		}
	}
	return json.Marshal(facts)
}

// workOutAll works out every typical household; a rule change that
// breaks one fails the build rather than the page.
func workOutAll(p *calc.Params, date string) ([]site.Example, error) {
	var out []site.Example
	for _, t := range typical {
		ex, err := workOut(t.name, t.query, p, date)
		if err != nil {
			return nil, fmt.Errorf("计算器页面的典型家庭“%s”无法计算：%w", t.name, err)
		}
		out = append(out, ex)
	}
	return out, nil
}
