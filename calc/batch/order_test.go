package batch

import (
	"bytes"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gyportal/calc/batch/sheet"
)

// TestManyRowsInOrder: a register of many batches, with bad rows spread
// through it, gives the same answers and the same errors, in row order,
// with one worker and with four; Progress is called every ProgressEvery
// rows with a growing share.
func TestManyRowsInOrder(t *testing.T) {
	lines := strings.SplitAfter(string(registerCSV(t, 3000, 7, ',')), "\n")
	bad := 0
	for i := 5; i < len(lines)-1; i += 97 { // members (fourth column) out of range
		cells := strings.Split(lines[i], ",")
		cells[3] = "0"
		lines[i] = strings.Join(cells, ",")
		bad++
	}
	data := []byte(strings.Join(lines, ""))
	if !strings.HasPrefix(lines[0], "id,hukou,family,members,") {
		t.Fatalf("register header %q: the test expects members fourth", lines[0])
	}
	run := func(procs int) (string, []string, []int, []float64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out bytes.Buffer
		var errs []string
		var rows []int
		var shares []float64
		sum, err := Sheet(sheet.NewCSVReader(bytes.NewReader(data), 0), sheet.NewCSVWriter(&out), testParams(t), Options{
			Today:    "2016-06-01",
			Report:   func(e error) { errs = append(errs, e.Error()) },
			Progress: func(n int, share float64) { rows = append(rows, n); shares = append(shares, share) },
		})
		if err != nil || sum.Failed != bad || sum.Answered != 3000-bad {
			t.Fatalf("GOMAXPROCS %d: %v, %+v, want %d failed", procs, err, sum, bad)
		}
		return out.String(), errs, rows, shares
	}
	out1, errs1, rows1, shares1 := run(1)
	out4, errs4, rows4, _ := run(4)
	if out1 != out4 || !slices.Equal(errs1, errs4) || !slices.Equal(rows1, rows4) {
		t.Fatal("the answers, errors or progress differ between one worker and four")
	}
	prev := 0
	for _, line := range strings.Split(strings.TrimSpace(out1), "\n")[1:] {
		num, err := strconv.Atoi(strings.TrimPrefix(strings.SplitN(line, ",", 2)[0], "\ufeff"))
		if err != nil {
			break // the total row
		}
		if num <= prev {
			t.Fatalf("row %d written after row %d", num, prev)
		}
		prev = num
	}
	for i, e := range errs1 {
		want := "第 " + strconv.Itoa(6+97*i) + " 行"
		if !strings.Contains(e, want) {
			t.Fatalf("error %d = %q, want it about %s", i, e, want)
		}
	}
	if want := []int{1000, 2000, 3000}; !slices.Equal(rows1, want) {
		t.Errorf("progress at rows %v, want %v", rows1, want)
	}
	if !slices.IsSorted(shares1) {
		t.Errorf("progress shares %v not growing", shares1)
	}
}
