package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gyportal/generator/model"
)

// openData writes data/*.json: the visible plan as open data (document,
// clauses, departments, groups, benefits, dated parameters) and the JSON
// Schema of the calculator's household input. templates/data.html
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
		{"household.schema.json", householdSchema(base)},
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
// and unescaped HTML characters, so equal data gives equal bytes.
func canonicalJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var generic any
	if err := dec.Decode(&generic); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(generic); err != nil { // maps encode with sorted keys
		return nil, err
	}
	return buf.Bytes(), nil
}

type docData struct {
	DocNumber     string         `json:"doc_number"`
	Issuer        string         `json:"issuer"`
	IssuedBy      []string       `json:"issued_by"`
	NoticeTitle   string         `json:"notice_title"`
	Recipients    string         `json:"recipients"`
	NoticeText    string         `json:"notice_text"`
	SignedDate    string         `json:"signed_date"`
	PrintedDate   string         `json:"printed_date"`
	PlanTitle     string         `json:"plan_title"`
	Preamble      string         `json:"preamble"`
	Effective     string         `json:"effective"`
	EffectiveNote string         `json:"effective_note"`
	Cited         []citedData    `json:"cited"`
	Sections      []sectionData  `json:"sections"`
	URL           string         `json:"url"`
	Counts        map[string]int `json:"counts"`
}

type citedData struct {
	Title  string `json:"title"`
	Number string `json:"number"`
	Issuer string `json:"issuer"`
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
		URL:    base + "/full/",
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
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	URL         string       `json:"url"`
	Departments []string     `json:"departments"`
	Groups      []string     `json:"groups"`
	Text        string       `json:"text"`
	Summary     string       `json:"summary"`
	Reading     string       `json:"reading,omitempty"`
	Benefits    []string     `json:"benefits"`
	Targets     []targetData `json:"targets"`
	Updates     []updateData `json:"updates"`
}

type targetData struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	Unit    string `json:"unit,omitempty"`
	Minimum bool   `json:"minimum"`
	Year    int    `json:"year,omitempty"`
}

type updateData struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

func clausesData(pl *model.Plan, base string) []clauseData {
	out := []clauseData{}
	for _, c := range pl.Clauses {
		cd := clauseData{ID: c.ID, Title: c.Title, URL: base + "/clauses/" + c.ID + "/",
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
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Note    string   `json:"note,omitempty"`
	Who     string   `json:"who,omitempty"`
	URL     string   `json:"url"`
	Clauses []string `json:"clauses"`
}

func departmentsData(pl *model.Plan, base string) []bodyData {
	out := []bodyData{}
	for _, d := range pl.Departments {
		out = append(out, bodyData{ID: d.ID, Name: d.Name, Note: d.Note, URL: base + "/departments/" + d.ID + "/", Clauses: clauseIDs(d.Clauses)})
	}
	return out
}

func groupsData(pl *model.Plan, base string) []bodyData {
	out := []bodyData{}
	for _, g := range pl.Groups {
		out = append(out, bodyData{ID: g.ID, Name: g.Name, Who: g.Who, URL: base + "/groups/" + g.ID + "/", Clauses: clauseIDs(g.Clauses)})
	}
	return out
}

type benefitData struct {
	ID         string       `json:"id"`
	Clause     string       `json:"clause"`
	Name       string       `json:"name"`
	For        string       `json:"for"`
	Groups     []string     `json:"groups"`
	Kind       string       `json:"kind"`
	Amount     string       `json:"amount,omitempty"`
	Rate       string       `json:"rate,omitempty"`
	Threshold  string       `json:"threshold,omitempty"`
	Unit       string       `json:"unit,omitempty"`
	Period     string       `json:"period,omitempty"`
	Minimum    bool         `json:"minimum"`
	Payer      string       `json:"payer,omitempty"`
	Level      string       `json:"level,omitempty"`
	Adjustable bool         `json:"adjustable"`
	Note       string       `json:"note,omitempty"`
	Changes    []changeData `json:"changes"`
}

type changeData struct {
	From   string `json:"from"`
	Amount string `json:"amount"`
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
	Effective  string               `json:"effective"`
	Benefits   map[string][]valueAt `json:"benefits"`
	Adjustment adjustmentData       `json:"adjustment"`
}

type valueAt struct {
	From   string `json:"from"`
	Amount string `json:"amount,omitempty"`
	Rate   string `json:"rate,omitempty"`
}

type adjustmentData struct {
	BaseYear    int               `json:"base_year"`
	Threshold   string            `json:"threshold"`
	Expenditure []expenditureData `json:"expenditure"`
}

type expenditureData struct {
	Year   int    `json:"year"`
	Yuan   string `json:"yuan"`
	Source string `json:"source"`
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
