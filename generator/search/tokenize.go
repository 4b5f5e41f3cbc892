package search

import (
	"strings"
	"unicode/utf8"
)

// Token is one unit of indexed text: a single Han character, or a run of
// ASCII letters and digits (a "word", such as "8000" or "3.2.12").
//
// Chinese has no spaces, so every Han character is its own token and
// phrases are matched by position: the tokens of one phrase have
// consecutive positions. Whitespace keeps adjacency ("2 万元" reads as
// "2万元"); any other character that is not a token (punctuation) breaks
// it, so a phrase never matches across a comma or a full stop. A word
// matches only as a whole: 800 does not find 8000.
//
// search.js implements the same rules; a test runs both on one corpus.
type Token struct {
	Key   string // normalized text: one Han character, or a lower-case word
	Pos   int    // position; adjacent tokens of one phrase differ by 1
	Start int    // byte offset of the token in the input
	End   int    // byte offset just after the token
}

// normRune folds full-width ASCII to ASCII, the ideographic space to a
// space, and ASCII upper case to lower case.
func normRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool { return isDigit(r) || (r >= 'a' && r <= 'z') }

// isHan reports whether r is a CJK ideograph (the unified blocks, the
// compatibility block, the supplementary planes) or 〇.
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0x20000 && r <= 0x2FA1F) || r == 0x3007
}

func isSpace(r rune) bool {
	return r <= 0x20 || r == 0x7F || r == 0xA0 || (r >= 0x2000 && r <= 0x200B) ||
		r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0xFEFF
}

// Tokenize splits s into index tokens.
func Tokenize(s string) []Token { return tokenize(s, false) }

// tokenize implements Tokenize. With spaceBreaks, whitespace breaks
// adjacency like punctuation does (queries: "低保 8000" is two phrases).
func tokenize(s string, spaceBreaks bool) []Token {
	var toks []Token
	scan(s, spaceBreaks, func(r rune, word []byte, pos, start, end int) {
		key := string(word)
		if word == nil {
			key = string(r)
		}
		toks = append(toks, Token{Key: key, Pos: pos, Start: start, End: end})
	})
	return toks
}

// scan calls emit for each token of s in order: a Han character r (word
// is nil), or a word (its normalized bytes, valid during the call). The
// index builder uses it to look tokens up without building strings.
func scan(s string, spaceBreaks bool, emit func(r rune, word []byte, pos, start, end int)) {
	pos, gap := 0, false
	var word []byte
	next := func() int {
		if gap {
			pos++
			gap = false
		}
		pos++
		return pos - 1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		c := normRune(r)
		switch {
		case isWordRune(c):
			start := i
			word, i = scanWord(s, i, word[:0])
			emit(0, word, next(), start, i)
		case isHan(c):
			emit(c, nil, next(), i, i+n)
			i += n
		case isSpace(c) && !spaceBreaks:
			i += n
		default:
			gap = true
			i += n
		}
	}
}

// scanWord appends to w the normalized word that starts at s[i] and
// returns it with the offset just after it. A dot between two digits
// belongs to the word: 3.2.12, 1.5.
func scanWord(s string, i int, w []byte) ([]byte, int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		c := normRune(r)
		if isWordRune(c) {
			w = append(w, byte(c))
			i += n
			continue
		}
		if c == '.' && len(w) > 0 && isDigit(rune(w[len(w)-1])) && i+n < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if isDigit(normRune(r2)) {
				w = append(w, '.')
				i += n
				continue
			}
		}
		break
	}
	return w, i
}

// Query limits: a query has at most maxPhrases phrases of at most
// maxPhraseTokens tokens each; the rest is ignored.
const (
	maxPhrases      = 8
	maxPhraseTokens = 32
)

// ParseQuery splits a query into phrases. A phrase is a maximal run of
// tokens with nothing between them; whitespace and punctuation separate
// phrases. Each phrase is a list of token keys.
func ParseQuery(q string) [][]string {
	var out [][]string
	var cur []string
	last := -2
	for _, t := range tokenize(q, true) {
		if t.Pos != last+1 && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		if len(cur) < maxPhraseTokens {
			cur = append(cur, t.Key)
		}
		last = t.Pos
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	if len(out) > maxPhrases {
		out = out[:maxPhrases]
	}
	return out
}

// isWordKey reports whether a token key is a word (not a Han character).
func isWordKey(k string) bool { return k != "" && k[0] < 0x80 }

// gramKey is the canonical string of a token sequence: the keys
// concatenated, each word followed by a space so that ["20"] and
// ["2","0"] differ.
// GramKey is the canonical string of a token sequence (see gramKey).
func GramKey(keys []string) string { return gramKey(keys) }

func gramKey(keys []string) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		if isWordKey(k) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
