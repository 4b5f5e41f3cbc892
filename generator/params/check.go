package params

import (
	"errors"
	"regexp"
	"strconv"

	"gyportal/calc"
	"gyportal/generator/model"
)

// Check builds the parameters of plan and validates them for the rules,
// naming each problem where staff fix it: the file, line and key of the
// content ("content/measures/3.2.12.toml:29: benefits[1].amount: …"), in
// Chinese. The error is a model.ErrorList.
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
func unruled(plan *model.Plan) model.ErrorList {
	var list model.ErrorList
	for _, c := range plan.Clauses {
		for i, b := range c.Benefits {
			if b.Kind == "cash" && b.Rule == nil && b.NotAssessed == "" {
				list = append(list, c.Errorf("benefits["+strconv.Itoa(i)+"].kind",
					"现金待遇 %s 没有计算器规则：写 [benefits.rule]（谁能领、怎么算），或写 not_assessed = \"…\" 说明计算器为什么不判断", b.ID))
			}
		}
	}
	return list
}

// positioned turns calc's field errors (named by the parameters' JSON
// path) into content errors at their file and line.
func positioned(plan *model.Plan, err error) model.ErrorList {
	var list model.ErrorList
	for _, e := range unjoin(err) {
		var fe *calc.FieldError
		if !errors.As(e, &fe) {
			list = append(list, &model.Error{File: "content", Msg: e.Error()})
			continue
		}
		list = append(list, locate(plan, fe))
	}
	return list
}

var (
	benefitPath = regexp.MustCompile(`^benefits\.([^.]+)(\.(.*))?$`)
	clausePath  = regexp.MustCompile(`^clauses\.([^.]+(?:\.[0-9]+)*)(?:\.(readings))?$`)
	readingPath = regexp.MustCompile(`^readings\.([^.]*)(?:\.(.*))?$`)
)

// locate finds the content position of one field error.
func locate(plan *model.Plan, fe *calc.FieldError) *model.Error {
	switch m := benefitPath.FindStringSubmatch(fe.Field); {
	case m != nil:
		c, i := benefit(plan, m[1])
		if c == nil {
			return plan.Errorf("measures", "benefits", "%s（id 为 %s）", fe.Msg, m[1])
		}
		key := "benefits[" + strconv.Itoa(i) + "]"
		if m[3] != "" {
			key += "." + m[3]
		}
		return c.Errorf(key, "%s", fe.Msg)
	case clausePath.MatchString(fe.Field):
		if m := clausePath.FindStringSubmatch(fe.Field); plan.Clause(m[1]) != nil {
			return plan.Clause(m[1]).Errorf("title", "%s", fe.Msg)
		}
	case readingPath.MatchString(fe.Field):
		m := readingPath.FindStringSubmatch(fe.Field)
		return locateReading(plan, m[1], m[2], fe.Msg)
	case fe.Field == "effective":
		return plan.Errorf("document.toml", "effective", "%s", fe.Msg)
	case len(fe.Field) > len("adjustment.") && fe.Field[:len("adjustment.")] == "adjustment.":
		return plan.Errorf("adjustment.toml", fe.Field[len("adjustment."):], "%s", fe.Msg)
	}
	return &model.Error{File: "content", Key: fe.Field, Msg: fe.Msg}
}

// locateReading finds the reading id where it is written: in
// readings.toml, or in a measure file's [[readings]].
func locateReading(plan *model.Plan, id, field, msg string) *model.Error {
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

// unjoin returns the errors joined in err, one level deep.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
