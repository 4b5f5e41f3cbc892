package search

// questionWords are what residents add to a query to ask rather than to
// name ("抚慰金怎么领", "我家是低保户能领多少钱"): question words, the verbs
// of asking for something, pronouns and particles. They are not required
// to match: a query phrase made only of them is dropped when the query
// has other words; when a query finds nothing as typed, its phrases are
// searched again without them; and the partial matches that follow never
// stand on them alone nor count them. The meta file carries them to the
// browser as token keys; a query is matched longest word first.
var questionWords = []string{
	// asking
	"怎么", "怎样", "怎么办", "如何", "什么", "有什么", "哪些", "哪里", "哪儿", "多少", "几", "吗", "呢", "吧", "啊", "呀",
	// asking for
	"领", "领取", "办", "办理", "申请", "能", "能不能", "可以", "有没有", "得到", "能得到", "要",
	// who and the like
	"我", "我家", "我们", "我是", "是", "给", "的", "了",
}

// questionKeys returns questionWords as token-key lists.
func questionKeys() [][]string {
	out := make([][]string, 0, len(questionWords))
	for _, w := range questionWords {
		out = append(out, textKeys(w))
	}
	return out
}
