package rules

import (
	"strings"
	"testing"

	"gyportal/calc/internal/calctest"
)

// TestCash checks every cash rule with the plan's own figures, on both
// sides of every boundary: exactly which cash benefits are granted, with
// which amounts, and, where one change could grant a benefit, what
// not_granted says; absent lists benefits not_granted must not mention.
func TestCash(t *testing.T) {
	tests := []struct {
		name   string
		facts  string
		cash   string            // "id:amount …" in entitlement order
		missed map[string]string // benefit id → part of its not_granted condition
		absent []string          // benefit ids that must not be in not_granted
	}{
		// 3.2.4: rate × dibao_standard × members, rural 低保 独生子女户 (失独 included) and 二女户.
		{"3.2.4 only daughter", `{"hukou":"rural","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`,
			"dibao-supplement:1500.00 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 only son", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":2500,"members":1}`,
			"dibao-supplement:500.00 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 two daughters", `{"hukou":"rural","family":"two_daughters","dibao":true,"dibao_standard":"3000","members":4}`,
			"dibao-supplement:2400.00 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 bereaved (an only-child household whose child died)", `{"hukou":"rural","family":"bereaved","dibao":true,"dibao_standard":"3000","members":2}`,
			"dibao-supplement:1200.00 bereaved-province:30000.00 bereaved-city:20000.00 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 other planned family", `{"hukou":"rural","family":"other_planned","dibao":true,"dibao_standard":"3000","members":2}`,
			"three-combination-cash-dibao:1000.00", nil, []string{"dibao-supplement"}},
		{"3.2.4 rounds to the fen", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":"3333.33","members":1}`,
			"dibao-supplement:666.67 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 0.6 fen rounds up", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":"0.03","members":1}`,
			"dibao-supplement:0.01 three-combination-cash-dibao:1000.00", nil, nil},
		{"3.2.4 not dibao", `{"hukou":"rural","family":"only_daughter","dibao":false,"dibao_standard":"2500","members":3}`,
			"", map[string]string{"dibao-supplement": "需为低保家庭"}, nil},
		{"3.2.4 urban: the hukou is not a change to suggest", `{"hukou":"urban","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`,
			"three-combination-cash-dibao:1000.00", nil, []string{"dibao-supplement"}},

		// 3.2.8: 8000 for an only daughter in the 诚信活动 able to develop a project; 6000 for son / two daughters.
		{"3.2.8 only daughter", `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`,
			"project-fund-only-daughter:8000.00", nil, nil},
		{"3.2.8 only daughter without integrity gets neither", `{"hukou":"rural","family":"only_daughter","can_develop_project":true}`,
			"", map[string]string{"project-fund-only-daughter": "需参加计划生育诚信活动"}, []string{"project-fund-son-two-daughters"}},
		{"3.2.8 only daughter unable to develop", `{"hukou":"rural","family":"only_daughter","integrity":true}`,
			"", map[string]string{"project-fund-only-daughter": "需有能力发展项目"}, nil},
		{"3.2.8 only son", `{"hukou":"rural","family":"only_son","can_develop_project":true}`,
			"project-fund-son-two-daughters:6000.00", nil, nil},
		{"3.2.8 two daughters, integrity not needed", `{"hukou":"rural","family":"two_daughters","can_develop_project":true,"integrity":false}`,
			"project-fund-son-two-daughters:6000.00", nil, nil},
		{"3.2.8 bereaved: named by the child's sex", `{"hukou":"rural","family":"bereaved","can_develop_project":true,"integrity":true}`,
			"bereaved-province:30000.00 bereaved-city:20000.00", nil, []string{"project-fund-only-daughter", "project-fund-son-two-daughters"}},
		{"3.2.8 urban", `{"hukou":"urban","family":"only_son","can_develop_project":true}`,
			"", nil, []string{"project-fund-son-two-daughters"}},

		// 3.2.11: (x − 5000) × 50%, rural, no cap, not limited to family-planning families; 超过 excludes 5000.
		{"3.2.11 plan example", `{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`,
			"serious-illness-reimbursement:3500.00", nil, nil},
		{"3.2.11 number input", `{"hukou":"rural","family":"none","medical_out_of_pocket":12000}`,
			"serious-illness-reimbursement:3500.00", nil, nil},
		{"3.2.11 4999.99", `{"hukou":"rural","family":"none","medical_out_of_pocket":"4999.99"}`,
			"", map[string]string{"serious-illness-reimbursement": "超过起付标准5000元，您填写的是4999.99元"}, nil},
		{"3.2.11 exactly 5000 is not above it", `{"hukou":"rural","family":"none","medical_out_of_pocket":5000}`,
			"", map[string]string{"serious-illness-reimbursement": "您填写的是5000元"}, nil},
		{"3.2.11 5000.01 (half a fen rounds up)", `{"hukou":"rural","family":"none","medical_out_of_pocket":5000.01}`,
			"serious-illness-reimbursement:0.01", nil, nil},
		{"3.2.11 5000.02", `{"hukou":"rural","family":"none","medical_out_of_pocket":"5000.02"}`,
			"serious-illness-reimbursement:0.01", nil, nil},
		{"3.2.11 no cap", `{"hukou":"rural","family":"none","medical_out_of_pocket":"99999999.99"}`,
			"serious-illness-reimbursement:49997500.00", nil, nil},
		{"3.2.11 urban", `{"hukou":"urban","family":"none","medical_out_of_pocket":"12000"}`,
			"", nil, []string{"serious-illness-reimbursement"}},

		// 3.2.12 失独家庭: the provincial 30000 and the city's 20000.
		{"3.2.12 bereaved", `{"hukou":"urban","family":"bereaved"}`,
			"bereaved-province:30000.00 bereaved-city:20000.00", nil, nil},
		{"3.2.12 a living child: never told to be bereaved", `{"hukou":"urban","family":"only_daughter"}`,
			"", nil, []string{"bereaved-province", "bereaved-city"}},
		// Complications: a certification is not a change to suggest.
		{"3.2.12 complication none", `{"hukou":"urban","family":"none","complication_level":0}`,
			"", nil, []string{"complication-level1", "complication-level2", "complication-level3-4"}},
		{"3.2.12 complication 1", `{"hukou":"urban","family":"none","complication_level":1}`, "complication-level1:20000.00", nil, nil},
		{"3.2.12 complication 2", `{"hukou":"urban","family":"other_planned","complication_level":2}`, "complication-level2:1000.00", nil, nil},
		{"3.2.12 complication 3", `{"hukou":"rural","family":"other_planned","complication_level":3}`, "complication-level3-4:500.00", nil, nil},
		{"3.2.12 complication 4", `{"hukou":"rural","family":"other_planned","complication_level":"4"}`, "complication-level3-4:500.00", nil, nil},
		// College awards, per child, 6000 instead of 1000 for 低保.
		{"3.2.12 college award", `{"hukou":"rural","family":"only_daughter","children":[{"stage":"senior","admitted_to_college":true}]}`,
			"college-award:1000.00", nil, []string{"college-award-dibao"}},
		{"3.2.12 college award dibao, instead of the other", `{"hukou":"rural","family":"two_daughters","dibao":true,"dibao_standard":"2500","members":4,"children":[{"stage":"college","admitted_to_college":true}]}`,
			"dibao-supplement:2000.00 college-award-dibao:6000.00 three-combination-cash-dibao:1000.00", nil, []string{"college-award"}},
		{"3.2.12 two admitted", `{"hukou":"rural","family":"two_daughters","children":[{"stage":"college","admitted_to_college":true},{"stage":"senior","admitted_to_college":true}]}`,
			"college-award:1000.00 college-award:1000.00", nil, nil},
		{"3.2.12 not yet admitted: a child at senior school could be", `{"hukou":"rural","family":"only_daughter","children":[{"stage":"senior"}]}`,
			"", map[string]string{"college-award": "需有子女被高等院校录取"}, []string{"college-award-dibao"}},
		{"3.2.12 no child at school near admission", `{"hukou":"rural","family":"only_daughter","children":[{"stage":"primary"}]}`,
			"", nil, []string{"college-award", "college-award-dibao"}},
		{"3.2.12 bereaved: never told of a child's admission", `{"hukou":"rural","family":"bereaved"}`,
			"bereaved-province:30000.00 bereaved-city:20000.00", nil, []string{"college-award", "college-award-dibao", "school-aid-primary"}},
		{"3.2.12 college award only son", `{"hukou":"rural","family":"only_son","children":[{"stage":"college","admitted_to_college":true}]}`,
			"", nil, []string{"college-award"}},
		{"3.2.12 college award urban", `{"hukou":"urban","family":"only_daughter","children":[{"stage":"college","admitted_to_college":true}]}`,
			"", nil, []string{"college-award"}},
		// School aid for a disabled parent, per child per year; 高中阶段 includes 中职.
		{"3.2.12 school aid every stage", `{"hukou":"urban","family":"other_planned","disabled_parent":true,"children":[
			{"stage":"none"},{"stage":"preschool"},{"stage":"primary"},{"stage":"junior"},{"stage":"senior"},{"stage":"vocational"},{"stage":"college"}]}`,
			"school-aid-primary:500.00 school-aid-junior:1000.00 school-aid-senior:3000.00 school-aid-senior:3000.00 school-aid-college:5000.00", nil, nil},
		{"3.2.12 school aid needs a disabled parent (not a change to suggest)", `{"hukou":"urban","family":"other_planned","children":[{"stage":"primary"}]}`,
			"", nil, []string{"school-aid-primary"}},
		{"3.2.12 school aid needs a family-planning family", `{"hukou":"urban","family":"none","disabled_parent":true,"children":[{"stage":"primary"}]}`,
			"", nil, []string{"school-aid-primary"}},

		// 3.2.17: 500, or 1000 instead for 低保; a 低保 household counts as poor.
		{"3.2.17 poor", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:500.00",
			map[string]string{}, []string{"three-combination-cash-dibao"}},
		{"3.2.17 poor dibao, instead of 500", `{"hukou":"rural","family":"other_planned","poor":true,"dibao":true}`,
			"three-combination-cash-dibao:1000.00", nil, []string{"three-combination-cash"}},
		{"3.2.17 dibao counts as poor", `{"hukou":"rural","family":"other_planned","dibao":true}`,
			"three-combination-cash-dibao:1000.00", nil, []string{"three-combination-cash"}},
		{"3.2.17 neither: the lower tier alone is listed", `{"hukou":"rural","family":"other_planned"}`,
			"", map[string]string{"three-combination-cash": "需为计划生育贫困家庭或低保家庭"}, []string{"three-combination-cash-dibao"}},
		{"3.2.17 not a family-planning family", `{"hukou":"rural","family":"none","poor":true}`,
			"", nil, []string{"three-combination-cash"}},
	}
	p := testParams()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval(t, p, "2014-01-01", tt.facts)
			if got := cashList(r); got != tt.cash {
				t.Errorf("cash = %q, want %q", got, tt.cash)
			}
			m := missed(r)
			for id, want := range tt.missed {
				if c, ok := m[id]; !ok || !strings.Contains(c, want) {
					t.Errorf("not_granted[%s] = %q, want it to contain %q", id, c, want)
				}
			}
			for _, id := range tt.absent {
				if c, ok := m[id]; ok {
					t.Errorf("not_granted lists %s (%q)", id, c)
				}
			}
		})
	}
}

// TestServices checks the service rules, 3.2.7's boundary included.
func TestServices(t *testing.T) {
	tests := []struct {
		name      string
		facts     string
		has, lack []string
	}{
		{"3.2.7 public rental housing", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":"14.99","middle_low_income":true}`,
			[]string{"public-rental-housing"}, []string{"dilapidated-house-priority", "rural-homestead-area"}},
		{"3.2.7 exactly 15 m² is 15 以下", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":"15.00","middle_low_income":true}`,
			[]string{"public-rental-housing"}, nil},
		{"3.2.7 15.01 m² is not", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":"15.01","middle_low_income":true}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 not middle-low income", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":10}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 not a family-planning family", `{"hukou":"urban","family":"none","housing_area_per_capita":10,"middle_low_income":true}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 rural only child", `{"hukou":"rural","family":"only_son"}`,
			[]string{"dilapidated-house-priority", "rural-homestead-area"}, []string{"public-rental-housing"}},
		{"3.2.7 rural bereaved: homestead as an only-child household", `{"hukou":"rural","family":"bereaved"}`,
			[]string{"dilapidated-house-priority", "rural-homestead-area"}, nil},
		{"3.2.7 rural other planned", `{"hukou":"rural","family":"other_planned"}`,
			[]string{"dilapidated-house-priority"}, []string{"rural-homestead-area"}},
		{"3.2.2 zhongkao", `{"hukou":"rural","family":"two_daughters","children":[{"stage":"junior"}]}`,
			[]string{"zhongkao-bonus"}, []string{"boarding-living-allowance"}},
		{"3.2.2 zhongkao not for only son", `{"hukou":"rural","family":"only_son","children":[{"stage":"junior"}]}`,
			nil, []string{"zhongkao-bonus"}},
		{"3.2.2 zhongkao not for urban two daughters", `{"hukou":"urban","family":"two_daughters","children":[{"stage":"junior"}]}`,
			nil, []string{"zhongkao-bonus"}},
		{"3.2.2 hardship", `{"hukou":"rural","family":"other_planned","poor":true,"children":[{"stage":"preschool"},{"stage":"junior"},{"stage":"senior"},{"stage":"vocational"}]}`,
			[]string{"preschool-fee-waiver", "boarding-living-allowance", "high-school-aid", "vocational-free-education", "preschool-priority"}, nil},
		{"3.2.2 hardship by dibao", `{"hukou":"rural","family":"other_planned","dibao":true,"children":[{"stage":"primary"}]}`,
			[]string{"boarding-living-allowance"}, nil},
		{"3.2.2 no hardship", `{"hukou":"rural","family":"other_planned","children":[{"stage":"preschool"}]}`,
			[]string{"preschool-priority"}, []string{"preschool-fee-waiver"}},
		{"3.2.3 minority", `{"hukou":"urban","family":"other_planned","ethnic_minority":true,"dibao":true}`,
			[]string{"minority-relief"}, nil},
		{"3.2.3 minority without hardship", `{"hukou":"urban","family":"other_planned","ethnic_minority":true}`,
			nil, []string{"minority-relief"}},
		{"3.2.4 nursing home bereaved, without 五保", `{"hukou":"urban","family":"bereaved"}`,
			[]string{"nursing-home", "special-hardship-care", "model-family-preference", "public-welfare-job"}, nil},
		{"3.2.4 nursing home wubao", `{"hukou":"rural","family":"other_planned","wubao":true}`,
			[]string{"nursing-home", "volunteer-services"}, nil},
		{"3.2.4 nursing home not family planning", `{"hukou":"rural","family":"none","wubao":true}`,
			nil, []string{"nursing-home", "volunteer-services"}},
		{"3.2.8 poverty aid increase", `{"hukou":"rural","family":"other_planned"}`,
			[]string{"poverty-aid-increase"}, nil},
		{"3.2.8 poverty aid increase is rural", `{"hukou":"urban","family":"other_planned"}`,
			nil, []string{"poverty-aid-increase"}},
		{"rural family-planning services", `{"hukou":"rural","family":"other_planned"}`,
			[]string{"job-training", "startup-support", "startup-loan", "public-welfare-job", "water-connection-free",
				"hhtong-coverage", "farming-books", "farming-info-free", "prepregnancy-check", "grain-storage", "microloan",
				"industry-upgrade-priority", "volunteer-services"},
			[]string{"agri-project-priority", "model-family-preference", "production-materials"}},
		{"urban family-planning services", `{"hukou":"urban","family":"only_daughter"}`,
			[]string{"job-training", "prepregnancy-check", "microloan", "model-family-preference"},
			[]string{"water-connection-free", "grain-storage", "hhtong-coverage", "farming-books"}},
		{"none", `{"hukou":"rural","family":"none","poor":true,"can_develop_project":true}`,
			nil, []string{"job-training", "water-connection-free", "prepregnancy-check", "production-materials", "agri-project-priority"}},
		{"3.2.8 project priority, 3.2.17 poor", `{"hukou":"rural","family":"other_planned","can_develop_project":true,"poor":true}`,
			[]string{"agri-project-priority", "production-materials", "paired-assistance-priority"}, nil},
	}
	p := testParams()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := serviceSet(eval(t, p, "2014-01-01", tt.facts))
			for _, id := range tt.has {
				if !got[id] {
					t.Errorf("%s not granted", id)
				}
			}
			for _, id := range tt.lack {
				if got[id] {
					t.Errorf("%s granted", id)
				}
			}
		})
	}
}

// TestPartial: each optional fact left out in turn gives no error; the
// benefits that need it are pending with that need, and every other
// amount is as with the fact given.
func TestPartial(t *testing.T) {
	const full = `{"hukou":"rural","family":"only_daughter","members":3,"dibao":true,"dibao_standard":"2500",
		"medical_out_of_pocket":"12000","children":[{"stage":"college","admitted_to_college":true}]}`
	tests := []struct {
		leave   string
		pending string // "benefit:needs,…" of the pending entries
		without string // the cash benefit id whose amount is left out of the totals
	}{
		{"members", "dibao-supplement:members", "dibao-supplement"},
		{"dibao_standard", "dibao-supplement:dibao_standard", "dibao-supplement"},
		{"members dibao_standard", "dibao-supplement:members,dibao_standard", "dibao-supplement"},
		{"medical_out_of_pocket", "serious-illness-reimbursement:medical_out_of_pocket", "serious-illness-reimbursement"},
	}
	p := testParams()
	whole := eval(t, p, "2014-01-01", full)
	if !whole.Complete || len(whole.Pending) != 0 {
		t.Fatalf("full facts: complete %v, pending %+v", whole.Complete, whole.Pending)
	}
	for _, tt := range tests {
		facts := full
		for _, f := range strings.Fields(tt.leave) {
			facts = withoutFact(t, facts, f)
		}
		r := eval(t, p, "2014-01-01", facts)
		var got []string
		for _, pe := range r.Pending {
			got = append(got, pe.Benefit+":"+strings.Join(pe.Needs, ","))
			if pe.Explanation == "" || pe.Department == "" || pe.Title == "" {
				t.Errorf("%s: incomplete pending %+v", tt.leave, pe)
			}
		}
		if strings.Join(got, " ") != tt.pending || r.Complete {
			t.Errorf("without %s: pending %v complete %v, want %s", tt.leave, got, r.Complete, tt.pending)
		}
		if cashList(r) != withoutCash(cashList(whole), tt.without) {
			t.Errorf("without %s: cash %q, want %q", tt.leave, cashList(r), withoutCash(cashList(whole), tt.without))
		}
	}
	// Housing left out: 公租房 waits for it, no 0 is assumed.
	r := eval(t, p, "2014-01-01", `{"hukou":"urban","family":"only_son","middle_low_income":true}`)
	if len(r.Pending) != 1 || r.Pending[0].Benefit != "public-rental-housing" || r.Pending[0].Needs[0] != "housing_area_per_capita" ||
		!strings.Contains(r.Pending[0].Explanation, "15平方米以下（含本数）") {
		t.Errorf("housing left out: pending %+v", r.Pending)
	}
	// A pending benefit is not missed as well, and a benefit whose other
	// condition fails is neither pending nor missed.
	r = eval(t, p, "2014-01-01", `{"hukou":"urban","family":"only_son"}`)
	if len(r.Pending) != 0 {
		t.Errorf("not middle-low income, area left out: pending %+v", r.Pending)
	}
	if _, ok := missed(r)["public-rental-housing"]; ok {
		t.Errorf("two things to change listed as one: %+v", r.NotGranted)
	}
}

// withoutFact removes a top-level fact from a JSON object (test helper).
func withoutFact(t *testing.T, facts, name string) string {
	t.Helper()
	for _, sep := range []string{",", ""} {
		i := strings.Index(facts, `"`+name+`":`)
		if i < 0 {
			t.Fatalf("no %s in %s", name, facts)
		}
		j := i + len(name) + 3
		for j < len(facts) && facts[j] != ',' && facts[j] != '}' {
			j++
		}
		if j < len(facts) && facts[j] == ',' && sep == "," {
			return facts[:i] + facts[j+1:]
		}
		return strings.TrimSuffix(strings.TrimRight(facts[:i], " \n\t"), ",") + facts[j:]
	}
	return facts
}

func withoutCash(list, id string) string {
	var out []string
	for _, c := range strings.Fields(list) {
		if !strings.HasPrefix(c, id+":") {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

// TestNotGrantedHelps: the list holds only benefits one change could
// grant, services included, and never contradicts a fact given.
func TestNotGrantedHelps(t *testing.T) {
	p := testParams()
	for _, facts := range calctest.Households(400, 11) {
		f, err := ParseFacts([]byte(facts))
		if err != nil {
			t.Fatal(err)
		}
		if f.Date == "" || f.Date < p.Effective {
			f.Date = "2014-01-01"
		}
		r, _ := p.std().Evaluate(f, false)
		granted := map[string]bool{}
		for _, e := range r.Entitlements {
			granted[e.Benefit] = true
		}
		for _, ng := range r.NotGranted {
			c := ng.Condition
			switch {
			case granted[ng.Benefit]:
				t.Errorf("%s: %s both granted and not granted", facts, ng.Benefit)
			case strings.Contains(c, "；"):
				t.Errorf("%s: %s needs more than one change: %q", facts, ng.Benefit, c)
			case f.Family == Bereaved && strings.Contains(c, "子女"):
				t.Errorf("%s: a bereaved family told %q", facts, c)
			case f.Family != Bereaved && strings.Contains(c, "失独"):
				t.Errorf("%s: a family with a living child told %q", facts, c)
			case strings.Contains(c, "户口"), strings.Contains(c, "独女户"), strings.Contains(c, "并发症"), strings.Contains(c, "残疾"):
				t.Errorf("%s: %s suggests changing what cannot be changed: %q", facts, ng.Benefit, c)
			case strings.Contains(c, "填写为0") || strings.Contains(c, "填写的是") && !strings.Contains(facts, "housing") && !strings.Contains(facts, "medical"):
				t.Errorf("%s: a blank described as a figure: %q", facts, c)
			}
		}
	}
	// 公租房 at 15.5 m² is a service one change could grant.
	r := eval(t, p, "2014-01-01", `{"hukou":"urban","family":"only_son","members":3,"middle_low_income":true,"housing_area_per_capita":"15.5"}`)
	if c := missed(r)["public-rental-housing"]; !strings.Contains(c, "15平方米以下（含本数），您填写的是15.5平方米") {
		t.Errorf("公租房 at 15.5 m²: %q", c)
	}
}

// TestExplanations checks the words and arithmetic shown.
func TestExplanations(t *testing.T) {
	tests := []struct {
		facts, benefit string
		want           []string
	}{
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`, "serious-illness-reimbursement",
			[]string{"农村户口", "(12000 − 5000) × 50% = 3500元", "每年不低于此数"}},
		{`{"hukou":"rural","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`, "dibao-supplement",
			[]string{"低保家庭", "独女户", "2500元 × 20% × 3人 = 1500元", "不低于"}},
		{`{"hukou":"rural","family":"bereaved","dibao":true,"dibao_standard":"3000","members":2}`, "dibao-supplement",
			[]string{"失独家庭", "3000元 × 20% × 2人 = 1200元"}},
		{`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter",
			[]string{"参加计划生育诚信活动", "有能力发展项目", "每户一次性不低于8000元"}},
		{`{"hukou":"urban","family":"bereaved"}`, "bereaved-province", []string{"失独家庭", "30000元", "省定标准"}},
		{`{"hukou":"urban","family":"other_planned","disabled_parent":true,"children":[{"stage":"none"},{"stage":"junior"}]}`, "school-aid-junior",
			[]string{"第2个子女在读初中", "每人每年1000元", "市、区（市、县）各承担50%"}},
		{`{"hukou":"rural","family":"two_daughters"}`, "rural-homestead-area", []string{"不低于260平方米"}},
		{`{"hukou":"urban","family":"other_planned","housing_area_per_capita":"12.5","middle_low_income":true}`, "public-rental-housing",
			[]string{"人均住房面积12.5平方米，在15平方米以下", "中等偏下收入家庭"}},
		{`{"hukou":"rural","family":"other_planned"}`, "poverty-aid-increase", []string{"在帮扶标准基础上提高不低于30%"}},
		{`{"hukou":"rural","family":"other_planned","aid_standard":"2000"}`, "poverty-aid-increase",
			[]string{"帮扶标准2000元 × 30% = 600元", "不计入合计"}},
		{`{"hukou":"rural","family":"other_planned","dibao":true}`, "three-combination-cash-dibao", []string{"低保家庭", "每户每年不低于1000元"}},
	}
	p := testParams()
	for _, tt := range tests {
		r := eval(t, p, "2014-01-01", tt.facts)
		var got string
		for _, e := range r.Entitlements {
			if e.Benefit == tt.benefit {
				got = e.Explanation
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s explanation %q lacks %q", tt.benefit, got, w)
			}
		}
	}
	// The 帮扶标准's figure is shown, never totalled.
	if r := eval(t, p, "2014-01-01", `{"hukou":"rural","family":"other_planned","aid_standard":"2000"}`); r.Totals.Once != "0.00" || r.Totals.Year != "0.00" {
		t.Errorf("aid counted in the totals: %+v", r.Totals)
	}
}

// TestEntitlementFields checks the fields of cash and service entitlements.
func TestEntitlementFields(t *testing.T) {
	// A 失独 household has no living child: its cash and a child's school
	// aid come from two households.
	r := eval(t, testParams(), "2014-01-01", `{"hukou":"urban","family":"other_planned","disabled_parent":true,"children":[{"stage":"college"}]}`)
	bereaved := eval(t, testParams(), "2014-01-01", `{"hukou":"urban","family":"bereaved","disabled_parent":true}`)
	for _, e := range append(r.Entitlements, bereaved.Entitlements...) {
		if e.Clause == "" || e.Department == "" || e.Title == "" || e.ClauseTitle == "" || e.Explanation == "" {
			t.Errorf("incomplete entitlement %+v", e)
		}
		switch e.Kind {
		case KindCash:
			if e.Amount == "" || e.Period == PeriodUnset || e.Minimum == nil || e.Level == LevelUnset {
				t.Errorf("cash entitlement lacks amount, period, minimum or level: %+v", e)
			}
		case KindService:
			if e.Amount != "" || e.Period != PeriodUnset || e.Minimum != nil {
				t.Errorf("service entitlement with cash fields: %+v", e)
			}
		default:
			t.Errorf("kind %v", e.Kind)
		}
		if e.Benefit == "school-aid-college" && (e.Child == nil || *e.Child != 0) {
			t.Errorf("school aid child = %v, want 0", e.Child)
		}
		if e.Benefit == "bereaved-province" && e.Level != LevelProvince {
			t.Errorf("provincial level = %q", e.Level)
		}
	}
	if r.Totals.Once != "0.00" || r.Totals.Month != "0.00" || r.Totals.Year != "5000.00" || !r.Complete {
		t.Errorf("totals = %+v, complete %v", r.Totals, r.Complete)
	}
	if b := bereaved.Totals; b.Once != "50000.00" || b.Month != "0.00" || b.Year != "0.00" || !bereaved.Complete {
		t.Errorf("失独 totals = %+v, complete %v", b, bereaved.Complete)
	}
}

// TestBeforeEffective: nothing is granted before the plan's effective date.
func TestBeforeEffective(t *testing.T) {
	p := testParams()
	facts := `{"hukou":"urban","family":"bereaved"}`
	r := eval(t, p, "2013-06-08", facts)
	if len(r.Entitlements) != 0 || len(r.NotGranted) != 0 || r.Totals.Once != "0.00" || !strings.Contains(r.Notice, "2013-06-09") || !r.Complete {
		t.Errorf("before the effective date: %+v", r)
	}
	r = eval(t, p, "2013-06-09", facts)
	if r.Notice != "" || r.Totals.Once != "50000.00" {
		t.Errorf("on the effective date: %+v", r)
	}
}
