package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// openData writes data/*.json: the visible plan as open data (document,
// clauses, departments, groups, benefits, dated parameters) and the JSON
// Schema of the calculator's household input (made by the calculator
// step from calc's vocabulary). templates/data.html
// documents every file and field; keep the two in step.
func (s *Site) openData(w Writer) error {
	base := strings.TrimSuffix(s.in.Plan.Site.BaseURL, "/")
	files := []struct {
		name string
		v    any
	}{
		{"document.json", documentData(s.in.Plan, base)},
		{"clauses.json", clausesData(s.in.Plan, base)},
		{"departments.json", departmentsData(s.in.Plan, base)},
		{"groups.json", groupsData(s.in.Plan, base)},
		{"benefits.json", benefitsData(s.in.Plan)},
		{"parameters.json", parametersData(s.in.Plan)},
	}
	if sc := s.in.Calculator.Schema; sc != nil {
		files = append(files, struct {
			name string
			v    any
		}{"household.schema.json", sc})
	}
	for _, f := range files {
		data, err := canonicalJSON(f.v)
		if err != nil {
			return fmt.Errorf("data/%s: %w", f.name, err)
		}
		if err := w.WriteFile("data/"+f.name, data); err != nil {
			return err
		}
	}
	return nil
}

// canonicalJSON encodes v with sorted object keys, two-space indentation
// and unescaped HTML characters, so equal data gives equal bytes. Maps
// encode with sorted keys; structs must declare their fields in the
// order of their JSON names (TestOpenDataFieldsSorted checks), which
// spares a decode and re-encode of the whole data (clauses.json of a
// large site is megabytes).
func canonicalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type docData struct {
	Cited         []citedData    `json:"cited"`
	Counts        map[string]int `json:"counts"`
	DocNumber     string         `json:"doc_number"`
	Effective     string         `json:"effective"`
	EffectiveNote string         `json:"effective_note"`
	IssuedBy      []string       `json:"issued_by"`
	Issuer        string         `json:"issuer"`
	NoticeText    string         `json:"notice_text"`
	NoticeTitle   string         `json:"notice_title"`
	PlanTitle     string         `json:"plan_title"`
	Preamble      string         `json:"preamble"`
	PrintedDate   string         `json:"printed_date"`
	Recipients    string         `json:"recipients"`
	Sections      []sectionData  `json:"sections"`
	SignedDate    string         `json:"signed_date"`
	URL           string         `json:"url"`
}

type citedData struct {
	Issuer string `json:"issuer"`
	Number string `json:"number"`
	Title  string `json:"title"`
}

type sectionData struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func documentData(pl *model.Plan, base string) docData {
	d := pl.Document
	out := docData{
		DocNumber: d.DocNumber, Issuer: d.Issuer, IssuedBy: d.IssuedBy, NoticeTitle: d.NoticeTitle,
		Recipients: d.Recipients, NoticeText: d.NoticeText, SignedDate: d.SignedDate.String(),
		PrintedDate: d.PrintedDate.String(), PlanTitle: d.PlanTitle, Preamble: d.Preamble,
		Effective: d.Effective.String(), EffectiveNote: d.EffectiveNote, Cited: []citedData{}, Sections: []sectionData{},
		URL:    base + FullURL,
		Counts: map[string]int{"clauses": len(pl.Clauses), "departments": len(pl.Departments), "groups": len(pl.Groups)},
	}
	for _, c := range d.Cited {
		out.Cited = append(out.Cited, citedData{Title: c.Title, Number: c.Number, Issuer: c.Issuer})
	}
	for _, s := range d.Sections {
		out.Sections = append(out.Sections, sectionData{ID: s.ID, Title: s.Title})
	}
	return out
}

type clauseData struct {
	Benefits    []string     `json:"benefits"`
	Departments []string     `json:"departments"`
	Groups      []string     `json:"groups"`
	ID          string       `json:"id"`
	Reading     string       `json:"reading,omitempty"`
	Summary     string       `json:"summary"`
	Targets     []targetData `json:"targets"`
	Text        string       `json:"text"`
	Title       string       `json:"title"`
	Updates     []updateData `json:"updates"`
	URL         string       `json:"url"`
}

type targetData struct {
	Minimum bool   `json:"minimum"`
	Name    string `json:"name"`
	Unit    string `json:"unit,omitempty"`
	Value   string `json:"value"`
	Year    int    `json:"year,omitempty"`
}

type updateData struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

func clausesData(pl *model.Plan, base string) []clauseData {
	out := []clauseData{}
	for _, c := range pl.Clauses {
		cd := clauseData{ID: c.ID, Title: c.Title, URL: base + ClauseURL(c.ID),
			Departments: nonNil(c.Departments), Groups: nonNil(c.Groups), Text: c.Text, Summary: c.Summary,
			Reading: c.Reading, Benefits: []string{}, Targets: []targetData{}, Updates: []updateData{}}
		for _, bf := range c.Benefits {
			cd.Benefits = append(cd.Benefits, bf.ID)
		}
		for _, t := range c.Targets {
			cd.Targets = append(cd.Targets, targetData{Name: t.Name, Value: decString(t.Value), Unit: t.Unit, Minimum: t.Minimum, Year: t.Year})
		}
		for _, u := range c.Updates {
			cd.Updates = append(cd.Updates, updateData{Date: u.Date.String(), Text: u.Text})
		}
		out = append(out, cd)
	}
	return out
}

// bodyData is a department or a group with the visible clauses naming it.
type bodyData struct {
	Clauses []string `json:"clauses"`
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Note    string   `json:"note,omitempty"`
	URL     string   `json:"url"`
	Who     string   `json:"who,omitempty"`
}

func departmentsData(pl *model.Plan, base string) []bodyData {
	out := []bodyData{}
	for _, d := range pl.Departments {
		out = append(out, bodyData{ID: d.ID, Name: d.Name, Note: d.Note, URL: base + DepartmentURL(d.ID), Clauses: clauseIDs(d.Clauses)})
	}
	return out
}

func groupsData(pl *model.Plan, base string) []bodyData {
	out := []bodyData{}
	for _, g := range pl.Groups {
		out = append(out, bodyData{ID: g.ID, Name: g.Name, Who: g.Who, URL: base + GroupURL(g.ID), Clauses: clauseIDs(g.Clauses)})
	}
	return out
}

type benefitData struct {
	Adjustable bool         `json:"adjustable"`
	Amount     string       `json:"amount,omitempty"`
	Changes    []changeData `json:"changes"`
	Clause     string       `json:"clause"`
	For        string       `json:"for"`
	Groups     []string     `json:"groups"`
	ID         string       `json:"id"`
	Kind       rules.Kind   `json:"kind"`
	Level      rules.Level  `json:"level,omitempty"`
	Minimum    bool         `json:"minimum"`
	Name       string       `json:"name"`
	Note       string       `json:"note,omitempty"`
	Payer      string       `json:"payer,omitempty"`
	Period     rules.Period `json:"period,omitempty"`
	Rate       string       `json:"rate,omitempty"`
	Threshold  string       `json:"threshold,omitempty"`
	Unit       string       `json:"unit,omitempty"`
}

type changeData struct {
	Amount string `json:"amount"`
	From   string `json:"from"`
	Note   string `json:"note,omitempty"`
}

func benefitsData(pl *model.Plan) []benefitData {
	out := []benefitData{}
	for _, c := range pl.Clauses {
		for _, bf := range c.Benefits {
			bd := benefitData{ID: bf.ID, Clause: c.ID, Name: bf.Name, For: bf.For, Groups: nonNil(bf.Groups), Kind: bf.Kind,
				Amount: decString(bf.Amount), Rate: decString(bf.Rate), Threshold: decString(bf.Threshold),
				Unit: bf.Unit, Period: bf.Period, Minimum: bf.Minimum, Payer: bf.Payer, Level: bf.Level,
				Adjustable: bf.Adjustable, Note: bf.Note, Changes: []changeData{}}
			for _, ch := range bf.Changes {
				bd.Changes = append(bd.Changes, changeData{From: ch.From.String(), Amount: decString(ch.Amount), Note: ch.Note})
			}
			out = append(out, bd)
		}
	}
	return out
}

// paramsData is the dated parameters: each benefit's amount over time,
// and the 3.1 dynamic adjustment series.
type paramsData struct {
	Adjustment adjustmentData       `json:"adjustment"`
	Benefits   map[string][]valueAt `json:"benefits"`
	Effective  string               `json:"effective"`
}

type valueAt struct {
	Amount string `json:"amount,omitempty"`
	From   string `json:"from"`
	Rate   string `json:"rate,omitempty"`
}

type adjustmentData struct {
	BaseYear    int               `json:"base_year"`
	Expenditure []expenditureData `json:"expenditure"`
	Threshold   string            `json:"threshold"`
}

type expenditureData struct {
	Source string `json:"source"`
	Year   int    `json:"year"`
	Yuan   string `json:"yuan"`
}

// parametersData lists, for every benefit with an amount or a rate, the
// value in force from the effective date and each later change.
func parametersData(pl *model.Plan) paramsData {
	eff := pl.Document.Effective.String()
	out := paramsData{Effective: eff, Benefits: map[string][]valueAt{}}
	for _, c := range pl.Clauses {
		for _, bf := range c.Benefits {
			if !bf.Amount.Set && !bf.Rate.Set {
				continue
			}
			series := []valueAt{{From: eff, Amount: decString(bf.Amount), Rate: decString(bf.Rate)}}
			for _, ch := range bf.Changes {
				series = append(series, valueAt{From: ch.From.String(), Amount: decString(ch.Amount)})
			}
			out.Benefits[bf.ID] = series
		}
	}
	a := pl.Adjustment
	out.Adjustment = adjustmentData{BaseYear: a.BaseYear, Threshold: decString(a.Threshold), Expenditure: []expenditureData{}}
	for _, e := range a.Expenditure {
		out.Adjustment.Expenditure = append(out.Adjustment.Expenditure, expenditureData{Year: e.Year, Yuan: decString(e.Yuan), Source: e.Source})
	}
	return out
}

// decString is a decimal as written in content, or "" when unset.
func decString(d model.Dec) string {
	if !d.Set {
		return ""
	}
	return d.String()
}

func clauseIDs(cs []*model.Clause) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
