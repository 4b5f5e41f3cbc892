package rules

// The rules' machinery. A plan's content writes each benefit's rule
// (Spec) in its measure file, naming conditions, a child condition and a
// formula of the closed vocabulary (vocabulary.go), and its readings by
// id; the parameters carry them, and Standards resolve them into rules
// once. The evaluator, the answer's explanations, not_granted, pending
// and the descriptions on the site (Describe) all read the same values.

// A Reading is how the calculator reads words of the plan that admit
// more than one reading. Content writes each once (content/readings.toml
// when several clauses share it, else the measure's [[readings]]), and
// the clause's page shows it.
type Reading struct {
	ID    string `json:"id" toml:"id"`       // what rules name it by: "named-by-sex"
	Words string `json:"words" toml:"words"` // the plan's words being read: "以下"
	Text  string `json:"text" toml:"text"`   // the reading, in plain Chinese
	// Conditions are the vocabulary's conditions whose words it reads:
	// every rule naming one of them shows it.
	Conditions []string `json:"conditions,omitempty" toml:"conditions"`
	// Whole marks, in a measure file, a reading of the clause as a whole.
	Whole bool `json:"-" toml:"whole"`
}

// A Spec is a benefit's rule as content writes it ([benefits.rule]) and
// the parameters carry it: names of the vocabulary, and readings by id.
type Spec struct {
	Who      []string `json:"who" toml:"who"`                       // conditions, all required: "rural", "complication(3, 4)"
	PerChild string   `json:"per_child,omitempty" toml:"per_child"` // a child condition: granted once per child meeting it
	Instead  string   `json:"instead,omitempty" toml:"instead"`     // the benefit this one replaces when both are granted
	Formula  string   `json:"formula,omitempty" toml:"formula"`     // how the amount is worked out; by default from the kind
	Readings []string `json:"readings,omitempty" toml:"readings"`   // readings of the rule's own words, by id
}

// A rule decides one benefit (by id in Params.Benefits) for a household.
type rule struct {
	benefit  string     // benefit id
	who      []*cond    // conditions on the household; all must hold
	perChild *childCond // when set, the benefit is granted once per child meeting it
	instead  string     // the benefit this one is granted instead of (not on top of)
	amount   formula    // how the amount is worked out
	readings []*Reading // the readings it applies, as shown: its conditions', then its own
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
	who   func(w tw, k *crule) tw           // as 谁能领 lists it: "农村户口"
	test  func(f *Facts, k *crule) tri      // the outcome for the household
	met   func(w tw, f *Facts, k *crule) tw // the explanation's words when it holds
	need  func(w tw, f *Facts, k *crule) tw // the requirement in not_granted when it fails
	reach func(f *Facts) bool               // whether one change of circumstances could make it hold; nil: never
	needs fieldSet                          // facts that make it unknown when left out
	uses  []string                          // the standard's fields it reads ("amount", "threshold")
}

// A childCond is the condition a child must meet for a per-child benefit.
type childCond struct {
	who   string                        // as 谁能领 lists it: "子女在读小学"
	each  string                        // "per child" in words: "每个在读小学的子女各一份"
	test  func(c Child) bool            //
	met   func(w tw, i int, c Child) tw // "第2个子女在读小学"
	need  piece                         // "需有子女在读小学"
	reach func(f *Facts) bool
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
