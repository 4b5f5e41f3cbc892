package site

import (
	"fmt"

	"gyportal/generator/search"
)

// extras writes the non-page outputs that pages refer to: the search
// index and the calculator assets.
func (b *builder) extras() error {
	sa, err := search.WriteTo(b.out, search.PlanDocs(b.plan), search.PlanSynonyms(b.plan), search.Options{})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	b.assets.Search = sa.Script
	return b.calculator()
}
