package params

import (
	"errors"
	"strconv"
	"strings"

	"gyportal/calc"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
	"gyportal/generator/model"
)

// Check builds the parameters of plan and validates them for the rules,
// naming each problem where staff fix it: the file, line and key of the
// content ("content/measures/3.2.12.toml:29: benefits[1].amount: …"), in
// Chinese. The error is an errlist.List. The rules travel with their
// benefits, so a clause left out (a draft, a publish date to come) takes
// its rules with it.
func Check(plan *model.Plan) (*calc.Params, error) {
	cp, err := FromPlan(plan)
	if err != nil {
		return nil, err
	}
	list := unruled(plan)
	if err := cp.Validate(); err != nil {
		list = append(list, positioned(plan, err)...)
	}
	list.Sort()
	if err := list.Err(); err != nil {
		return nil, err
	}
	return cp, nil
}

// unruled reports each cash benefit with neither a rule nor a reason the
// calculator does not decide it: a family would be told nothing of it.
func unruled(plan *model.Plan) errlist.List {
	var list errlist.List
	for _, c := range plan.Clauses {
		for i, b := range c.Benefits {
			if b.Kind == rules.KindCash && b.Rule == nil && b.NotAssessed == "" {
				list = append(list, c.Errorf("benefits["+strconv.Itoa(i)+"].kind",
					"现金待遇 %s 没有计算器规则：写 [benefits.rule]（谁能领、怎么算），或写 not_assessed = \"…\" 说明计算器为什么不判断", b.ID))
			}
		}
	}
	return list
}

// positioned turns calc's field errors (named by the parameters' JSON
// path) into content errors at their file and line.
func positioned(plan *model.Plan, err error) errlist.List {
	var list errlist.List
	for _, e := range errlist.Split(err) {
		var fe *rules.FieldError
		if !errors.As(e, &fe) {
			list = append(list, &errlist.Error{File: "content", Msg: e.Error()})
			continue
		}
		list = append(list, locate(plan, fe))
	}
	return list
}

// locate finds the content position of one field error, named by the
// parameters' JSON path: benefits.<id>[.<key>], clauses.<id>[.readings],
// readings.<id>[.<key>], effective, adjustment.<key>.
func locate(plan *model.Plan, fe *rules.FieldError) *errlist.Error {
	head, rest, _ := strings.Cut(fe.Field, ".")
	switch {
	case head == "benefits" && rest != "":
		id, sub, _ := strings.Cut(rest, ".")
		c, i := benefit(plan, id)
		if c == nil {
			return plan.Errorf("measures", "benefits", "%s（id 为 %s）", fe.Msg, id)
		}
		key := "benefits[" + strconv.Itoa(i) + "]"
		if sub != "" {
			key += "." + sub
		}
		return c.Errorf(key, "%s", fe.Msg)
	case head == "clauses":
		if c := plan.Clause(strings.TrimSuffix(rest, ".readings")); c != nil {
			return c.Errorf("title", "%s", fe.Msg)
		}
	case head == "readings":
		id, sub, _ := strings.Cut(rest, ".")
		return locateReading(plan, id, sub, fe.Msg)
	case fe.Field == "effective":
		return plan.Errorf("document.toml", "effective", "%s", fe.Msg)
	case head == "adjustment" && rest != "":
		return plan.Errorf("adjustment.toml", rest, "%s", fe.Msg)
	}
	return &errlist.Error{File: "content", Key: fe.Field, Msg: fe.Msg}
}

// locateReading finds the reading id where it is written: in
// readings.toml, or in a measure file's [[readings]].
func locateReading(plan *model.Plan, id, field, msg string) *errlist.Error {
	key := func(i int) string {
		k := "readings[" + strconv.Itoa(i) + "]"
		if field != "" {
			k += "." + field
		}
		return k
	}
	for i, rd := range plan.Readings {
		if rd.ID == id {
			return plan.Errorf("readings.toml", key(i), "%s", msg)
		}
	}
	for _, c := range plan.Clauses {
		for i, rd := range c.Readings {
			if rd.ID == id {
				return c.Errorf(key(i), "%s", msg)
			}
		}
	}
	return plan.Errorf("readings.toml", "readings", "%s（id 为 %q）", msg, id)
}

// benefit finds the clause and index of benefit id.
func benefit(plan *model.Plan, id string) (*model.Clause, int) {
	for _, c := range plan.Clauses {
		for i := range c.Benefits {
			if c.Benefits[i].ID == id {
				return c, i
			}
		}
	}
	return nil, 0
}
