package search

// questionWords are what residents add to a query to ask rather than to
// name ("抚慰金怎么领", "申请低保要去哪里"). They are not required to match:
// a query phrase made only of them is dropped when the query has other
// words; when a query finds nothing as typed, its phrases are searched
// again without them; and the partial matches that follow never stand on
// them alone. The meta file carries them to the browser as token keys.
var questionWords = []string{
	"怎么", "怎样", "如何", "什么", "哪些", "哪里", "哪儿", "多少", "几", "吗", "呢",
	"领", "领取", "办", "办理", "申请", "能", "能不能", "可以", "有没有", "我", "我家", "我们", "给",
}

// questionKeys returns questionWords as token-key lists.
func questionKeys() [][]string {
	out := make([][]string, 0, len(questionWords))
	for _, w := range questionWords {
		out = append(out, textKeys(w))
	}
	return out
}
