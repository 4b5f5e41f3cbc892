package build

import (
	"fmt"

	"gyportal/generator/search"
)

// search writes the search index and its script, published as the
// asset "search.js". The documents and synonyms come from package search
// (search.PlanDocs, seam S9).
func (r *run) search() error {
	sa, err := search.WriteTo(r.out, search.PlanDocs(r.plan), search.PlanSynonyms(r.plan), search.Options{})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	r.assets["search.js"] = sa.Script
	return nil
}
