package search

import (
	"cmp"
	"slices"

	"gyportal/generator/search/internal/format"
)

// Synonyms apply at query time: a query phrase that contains a staff
// word is also searched with the word replaced by each of its
// equivalents, at a small discount (format.SynonymWeight). The browser
// receives the merged table in the meta file and expands queries
// (search.js: expand; searchtest mirrors it).

type synMap = format.SynMap

// textKeys returns the token keys of s, ignoring breaks between them.
func textKeys(s string) []string {
	var keys []string
	for _, t := range Tokenize(s) {
		keys = append(keys, t.Key)
	}
	return keys
}

// buildSynonyms merges the staff synonyms into one mapping per source
// word, longest source first.
func buildSynonyms(syn []Synonym) []synMap {
	byKey := map[string]*synMap{}
	var order []*synMap
	add := func(from string, to []string) {
		f := textKeys(from)
		if len(f) == 0 {
			return
		}
		m := byKey[gramKey(f)]
		if m == nil {
			m = &synMap{From: f}
			byKey[gramKey(f)] = m
			order = append(order, m)
		}
		for _, t := range to {
			tk := textKeys(t)
			if len(tk) == 0 || gramKey(tk) == gramKey(f) ||
				slices.ContainsFunc(m.To, func(x []string) bool { return gramKey(x) == gramKey(tk) }) {
				continue
			}
			m.To = append(m.To, tk)
		}
	}
	for _, s := range syn {
		for i, w := range s.Words {
			add(w, slices.Concat(s.Words[:i], s.Words[i+1:]))
		}
		if s.From != "" {
			add(s.From, s.To)
		}
	}
	out := []synMap{} // never null in the meta file
	for _, m := range order {
		if len(m.To) > 0 {
			out = append(out, *m)
		}
	}
	slices.SortStableFunc(out, func(a, b synMap) int {
		if c := cmp.Compare(len(b.From), len(a.From)); c != 0 {
			return c
		}
		return cmp.Compare(gramKey(a.From), gramKey(b.From))
	})
	return out
}
