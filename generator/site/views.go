package site

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"gyportal/generator/model"
)

// The view values below are what the build's calculator step works out
// with the rules of calc/ and hands to the renderer, so that this
// package never imports the calculator.

// Calculator is the calculator step's part of an Input.
type Calculator struct {
	Page       CalculatorPage    // the calculator page's .Extra
	Adjustment *AdjustmentStatus // the page of clause 3.1's .Extra
	Rules      Rules             // read by the template functions rules and clauseReadings
	// Schema is the JSON Schema of the household input, written to
	// data/household.schema.json; Fields documents it on the open data
	// page. Both derive from calc's household vocabulary.
	Schema any
	Fields []FieldRow
}

// CalculatorPage is the calculator page's .Extra: the form's choices and
// the table of typical households for readers without JavaScript.
type CalculatorPage struct {
	Form     []FormSection // the form's questions, from calc's vocabulary
	Date     string        // the date the examples are worked out for, YYYY-MM-DD
	Examples []Example     // typical households and what the rules grant them
}

// ChildRow is one child's fieldset of the form.
type ChildRow struct {
	Index int    // 0-based, data-child
	N     int    // 1-based, in ids and names
	Name  string // 第一个孩子
}

// Option is one choice of a select element.
type Option struct{ Value, Label string }

// Example is one typical household and what the rules grant it.
type Example struct {
	Name     string
	Query    string // the calculator's query string for it
	Cash     []ExampleItem
	Services int      // entitlements that are services, not money
	Totals   []string // "一次性：20,000元" for each period with money
}

// ExampleItem is one cash entitlement of an Example.
type ExampleItem struct{ Title, Figure, Clause string }

// AdjustmentStatus is what the page of clause 3.1 shows: the rule, the
// series, and the adjustments it has triggered (computed by calc, the
// same code that applies them).
type AdjustmentStatus struct {
	Rule   model.Adjustment
	Raises []Raise
}

// Raise is one adjustment the series triggered.
type Raise struct {
	From     string          // YYYY-MM-DD, when it takes effect
	Year     int             // the year whose expenditure reached the threshold
	BaseYear int             // the base it is measured against
	Yuan     decimal.Decimal // expenditure of Year
	BaseYuan decimal.Decimal // expenditure of BaseYear
	Growth   decimal.Decimal // Yuan/BaseYuan − 1
}

// Rule is how the calculator decides one benefit, as calc describes its
// own rule code (谁能领（本平台的理解）); the template "rule" renders it
// as the element data-rule="<Benefit>".
type Rule struct {
	Benefit    string
	Title      string    // the benefit's name
	Who        []string  // the conditions, all required
	PerChild   string    // "per child" in words, "" for a household benefit
	Amount     string    // the amount or formula in words and figures; "" for a service
	Adjustable bool      // the amount follows the 3.1 dynamic adjustment
	Instead    string    // the benefit it is granted instead of, "" when none
	Readings   []Reading // the readings it applies
}

// Reading is how the calculator reads ambiguous words of the plan.
type Reading struct{ Words, Text string }

// Rules are the calculator's descriptions of its rules: by benefit id,
// and the readings of each clause as a whole, by clause id.
type Rules struct {
	Benefits map[string]*Rule
	Clauses  map[string][]Reading
	Groups   map[string]*Offers // what each group's households can get, by group id; read by the template function offers
}

// Offers is what a household of a group can be granted by the
// calculator's rules (calc's Open with the group's facts), or, for a
// group the facts cannot tell, what the plan's clauses name for it: its own
// benefits, cash first and the largest amount first, then services; and
// apart, those every 计划生育家庭 has, when every household of the group
// is one.
type Offers struct {
	Group                  string // the group's name
	Cash, Services, Common []Offer
	// FromText: the calculator's facts cannot tell the group's
	// households (a village, 空巢老人), so the offers are the benefits
	// the clauses name for the group, from the plan's text.
	FromText bool
}

// Offer is one benefit a household of a group can be granted.
type Offer struct {
	Benefit, Clause, Title string
	Figure                 string              // "一次性 30,000元", or the formula; "" for a service
	Still                  []string            // the further conditions (还需), in the rules' words
	Depts                  []*model.Department // the departments the clause names
}

// Count is the number of benefits listed.
func (o *Offers) Count() int { return len(o.Cash) + len(o.Services) + len(o.Common) }

// OfferSet is offers that need the same further conditions.
type OfferSet struct {
	Still  []string
	Offers []Offer
}

// ServiceSets are the services gathered by the conditions they still
// need, in order of first appearance: the 明白纸 prints each set once.
func (o *Offers) ServiceSets() []OfferSet {
	var out []OfferSet
	at := map[string]int{}
	for _, s := range o.Services {
		k := strings.Join(s.Still, "\x00")
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, OfferSet{Still: s.Still})
		}
		out[i].Offers = append(out[i].Offers, s)
	}
	return out
}

// Depts are the departments the offers' clauses name, each once, in
// order of first appearance.
func (o *Offers) Depts() []*model.Department {
	var out []*model.Department
	for _, l := range [][]Offer{o.Cash, o.Services, o.Common} {
		for _, x := range l {
			for _, d := range x.Depts {
				if !slices.Contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// FieldRow is one fact of the calculator's household input, as the open
// data page's table lists it.
type FieldRow struct{ Name, Desc string }

// FormSection is one group of questions of the calculator form.
type FormSection struct {
	Title     string
	Questions []FormQuestion
}

// FormQuestion is one question of the calculator form: Kind is "radio"
// (one fact, its values), "checks" (several yes/no facts), "text", "select"
// or "children" (the child rows).
type FormQuestion struct {
	Kind     string
	N        int    // the number shown before the question
	Fact     string // the fact's name (radio, text, select)
	ID       string // the first control's id: "f-members"
	Key      string // the id's stem for help and error: "members" in h-members, e-members
	Question string // the question, or the legend of checks
	Label    string // data-question: a short name of the answer, in the answers' summary
	Help     string
	Required string // the message when a required question is left open; "" when optional
	Unit     string
	Numeric  bool // a whole number (inputmode numeric), else decimal
	Options  []FormOption
	// Children: the child rows and their stages; Options[0].Label names
	// the admission checkbox.
	Children []ChildRow
	Stages   []Option
}

// FormOption is one radio, checkbox or select option of a question.
type FormOption struct {
	ID, Fact, Value, Label string
	Help                   string // a checkbox's own help text
}
