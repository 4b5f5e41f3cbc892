package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gyportal/calc"
	"gyportal/calc/batch/jsonstream"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
)

// HouseholdError is an error of one household of JSON input: Index is
// its place in the array (-1 for a lone object), Field the fact ("$" for
// the household as a whole).
type HouseholdError struct {
	Index int
	Field string
	Msg   string
}

// Error returns "[1].children[0].stage: msg", "[1]: msg", "members: msg"
// or, for a lone object as a whole, msg.
func (e *HouseholdError) Error() string {
	at := e.Field
	if e.Index >= 0 {
		at = fmt.Sprintf("[%d]", e.Index)
		if e.Field != "$" {
			at += "." + e.Field
		}
	}
	if at == "$" {
		return e.Msg
	}
	return at + ": " + e.Msg
}

// JSON answers households written as JSON (one object, or an array of
// them; see package jsonstream for the limits), one at a time. A lone
// object's answer is calc.Run's bytes, exactly what the browser's
// calculator returns, and a newline. An array's answers form an array
// in the same order, one answer per line, with null in the place of a
// household with errors. With pretty every answer is indented. Each
// household's errors go to opt.Report as *HouseholdError values; the
// error returned is what ended the input early (a *jsonstream.Error,
// after which the array written so far is closed), or a write error.
func JSON(in io.Reader, out io.Writer, p *calc.Params, opt Options, pretty bool) (Summary, error) {
	j := &jsonRun{jr: jsonstream.NewReader(in), w: bufio.NewWriterSize(out, 64<<10), pretty: pretty}
	var err error
	for {
		if opt.Progress != nil && j.n > 0 && j.n%ProgressEvery == 0 {
			opt.Progress(j.n, -1)
		}
		raw, index, rerr := j.jr.Next()
		if rerr != nil {
			if rerr != io.EOF {
				err = rerr
			}
			break
		}
		ans, aerr := calc.Run(raw, p, opt.Today)
		if aerr != nil {
			j.sum.Failed++
			report(opt, index, aerr)
			ans = nil
		} else {
			j.sum.Answered++
		}
		j.write(ans)
	}
	j.close()
	if ferr := j.w.Flush(); err == nil {
		err = ferr
	}
	return j.sum, err
}

// jsonRun is the state of one run of JSON.
type jsonRun struct {
	jr     *jsonstream.Reader
	w      *bufio.Writer
	pretty bool
	n      int // answers written
	ind    bytes.Buffer
	sum    Summary
}

// write writes one answer (nil for a household with errors).
func (j *jsonRun) write(ans []byte) {
	array := j.jr.Array()
	if ans == nil && !array {
		return
	}
	prefix := ""
	if array && j.pretty {
		prefix = "  "
	}
	if j.pretty && ans != nil {
		j.ind.Reset()
		json.Indent(&j.ind, ans, prefix, "  ")
		ans = j.ind.Bytes()
	}
	if ans == nil {
		ans = []byte("null")
	}
	switch {
	case !array:
		j.w.Write(ans)
		j.w.WriteByte('\n')
		return
	case j.n == 0:
		j.w.WriteString("[\n")
	default:
		j.w.WriteString(",\n")
	}
	j.n++
	j.w.WriteString(prefix)
	j.w.Write(ans)
}

// close ends the array, if the input was one.
func (j *jsonRun) close() {
	switch {
	case !j.jr.Array():
	case j.n == 0:
		j.w.WriteString("[]\n")
	default:
		j.w.WriteString("\n]\n")
	}
}

// report sends a household's errors to opt.Report.
func report(opt Options, index int, err error) {
	if opt.Report == nil {
		return
	}
	for _, e := range errlist.Split(err) {
		var fe *rules.FieldError
		if errors.As(e, &fe) {
			opt.Report(&HouseholdError{Index: index, Field: fe.Field, Msg: fe.Msg})
		} else {
			opt.Report(&HouseholdError{Index: index, Field: "$", Msg: e.Error()})
		}
	}
}
