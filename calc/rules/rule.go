package rules

// The vocabulary of the rules. Each clause of the plan that grants
// household benefits has one file, clause_<id>.go, which opens with the
// clause's words and lists its rules as values of these types; the
// evaluator, the answer's explanations, not_granted, pending and the
// descriptions on the site (Describe) all read the same values.

// A Reading is how the calculator reads words of the plan that admit
// more than one reading. Each is stated once, beside the rule that
// applies it, and shown on the clause's page.
type Reading struct {
	Words string // the plan's words being read: "以下"
	Text  string // the reading, in plain Chinese
}

// A rule decides one benefit (by id in Params.Benefits) for a household.
type rule struct {
	benefit  string     // benefit id
	who      []*cond    // conditions on the household; all must hold
	perChild *childCond // when set, the benefit is granted once per child meeting it
	instead  string     // the benefit this one is granted instead of (not on top of)
	amount   formula    // how the amount is worked out
	readings []*Reading // readings of this rule's own words
}

// A clauseRules gathers the rules of one clause, in the plan's order.
type clauseRules struct {
	id       string
	readings []*Reading // readings of the clause as a whole
	rules    []*rule
}

// tri is a condition's outcome for a household.
type tri uint8

const (
	fails   tri = iota
	holds       // the condition holds
	unknown     // a fact the condition reads was left out
)

// A cond is one condition on the household, named in the plan's terms.
// Its writers take and return the text writer by value, so that writing
// an answer keeps the writer on the stack.
// Its texts may show the standard's figures (the 15 m² of 3.2.7) and the
// household's (the area it gave); they are written, not built.
type cond struct {
	who     func(w tw, k *crule) tw           // as 谁能领 lists it: "农村户口"
	test    func(f *Facts, k *crule) tri      // the outcome for the household
	met     func(w tw, f *Facts, k *crule) tw // the explanation's words when it holds
	need    func(w tw, f *Facts, k *crule) tw // the requirement in not_granted when it fails
	reach   func(f *Facts) bool               // whether one change of circumstances could make it hold; nil: never
	needs   fieldSet                          // facts that make it unknown when left out
	uses    []string                          // the standard's fields it reads ("amount", "threshold")
	reading *Reading
}

// A childCond is the condition a child must meet for a per-child benefit.
type childCond struct {
	who     string                        // as 谁能领 lists it: "子女在读小学"
	each    string                        // "per child" in words: "每个在读小学的子女各一份"
	test    func(c Child) bool            //
	met     func(w tw, i int, c Child) tw // "第2个子女在读小学"
	need    piece                         // "需有子女在读小学"
	reach   func(f *Facts) bool
	reading *Reading
}

// formula is how a benefit's amount is worked out.
type formula uint8

const (
	service    formula = iota // a service: no amount
	quantity                  // a non-cash figure such as 260 m², with its unit
	fixed                     // the standard's amount, per its period
	dibaoShare                // dibao_standard × rate × members
	excess                    // (medical_out_of_pocket − threshold) × rate
	aidShare                  // aid_standard × rate, shown but not counted in the totals
)

// fieldSet is a set of facts.
type fieldSet uint32

func (s fieldSet) has(id fieldID) bool { return s&(1<<id) != 0 }

func setOf(ids ...fieldID) fieldSet {
	var s fieldSet
	for _, id := range ids {
		s |= 1 << id
	}
	return s
}

// all lists a rule's conditions.
func all(cs ...*cond) []*cond { return cs }

// reads lists a rule's readings.
func reads(rs ...*Reading) []*Reading { return rs }
