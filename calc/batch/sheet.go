package batch

import (
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"gyportal/calc"
	"gyportal/calc/batch/sheet"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
)

// Header begins the output of Sheet: the input row, the id, the date
// used, the cash totals per period, the clauses granting cash, the cash
// benefit ids (one per grant), the service benefit ids; whether the
// answer is complete ("true", or "false" when some benefit needs a fact
// the row left out: the totals are then a minimum), the pending benefit
// ids and the facts they need. A column per clause and period of cash
// follows ("3.2.12 once"; see ClauseColumns).
var Header = []string{"line", "id", "date", "once", "month", "year", "clauses", "benefits", "services", "complete", "pending", "needs"}

// TotalRow is the line cell of the output's last row, the sums.
const TotalRow = "total"

// Options of a run.
type Options struct {
	Today    string                        // YYYY-MM-DD, the date of households that give none
	File     string                        // the sheet's name as staff gave it, the file of its rows' errors
	Report   func(error)                   // called with each household's error as it is found
	Progress func(rows int, share float64) // called every ProgressEvery rows, when set
}

// ProgressEvery is how many rows go by between calls of Options.Progress.
const ProgressEvery = 1000

// Summary counts the households of a run.
type Summary struct {
	Answered, Failed int
	Started          bool // the output's header was written
}

// periods are the periods of cash, in the order of the output's columns.
var periods = []string{"once", "month", "year"}

// ClauseColumn is one of the output's columns per clause and period.
type ClauseColumn struct{ Clause, Period string }

// String returns the column's header, "3.2.12 once".
func (c ClauseColumn) String() string { return c.Clause + " " + c.Period }

// ClauseColumns returns the clause-and-period pairs of the cash benefits
// of p, in the rules' order of clauses, then once, month, year.
func ClauseColumns(p *calc.Params) []ClauseColumn {
	var clauses []string
	has := map[ClauseColumn]bool{}
	for _, id := range p.BenefitIDs() {
		s := p.Benefits[id]
		if s == nil || s.Kind != rules.KindCash {
			continue
		}
		if !slices.Contains(clauses, s.Clause) {
			clauses = append(clauses, s.Clause)
		}
		has[ClauseColumn{s.Clause, s.Period.String()}] = true
	}
	var out []ClauseColumn
	for _, c := range clauses {
		for _, per := range periods {
			if has[ClauseColumn{c, per}] {
				out = append(out, ClauseColumn{c, per})
			}
		}
	}
	return out
}

// sheetRun is the state of one run of Sheet.
type sheetRun struct {
	src    sheet.Reader
	dst    sheet.Writer
	p      *calc.Params
	opt    Options
	cols   *columns
	clause map[ClauseColumn]int // index in the clause columns
	sums   []decimal.Decimal    // per period, then per clause column: the totals
	sum    Summary
}

// Sheet answers the register src, writing to dst Header and the clause
// columns, one row per household answered and a last row TotalRow with
// the sums. A household with errors is left out of dst: each error goes
// to opt.Report (an *errlist.Error of file opt.File naming the row, and
// the field). The error returned is what ended the run early (a bad
// header, which leaves dst unwritten; an unreadable row, after which dst
// is finished with the rows before), or nil.
func Sheet(src sheet.Reader, dst sheet.Writer, p *calc.Params, opt Options) (Summary, error) {
	r := &sheetRun{src: src, dst: dst, p: p, opt: opt}
	if err := r.header(p); err != nil {
		return r.sum, r.place(err)
	}
	err := r.rows()
	if werr := r.finish(); err == nil {
		err = werr
	}
	return r.sum, r.place(err)
}

// place names the sheet, opt.File, in each of err's row errors.
func (r *sheetRun) place(err error) error {
	for _, e := range errlist.Split(err) {
		if re, ok := e.(*errlist.Error); ok && re.File == "" {
			re.File = r.opt.File
		}
	}
	return err
}

// header reads the header row and writes the output's.
func (r *sheetRun) header(p *calc.Params) error {
	row, err := r.src.Next()
	if err == io.EOF {
		return &errlist.Error{Line: 1, Row: true, Msg: "没有标题行：第一行应为列名（" + IDColumn + "、" + strings.Join(rules.FactNames(), "、") + "）"}
	}
	if err != nil {
		return err
	}
	cols, errs := readHeader(row)
	if len(errs) > 0 {
		return errs
	}
	r.cols = cols
	cc := ClauseColumns(p)
	r.clause = make(map[ClauseColumn]int, len(cc))
	out := make([]sheet.Cell, 0, len(Header)+len(cc))
	for _, h := range Header {
		out = append(out, sheet.Cell{Text: h})
	}
	for i, c := range cc {
		r.clause[c] = i
		out = append(out, sheet.Cell{Text: c.String()})
	}
	r.sums = make([]decimal.Decimal, len(periods)+len(cc))
	r.sum.Started = true
	return r.dst.Write(out)
}

// rows answers every row after the header. This goroutine reads the
// rows and hands them, in batches, to workers (one per CPU) that
// evaluate them; a committer takes the batches back in reading order,
// reports errors, adds to the sums and writes. The output is the same,
// in the same order, whatever the number of workers.
func (r *sheetRun) rows() error {
	xlsx := r.src.Format() == "xlsx"
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *rowBatch, workers)
	order := make(chan *rowBatch, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range work {
				for i := range b.items {
					r.evaluate(&b.items[i], xlsx)
				}
				close(b.done)
			}
		})
	}
	committed := make(chan struct{})
	go func() {
		defer close(committed)
		r.commit(order)
	}()
	err := r.read(work, order)
	close(work)
	close(order)
	wg.Wait()
	<-committed
	return err
}

// batchRows is how many rows a worker takes at a time.
const batchRows = 256

// rowBatch is rows read in a row, their results once done is closed.
type rowBatch struct {
	items []rowItem
	share float64 // src.Progress() after the batch was read
	done  chan struct{}
}

// rowItem is one row and what became of it.
type rowItem struct {
	row   sheet.Row
	err   error             // the row's errors (its reading's, or its household's)
	cells []sheet.Cell      // the output row, when err is nil
	cash  []decimal.Decimal // per period, then per clause column
}

// read reads the rows into batches, sent to work and, in order, to
// order. It returns what ended the reading early, or nil at the end.
func (r *sheetRun) read(work, order chan<- *rowBatch) error {
	newBatch := func() *rowBatch { return &rowBatch{items: make([]rowItem, 0, batchRows), done: make(chan struct{})} }
	b := newBatch()
	send := func() {
		b.share = r.src.Progress()
		order <- b
		work <- b
		b = newBatch()
	}
	for {
		row, err := r.src.Next()
		if err == io.EOF {
			send()
			return nil
		}
		var re *errlist.Error
		if err != nil && (!errors.As(err, &re) || errors.Is(err, sheet.ErrStop)) {
			send()
			return err
		}
		b.items = append(b.items, rowItem{row: row, err: err})
		if len(b.items) == batchRows {
			send()
		}
	}
}

// evaluate answers one row, unless reading it failed.
func (r *sheetRun) evaluate(it *rowItem, xlsx bool) {
	if it.err != nil {
		return
	}
	if it.err = r.cols.check(it.row); it.err != nil {
		return
	}
	f, err := r.cols.facts(it.row, xlsx)
	if err == nil && f.Date == "" {
		f.Date = r.opt.Today
	}
	var res *rules.Result
	if err == nil {
		res, err = calc.EvaluateBrief(f, r.p)
	}
	if err != nil {
		it.err = rowErrors(it.row.Num, err)
		return
	}
	it.cells, it.cash = r.cells(it.row.Num, r.cols.id(it.row), res)
}

// commit takes the batches in order as their rows are done: reports
// the errors, writes the rows and adds them to the sums.
func (r *sheetRun) commit(order <-chan *rowBatch) {
	n := 0
	for b := range order {
		<-b.done
		for i := range b.items {
			it := &b.items[i]
			if n++; r.opt.Progress != nil && n%ProgressEvery == 0 {
				r.opt.Progress(n, b.share)
			}
			if it.err == nil {
				it.err = r.write(it)
			}
			if it.err != nil {
				r.fail(it.err)
			}
		}
	}
}

// fail reports a household's errors.
func (r *sheetRun) fail(err error) {
	r.sum.Failed++
	if r.opt.Report != nil {
		for _, e := range errlist.Split(r.place(err)) {
			r.opt.Report(e)
		}
	}
}

// rowErrors names the row, and the column, in each of a household's
// errors, in the order calc gave them.
func rowErrors(num int, err error) errlist.List {
	var list errlist.List
	for _, e := range errlist.Split(err) {
		re := &errlist.Error{Line: num, Row: true, Msg: e.Error(), Err: e}
		var fe *rules.FieldError
		if errors.As(e, &fe) {
			re.Msg = fe.Msg
			if fe.Field != "$" {
				re.Key = colName(fe.Field)
			}
		}
		list = append(list, re)
	}
	return list
}

// cells returns a household's output row and its cash per period and
// per clause column.
func (r *sheetRun) cells(num int, id string, res *rules.Result) ([]sheet.Cell, []decimal.Decimal) {
	cash := make([]decimal.Decimal, len(r.sums))
	var benefits, services []string
	for _, e := range res.Entitlements {
		if e.Kind != rules.KindCash {
			services = append(services, e.Benefit)
			continue
		}
		benefits = append(benefits, e.Benefit)
		if i, ok := r.clause[ClauseColumn{e.Clause, e.Period.String()}]; ok {
			cash[len(periods)+i] = cash[len(periods)+i].Add(calc.Yuan(e.Fen))
		}
	}
	for i, per := range periods {
		cash[i] = calc.Yuan(res.Totals.Fen(per))
	}
	cells := make([]sheet.Cell, 0, len(Header)+len(r.sums)-len(periods))
	cells = append(cells, sheet.Cell{Text: strconv.Itoa(num), Number: true}, sheet.Cell{Text: id}, sheet.Cell{Text: res.Date},
		money(res.Totals.Once), money(res.Totals.Month), money(res.Totals.Year),
		sheet.Cell{Text: strings.Join(res.CashClauses(), ";")},
		sheet.Cell{Text: strings.Join(benefits, ";")}, sheet.Cell{Text: strings.Join(services, ";")},
		sheet.Cell{Text: strconv.FormatBool(res.Complete)})
	cells = pending(cells, res.Pending)
	return amounts(cells, cash[len(periods):], true), cash
}

// write writes an answered row and adds it to the sums.
func (r *sheetRun) write(it *rowItem) error {
	r.sum.Answered++
	for i, v := range it.cash {
		if !v.IsZero() {
			r.sums[i] = r.sums[i].Add(v)
		}
	}
	return r.dst.Write(it.cells)
}

// pending appends the cells of the pending benefits and the facts they
// need, each once.
func pending(cells []sheet.Cell, ps []rules.Pending) []sheet.Cell {
	var ids, needs []string
	for _, p := range ps {
		ids = append(ids, p.Benefit)
		for _, n := range p.Needs {
			if !slices.Contains(needs, n) {
				needs = append(needs, n)
			}
		}
	}
	return append(cells, sheet.Cell{Text: strings.Join(ids, ";")}, sheet.Cell{Text: strings.Join(needs, ";")})
}

// money is a cell of an amount written with two places.
func money(s string) sheet.Cell { return sheet.Cell{Text: s, Number: true} }

// amounts appends money cells, two places; with blankZero a zero is an
// empty cell.
func amounts(cells []sheet.Cell, vs []decimal.Decimal, blankZero bool) []sheet.Cell {
	for _, v := range vs {
		if blankZero && v.IsZero() {
			cells = append(cells, sheet.Cell{})
		} else {
			cells = append(cells, money(v.StringFixed(2)))
		}
	}
	return cells
}

// finish writes the sums and closes dst.
func (r *sheetRun) finish() error {
	cells := []sheet.Cell{{Text: TotalRow}, {}, {}}
	cells = amounts(cells, r.sums[:len(periods)], false)
	cells = append(cells, make([]sheet.Cell, len(Header)-len(cells))...)
	cells = amounts(cells, r.sums[len(periods):], false)
	err := r.dst.Write(cells)
	if cerr := r.dst.Close(); err == nil {
		err = cerr
	}
	return err
}
