package calcstep

import (
	"cmp"
	"errors"
	"slices"
	"strings"

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
// group can get on date (calc's Open with the group's facts, or any of
// its facts_any), by group id; for a group the facts cannot tell, the
// benefits its clauses name for it. A group's facts that the vocabulary
// does not know are errors at their line of groups.toml.
func offers(plan *model.Plan, p *calc.Params, date string) (map[string]*site.Offers, error) {
	s, err := p.Standards()
	if err != nil {
		return nil, err
	}
	everyone, errs := open(s, date, map[string]any{"family": plannedFamilies})
	anyone, errs2 := open(s, date, map[string]any{})
	if err := errors.Join(append(errs, errs2...)...); err != nil {
		return nil, err
	}
	common := map[string]bool{}
	for _, o := range everyone {
		common[o.Benefit] = len(o.Still) == 0
	}
	out := map[string]*site.Offers{}
	var list errlist.List
	for _, g := range plan.Groups {
		alts, keys := g.Alternatives()
		if alts == nil {
			out[g.ID] = fromText(g, anyone)
			continue
		}
		os, errs := open(s, date, alts...)
		if errs != nil {
			list = append(list, factErrors(plan, alts, keys, errs)...)
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

// fromText lists, for a group the calculator's facts cannot tell, the
// benefits its clauses name for it (site.ForGroup), in plan order, with
// the figure the calculator works out on the date where it has a rule
// for the benefit (anyone), else the plan's figure; cash first.
func fromText(g *model.Group, anyone []offer) *site.Offers {
	byID := map[string]offer{}
	for _, o := range anyone {
		byID[o.Benefit] = o
	}
	var os []offer
	for _, c := range g.Clauses {
		for _, b := range site.ForGroup(g.ID, c.Benefits) {
			o := offer{Offer: site.Offer{Benefit: b.ID, Clause: c.ID, Title: b.Name, Depts: c.Depts}, cash: b.Kind == rules.KindCash}
			if r, ok := byID[b.ID]; ok {
				o.Figure, o.fen = r.Figure, r.fen
			} else if f := site.Figure(b); f != "" {
				o.Figure = strings.TrimSpace(b.Period.Words() + " " + f)
				if b.Amount.Set && b.Unit == "元" {
					o.fen = b.Amount.Shift(2).IntPart()
				}
			}
			os = append(os, o)
		}
	}
	out := sortOffers(os, nil)
	out.Group, out.FromText = g.Name, true
	return out
}

// offer is one of calc's prospects as the site shows it, with what
// orders it.
type offer struct {
	site.Offer
	cash bool
	fen  int64
}

// open is calc's Open of the households with any of the facts, as the
// site shows it. A fact the vocabulary does not know is an error of its
// alternative: errs[i] is alternative i's (nil when all read).
func open(s *rules.Standards, date string, alts ...map[string]any) ([]offer, []error) {
	ks := make([]rules.Known, len(alts))
	errs := make([]error, len(alts))
	bad := false
	for i, facts := range alts {
		ks[i], errs[i] = rules.ParseKnown(facts)
		bad = bad || errs[i] != nil
	}
	if bad {
		return nil, errs
	}
	ps, err := s.Open(date, ks...)
	if err != nil {
		return nil, []error{err}
	}
	var out []offer
	for _, p := range ps {
		o := offer{Offer: site.Offer{Benefit: p.Benefit, Clause: p.Clause, Title: p.Title, Figure: p.Amount, Still: p.Still},
			cash: p.Cash, fen: p.Fen}
		if p.Fen > 0 {
			o.Figure = p.Period.Words() + " " + moneyText(calc.Yuan(p.Fen).StringFixed(2))
		}
		out = append(out, o)
	}
	return out, nil
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

// factErrors positions the errors of a group's alternatives at their
// lines: errs[i] is alts[i]'s, written at keys[i].
func factErrors(plan *model.Plan, alts []map[string]any, keys []string, errs []error) []*errlist.Error {
	var out []*errlist.Error
	for i, err := range errs {
		for _, e := range errlist.Split(err) {
			key := keys[min(i, len(keys)-1)]
			var fe *rules.FieldError
			if errors.As(e, &fe) {
				if _, ok := alts[min(i, len(alts)-1)][fe.Field]; ok {
					key += "." + fe.Field
				}
				out = append(out, plan.Errorf("groups.toml", key, "%s", fe.Msg))
				continue
			}
			out = append(out, plan.Errorf("groups.toml", key, "%s", e))
		}
	}
	return out
}
