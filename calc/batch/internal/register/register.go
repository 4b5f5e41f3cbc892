// Package register makes registers of pseudo-random households for the
// tests and benchmarks of calc/batch: as CSV text or as an .xlsx
// workbook as a person would make it in Excel (numbers as numbers, dates
// as dates, TRUE/FALSE), streamed so that a million rows take no memory.
package register

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gyportal/calc/rules"
)

// Header are the register's columns.
var Header = []string{"id", "hukou", "family", "members", "dibao", "dibao_standard", "poor", "integrity",
	"can_develop_project", "complication_level", "disabled_parent", "children", "medical_out_of_pocket",
	"housing_area_per_capita", "middle_low_income", "date"}

// Household is one row of a register.
type Household struct {
	ID, Hukou, Family, Children string
	Members, Standard, Level    int
	Bools                       [6]string // dibao poor integrity can_develop_project disabled_parent middle_low_income
	Medical, Area               string    // decimals
	Date                        time.Time // zero: none
}

// boolCols are the columns of Household.Bools.
var boolCols = [6]int{4, 6, 7, 8, 10, 14}

// maxKids is the most children a family type can have: a register's
// households are ones a family could be (calc refuses contradictions).
var maxKids = map[string]int{"only_daughter": 1, "only_son": 1, "two_daughters": 2, "bereaved": 0,
	"other_planned": 3, "none": 3}

var surnames = []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄"}

// Generator makes households, the same ones for the same seed.
type Generator struct {
	r *rand.Rand
	n int
}

// New returns a Generator.
func New(seed uint64) *Generator { return &Generator{r: rand.New(rand.NewPCG(seed, 2))} }

func (g *Generator) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

// Next returns the next household; one in 17 has an id that tries to be
// a formula.
func (g *Generator) Next() Household {
	var h Household
	h.ID = fmt.Sprintf("%s%s%07d", g.pick(surnames...), g.pick("", "（代）", "·户"), g.n)
	if g.n%17 == 3 {
		h.ID = g.pick("=HYPERLINK(\"http://x\",\"点我\")", "\t=1+1", "+86", "-5", "@SUM(A1)", "＝1+1", "－2")
	}
	g.n++
	h.Hukou, h.Family = g.pick(names(rules.Hukous())...), g.pick(names(rules.Families())...)
	var kids []string
	for range g.r.IntN(3) {
		k := g.pick(names(rules.Stages())...)
		if g.r.IntN(6) == 0 && (k == "senior" || k == "vocational" || k == "college") {
			k += rules.AdmittedMark
		}
		kids = append(kids, k)
	}
	kids = kids[:min(len(kids), maxKids[h.Family])]
	h.Children = strings.Join(kids, ";")
	h.Members, h.Standard, h.Level = max(1+g.r.IntN(6), len(kids)), 2000+g.r.IntN(2000), g.r.IntN(5)*g.r.IntN(2)
	for j := range h.Bools {
		h.Bools[j] = g.pick("是", "否", "", "true", "0")
	}
	h.Medical = fmt.Sprintf("%d.%02d", g.r.IntN(20000), g.r.IntN(100))
	h.Area = fmt.Sprintf("%d.5", 5+g.r.IntN(30))
	if g.r.IntN(4) == 0 {
		h.Date = time.Date(2013+g.r.IntN(5), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	return h
}

// names returns the names of enumerated values.
func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// Cells returns the household's row as text.
func (h *Household) Cells() []string {
	date := ""
	if !h.Date.IsZero() {
		date = h.Date.Format(time.DateOnly)
	}
	b := h.Bools
	return []string{h.ID, h.Hukou, h.Family, strconv.Itoa(h.Members), b[0], strconv.Itoa(h.Standard), b[1], b[2], b[3],
		strconv.Itoa(h.Level), b[4], h.Children, h.Medical, h.Area, b[5], date}
}

// values returns the household's row as Excel cells.
func (h *Household) values(dateStyle int) []any {
	cells := h.Cells()
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = c
	}
	vals[3], vals[5], vals[9] = h.Members, h.Standard, h.Level
	vals[12], _ = strconv.ParseFloat(h.Medical, 64)
	for j, col := range boolCols {
		switch h.Bools[j] {
		case "true":
			vals[col] = true
		case "0":
			vals[col] = false
		}
	}
	if !h.Date.IsZero() {
		vals[15] = excelize.Cell{StyleID: dateStyle, Value: h.Date}
	}
	return vals
}

// WriteCSV writes n households of seed as UTF-8 text, cells separated by
// comma.
func WriteCSV(w io.Writer, n int, seed uint64, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.Write(Header)
	g := New(seed)
	for range n {
		h := g.Next()
		cw.Write(h.Cells())
	}
	cw.Flush()
	return cw.Error()
}

// WriteXLSX writes n households of seed as an .xlsx workbook.
func WriteXLSX(w io.Writer, n int, seed uint64) error {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	head := make([]any, len(Header))
	for i, h := range Header {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	g := New(seed)
	for i := range n {
		h := g.Next()
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, h.values(dateStyle)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// JSON returns the household as the calculator's JSON object.
func (h *Household) JSON() []byte {
	m := map[string]any{"hukou": h.Hukou, "family": h.Family, "members": h.Members, "dibao_standard": strconv.Itoa(h.Standard),
		"complication_level": h.Level, "medical_out_of_pocket": h.Medical, "housing_area_per_capita": h.Area}
	if h.Children != "" {
		m["children"] = h.Children
	}
	if !h.Date.IsZero() {
		m["date"] = h.Date.Format(time.DateOnly)
	}
	for j, col := range boolCols {
		switch h.Bools[j] {
		case "是", "true":
			m[Header[col]] = true
		case "否", "0":
			m[Header[col]] = false
		}
	}
	b, _ := json.Marshal(m)
	return b
}

// WriteJSON writes n households of seed as a JSON array, one per line.
func WriteJSON(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	g := New(seed)
	for i := range n {
		if i > 0 {
			bw.WriteString(",")
		}
		h := g.Next()
		bw.WriteString("\n")
		bw.Write(h.JSON())
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}
