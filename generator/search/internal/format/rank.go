package format

import "math"

// Ranking is BM25F over four fields with a boost per kind of page. A
// query phrase scores, in each document that contains it,
//
//	boost(kind) * idf(phrase) * saturation
//
// where saturation = tfw*(k1+1)/(tfw+k1) and tfw weighs the phrase's
// frequency in the title, the meta names (department, groups, keywords),
// the summary and the body, the body's divided by its length relative to
// the average body of the same kind. The words of a query add up; a
// synonym counts at SynonymWeight. The browser receives the parameters in
// the meta file and computes the same numbers with the same operations.

// Ranking parameters, written to the meta file for the browser.
const (
	K1            = 1.2
	B             = 0.75
	SynonymWeight = 0.8
)

// FieldWeight ranks a match in the title above the department, group and
// keyword names and the summary, and those above the body.
var FieldWeight = [NFields]float64{4, 2, 2, 1}

// Saturation is the BM25F term weight of a phrase in one document: the
// field-weighted frequencies, the body's normalized by the body length
// relative to avgB (the average of the document's kind), saturated
// (search.js: Engine.saturation, same operations in the same order).
func Saturation(w [NFields]float64, k1, b, avgB float64, tf [NFields]int, lenq byte) float64 {
	normB := 1 - b + float64(b*float64(LenTable[lenq]))/avgB
	tfw := float64(w[0]*float64(tf[0])) + float64(w[1]*float64(tf[1])) +
		float64(w[2]*float64(tf[2])) + float64(w[3]*float64(tf[3]))/normB
	return float64(tfw*(k1+1)) / (tfw + k1)
}

// IDF is the inverse document frequency of a phrase found in df of n
// documents.
func IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// Impacts: a common gram that keeps no positions is only ever read whole,
// so its documents store the quantized saturation (1..ImpactMax) instead
// of frequencies and length: one byte instead of three or four.
const ImpactMax = 127

// QuantizeImpact quantizes a saturation.
func QuantizeImpact(sat float64) byte {
	q := math.Round(sat / (K1 + 1) * ImpactMax)
	return byte(max(1, min(ImpactMax, q)))
}

// ImpactSaturation is the saturation a quantized impact stands for.
func ImpactSaturation(q byte, k1 float64) float64 { return float64(q) * (k1 + 1) / ImpactMax }

// kindOrder orders documents by kind; a kind's boost multiplies its scores
// so that clause pages come before the pages that list clauses and the
// full text. Unknown kinds sort last with the boost of "page". The body
// length is normalized by the average of the kind: a clause is compared
// with clauses, not with the short lists of the department pages or with
// the full text.
var kindOrder = []struct {
	kind  string
	boost float64
}{
	{"clause", 1}, {"department", 0.3}, {"group", 0.3}, {"page", 0.5}, {"full", 0.2},
}

// Kinds is the number of known kinds; KindRank returns it for the others.
var Kinds = len(kindOrder)

// KindRank is the sort rank of a kind of page.
func KindRank(kind string) int {
	for i, k := range kindOrder {
		if k.kind == kind {
			return i
		}
	}
	return len(kindOrder)
}

// KindBoost is the score boost of a kind rank.
func KindBoost(rank int) float64 {
	if rank < len(kindOrder) {
		return kindOrder[rank].boost
	}
	return 0.5
}

// LenTable maps a one-byte quantized body length to the length it stands
// for. Lengths below 64 are exact; above, each step is about 6% larger.
// Integer arithmetic only, so that Go and JavaScript agree bit for bit.
var LenTable = func() (t [256]int) {
	for q := range t {
		if q < 64 {
			t[q] = q
		} else {
			t[q] = t[q-1] + t[q-1]>>4
		}
	}
	return t
}()

// QuantizeLen returns the largest q with LenTable[q] <= n.
func QuantizeLen(n int) byte {
	q := 0
	for q < 255 && LenTable[q+1] <= n {
		q++
	}
	return byte(q)
}
