package calc

// Limits of one household's JSON, for readers that split a stream of
// households before ParseFacts sees each (calc/batch).
const (
	MaxFactsBytes = maxFactsBytes // bytes of one household's JSON
	MaxDepth      = maxDepth      // nesting of its arrays and objects
)
