package rules

import "strconv"

// ParseStandards parses parameters as generator/params writes them (the
// JSON of Params, encoding/json's field names) straight into the
// calculator's units, and validates them. Unknown fields are errors. It
// reads with calc's own JSON reader and builds no decimal, so that the
// browser's calculator links neither encoding/json nor shopspring/decimal.
//
// The rules are resolved, not explained: a rule that cannot be read is
// named briefly. The browser's calculator reads parameters a build has
// checked; ParseCheckedStandards says what is wrong as staff need it.
func ParseStandards(data []byte) (*Standards, error) { return parseStandards(data, nil) }

// ParseCheckedStandards is ParseStandards with the rules' problems
// explained (see NewStandards).
func ParseCheckedStandards(data []byte) (*Standards, error) {
	return parseStandards(data, (*Standards).explainRules)
}

func parseStandards(data []byte, explain func(*Standards)) (*Standards, error) {
	d := &paramsDecoder{r: jsonReader{data: data}, s: newStandards()}
	s := d.s
	benefits := map[string]*Standard{}
	ok := d.r.object(func(key []byte) bool {
		switch string(key) {
		case "effective":
			return d.str(&s.effective)
		case "benefits":
			return d.r.object(func(id []byte) bool {
				st := &Standard{}
				name := string(id)
				benefits[name] = st
				return d.standard("benefits."+name, st)
			})
		case "clauses":
			return d.r.object(func(id []byte) bool {
				c := &ClauseInfo{}
				s.clauses[string(id)] = c
				return d.clause(c)
			})
		case "adjustment":
			return d.adjustment(&s.adj)
		case "readings":
			return d.r.array(func(int) bool {
				rd := &Reading{}
				s.readings = append(s.readings, rd)
				return d.reading(rd)
			})
		}
		return d.unknown(key)
	})
	if ok && !d.r.end() {
		d.r.fail("JSON 对象之后还有多余的内容")
	}
	if d.r.err != nil {
		return nil, fieldErr("params", "参数不是有效的 JSON：", d.r.err.Msg)
	}
	s.compile(benefits)
	s.finish(explain)
	if s.err != nil {
		return nil, s.err
	}
	return s, nil
}

// paramsDecoder reads the values of the parameters' fields.
type paramsDecoder struct {
	r jsonReader
	s *Standards
}

func (d *paramsDecoder) unknown(key []byte) bool {
	return d.r.fail("未知字段 " + strconv.Quote(string(key)))
}

func (d *paramsDecoder) str(s *string) bool {
	if d.r.peek() != '"' {
		return d.r.fail("应为字符串")
	}
	b, ok := d.r.str()
	*s = string(b)
	return ok
}

func (d *paramsDecoder) boolean(b *bool) bool {
	v, ok := d.r.scalar()
	if ok && v.kind != rawBool {
		return d.r.fail("应为 true 或 false")
	}
	*b = v.b
	return ok
}

func (d *paramsDecoder) integer(n *int) bool {
	v, ok := d.r.scalar()
	if !ok {
		return false
	}
	i, isInt := parseInt(v.s)
	if v.kind != rawNumber || !isInt {
		return d.r.fail("应为整数")
	}
	*n = i
	return true
}

// text reads a decimal's text, written as a string (encoding/json's form
// for shopspring/decimal) or as a number; null is no figure.
func (d *paramsDecoder) text(t *string, given *bool) bool {
	v, ok := d.r.scalar()
	switch {
	case !ok:
		return false
	case v.kind == rawNull:
		return true
	case v.kind != rawString && v.kind != rawNumber:
		return d.r.fail("应为数字")
	}
	*t, *given = string(v.s), true
	return true
}

// fig reads a figure with places decimals.
func (d *paramsDecoder) fig(field string, f *fig, places int) bool {
	var t string
	var given bool
	if !d.text(&t, &given) {
		return false
	}
	if given {
		*f = d.s.figText(field, t, places)
	}
	return true
}

// enumField reads the name of an enum's value; "" leaves it unset.
func enumField[E ~uint8](d *paramsDecoder, field string, e *E, names []string) bool {
	var name string
	if !d.str(&name) {
		return false
	}
	if err := parseEnum(e, name, names); name != "" && err != nil {
		d.s.bad(field, err.Error())
	}
	return true
}

func (d *paramsDecoder) standard(k string, st *Standard) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "clause":
			return d.str(&st.Clause)
		case "name":
			return d.str(&st.Name)
		case "for":
			return d.str(&st.For)
		case "kind":
			return enumField(d, k+".kind", &st.Kind, kindNames)
		case "amount":
			return d.text(&st.Amount, new(bool))
		case "rate":
			return d.text(&st.Rate, new(bool))
		case "threshold":
			return d.text(&st.Threshold, new(bool))
		case "unit":
			return d.str(&st.Unit)
		case "period":
			return enumField(d, k+".period", &st.Period, periodNames)
		case "minimum":
			return d.boolean(&st.Minimum)
		case "level":
			return enumField(d, k+".level", &st.Level, levelNames)
		case "adjustable":
			return d.boolean(&st.Adjustable)
		case "payer":
			return d.str(&st.Payer)
		case "note":
			return d.str(&st.Note)
		case "changes":
			return d.r.array(func(int) bool {
				st.Changes = append(st.Changes, Change{})
				return d.change(&st.Changes[len(st.Changes)-1])
			})
		case "rule":
			st.Rule = &Spec{}
			return d.spec(st.Rule)
		case "not_assessed":
			return d.str(&st.NotAssessed)
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) spec(sp *Spec) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "who":
			return d.strs(&sp.Who)
		case "per_child":
			return d.str(&sp.PerChild)
		case "instead":
			return d.str(&sp.Instead)
		case "formula":
			return d.str(&sp.Formula)
		case "readings":
			return d.strs(&sp.Readings)
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) reading(rd *Reading) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return d.str(&rd.ID)
		case "words":
			return d.str(&rd.Words)
		case "text":
			return d.str(&rd.Text)
		case "conditions":
			return d.strs(&rd.Conditions)
		}
		return d.unknown(key)
	})
}

// strs reads a list of strings; null is none.
func (d *paramsDecoder) strs(out *[]string) bool {
	if d.r.peek() == 'n' {
		return d.r.word("null")
	}
	return d.r.array(func(int) bool {
		var s string
		ok := d.str(&s)
		*out = append(*out, s)
		return ok
	})
}

func (d *paramsDecoder) change(c *Change) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "from":
			return d.str(&c.From)
		case "amount":
			return d.text(&c.Amount, new(bool))
		case "note":
			return d.str(&c.Note)
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) clause(c *ClauseInfo) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "title":
			return d.str(&c.Title)
		case "department":
			return d.str(&c.Department)
		case "benefits":
			return d.strs(&c.Benefits)
		case "readings":
			return d.strs(&c.Readings)
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) adjustment(a *iadj) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "base_year":
			return d.integer(&a.baseYear)
		case "threshold":
			return d.fig("adjustment.threshold", &a.threshold, ratePlaces)
		case "expenditure":
			if d.r.peek() == 'n' {
				return d.r.word("null")
			}
			return d.r.array(func(i int) bool {
				a.exp = append(a.exp, iexp{})
				return d.expenditure("adjustment.expenditure["+itoa(i)+"]", &a.exp[len(a.exp)-1])
			})
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) expenditure(k string, e *iexp) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "year":
			return d.integer(&e.year)
		case "yuan":
			return d.fig(k+".yuan", &e.yuan, amountPlaces)
		case "source":
			return d.str(&e.source)
		}
		return d.unknown(key)
	})
}
