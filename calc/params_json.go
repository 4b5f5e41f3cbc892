package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// ParseParams parses parameters as generator/params writes them (the
// JSON of Params, encoding/json's field names) and validates them.
// Unknown fields are errors. It reads with calc's own JSON reader, so the
// browser's calculator does not link encoding/json.
func ParseParams(data []byte) (*Params, error) {
	d := &paramsDecoder{r: jsonReader{data: data}}
	p := &Params{Benefits: map[string]*Standard{}, Clauses: map[string]*ClauseInfo{}}
	ok := d.r.object(func(key []byte) bool {
		switch string(key) {
		case "effective":
			return d.str(&p.Effective)
		case "benefits":
			return d.r.object(func(id []byte) bool {
				s := &Standard{}
				p.Benefits[string(id)] = s
				return d.standard(s)
			})
		case "clauses":
			return d.r.object(func(id []byte) bool {
				c := &ClauseInfo{}
				p.Clauses[string(id)] = c
				return d.clause(c)
			})
		case "adjustment":
			return d.adjustment(&p.Adjustment)
		}
		return d.unknown(key)
	})
	if ok && !d.r.end() {
		d.r.fail("JSON 对象之后还有多余的内容")
	}
	if d.r.err != nil {
		return nil, fieldErr("params", "参数不是有效的 JSON：", d.r.err.Msg)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// paramsDecoder reads the values of Params' fields.
type paramsDecoder struct{ r jsonReader }

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

// dec reads a decimal written as a string (encoding/json's form for
// shopspring/decimal) or as a number.
func (d *paramsDecoder) dec(x *decimal.Decimal) bool {
	v, ok := d.r.scalar()
	if !ok {
		return false
	}
	if v.kind != rawString && v.kind != rawNumber {
		return d.r.fail("应为数字")
	}
	n, err := decimal.NewFromString(string(v.s))
	if err != nil {
		return d.r.fail(strconv.Quote(string(v.s)) + " 不是数字")
	}
	*x = n
	return true
}

func (d *paramsDecoder) decPtr(x **decimal.Decimal) bool {
	if d.r.peek() == 'n' {
		return d.r.word("null")
	}
	*x = new(decimal.Decimal)
	return d.dec(*x)
}

func (d *paramsDecoder) standard(s *Standard) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "clause":
			return d.str(&s.Clause)
		case "name":
			return d.str(&s.Name)
		case "for":
			return d.str(&s.For)
		case "kind":
			return d.str(&s.Kind)
		case "amount":
			return d.decPtr(&s.Amount)
		case "rate":
			return d.decPtr(&s.Rate)
		case "threshold":
			return d.decPtr(&s.Threshold)
		case "unit":
			return d.str(&s.Unit)
		case "period":
			return d.str(&s.Period)
		case "minimum":
			return d.boolean(&s.Minimum)
		case "level":
			return d.str(&s.Level)
		case "adjustable":
			return d.boolean(&s.Adjustable)
		case "payer":
			return d.str(&s.Payer)
		case "note":
			return d.str(&s.Note)
		case "changes":
			return d.r.array(func(int) bool {
				s.Changes = append(s.Changes, Change{})
				return d.change(&s.Changes[len(s.Changes)-1])
			})
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) change(c *Change) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "from":
			return d.str(&c.From)
		case "amount":
			return d.dec(&c.Amount)
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
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) adjustment(a *Adjustment) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "base_year":
			return d.integer(&a.BaseYear)
		case "threshold":
			return d.dec(&a.Threshold)
		case "expenditure":
			if d.r.peek() == 'n' {
				return d.r.word("null")
			}
			return d.r.array(func(int) bool {
				a.Expenditure = append(a.Expenditure, Expenditure{})
				return d.expenditure(&a.Expenditure[len(a.Expenditure)-1])
			})
		}
		return d.unknown(key)
	})
}

func (d *paramsDecoder) expenditure(e *Expenditure) bool {
	return d.r.object(func(key []byte) bool {
		switch string(key) {
		case "year":
			return d.integer(&e.Year)
		case "yuan":
			return d.dec(&e.Yuan)
		case "source":
			return d.str(&e.Source)
		}
		return d.unknown(key)
	})
}
