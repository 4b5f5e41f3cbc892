package search

import (
	"cmp"
	"slices"
)

// Synonyms apply at query time: a query phrase that contains a staff
// word is also searched with the word replaced by each of its
// equivalents, at a small discount (synonymWeight). The browser receives
// the merged table in the meta file and expands queries the same way.

// synMap says that the token sequence From may be replaced by any of To.
type synMap struct {
	From []string   `json:"f"`
	To   [][]string `json:"t"`
}

// maxAlternatives bounds the phrases one query phrase expands to.
const maxAlternatives = 16

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

// alternative is one phrase to search for, with the weight of its score.
type alternative struct {
	keys   []string
	weight float64
}

// expand returns the phrase itself and its synonym variants. Longer
// source words claim their tokens first, so 残疾人 is not also read as
// 残疾 + 人.
func expand(phrase []string, maps []synMap) []alternative {
	alts := []alternative{{phrase, 1}}
	seen := map[string]bool{gramKey(phrase): true}
	claimed := make([]bool, len(phrase))
	for _, m := range maps {
		n := len(m.From)
		for p := 0; p+n <= len(phrase); {
			if !slices.Equal(phrase[p:p+n], m.From) || slices.Contains(claimed[p:p+n], true) {
				p++
				continue
			}
			for i := p; i < p+n; i++ {
				claimed[i] = true
			}
			for _, t := range m.To {
				alt := slices.Concat(phrase[:p], t, phrase[p+n:])
				if k := gramKey(alt); !seen[k] && len(alts) < maxAlternatives {
					seen[k] = true
					alts = append(alts, alternative{alt, synonymWeight})
				}
			}
			p += n
		}
	}
	return alts
}
