package rules

import "strings"

// resolve turns the parameters' rules (Spec, by names) into the rules the
// evaluator reads, clause by clause in plan order, recording every
// problem under the path of the key that has it.
func (s *Standards) resolve() {
	byID, byCond := s.readingIndex()
	listed := map[string]bool{}
	for _, cid := range sortedClauseIDs(s.clauses) {
		c := s.clauses[cid]
		cr := &clauseRules{id: cid}
		for _, id := range c.Readings {
			if rd := byID[id]; rd != nil {
				cr.readings = append(cr.readings, rd)
			} else {
				s.bad("clauses."+cid+".readings", "没有 id 为 ", quote(id), " 的理解")
			}
		}
		for _, id := range c.Benefits {
			listed[id] = true
			if r := s.resolveBenefit(cid, id, byID, byCond); r != nil {
				cr.rules = append(cr.rules, r)
				s.rules = append(s.rules, r)
			}
		}
		if len(cr.rules) > 0 || len(cr.readings) > 0 {
			s.plan = append(s.plan, cr)
		}
	}
	for _, id := range sortedKeys(s.benefits) {
		if cid := s.benefits[id].clause; !listed[id] && s.clauses[cid] != nil {
			s.bad("benefits."+id, "不在第", cid, "条的待遇列表（clauses.", cid, ".benefits）里")
		} else if !listed[id] {
			s.bad("clauses."+cid, "缺少条款标题或责任部门")
		}
	}
	if len(s.rules) > maxRules {
		s.bad("benefits", "计算器的规则最多 ", itoa(maxRules), " 条，现有 ", itoa(len(s.rules)), " 条")
	}
	s.checkInstead()
}

// readingIndex indexes the readings by id and by the condition they read.
func (s *Standards) readingIndex() (byID, byCond map[string]*Reading) {
	byID, byCond = map[string]*Reading{}, map[string]*Reading{}
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
			case !hasName(condDefNames(), c) && !hasName(childDefNames(), c):
				s.bad(k+".conditions", "没有名为 ", quote(c), " 的条件", suggest(c, append(condDefNames(), childDefNames()...)))
			case byCond[c] != nil:
				s.bad(k+".conditions", "条件 ", quote(c), " 已由理解 ", quote(byCond[c].ID), " 解读；一个条件只能有一条理解")
			default:
				byCond[c] = rd
			}
		}
	}
	return byID, byCond
}

// resolveBenefit resolves the rule of benefit id; nil when it has none
// (it is not assessed) or it is wrong.
func (s *Standards) resolveBenefit(clause, id string, byID, byCond map[string]*Reading) *rule {
	k := "benefits." + id
	st := s.benefits[id]
	switch {
	case st == nil:
		s.bad(k, "缺少这项待遇：第", clause, "条列出了它")
	case st.notAssessed != "" && st.spec != nil:
		s.bad(k+".not_assessed", "这项待遇已有规则 [benefits.rule]，不能同时写 not_assessed")
	case st.notAssessed != "":
		s.notAssessed = append(s.notAssessed, id)
	case st.spec == nil:
		s.bad(k, "缺少规则：写 [benefits.rule]，或用 not_assessed = \"…\" 说明计算器为什么不判断")
	default:
		return s.resolveRule(id, st, byID, byCond)
	}
	return nil
}

// resolveRule resolves one Spec.
func (s *Standards) resolveRule(id string, st *istd, byID, byCond map[string]*Reading) *rule {
	k := "benefits." + id + ".rule"
	sp := st.spec
	r := &rule{benefit: id, instead: sp.Instead}
	errs := len(s.errs)
	if len(sp.Who) == 0 {
		s.bad(k+".who", "必填：至少写一个条件")
	}
	var names []string
	for _, w := range sp.Who {
		if c, name := s.condition(k+".who", w); c != nil {
			r.who = append(r.who, c)
			names = append(names, name)
		}
	}
	if sp.PerChild != "" {
		if c, name := s.childCondition(k+".per_child", sp.PerChild); c != nil {
			r.perChild = c
			names = append(names, name)
		}
		if st.forWhom == "household" {
			s.bad(k+".per_child", "这项待遇按户发放（for = \"household\"），不能按子女计算；按人发放的待遇写 for = \"person\"")
		}
	}
	for _, n := range names {
		if rd := byCond[n]; rd != nil {
			r.readings = append(r.readings, rd)
		}
	}
	for _, id := range sp.Readings {
		if rd := byID[id]; rd != nil {
			r.readings = append(r.readings, rd)
		} else {
			s.bad(k+".readings", "没有 id 为 ", quote(id), " 的理解（content/readings.toml 或本文件的 [[readings]]）", suggest(id, readingIDs(byID)))
		}
	}
	r.amount = s.formula(k+".formula", sp.Formula, st.kind)
	s.checkExclusive(k+".who", r)
	if len(s.errs) > errs {
		return nil
	}
	return r
}

// condition resolves one condition of who; name is its vocabulary name.
func (s *Standards) condition(k, text string) (*cond, string) {
	name, args, ok := splitCall(text)
	if !ok {
		s.bad(k, quote(text), " 的括号不对，应写成 名称(参数, 参数)")
		return nil, ""
	}
	for _, d := range condDefs {
		if d.Name != name {
			continue
		}
		levels, stages, problem := parseArgs(d.args, args)
		if problem != "" {
			s.bad(k, "条件 ", quote(text), "：", problem)
			return nil, ""
		}
		if d.fixed != nil {
			return d.fixed, name
		}
		return d.build(levels, stages), name
	}
	if hasName(childDefNames(), name) {
		s.bad(k, quote(name), " 是子女的条件，应写在 per_child")
		return nil, ""
	}
	s.bad(k, "没有名为 ", quote(name), " 的条件", suggest(name, condDefNames()))
	return nil, ""
}

// childCondition resolves per_child.
func (s *Standards) childCondition(k, text string) (*childCond, string) {
	name, args, ok := splitCall(text)
	if !ok {
		s.bad(k, quote(text), " 的括号不对，应写成 名称(参数, 参数)")
		return nil, ""
	}
	for _, d := range childDefs {
		if d.Name != name {
			continue
		}
		_, stages, problem := parseArgs(d.args, args)
		if problem != "" {
			s.bad(k, "条件 ", quote(text), "：", problem)
			return nil, ""
		}
		if d.fixed != nil {
			return d.fixed, name
		}
		return d.build(stages), name
	}
	if hasName(condDefNames(), name) {
		s.bad(k, quote(name), " 是家庭的条件，应写在 who")
		return nil, ""
	}
	s.bad(k, "没有名为 ", quote(name), " 的子女条件", suggest(name, childDefNames()))
	return nil, ""
}

// formula resolves a formula's name; without one, the kind's default.
func (s *Standards) formula(k, name, kind string) formula {
	if name == "" {
		switch kind {
		case "service":
			return service
		case "standard":
			return quantity
		}
		return fixed
	}
	for _, d := range formulaDefs {
		if d.Name == name {
			return d.f
		}
	}
	s.bad(k, "没有名为 ", quote(name), " 的计算方法", suggest(name, formulaNames()))
	return fixed
}

// checkExclusive reports conditions on hukou and family that no
// household meets together ("rural" with "urban").
func (s *Standards) checkExclusive(k string, r *rule) {
	var basic []*cond
	for _, c := range r.who {
		for _, d := range condDefs {
			if d.fixed == c && d.basic {
				basic = append(basic, c)
			}
		}
	}
	if len(basic) < 2 {
		return
	}
	for _, h := range Hukous() {
		for _, fam := range Families() {
			f := &Facts{Hukou: h, Family: fam}
			ok := true
			for _, c := range basic {
				ok = ok && c.test(f, nil) == holds
			}
			if ok {
				return
			}
		}
	}
	s.bad(k, "这些条件不可能同时成立（户口或家庭类型互相排斥），这项待遇永远不会发放")
}

// checkInstead checks every rule's instead: a benefit with a rule, not
// itself, and no cycle.
func (s *Standards) checkInstead() {
	next := map[string]string{}
	for id, st := range s.benefits {
		if st.spec != nil && st.notAssessed == "" {
			next[id] = st.spec.Instead
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

func readingIDs(m map[string]*Reading) []string { return sortedKeys(m) }

// sortedClauseIDs returns the clause ids in plan order: "3.2.9" before
// "3.2.10".
func sortedClauseIDs(m map[string]*ClauseInfo) []string {
	ids := sortedKeys(m)
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && lessID(ids[j], ids[j-1]); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}

// lessID orders dotted clause ids number by number.
func lessID(a, b string) bool {
	for a != "" && b != "" {
		var x, y string
		x, a, _ = strings.Cut(a, ".")
		y, b, _ = strings.Cut(b, ".")
		if len(x) != len(y) {
			return len(x) < len(y)
		}
		if x != y {
			return x < y
		}
	}
	return a == "" && b != ""
}
