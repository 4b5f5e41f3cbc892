package calc

import "gyportal/calc/rules"

type (
	// Known is a household of which only some facts are known: a group
	// of the site (see rules.Known).
	Known = rules.Known
	// Prospect is a benefit a household of a group can be granted (see
	// rules.Prospect).
	Prospect = rules.Prospect
)

// ParseKnown reads the facts that define a group (see rules.ParseKnown).
func ParseKnown(m map[string]any) (Known, error) { return rules.ParseKnown(m) }
