package search

// Expand exposes the synonym expansion to the tests: the alternatives of
// a phrase, as token-key lists and weights.
func Expand(phrase []string, syn []Synonym) (alts [][]string, weights []float64) {
	for _, a := range expand(phrase, buildSynonyms(syn)) {
		alts = append(alts, a.keys)
		weights = append(weights, a.weight)
	}
	return alts, weights
}
