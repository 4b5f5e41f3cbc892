package params

import (
	"errors"
	"regexp"
	"strconv"

	"gyportal/calc"
	"gyportal/calc/errlist"
	"gyportal/generator/model"
)

// Check builds the parameters of plan and validates them for the rules,
// naming each problem where staff fix it: the file, line and key of the
// content ("content/measures/3.2.12.toml:29: benefits[1].amount: …"), in
// Chinese. The error is an errlist.List.
func Check(plan *model.Plan) (*calc.Params, error) {
	cp, err := FromPlan(plan)
	if err != nil {
		return nil, err
	}
	if err := cp.Validate(); err != nil {
		return nil, positioned(plan, err)
	}
	return cp, nil
}

// positioned turns calc's field errors (named by the parameters' JSON
// path) into content errors at their file and line.
func positioned(plan *model.Plan, err error) error {
	var list errlist.List
	for _, e := range errlist.Split(err) {
		var fe *calc.FieldError
		if !errors.As(e, &fe) {
			list = append(list, &errlist.Error{File: "content", Msg: e.Error()})
			continue
		}
		list = append(list, locate(plan, fe))
	}
	list.Sort()
	return list.Err()
}

var (
	benefitPath = regexp.MustCompile(`^benefits\.([^.]+)(\.(.*))?$`)
	clausePath  = regexp.MustCompile(`^clauses\.(.+)$`)
)

// locate finds the content position of one field error.
func locate(plan *model.Plan, fe *calc.FieldError) *errlist.Error {
	switch m := benefitPath.FindStringSubmatch(fe.Field); {
	case m != nil:
		c, i := benefit(plan, m[1])
		if c == nil {
			if c = plan.Clause(calc.BenefitClause(m[1])); c != nil {
				return c.Errorf("benefits", "%s（id 为 %s）", fe.Msg, m[1])
			}
			return plan.Errorf("measures", "benefits", "%s（id 为 %s）", fe.Msg, m[1])
		}
		key := "benefits[" + strconv.Itoa(i) + "]"
		if m[3] != "" {
			key += "." + m[3]
		}
		return c.Errorf(key, "%s", fe.Msg)
	case clausePath.MatchString(fe.Field):
		if c := plan.Clause(clausePath.FindStringSubmatch(fe.Field)[1]); c != nil {
			return c.Errorf("title", "%s", fe.Msg)
		}
	case fe.Field == "effective":
		return plan.Errorf("document.toml", "effective", "%s", fe.Msg)
	case len(fe.Field) > len("adjustment.") && fe.Field[:len("adjustment.")] == "adjustment.":
		return plan.Errorf("adjustment.toml", fe.Field[len("adjustment."):], "%s", fe.Msg)
	}
	return &errlist.Error{File: "content", Key: fe.Field, Msg: fe.Msg}
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
