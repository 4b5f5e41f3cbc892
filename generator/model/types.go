package model

import (
	"fmt"

	"gyportal/calc/rules"
)

// Plan is the whole validated content: the document, its clauses, the
// bodies and groups they name, and the data the calculator and search use.
type Plan struct {
	Site        Site
	Document    Document
	Departments []*Department // in file order
	Groups      []*Group      // in file order
	Clauses     []*Clause     // in plan order (1, 2, 3.1, 3.2.1 … 3.2.18, 3.3, 4.1 …)
	Adjustment  Adjustment
	Synonyms    []Synonym
	Readings    []*rules.Reading // the readings several clauses share (content/readings.toml)
	Cases       []Case           // calculator test cases from content/tests
	// Withheld are the clauses Visible left out (drafts, clauses whose
	// publish date has not come), in plan order; nil in a loaded plan.
	Withheld []*Clause

	dept   map[string]*Department
	group  map[string]*Group
	clause map[string]*Clause
	locs   map[string]*locator // file (relative to the content root) -> key lines
	root   string              // the content root's name in messages ("content")
}

// Site holds site-wide settings (content/site.toml).
type Site struct {
	Title string `toml:"title"`
	// BaseURL is the deployed site's address, ending with "/". It is ""
	// while staff have not set a real one: unset, or an example address
	// (see PlaceholderBase); then no page prints an address.
	BaseURL string `toml:"base_url"`
	// Placeholder is the example address base_url gave, if it gave one.
	Placeholder string `toml:"-"`
}

// Document describes the document itself (content/document.toml).
type Document struct {
	DocNumber     string    `toml:"doc_number"`
	Issuer        string    `toml:"issuer"`
	IssuedBy      []string  `toml:"issued_by"`
	NoticeTitle   string    `toml:"notice_title"`
	Recipients    string    `toml:"recipients"`
	NoticeText    string    `toml:"notice_text"`
	SignedDate    Date      `toml:"signed_date"`
	PrintedDate   Date      `toml:"printed_date"`
	Copies        int       `toml:"copies"`
	PlanTitle     string    `toml:"plan_title"`
	Preamble      string    `toml:"preamble"`
	Effective     Date      `toml:"effective"`
	EffectiveNote string    `toml:"effective_note"`
	Cited         []Cited   `toml:"cited"`
	Sections      []Section `toml:"sections"`

	// The plan's status as staff last verified it (shown on every page).
	Status        string `toml:"status"`         // one of Statuses
	StatusNote    string `toml:"status_note"`    // plain words for residents
	StatusChecked Date   `toml:"status_checked"` // when staff checked; not in the future
	StatusSource  string `toml:"status_source"`  // where the status comes from
}

// The values of Document.Status.
const (
	StatusInForce    = "现行有效"
	StatusExpired    = "已失效"
	StatusRepealed   = "已废止"
	StatusUnverified = "未核实"
)

// Statuses lists the allowed values of Document.Status.
var Statuses = []string{StatusInForce, StatusExpired, StatusRepealed, StatusUnverified}

// Cited is a policy document the plan cites.
type Cited struct {
	Title  string `toml:"title"`
	Number string `toml:"number"`
	Issuer string `toml:"issuer"`
}

// Section is a heading of the plan that groups clauses ("3.2").
type Section struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
}

// Department is a body the plan names.
type Department struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	Note string `toml:"note"`
	// Contacts are the offices where residents can ask, entered by staff
	// from a source they name; the plan gives none.
	Contacts []Contact `toml:"contact"`

	Clauses []*Clause `toml:"-"` // clauses naming it, in plan order
	index   int       // in departments.toml
}

// Contact is one office of a department ([[department.contact]]).
type Contact struct {
	Office  string `toml:"office"`  // 窗口 or 科室 name
	Address string `toml:"address"` // street address
	Phone   string `toml:"phone"`   // one or more numbers separated by 、
	Hours   string `toml:"hours"`   // opening hours, free text
	Source  string `toml:"source"`  // where staff found these details
	Checked Date   `toml:"checked"` // when staff last checked them
}

// Group is a kind of household, person or place a clause concerns.
type Group struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	Who  string `toml:"who"`
	// Facts are the calculator's facts that define the group's
	// households ({ family = "bereaved" }; a list allows several
	// values), as rules.ParseKnown reads them; nil for a group the
	// calculator's facts do not describe (a village, 流动人口).
	Facts map[string]any `toml:"facts"`
	// FactsAny define a group that is several kinds of household, any of
	// them ([{ dibao = true }, { poor = true }]: 低保 or 贫困), each read as
	// Facts is; instead of Facts.
	FactsAny []map[string]any `toml:"facts_any"`

	Clauses []*Clause `toml:"-"` // clauses naming it, in plan order
	index   int       // in groups.toml
}

// Alternatives are the facts that define the group's households, any of
// them, with the key each is written at in groups.toml
// ("group[6].facts_any[1]"); none for a group the facts do not describe.
func (g *Group) Alternatives() (facts []map[string]any, keys []string) {
	if g.Facts != nil {
		return []map[string]any{g.Facts}, []string{fmt.Sprintf("group[%d].facts", g.index)}
	}
	for i, m := range g.FactsAny {
		facts = append(facts, m)
		keys = append(keys, fmt.Sprintf("group[%d].facts_any[%d]", g.index, i))
	}
	return facts, keys
}

// Clause is one measure of the plan (content/measures/<id>.toml).
type Clause struct {
	ID          string    `toml:"id"`
	Title       string    `toml:"title"`
	Departments []string  `toml:"departments"`
	Groups      []string  `toml:"groups"`
	Text        string    `toml:"text"`
	Summary     string    `toml:"summary"`
	Reading     string    `toml:"reading"`
	Draft       bool      `toml:"draft"`
	Publish     Date      `toml:"publish"`
	Benefits    []Benefit `toml:"benefits"`
	Targets     []Target  `toml:"targets"`
	Updates     []Update  `toml:"updates"`
	// Readings are the calculator's readings of this clause's words that
	// no other clause shares ([[readings]]; shared ones are in
	// content/readings.toml).
	Readings []*rules.Reading `toml:"readings"`

	File  string        `toml:"-"` // path shown in messages: "content/measures/3.2.12.toml"
	Depts []*Department `toml:"-"` // resolved Departments
	Grps  []*Group      `toml:"-"` // resolved Groups

	rel string   // File relative to the content root: "measures/3.2.12.toml"
	loc *locator // key paths of the file -> lines
}

// Benefit is something a clause grants: cash, a service or a standard.
type Benefit struct {
	ID         string       `toml:"id"`
	Name       string       `toml:"name"`
	For        string       `toml:"for"`
	Groups     []string     `toml:"groups"`
	Kind       rules.Kind   `toml:"kind"`
	Amount     Dec          `toml:"amount"`
	Rate       Dec          `toml:"rate"`
	Threshold  Dec          `toml:"threshold"`
	Unit       string       `toml:"unit"`
	Period     rules.Period `toml:"period"`
	Minimum    bool         `toml:"minimum"`
	Payer      string       `toml:"payer"`
	Level      rules.Level  `toml:"level"`
	Adjustable bool         `toml:"adjustable"`
	Note       string       `toml:"note"`
	Changes    []Change     `toml:"changes"`
	// Rule is how the calculator decides who may claim it ([benefits.rule]).
	Rule *rules.Spec `toml:"rule"`
	// NotAssessed says why the calculator does not decide it (instead of a rule).
	NotAssessed string `toml:"not_assessed"`
}

// Change is a later standard for a benefit, in force from a date.
type Change struct {
	From   Date   `toml:"from"`
	Amount Dec    `toml:"amount"`
	Note   string `toml:"note"`
}

// Target is a figure a clause sets as a goal.
type Target struct {
	Name    string `toml:"name"`
	Value   Dec    `toml:"value"`
	Unit    string `toml:"unit"`
	Minimum bool   `toml:"minimum"`
	Year    int    `toml:"year"`
}

// Update is a dated note on a clause (最新动态).
type Update struct {
	Date Date   `toml:"date"`
	Text string `toml:"text"`
}

// Adjustment is the 3.1 dynamic adjustment series (content/adjustment.toml).
type Adjustment struct {
	BaseYear    int           `toml:"base_year"`
	Threshold   Dec           `toml:"threshold"`
	Expenditure []Expenditure `toml:"expenditure"`
}

// Expenditure is one year's 居民家庭年人均生活消费支出.
type Expenditure struct {
	Year   int    `toml:"year"`
	Yuan   Dec    `toml:"yuan"`
	Source string `toml:"source"`
}

// Synonym is a search synonym (content/synonyms.toml): Words are all
// equivalent; or From expands to To.
type Synonym struct {
	Words []string `toml:"words"`
	From  string   `toml:"from"`
	To    []string `toml:"to"`
}

// Case is a calculator test case (content/tests/*.toml): household facts
// and the totals expected for them.
type Case struct {
	Name   string         `toml:"name"`
	Date   string         `toml:"date"`
	Facts  map[string]any `toml:"facts"`
	Expect Expect         `toml:"expect"`

	File string `toml:"-"`
	Line int    `toml:"-"`
	key  string // "case[i]" in its file
}

// Expect holds a case's expected totals and granted clauses.
type Expect struct {
	Once    Dec      `toml:"once"`
	Month   Dec      `toml:"month"`
	Year    Dec      `toml:"year"`
	Clauses []string `toml:"clauses"`
	// Pending lists the benefits expected to wait for a fact the case
	// leaves out (the answer's pending), in any order; nil when the case
	// does not say. An empty list expects a complete answer.
	Pending []string `toml:"pending"`
}

// Department returns the department with id, or nil.
func (p *Plan) Department(id string) *Department { return p.dept[id] }

// Group returns the group with id, or nil.
func (p *Plan) Group(id string) *Group { return p.group[id] }

// Clause returns the clause with id, or nil.
func (p *Plan) Clause(id string) *Clause { return p.clause[id] }
