package searchtest

import (
	"fmt"
	"strings"
	"testing"

	"gyportal/generator/search"
)

// Case is one line of the relevance table: what a resident types and the
// page that must come first.
type Case struct {
	Query string
	Want  string // URL of the page that must rank first
}

// Cases is the relevance table: the plan's own words and everyday words.
// Queries that do not occur in the plan (独生女, 孕前检查, 养老院, 考上大学)
// rely on the staff synonyms.
var Cases = []Case{
	{"失独", "/clauses/3.2.12/"},
	{"公租房", "/clauses/3.2.7/"},
	{"大病保险", "/clauses/3.2.11/"},
	{"中考加分", "/clauses/3.2.2/"},
	{"自来水", "/clauses/3.2.9/"},
	{"小额贷款", "/clauses/3.2.6/"},
	{"低保", "/clauses/3.2.4/"},
	{"独生女", "/clauses/3.2.8/"},
	{"8000", "/clauses/3.2.8/"},
	{"2万", "/clauses/3.2.12/"},
	{"3.2.12", "/clauses/3.2.12/"},
	{"独女户 8000", "/clauses/3.2.8/"},
	{"残疾 助学", "/clauses/3.2.12/"},
	{"危房改造", "/clauses/3.2.7/"},
	{"孕前检查", "/clauses/3.2.13/"},
	{"敬老院", "/clauses/3.2.4/"},
	{"户户通", "/clauses/3.2.10/"},
	{"科学储粮", "/clauses/3.2.15/"},
	{"流动人口", "/clauses/3.2.14/"},
	{"唇腭裂", "/clauses/3.3/"},
	{"抚慰金", "/clauses/3.2.12/"},
	{"手术并发症", "/clauses/3.2.12/"},
	{"项目发展基金", "/clauses/3.2.8/"},
	{"创业补贴", "/clauses/3.2.6/"},
	{"安装费", "/clauses/3.2.9/"},
	{"农家书屋", "/clauses/3.2.10/"},
	{"新农合", "/clauses/3.2.11/"},
	{"学前教育", "/clauses/3.2.2/"},
	{"动态调整", "/clauses/3.1/"},
	{"260平方米", "/clauses/3.2.7/"},
	{"小额担保贷款", "/clauses/3.2.16/"},
	{"三结合", "/clauses/3.2.17/"},
	{"一事一议", "/clauses/3.2.5/"},
	{"少数民族", "/clauses/3.2.3/"},
	{"出生缺陷", "/clauses/3.2.13/"},
	{"专题督查", "/clauses/4.1/"},
	{"单列预算", "/clauses/4.2/"},
	{"目标考核", "/clauses/4.3/"},
	{"800元", "/clauses/2/"},
	{"留守儿童", "/clauses/3.3/"},
	{"最低生活保障", "/clauses/3.2.4/"},
	{"高等院校", "/clauses/3.2.12/"},
	{"公益性岗位", "/clauses/3.2.6/"},
	{"饮水", "/clauses/3.2.9/"},
	{"五保", "/clauses/3.2.4/"},
	{"考上大学", "/clauses/3.2.12/"},
	{"养老院", "/clauses/3.2.4/"},
	{"捆绑", "/clauses/3.2.18/"},
	{"金融办", "/clauses/3.2.16/"},
	{"农房确权", "/clauses/3.2.7/"},
}

// CheckRelevance indexes docs and syn in a temporary directory and checks
// that every case's page comes first. It returns how many did.
func CheckRelevance(t testing.TB, docs []search.Doc, syn []search.Synonym, cases []Case) int {
	t.Helper()
	dir := t.TempDir()
	a, err := search.Write(dir, docs, syn)
	if err != nil {
		t.Fatal(err)
	}
	r, err := OpenDir(dir, a.Meta, false)
	if err != nil {
		t.Fatal(err)
	}
	urls, err := r.URLs()
	if err != nil {
		t.Fatal(err)
	}
	var close []string
	good := 0
	for _, c := range cases {
		hits, err := r.Search(c.Query)
		if err != nil {
			t.Fatalf("%s: %v", c.Query, err)
		}
		if len(hits) > 1 && hits[0].Score < 1.15*hits[1].Score {
			close = append(close, fmt.Sprintf("%s (%.3f vs %.3f)", c.Query, hits[0].Score, hits[1].Score))
		}
		var top []string
		for _, h := range hits[:min(3, len(hits))] {
			top = append(top, fmt.Sprintf("%s (%.3f)", urls[h.Doc], h.Score))
		}
		if len(top) == 0 || !strings.HasPrefix(top[0], c.Want+" ") {
			t.Errorf("%s: want %s first, got %d hits: %s", c.Query, c.Want, len(hits), strings.Join(top, ", "))
		} else {
			good++
		}
	}
	if len(close) > 0 {
		t.Logf("close calls (first score within 15%% of the second): %s", strings.Join(close, "; "))
	}
	return good
}

// ResidentCases are questions and words as residents type them, not the
// plan's: questions (怎么领, 多少钱), everyday names (独生女儿, 看病) and
// several words. Each names the clause that must come first.
// They run on the real content (content/synonyms.toml carries the
// residents' words), not on the fixture.
var ResidentCases = []Case{
	{"抚慰金怎么领", "/clauses/3.2.12/"},
	{"孩子没了能领多少钱", "/clauses/3.2.12/"},
	{"孩子走了有什么补助", "/clauses/3.2.12/"},
	{"独生女儿", "/clauses/3.2.8/"},
	{"独生女儿考上大学有奖励吗", "/clauses/3.2.12/"},
	{"独生儿子家里能得到什么", "/clauses/3.2.8/"},
	{"我家是低保户能多领多少", "/clauses/3.2.4/"},
	{"住院看病能报销多少", "/clauses/3.2.11/"},
	{"娃上幼儿园要钱吗", "/clauses/3.2.2/"},
	{"中考能加几分", "/clauses/3.2.2/"},
	{"想借钱做点小生意", "/clauses/3.2.16/"},
	{"找工作有没有培训", "/clauses/3.2.6/"},
	{"房子漏雨要倒了", "/clauses/3.2.7/"},
	{"没房子住想租房", "/clauses/3.2.7/"},
	{"老人想住养老院", "/clauses/3.2.4/"},
	{"村里吃水难", "/clauses/3.2.9/"},
	{"家里看不了电视", "/clauses/3.2.10/"},
	{"怀孕前免费检查身体", "/clauses/3.2.13/"},
	{"出去打工的人办事", "/clauses/3.2.14/"},
	{"粮食怎么存", "/clauses/3.2.15/"},
	{"结扎手术后身体不好", "/clauses/3.2.12/"},
	{"少数民族困难户", "/clauses/3.2.3/"},
	{"孩子兔唇做手术", "/clauses/3.3/"},
	{"贫困户发钱", "/clauses/3.2.17/"},
	{"残疾孩子上学", "/clauses/3.2.12/"},
}
