package search

import "math"

// Ranking is BM25F over four fields with a boost per kind of page. A
// query phrase scores, in each document that contains it,
//
//	boost(kind) * idf(phrase) * saturation
//
// where saturation = tfw*(k1+1)/(tfw+k1) and tfw weighs the phrase's
// frequency in the title, the meta names (department, groups, keywords),
// the summary and the body, the body's divided by its length relative to
// the average body of the same kind. A query's phrases add up; a synonym
// counts at synonymWeight. The browser receives the parameters in the
// meta file and computes the same numbers with the same operations.

// Ranking parameters, written to the meta file for the browser.
const (
	bm25K1        = 1.2
	bm25B         = 0.75
	synonymWeight = 0.8
)

// fieldWeight ranks a match in the title above the department, group and
// keyword names and the summary, and those above the body.
var fieldWeight = [nFields]float64{4, 2, 2, 1}

// saturation is the BM25F term weight of a phrase in one document: the
// field-weighted frequencies, the body's normalized by the body length
// relative to avgB (the average of the document's kind), saturated. The
// browser computes it with the same operations in the same order.
func saturation(w [nFields]float64, k1, b, avgB float64, tf [nFields]int, lenq byte) float64 {
	normB := 1 - b + float64(b*float64(lenTable[lenq]))/avgB
	tfw := float64(w[0]*float64(tf[0])) + float64(w[1]*float64(tf[1])) +
		float64(w[2]*float64(tf[2])) + float64(w[3]*float64(tf[3]))/normB
	return float64(tfw*(k1+1)) / (tfw + k1)
}

// Impacts: a common gram that keeps no positions is only ever read whole,
// so its documents store the quantized saturation (1..impactMax) instead of
// frequencies and length: one byte instead of three or four.
const impactMax = 127

func quantizeImpact(sat float64) byte {
	q := math.Round(sat / (bm25K1 + 1) * impactMax)
	return byte(max(1, min(impactMax, q)))
}

func impactSaturation(q byte, k1 float64) float64 { return float64(q) * (k1 + 1) / impactMax }

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

func kindRank(kind string) int {
	for i, k := range kindOrder {
		if k.kind == kind {
			return i
		}
	}
	return len(kindOrder)
}

func kindBoost(rank int) float64 {
	if rank < len(kindOrder) {
		return kindOrder[rank].boost
	}
	return 0.5
}

// lenTable maps a one-byte quantized body length to the length it stands
// for. Lengths below 64 are exact; above, each step is about 6% larger.
// Integer arithmetic only, so that Go and JavaScript agree bit for bit.
var lenTable = func() (t [256]int) {
	for q := range t {
		if q < 64 {
			t[q] = q
		} else {
			t[q] = t[q-1] + t[q-1]>>4
		}
	}
	return t
}()

// quantizeLen returns the largest q with lenTable[q] <= n.
func quantizeLen(n int) byte {
	q := 0
	for q < 255 && lenTable[q+1] <= n {
		q++
	}
	return byte(q)
}
