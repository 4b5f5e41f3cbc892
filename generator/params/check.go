package params

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	return list.Err()
}

// locate finds the content position of one field error, named by the
// parameters' JSON path: benefits.<id>[.<key>], clauses.<id>, effective,
// adjustment.<key>.
func locate(plan *model.Plan, fe *calc.FieldError) *errlist.Error {
	head, rest, _ := strings.Cut(fe.Field, ".")
	switch {
	case head == "benefits" && rest != "":
		id, sub, _ := strings.Cut(rest, ".")
		c, i := benefit(plan, id)
		if c == nil {
			if c = plan.Clause(calc.BenefitClause(id)); c != nil {
				return missing(c, id, fe.Msg)
			}
			return plan.Errorf("measures", "benefits", "%s（id 为 %s）", fe.Msg, id)
		}
		key := "benefits[" + strconv.Itoa(i) + "]"
		if sub != "" {
			key += "." + sub
		}
		return c.Errorf(key, "%s", fe.Msg)
	case head == "clauses" && plan.Clause(rest) != nil:
		return plan.Clause(rest).Errorf("title", "%s", fe.Msg)
	case fe.Field == "effective":
		return plan.Errorf("document.toml", "effective", "%s", fe.Msg)
	case head == "adjustment" && rest != "":
		return plan.Errorf("adjustment.toml", rest, "%s", fe.Msg)
	}
	return &errlist.Error{File: "content", Key: fe.Field, Msg: fe.Msg}
}

// missing is the error of benefit id, which the rules need of clause c
// and c lacks: at the id of c that no rule knows and is probably a typo
// of it, if any.
func missing(c *model.Clause, id, msg string) *errlist.Error {
	var have, unknown []string
	for _, b := range c.Benefits {
		have = append(have, b.ID)
		if !slices.Contains(calc.BenefitIDs(), b.ID) {
			unknown = append(unknown, b.ID)
		}
	}
	if near := model.Nearest(id, unknown); near != "" {
		i := slices.Index(have, near)
		return c.Errorf(fmt.Sprintf("benefits[%d].id", i), "%s（id 为 %s）；本条写的是 %q，是不是写错了？", msg, id, near)
	}
	return c.Errorf("benefits", "%s（id 为 %s）", msg, id)
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
