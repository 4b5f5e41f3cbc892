package calcstep

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"gyportal/calc"
	"gyportal/calc/errlist"
	"gyportal/calc/rules"
	"gyportal/generator/model"
	"gyportal/generator/site"
)

// plannedFamilies define the households every 计划生育家庭 is one of.
var plannedFamilies = func() (out []any) {
	for _, f := range rules.Families() {
		if f.Planned() {
			out = append(out, f.String())
		}
	}
	return out
}()

// offers works out, with the loaded rules, what the households of each
// group with facts can get on date (calc's Open), by group id. A group's
// facts that the vocabulary does not know are errors at their line of
// groups.toml.
func offers(plan *model.Plan, p *calc.Params, date string) (map[string]*site.Offers, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	everyone, err := open(s, date, map[string]any{"family": plannedFamilies})
	if err != nil {
		return nil, err
	}
	common := map[string]bool{}
	for _, o := range everyone {
		common[o.Benefit] = len(o.Still) == 0
	}
	out := map[string]*site.Offers{}
	var list errlist.List
	for i, g := range plan.Groups {
		if g.Facts == nil {
			continue
		}
		os, err := open(s, date, g.Facts)
		if err != nil {
			list = append(list, factErrors(plan, i, err)...)
			continue
		}
		for j := range os {
			if c := plan.Clause(os[j].Clause); c != nil {
				os[j].Depts = c.Depts
			}
		}
		out[g.ID] = sortOffers(os, common)
		out[g.ID].Group = g.Name
	}
	return out, list.Err()
}

// offer is one of calc's prospects as the site shows it, with what
// orders it.
type offer struct {
	site.Offer
	cash bool
	fen  int64
}

// open is calc's Open of the households with facts, as the site shows it.
func open(s *rules.Standards, date string, facts map[string]any) ([]offer, error) {
	k, err := calc.ParseKnown(facts)
	if err != nil {
		return nil, err
	}
	ps, err := s.Open(date, k)
	var out []offer
	for _, p := range ps {
		o := offer{Offer: site.Offer{Benefit: p.Benefit, Clause: p.Clause, Title: p.Title, Figure: p.Amount, Still: p.Still},
			cash: p.Cash, fen: p.Fen}
		if p.Fen > 0 {
			o.Figure = p.Period.Words() + " " + moneyText(calc.Yuan(p.Fen).StringFixed(2))
		}
		out = append(out, o)
	}
	return out, err
}

// sortOffers sorts a group's offers: cash, the largest fixed amount
// first (then those worked out by a formula); services, those every
// household of the group has first; and apart, what every 计划生育家庭
// has.
func sortOffers(os []offer, common map[string]bool) *site.Offers {
	var cash, services []offer
	var out site.Offers
	for _, o := range os {
		switch {
		case common[o.Benefit] && len(o.Still) == 0:
			out.Common = append(out.Common, o.Offer)
		case o.cash:
			cash = append(cash, o)
		default:
			services = append(services, o)
		}
	}
	slices.SortStableFunc(cash, func(a, b offer) int { return cmp.Compare(b.fen, a.fen) })
	slices.SortStableFunc(services, func(a, b offer) int { return cmp.Compare(min(len(a.Still), 1), min(len(b.Still), 1)) })
	for _, o := range cash {
		out.Cash = append(out.Cash, o.Offer)
	}
	for _, o := range services {
		out.Services = append(out.Services, o.Offer)
	}
	return &out
}

// factErrors positions the errors of group i's facts at their lines.
func factErrors(plan *model.Plan, i int, err error) []*errlist.Error {
	var out []*errlist.Error
	for _, e := range errlist.Split(err) {
		var fe *rules.FieldError
		key := fmt.Sprintf("group[%d].facts", i)
		if errors.As(e, &fe) {
			if _, ok := plan.Groups[i].Facts[fe.Field]; ok {
				key += "." + fe.Field
			}
			out = append(out, plan.Errorf("groups.toml", key, "%s", fe.Msg))
			continue
		}
		out = append(out, plan.Errorf("groups.toml", key, "%s", e))
	}
	return out
}
