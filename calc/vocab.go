package calc

import "gyportal/calc/rules"

// The household vocabulary, defined once in package rules (see
// rules.Fields) and named here for the rest of the project.
type (
	Facts       = rules.Facts
	Child       = rules.Child
	Amount      = rules.Amount
	FieldError  = rules.FieldError
	Field       = rules.Field
	FieldKind   = rules.FieldKind
	Choice      = rules.Choice
	Hukou       = rules.Hukou
	Family      = rules.Family
	Stage       = rules.Stage
	ClauseRules = rules.ClauseRules
	BenefitRule = rules.BenefitRule
	Reading     = rules.Reading
)

// The values of the enumerated facts and the kinds of fact.
const (
	HukouUnset    = rules.HukouUnset
	Rural         = rules.Rural
	Urban         = rules.Urban
	FamilyUnset   = rules.FamilyUnset
	OnlyDaughter  = rules.OnlyDaughter
	OnlySon       = rules.OnlySon
	TwoDaughters  = rules.TwoDaughters
	Bereaved      = rules.Bereaved
	OtherPlanned  = rules.OtherPlanned
	NotPlanned    = rules.NotPlanned
	StageUnset    = rules.StageUnset
	NoSchool      = rules.NoSchool
	Preschool     = rules.Preschool
	Primary       = rules.Primary
	Junior        = rules.Junior
	Senior        = rules.Senior
	Vocational    = rules.Vocational
	College       = rules.College
	DateField     = rules.DateField
	EnumField     = rules.EnumField
	BoolField     = rules.BoolField
	IntField      = rules.IntField
	AmountField   = rules.AmountField
	ChildrenField = rules.ChildrenField
	AdmittedMark  = rules.AdmittedMark
)

// Fields returns the household vocabulary, in its documented order.
func Fields() []Field { return rules.Fields() }

// ChildFields returns the facts of one child.
func ChildFields() []Field { return rules.ChildFields() }

// LookupField returns the fact named name.
func LookupField(name string) (Field, bool) { return rules.LookupField(name) }

// FactNames returns the names of the facts, in their documented order.
func FactNames() []string { return rules.FactNames() }

// Hukous, Families and Stages list the values of the enums, in order.
func Hukous() []Hukou { return rules.Hukous() }

// Families lists the values of Family, in order.
func Families() []Family { return rules.Families() }

// Stages lists the values of Stage, in order.
func Stages() []Stage { return rules.Stages() }

// AmountOf returns the given amount of hundredths (250050 is 2500.50).
func AmountOf(hundredths int64) Amount { return rules.AmountOf(hundredths) }

// ParseFacts parses one household, a JSON object (see rules.ParseFacts).
func ParseFacts(data []byte) (*Facts, error) { return rules.ParseFacts(data) }

// ParseFactsText reads one household from text cells (see
// rules.ParseFactsText).
func ParseFactsText(get func(name string) (string, bool)) (*Facts, error) {
	return rules.ParseFactsText(get)
}

// ParseFactsTOML reads one household from a check case's facts table
// (see rules.ParseFactsTOML).
func ParseFactsTOML(m map[string]any) (*Facts, error) { return rules.ParseFactsTOML(m) }
