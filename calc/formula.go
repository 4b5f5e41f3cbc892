package calc

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// formula is how a benefit's amount is worked out.
type formula int

const (
	service    formula = iota // a service; no amount
	quantity                  // a non-cash standard such as 260 m², shown with its unit
	fixed                     // the standard amount
	dibaoShare                // dibao_standard × rate × members
	excess                    // (medical_out_of_pocket − threshold) × rate
)

// missing lists what a standard lacks that the formula (and uses) need, as
// [field, message] pairs.
func (f formula) missing(s *Standard, uses []string) [][2]string {
	var out [][2]string
	need := func(field string, ok bool) {
		if !ok {
			out = append(out, [2]string{field, "required by the calculator's rule"})
		}
	}
	kind := "cash"
	switch f {
	case service:
		kind = "service"
	case quantity:
		kind = "standard"
	}
	if s.Kind != kind {
		out = append(out, [2]string{"kind", fmt.Sprintf("is %q; the calculator's rule expects %q", s.Kind, kind)})
	}
	for _, list := range [2][]string{formulaFields[f], uses} {
		for _, u := range list {
			switch u {
			case "amount":
				need(u, s.Amount != nil && !s.Amount.IsNegative())
			case "rate":
				need(u, s.Rate != nil && !s.Rate.IsNegative())
			case "threshold":
				need(u, s.Threshold != nil && !s.Threshold.IsNegative())
			case "period":
				need(u, s.Period == "once" || s.Period == "month" || s.Period == "year")
			}
		}
	}
	return out
}

// formulaFields are the standard's fields each formula reads.
var formulaFields = map[formula][]string{
	quantity:   {"amount"},
	fixed:      {"amount", "period"},
	dibaoShare: {"rate", "period"},
	excess:     {"rate", "threshold", "period"},
}

func threshold(s *Standard) decimal.Decimal {
	if s.Threshold == nil {
		return decimal.Zero
	}
	return *s.Threshold
}

// amount works out a cash benefit: the amount, rounded to the fen, and
// the arithmetic shown in the explanation.
func (f formula) amount(h *hh) (decimal.Decimal, string, error) {
	s, v := h.std, h.qty
	switch f {
	case fixed:
		a := fen(v)
		if h.brief {
			return a, "", nil
		}
		return a, perWords[s.For] + periodWords[s.Period] + minWord(s) + money(v) + "元", nil
	case dibaoShare:
		var errs []error
		if h.f.Members == 0 {
			errs = append(errs, fieldErr("members", needFor(s), "：家庭人口数"))
		}
		if !h.f.DibaoStandard.Given() {
			errs = append(errs, fieldErr("dibao_standard", needFor(s), "：当地农村低保保障标准（元/人·年），应大于 0"))
		}
		if len(errs) > 0 {
			return decimal.Zero, "", errors.Join(errs...)
		}
		std, n := h.f.DibaoStandard.Decimal(), decimal.NewFromInt(int64(h.f.Members))
		a := fen(std.Mul(v).Mul(n))
		if h.brief {
			return a, "", nil
		}
		return a, fmt.Sprintf("当地农村低保保障标准%s元 × %s × %d人 = %s元%s",
			num(std), pct(v), h.f.Members, money(a), atLeast(s)), nil
	case excess:
		t, m := threshold(s), h.f.MedicalOutOfPocket.Decimal()
		a := fen(m.Sub(t).Mul(v))
		if h.brief {
			return a, "", nil
		}
		return a, fmt.Sprintf("(%s − %s) × %s = %s元%s", num(m), num(t), pct(v), money(a), atLeast(s)), nil
	}
	return decimal.Zero, "", fmt.Errorf("formula %d has no amount", f)
}

var (
	perWords    = map[string]string{"household": "每户", "person": "每人"}
	periodWords = map[string]string{"once": "一次性", "month": "每月", "year": "每年"}
)

// needFor says which benefit needs a fact.
func needFor(s *Standard) string {
	return fmt.Sprintf("计算“%s”（第%s条）需要此项", s.Name, s.Clause)
}

// atLeast notes that a computed amount is a minimum.
func atLeast(s *Standard) string {
	if !s.Minimum {
		return ""
	}
	return "，" + periodWords[s.Period] + "不低于此数"
}

func minWord(s *Standard) string {
	if s.Minimum {
		return "不低于"
	}
	return ""
}
