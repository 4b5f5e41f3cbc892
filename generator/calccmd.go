package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gyportal/calc"
	"gyportal/generator/model"
	"gyportal/generator/params"
)

func init() {
	register(&command{name: "calc", summary: "run the calculator on households (JSON or --csv)", run: runCalc})
	checkCases = runCases
}

// calcUsage documents the calc command, including the CSV columns.
const calcUsage = `usage: generator calc [--content DIR] [--date YYYY-MM-DD] [--csv] [FILE|-]

Reads households from FILE (or standard input) and writes the calculator's
answers to standard output. --date is the evaluation date for households
that give none (default: today).

JSON: one object in, one answer out (exactly what the browser computes);
an array in, an array of answers out, in order.

CSV (--csv): the first row names the columns; each later row is one
household. Columns are the JSON field names (any subset, any order):
  date hukou family members dibao dibao_standard poor integrity
  can_develop_project complication_level disabled_parent ethnic_minority
  wubao children medical_out_of_pocket housing_area_per_capita
  middle_low_income
plus an optional "id" column copied to the output. An empty cell leaves
the field out. Yes/no columns take true/false, 1/0, yes/no or 是/否.
children lists one stage per child separated by ";", with "+admitted" for
a child admitted to college: "primary;senior+admitted".
The output has one row per household:
  line,id,date,once,month,year,clauses,benefits,services
(clauses: the clauses granting cash; benefits: the cash benefit ids, one
per grant; services: the service benefit ids), then a row "total" with the
sums of once, month and year.

Exit status: 0 success; 1 bad input or content (messages on standard error
name the household's index or CSV line and the field); 2 usage errors.
`

func runCalc(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("calc", stderr)
	fs.Usage = func() { io.WriteString(stderr, calcUsage) }
	content := fs.String("content", "content", "content directory")
	date := fs.String("date", "", "evaluation date YYYY-MM-DD for households without one (default today)")
	csvMode := fs.Bool("csv", false, "read and write CSV, one household per row")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "generator calc: at most one input file")
		return exitUsage
	}
	today := time.Now().Format(time.DateOnly)
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintf(stderr, "generator calc: --date %q is not a date YYYY-MM-DD\n", *date)
			return exitUsage
		}
		today = *date
	}
	name, in := "stdin", stdin
	if f := fs.Arg(0); f != "" && f != "-" {
		file, err := os.Open(f)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitContent
		}
		defer file.Close()
		name, in = f, file
	}
	cp, code := loadParams(*content, stderr)
	if cp == nil {
		return code
	}
	var out bytes.Buffer
	var errs []string
	if *csvMode {
		errs = calcCSV(name, in, &out, cp, today)
	} else {
		errs = calcJSON(name, in, &out, cp, today)
	}
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return exitContent
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	return exitOK
}

// loadParams loads the content and builds the calculator's parameters.
func loadParams(dir string, stderr io.Writer) (*calc.Params, int) {
	plan, err := model.Load(os.DirFS(dir), filepath.ToSlash(filepath.Clean(dir)))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitContent
	}
	// The published plan, as the site's calculator sees it: drafts and
	// clauses not yet published never set a standard.
	cp, err := validParams(plan.Visible(today(), false))
	if err != nil {
		for _, e := range flatten(err) {
			fmt.Fprintf(stderr, "%s: calculator parameters: %v\n", dir, e)
		}
		return nil, exitContent
	}
	return cp, exitOK
}

// validParams builds the calculator's parameters and checks that the
// content has everything the rules use.
func validParams(plan *model.Plan) (*calc.Params, error) {
	cp, err := params.FromPlan(plan)
	if err != nil {
		return nil, err
	}
	if err := cp.Validate(); err != nil {
		return nil, err
	}
	return cp, nil
}

// calcJSON answers one object, or an array of objects, and returns the
// error messages (none when it wrote the answer to out).
func calcJSON(name string, in io.Reader, out *bytes.Buffer, cp *calc.Params, today string) []string {
	data, err := io.ReadAll(in)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", name, err)}
	}
	var errs []string
	// report names each error's field, under the household's index in an array.
	report := func(index string, err error) {
		for _, e := range flatten(err) {
			var fe *calc.FieldError
			switch {
			case index == "":
				errs = append(errs, fmt.Sprintf("%s: %v", name, e))
			case !errors.As(e, &fe):
				errs = append(errs, fmt.Sprintf("%s: %s: %v", name, index, e))
			case fe.Field == "$":
				errs = append(errs, fmt.Sprintf("%s: %s: %s", name, index, fe.Msg))
			default:
				errs = append(errs, fmt.Sprintf("%s: %s.%s: %s", name, index, fe.Field, fe.Msg))
			}
		}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		ans, err := calc.Run(data, cp, today)
		if err != nil {
			report("", err)
			return errs
		}
		out.Write(ans)
		out.WriteByte('\n')
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err != nil {
		return []string{fmt.Sprintf("%s: $: 不是有效的 JSON 数组：%v", name, err)}
	}
	answers := make([]json.RawMessage, len(list))
	for i, raw := range list {
		ans, err := calc.Run(raw, cp, today)
		if err != nil {
			report(fmt.Sprintf("[%d]", i), err)
			continue
		}
		answers[i] = ans
	}
	if len(errs) > 0 {
		return errs
	}
	b, err := json.MarshalIndent(answers, "", "  ")
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", name, err)}
	}
	out.Write(b)
	out.WriteByte('\n')
	return nil
}

// calcCSV answers a CSV register (see calcUsage).
func calcCSV(name string, in io.Reader, out *bytes.Buffer, cp *calc.Params, today string) []string {
	err := calc.RunCSV(in, out, cp, today)
	if err == nil {
		return nil
	}
	var errs []string
	for _, e := range flatten(err) {
		errs = append(errs, fmt.Sprintf("%s: %v", name, e))
	}
	return errs
}

// flatten returns the errors joined in err (errors.Join), one level deep.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// runCases runs the content's calculator test cases (content/tests/*.toml)
// and returns one error per failed expectation, positioned at the case:
// content/tests/x.toml:12: case "name": expected once 50000.00, got 30000.00
func runCases(plan *model.Plan) []error {
	cp, err := validParams(plan)
	if err != nil {
		var errs []error
		for _, e := range flatten(err) {
			errs = append(errs, fmt.Errorf("content: calculator parameters: %w", e))
		}
		return errs
	}
	var errs []error
	for _, c := range plan.Cases {
		errs = append(errs, runCase(&c, cp)...)
	}
	return errs
}

func runCase(c *model.Case, cp *calc.Params) []error {
	at := fmt.Sprintf("%s:%d: case %q", c.File, c.Line, c.Name)
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", at, fmt.Sprintf(format, args...)))
	}
	data, err := factsJSON(c.Facts)
	if err != nil {
		fail("facts.%v", err)
		return errs
	}
	facts, err := calc.ParseFacts(data)
	if err != nil {
		for _, e := range flatten(err) {
			fail("facts.%v", e)
		}
		return errs
	}
	if facts.Date == "" {
		facts.Date = c.Date
	}
	if facts.Date == "" {
		facts.Date = time.Now().Format(time.DateOnly)
	}
	res, err := calc.Evaluate(facts, cp)
	if err != nil {
		for _, e := range flatten(err) {
			fail("%v", e)
		}
		return errs
	}
	for _, x := range []struct {
		period string
		want   model.Dec
	}{{"once", c.Expect.Once}, {"month", c.Expect.Month}, {"year", c.Expect.Year}} {
		got := res.Totals.Sum(x.period)
		if x.want.Set && !got.Equal(x.want.Decimal) {
			fail("expected %s %s, got %s", x.period, x.want.StringFixed(2), got.StringFixed(2))
		}
	}
	if c.Expect.Clauses != nil {
		got := res.CashClauses()
		if !sameSet(got, c.Expect.Clauses) {
			fail("expected clauses [%s], got [%s]", strings.Join(c.Expect.Clauses, ", "), strings.Join(got, ", "))
		}
	}
	return errs
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// factsJSON turns a case's TOML facts into the calculator's JSON. TOML
// integers stay integers; a TOML float is refused, because money must be
// written as a decimal string ("4999.99"); a TOML date becomes "YYYY-MM-DD".
func factsJSON(m map[string]any) ([]byte, error) {
	v, err := tomlToJSON("", m)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func tomlToJSON(path string, v any) (any, error) {
	switch x := v.(type) {
	case string, bool, int64:
		return x, nil
	case float64:
		return nil, fmt.Errorf("%s: write decimals as strings, e.g. \"4999.99\" (a TOML float is not exact)", path)
	case time.Time:
		return x.Format(time.DateOnly), nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			c, err := tomlToJSON(p, e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := tomlToJSON(fmt.Sprintf("%s[%d]", path, i), e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := tomlToJSON(fmt.Sprintf("%s[%d]", path, i), e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return nil, errors.New(path + ": unsupported TOML value")
}
