package search

import (
	"fmt"
	"strings"

	"gyportal/generator/model"
	"gyportal/generator/site"
)

// PlanDocs returns the search documents of a plan: one per clause page,
// department page and group page of the site's page list (site.Pages,
// whose addresses and titles they carry), in that order, and the
// full-text page last. plan is what the site publishes
// (model.Plan.Visible).
//
// The full-text page shows every clause's text, which its clause page
// already shows and ranks above it; indexing it twice would double the
// index of a large site for no new result. So the full-text document holds
// only the texts that the full-text page alone shows (see fullBody), and a
// phrase of a clause's text is found on the clause's page.
func PlanDocs(plan *model.Plan) []Doc {
	docs := make([]Doc, 0, len(plan.Clauses)+len(plan.Departments)+len(plan.Groups)+1)
	var full Doc
	for _, p := range site.Pages(plan) {
		d := Doc{URL: p.URL, Kind: p.Kind, Title: p.Title}
		switch p.Kind {
		case "clause":
			d = clauseDoc(d, p.Clause)
		case "department":
			d.Department, d.Summary, d.Body = p.Dept.Name, p.Dept.Note, clauseList(p.Dept.Clauses)
		case "group":
			d.Groups, d.Summary, d.Body = []string{p.Group.Name}, p.Group.Who, clauseList(p.Group.Clauses)
		case "full":
			d.Summary, d.Body = plan.Document.NoticeTitle, fullBody(plan)
			full = d
			continue
		default:
			continue // pages without content of their own
		}
		docs = append(docs, d)
	}
	return append(docs, full)
}

// PlanSynonyms returns the staff synonyms of content/synonyms.toml.
func PlanSynonyms(plan *model.Plan) []Synonym {
	out := make([]Synonym, 0, len(plan.Synonyms))
	for _, s := range plan.Synonyms {
		out = append(out, Synonym{Words: s.Words, From: s.From, To: s.To})
	}
	return out
}

// clauseDoc fills in d, the document of c's page.
func clauseDoc(d Doc, c *model.Clause) Doc {
	depts := make([]string, len(c.Depts))
	for i, d := range c.Depts {
		depts[i] = d.Name
	}
	groups := make([]string, len(c.Grps))
	for i, g := range c.Grps {
		groups[i] = g.Name
	}
	d.Department, d.Groups, d.Summary, d.Body, d.Keywords = strings.Join(depts, "、"), groups, c.Summary, c.Text, keywords(c)
	return d
}

// keywords are the names of a clause's benefits and targets: the words a
// resident looks for ("失独家庭一次性抚慰金") even where the title lacks them.
func keywords(c *model.Clause) []string {
	kw := make([]string, 0, len(c.Benefits)+len(c.Targets))
	for _, b := range c.Benefits {
		kw = append(kw, b.Name)
	}
	for _, t := range c.Targets {
		kw = append(kw, t.Name)
	}
	return kw
}

// clauseList is the body of a department or group page: its clauses'
// numbers and titles, one per line.
func clauseList(cs []*model.Clause) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = c.ID + " " + c.Title
	}
	return strings.Join(lines, "\n")
}

// lineSep separates the lines of the full-text document. It breaks
// phrases (it is punctuation to the tokenizer), so that the end of one
// line and the start of the next never read as one phrase, and reads well
// in a result's snippet.
const lineSep = " · "

// Labels the full-text page (templates/full.html) prints around the
// plan's texts. A test renders the page and checks that search finds
// every phrase it shows; it fails when these drift from the template.
const (
	fullCitedLabel = "本方案依据的文件"
	fullMoreLabel  = "第 %s 条的解读和待遇标准"
	fullPrinted    = "%s %s印发"
	fullCopies     = "（共印%d份）"
)

// fullBody is the text that only the full-text page shows: the notice
// (issuer, number, recipients, text, signatories and date), the plan's
// title and preamble, the cited documents, the section headings, each
// clause's number and title and its link line, and the printing note.
func fullBody(plan *model.Plan) string {
	doc := &plan.Document
	lines := []string{doc.Issuer, doc.DocNumber, doc.NoticeTitle, doc.Recipients, doc.NoticeText}
	lines = append(lines, doc.IssuedBy...)
	lines = append(lines, doc.SignedDate.String(), doc.PlanTitle, doc.Preamble)
	if len(doc.Cited) > 0 {
		lines = append(lines, fullCitedLabel)
	}
	for _, c := range doc.Cited {
		lines = append(lines, c.Issuer+"《"+c.Title+"》（"+c.Number+"）")
	}
	for _, s := range doc.Sections {
		lines = append(lines, s.Title)
	}
	for _, c := range plan.Clauses {
		lines = append(lines, clauseNumber(c.ID)+c.Title, fmt.Sprintf(fullMoreLabel, c.ID))
	}
	printed := fmt.Sprintf(fullPrinted, doc.Issuer, doc.PrintedDate)
	if doc.Copies > 0 {
		printed += fmt.Sprintf(fullCopies, doc.Copies)
	}
	lines = append(lines, printed)
	return joinLines(lines)
}

// clauseNumber is the part of the full-text page's number of a clause
// that search can find on its own: "12 " for 3.2.12 (the page prints
// "12. "). The page numbers top-level and second-level items with Chinese
// numerals (一、, （二）), single characters that the plan's text holds
// anyway.
func clauseNumber(id string) string {
	parts := strings.Split(id, ".")
	if len(parts) < 3 {
		return ""
	}
	return parts[len(parts)-1] + " "
}

// joinLines joins the non-empty lines with lineSep.
func joinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(lineSep)
		}
		b.WriteString(l)
	}
	return b.String()
}
