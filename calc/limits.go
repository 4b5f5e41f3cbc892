package calc

import "gyportal/calc/rules"

// Limits of one household's JSON, for readers that split a stream of
// households before ParseFacts sees each (calc/batch).
const (
	MaxFactsBytes = rules.MaxFactsBytes // bytes of one household's JSON
	MaxDepth      = rules.MaxDepth      // nesting of its arrays and objects
)
