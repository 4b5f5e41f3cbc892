package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"gyportal/calc"
	"gyportal/generator/params"
	"gyportal/generator/precompress"
	"gyportal/generator/wasmbuild"
)

// prepareCalc builds the calculator's parameters once per build: the
// JSON the browser fetches (the bytes params.JSON gives `generator calc`)
// and, parsed back from those very bytes, the parameters the build
// evaluates itself: the status of the 3.1 adjustment and the table of
// typical households (with Options.SkipWasm, the fixture content of page
// tests may lack benefits the rules need, so the table is skipped).
func (b *builder) prepareCalc() error {
	cp, err := params.FromPlan(b.plan)
	if err != nil {
		return fmt.Errorf("calculator parameters: %w", err)
	}
	if b.paramsJSON, err = json.Marshal(cp); err != nil {
		return err
	}
	b.adjust = &AdjustmentStatus{Rule: b.plan.Adjustment, Raises: cp.Adjustment.Triggered()}
	if b.opts.SkipWasm {
		return nil
	}
	p, err := calc.ParseParams(b.paramsJSON)
	if err != nil {
		return fmt.Errorf("calculator parameters: %w", err)
	}
	b.examples, err = workOutAll(p, b.opts.Today.Format(time.DateOnly))
	return err
}

// calculator builds the calculator's assets and records their URLs in
// b.assets: the rules of calc/ compiled to WebAssembly, wasm_exec.js of
// the same Go toolchain, the parameters built from content (the very
// bytes `generator calc` uses), the Web Worker and the page script. Each
// gets a content-hashed name and, when large, .gz and .br beside it.
// With Options.SkipWasm only the scripts and parameters are written.
func (b *builder) calculator() error {
	var err error
	if b.assets.Params, err = b.asset("calc-params", ".json", b.paramsJSON); err != nil {
		return err
	}
	for _, s := range []struct {
		file, base string
		url        *string
	}{
		{"assets/calc-worker.js", "calc-worker", &b.assets.Worker},
		{"assets/calc-page.js", "calc-page", &b.assets.CalcJS},
	} {
		data, err := fs.ReadFile(b.opts.Templates, s.file)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", b.opts.TemplatesName, s.file, err)
		}
		if *s.url, err = b.asset(s.base, ".js", data); err != nil {
			return err
		}
	}
	if b.opts.SkipWasm {
		return nil
	}
	out, err := wasmbuild.Build(".")
	if err != nil {
		return fmt.Errorf("calculator: %w", err)
	}
	if b.assets.WasmExec, err = b.asset("wasm_exec", ".js", out.WasmExec); err != nil {
		return err
	}
	b.assets.Wasm, err = b.asset("calc", ".wasm", out.Wasm)
	return err
}

// asset writes a content-hashed asset and its precompressed forms.
func (b *builder) asset(base, ext string, data []byte) (string, error) {
	u, err := b.hashed(base, ext, data)
	if err != nil {
		return "", err
	}
	vs, err := precompress.Variants(data)
	if err != nil {
		return "", err
	}
	for _, v := range vs {
		if err := b.write(strings.TrimPrefix(u, "/")+v.Ext, v.Data); err != nil {
			return "", err
		}
	}
	return u, nil
}

// calcPage is the calculator page's Extra data.
type calcPage struct {
	Children []childRow
	Stages   []option
	Date     string    // the date the examples are worked out for
	Examples []example // typical households, for readers without JavaScript
}

type childRow struct {
	Index int    // 0-based, data-child
	N     int    // 1-based, in ids and names
	Name  string // 第一个孩子
}

type option struct{ Value, Label string }

// example is one typical household and what the rules grant it.
type example struct {
	Name     string
	Query    string // the calculator's query string for it
	Cash     []exampleItem
	Services int
	Totals   []string // "一次性：20,000元" for each period with money
}

type exampleItem struct{ Title, Figure, Clause string }

// stages are the school stages as the form offers them (calc.Stages).
var stages = []option{
	{"none", "不在上学（未上学或已工作）"}, {"preschool", "上幼儿园（学前教育）"}, {"primary", "上小学"},
	{"junior", "上初中"}, {"senior", "上高中"}, {"vocational", "上中职（中等职业学校）"}, {"college", "上大学（高等院校）"},
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

// calcExtraData is the calculator page's data: the form's choices and,
// worked out by calc at build time, the table of typical households.
func (b *builder) calcExtraData() any {
	d := &calcPage{Stages: stages, Date: b.opts.Today.Format(time.DateOnly)}
	for i, name := range []string{"第一个孩子", "第二个孩子", "第三个孩子"} {
		d.Children = append(d.Children, childRow{Index: i, N: i + 1, Name: name})
	}
	d.Examples = b.examples
	return d
}

// workOut evaluates one typical household with calc.
func workOut(name, query string, p *calc.Params, date string) (example, error) {
	facts, err := FactsFromQuery(query)
	if err != nil {
		return example{}, err
	}
	f, err := calc.ParseFacts(facts)
	if err != nil {
		return example{}, err
	}
	f.Date = date
	r, err := calc.Evaluate(f, p)
	if err != nil {
		return example{}, err
	}
	ex := example{Name: name, Query: query}
	for _, e := range r.Entitlements {
		if e.Kind != "cash" {
			ex.Services++
			continue
		}
		fig := periodName(e.Period) + moneyText(e.Amount)
		if e.Minimum != nil && *e.Minimum {
			fig = periodName(e.Period) + "不低于" + moneyText(e.Amount)
		}
		title := e.Title
		if e.Child != nil {
			title += fmt.Sprintf("（第%d个子女）", *e.Child+1)
		}
		ex.Cash = append(ex.Cash, exampleItem{Title: title, Figure: fig, Clause: e.Clause})
	}
	for _, per := range []string{"once", "month", "year"} {
		if s := r.Totals.Sum(per); s.IsPositive() {
			ex.Totals = append(ex.Totals, periodName(per)+"："+moneyText(s.StringFixed(2)))
		}
	}
	return ex, nil
}

// moneyText formats "20000.00" as "20,000元", keeping fen when present.
func moneyText(s string) string {
	return group(strings.TrimSuffix(s, ".00")) + "元"
}

// FactsFromQuery turns a calculator query string into the facts JSON, the
// mapping calc-page.js makes from the form: fact names as they are,
// numbers as text, checkboxes as true, childN and childN_college as
// children. Tests use it too.
func FactsFromQuery(query string) ([]byte, error) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, err
	}
	facts := map[string]any{}
	var kids []map[string]any
	for _, n := range []string{"1", "2", "3"} {
		if st := q.Get("child" + n); st != "" {
			c := map[string]any{"stage": st}
			if q.Get("child"+n+"_college") != "" {
				c["admitted_to_college"] = true
			}
			kids = append(kids, c)
		}
	}
	if kids != nil {
		facts["children"] = kids
	}
	for k := range q {
		switch v := q.Get(k); {
		case strings.HasPrefix(k, "child") || v == "":
		case textFacts[k]:
			facts[k] = v
		default:
			facts[k] = true
		}
	}
	return json.Marshal(facts)
}

// textFacts are the facts the form answers with text or a choice; the
// others are checkboxes.
var textFacts = map[string]bool{"hukou": true, "family": true, "members": true, "complication_level": true,
	"dibao_standard": true, "housing_area_per_capita": true, "medical_out_of_pocket": true}

// workOutAll works out every typical household; a rule change that
// breaks one fails the build rather than the page.
func workOutAll(p *calc.Params, date string) ([]example, error) {
	var out []example
	for _, t := range typical {
		ex, err := workOut(t.name, t.query, p, date)
		if err != nil {
			return nil, fmt.Errorf("calculator example %q: %w", t.name, err)
		}
		out = append(out, ex)
	}
	return out, nil
}
