package rules

import "strings"

// explainRules checks the parameters' rules as staff need it said: every
// problem at the path of its key, in Chinese, with 候选 for a misspelt
// name, and the problems that do not stop the calculator (an instead that
// forms a cycle, conditions that exclude each other, a reading without
// words). It runs where the parameters are made and checked (NewStandards,
// ParseCheckedStandards): the browser's calculator, which only reads
// parameters a build has checked, does not carry it.
func (s *Standards) explainRules() {
	byID := s.explainReadings()
	listed := map[string]bool{}
	for _, cid := range sortedClauseIDs(s.clauses) {
		for _, id := range s.clauses[cid].Readings {
			if byID[id] == nil {
				s.bad("clauses."+cid+".readings", "没有 id 为 ", quote(id), " 的理解")
			}
		}
		for _, id := range s.clauses[cid].Benefits {
			listed[id] = true
			s.explainBenefit(cid, id, byID)
		}
	}
	for _, id := range sortedKeys(s.benefits) {
		if cid := s.benefits[id].Clause; !listed[id] && s.clauses[cid] != nil {
			s.bad("benefits."+id, "不在第", cid, "条的待遇列表（clauses.", cid, ".benefits）里")
		} else if !listed[id] {
			s.bad("clauses."+cid, "缺少条款标题或责任部门")
		}
	}
	s.checkInstead()
	s.checkStandards()
}

// explainReadings checks the readings and indexes them by id.
func (s *Standards) explainReadings() map[string]*Reading {
	byID, byCond := map[string]*Reading{}, map[string]*Reading{}
	words := append(condDefNames(), childDefNames()...)
	for _, rd := range s.readings {
		k := "readings." + rd.ID
		switch {
		case rd.ID == "":
			s.bad("readings", "有一条理解缺少 id")
		case byID[rd.ID] != nil:
			s.bad(k+".id", "有两条理解的 id 都是 ", quote(rd.ID))
		}
		if strings.TrimSpace(rd.Words) == "" {
			s.bad(k+".words", "必填：写出这条理解所读的方案原文")
		}
		if strings.TrimSpace(rd.Text) == "" {
			s.bad(k+".text", "必填：写出本平台的理解")
		}
		byID[rd.ID] = rd
		for _, c := range rd.Conditions {
			switch {
			case !hasName(words, c):
				s.bad(k+".conditions", "没有名为 ", quote(c), " 的条件", suggest(c, words))
			case byCond[c] != nil:
				s.bad(k+".conditions", "条件 ", quote(c), " 已由理解 ", quote(byCond[c].ID), " 解读；一个条件只能有一条理解")
			default:
				byCond[c] = rd
			}
		}
	}
	return byID
}

// explainBenefit checks benefit id, listed by clause.
func (s *Standards) explainBenefit(clause, id string, byID map[string]*Reading) {
	k := "benefits." + id
	switch st := s.benefits[id]; {
	case st == nil:
		s.bad(k, "缺少这项待遇：第", clause, "条列出了它")
	case st.NotAssessed != "" && st.Rule != nil:
		s.bad(k+".not_assessed", "这项待遇已有规则 [benefits.rule]，不能同时写 not_assessed")
	case st.Clause != clause:
		s.bad(k+".clause", "是 ", quote(st.Clause), "；计算器的规则属于第", clause, "条")
	case st.NotAssessed != "":
	case st.Rule == nil:
		s.bad(k, "缺少规则：写 [benefits.rule]，或用 not_assessed = \"…\" 说明计算器为什么不判断")
	default:
		s.explainRule(k+".rule", st, byID)
	}
}

// explainRule checks one Spec.
func (s *Standards) explainRule(k string, st *istd, byID map[string]*Reading) {
	sp := st.Rule
	if len(sp.Who) == 0 {
		s.bad(k+".who", "必填：至少写一个条件")
	}
	var basic []*cond
	for _, w := range sp.Who {
		c, name := lookupCond(w)
		if c == nil {
			s.explainWord(k+".who", w, name, condDefNames(), childDefNames(), "的条件", "是子女的条件，应写在 per_child")
		}
		for _, d := range condDefs {
			if d.Name == name && d.basic && c != nil {
				basic = append(basic, c)
			}
		}
	}
	if sp.PerChild != "" {
		if c, name := lookupChild(sp.PerChild); c == nil {
			s.explainWord(k+".per_child", sp.PerChild, name, childDefNames(), condDefNames(), "的子女条件", "是家庭的条件，应写在 who")
		}
		if st.For == "household" {
			s.bad(k+".per_child", "这项待遇按户发放（for = \"household\"），不能按子女计算；按人发放的待遇写 for = \"person\"")
		}
	}
	for _, id := range sp.Readings {
		if byID[id] == nil {
			s.bad(k+".readings", "没有 id 为 ", quote(id), " 的理解（content/readings.toml 或本文件的 [[readings]]）", suggest(id, sortedKeys(byID)))
		}
	}
	if _, ok := lookupFormula(sp.Formula, st.Kind); !ok {
		s.bad(k+".formula", "没有名为 ", quote(sp.Formula), " 的计算方法", suggest(sp.Formula, formulaNames()))
	}
	if excluded(basic) {
		s.bad(k+".who", "这些条件不可能同时成立（户口或家庭类型互相排斥），这项待遇永远不会发放")
	}
}

// explainWord says why text, a word of names, could not be resolved.
func (s *Standards) explainWord(k, text, name string, names, others []string, what, elsewhere string) {
	_, args, ok := splitCall(text)
	switch {
	case !ok:
		s.bad(k, quote(text), " 的括号不对，应写成 名称(参数, 参数)")
	case hasName(names, name):
		s.bad(k, "条件 ", quote(text), "：", argProblem(argsOf(name), args))
	case hasName(others, name):
		s.bad(k, quote(name), " ", elsewhere)
	default:
		s.bad(k, "没有名为 ", quote(name), " ", what, suggest(name, names))
	}
}

// argsOf returns the kind of parameters of the word name.
func argsOf(name string) argKind {
	for _, d := range condDefs {
		if d.Name == name {
			return d.args
		}
	}
	for _, d := range childDefs {
		if d.Name == name {
			return d.args
		}
	}
	return noArgs
}

// argProblem says what is wrong with a word's parameters.
func argProblem(kind argKind, args []string) string {
	switch {
	case kind == noArgs:
		return "不带参数"
	case len(args) == 0:
		return "需要参数，如 " + map[argKind]string{levelArgs: "(3, 4)", stageArgs: "(primary)"}[kind]
	}
	for _, a := range args {
		if _, _, ok := parseArgs(kind, []string{a}); ok {
			continue
		}
		if kind == levelArgs {
			return "并发症等级 " + quote(a) + " 不存在，应为 1 到 4"
		}
		return "阶段 " + quote(a) + " 不存在" + suggest(a, stageNamesList())
	}
	return "参数不对"
}

// excluded reports whether no household meets all of basic, conditions
// on hukou and family only ("rural" with "urban").
func excluded(basic []*cond) bool {
	if len(basic) < 2 {
		return false
	}
	for _, h := range Hukous() {
		for _, fam := range Families() {
			f := &Facts{Hukou: h, Family: fam}
			ok := true
			for _, c := range basic {
				ok = ok && c.test(f, nil) == holds
			}
			if ok {
				return false
			}
		}
	}
	return true
}

// checkInstead checks every rule's instead: a benefit with a rule, not
// itself, and no cycle.
func (s *Standards) checkInstead() {
	next := map[string]string{}
	for id, st := range s.benefits {
		if st.Rule != nil && st.NotAssessed == "" {
			next[id] = st.Rule.Instead
		}
	}
	for _, id := range sortedKeys(next) {
		in, k := next[id], "benefits."+id+".rule.instead"
		switch _, ok := next[in]; {
		case in == "":
		case in == id:
			s.bad(k, "不能代替它自己")
		case !ok:
			s.bad(k, "没有 id 为 ", quote(in), " 的、有规则的待遇", suggest(in, sortedKeys(next)))
		default:
			seen := map[string]bool{id: true}
			for b := in; b != ""; b = next[b] {
				if seen[b] {
					s.bad(k, "instead 成环：", quote(id), " 经 ", quote(in), " 又回到 ", quote(b))
					break
				}
				seen[b] = true
			}
		}
	}
}

func hasName(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

func stageNamesList() []string {
	var out []string
	for _, s := range Stages() {
		out = append(out, s.String())
	}
	return out
}

func condDefNames() []string {
	var out []string
	for _, d := range condDefs {
		out = append(out, d.Name)
	}
	return out
}

func childDefNames() []string {
	var out []string
	for _, d := range childDefs {
		out = append(out, d.Name)
	}
	return out
}

func formulaNames() []string {
	var out []string
	for _, d := range formulaDefs {
		out = append(out, d.Name)
	}
	return out
}

// suggest returns "；候选：a、b" naming the candidates nearest to name
// (at most a third of its letters apart), or "" when none is near.
func suggest(name string, candidates []string) string {
	best, out := len(name)/3+1, []string(nil)
	for _, c := range candidates {
		switch d := distance(name, c); {
		case d < best:
			best, out = d, []string{c}
		case d == best:
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "；候选：" + strings.Join(out, "、")
}

// distance is the Levenshtein distance of a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
