package calc

import (
	"strings"
	"testing"
)

// TestCash checks every cash rule with the plan's own figures, including
// the boundaries: exactly which cash benefits are granted, with which
// amounts, and (where given) why one is not.
func TestCash(t *testing.T) {
	const date = "2014-01-01"
	tests := []struct {
		name   string
		facts  string
		cash   string            // "id:amount …" in entitlement order
		missed map[string]string // benefit id → part of its not_granted condition
	}{
		// 3.2.4: 20% × dibao_standard × members, rural 低保 only-child and two-daughter households.
		{"3.2.4 only daughter", `{"hukou":"rural","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`,
			"dibao-supplement:1500.00", nil},
		{"3.2.4 only son", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":2500,"members":1}`,
			"dibao-supplement:500.00", nil},
		{"3.2.4 two daughters", `{"hukou":"rural","family":"two_daughters","dibao":true,"dibao_standard":"3000","members":4}`,
			"dibao-supplement:2400.00", nil},
		{"3.2.4 rounds to the fen", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":"3333.33","members":1}`,
			"dibao-supplement:666.67", nil},
		{"3.2.4 0.6 fen rounds up", `{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":"0.03","members":1}`,
			"dibao-supplement:0.01", nil},
		{"3.2.4 not dibao", `{"hukou":"rural","family":"only_daughter","dibao":false,"dibao_standard":"2500","members":3}`,
			"", map[string]string{"dibao-supplement": "需为低保家庭"}},
		{"3.2.4 urban", `{"hukou":"urban","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`,
			"", map[string]string{"dibao-supplement": "需为农村户口"}},
		{"3.2.4 bereaved is not listed", `{"hukou":"rural","family":"bereaved","dibao":true,"dibao_standard":"2500","members":2}`,
			"bereaved-province:30000.00 bereaved-city:20000.00", map[string]string{"dibao-supplement": "需为独女户、独子户或计划生育二女户"}},

		// 3.2.8: 8000 for an only daughter in the 诚信活动 able to develop a project; 6000 for son / two daughters.
		{"3.2.8 only daughter", `{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`,
			"project-fund-only-daughter:8000.00", nil},
		{"3.2.8 only daughter without integrity gets neither", `{"hukou":"rural","family":"only_daughter","can_develop_project":true}`,
			"", map[string]string{"project-fund-only-daughter": "需参加计划生育诚信活动", "project-fund-son-two-daughters": "需为独子户或计划生育二女户"}},
		{"3.2.8 only daughter unable to develop", `{"hukou":"rural","family":"only_daughter","integrity":true}`,
			"", map[string]string{"project-fund-only-daughter": "需有能力发展项目"}},
		{"3.2.8 only son", `{"hukou":"rural","family":"only_son","can_develop_project":true}`,
			"project-fund-son-two-daughters:6000.00", nil},
		{"3.2.8 two daughters, integrity not needed", `{"hukou":"rural","family":"two_daughters","can_develop_project":true,"integrity":false}`,
			"project-fund-son-two-daughters:6000.00", nil},
		{"3.2.8 urban", `{"hukou":"urban","family":"only_son","can_develop_project":true}`,
			"", map[string]string{"project-fund-son-two-daughters": "需为农村户口"}},
		{"3.2.8 other planned family", `{"hukou":"rural","family":"other_planned","can_develop_project":true,"integrity":true}`,
			"", nil},

		// 3.2.11: (x − 5000) × 50%, rural, no cap, not limited to family-planning families.
		{"3.2.11 plan example", `{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`,
			"serious-illness-reimbursement:3500.00", nil},
		{"3.2.11 number input", `{"hukou":"rural","family":"none","medical_out_of_pocket":12000}`,
			"serious-illness-reimbursement:3500.00", nil},
		{"3.2.11 4999.99", `{"hukou":"rural","family":"none","medical_out_of_pocket":"4999.99"}`,
			"", map[string]string{"serious-illness-reimbursement": "需超过起付标准5000元（填写为4999.99元）"}},
		{"3.2.11 exactly 5000", `{"hukou":"rural","family":"none","medical_out_of_pocket":5000}`,
			"", map[string]string{"serious-illness-reimbursement": "需超过起付标准5000元"}},
		{"3.2.11 5000.01 (half a fen rounds up)", `{"hukou":"rural","family":"none","medical_out_of_pocket":5000.01}`,
			"serious-illness-reimbursement:0.01", nil},
		{"3.2.11 5000.02", `{"hukou":"rural","family":"none","medical_out_of_pocket":"5000.02"}`,
			"serious-illness-reimbursement:0.01", nil},
		{"3.2.11 no cap", `{"hukou":"rural","family":"none","medical_out_of_pocket":"99999999.99"}`,
			"serious-illness-reimbursement:49997500.00", nil},
		{"3.2.11 urban", `{"hukou":"urban","family":"none","medical_out_of_pocket":"12000"}`,
			"", map[string]string{"serious-illness-reimbursement": "需为农村户口"}},

		// 3.2.12 失独家庭: the provincial 30000 and the city's 20000.
		{"3.2.12 bereaved", `{"hukou":"urban","family":"bereaved"}`,
			"bereaved-province:30000.00 bereaved-city:20000.00", nil},
		// Complications.
		{"3.2.12 complication none", `{"hukou":"urban","family":"none","complication_level":0}`,
			"", map[string]string{"complication-level1": "一级", "complication-level2": "二级", "complication-level3-4": "三级或四级"}},
		{"3.2.12 complication 1", `{"hukou":"urban","family":"none","complication_level":1}`, "complication-level1:20000.00", nil},
		{"3.2.12 complication 2", `{"hukou":"urban","family":"other_planned","complication_level":2}`, "complication-level2:1000.00", nil},
		{"3.2.12 complication 3", `{"hukou":"rural","family":"other_planned","complication_level":3}`, "complication-level3-4:500.00", nil},
		{"3.2.12 complication 4", `{"hukou":"rural","family":"other_planned","complication_level":"4"}`, "complication-level3-4:500.00", nil},
		// College awards, per child, 6000 instead of 1000 for 低保.
		{"3.2.12 college award", `{"hukou":"rural","family":"only_daughter","children":[{"stage":"senior","admitted_to_college":true}]}`,
			"college-award:1000.00", nil},
		{"3.2.12 college award dibao", `{"hukou":"rural","family":"two_daughters","dibao":true,"dibao_standard":"2500","members":4,"children":[{"stage":"college","admitted_to_college":true}]}`,
			"dibao-supplement:2000.00 college-award-dibao:6000.00", nil},
		{"3.2.12 two admitted", `{"hukou":"rural","family":"two_daughters","children":[{"stage":"college","admitted_to_college":true},{"stage":"senior","admitted_to_college":true}]}`,
			"college-award:1000.00 college-award:1000.00", nil},
		{"3.2.12 college award not admitted", `{"hukou":"rural","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":2,"children":[{"stage":"senior"}]}`,
			"dibao-supplement:1000.00", map[string]string{"college-award-dibao": "需有子女被高等院校录取"}},
		{"3.2.12 college award only son", `{"hukou":"rural","family":"only_son","children":[{"stage":"college","admitted_to_college":true}]}`,
			"", map[string]string{"college-award": "需为独女户或计划生育二女户"}},
		{"3.2.12 college award urban", `{"hukou":"urban","family":"only_daughter","children":[{"stage":"college","admitted_to_college":true}]}`,
			"", map[string]string{"college-award": "需为农村户口"}},
		// School aid for a disabled parent, per child per year.
		{"3.2.12 school aid every stage", `{"hukou":"urban","family":"other_planned","disabled_parent":true,"children":[
			{"stage":"none"},{"stage":"preschool"},{"stage":"primary"},{"stage":"junior"},{"stage":"senior"},{"stage":"vocational"},{"stage":"college"}]}`,
			"school-aid-primary:500.00 school-aid-junior:1000.00 school-aid-senior:3000.00 school-aid-senior:3000.00 school-aid-college:5000.00", nil},
		{"3.2.12 school aid needs disabled parent", `{"hukou":"urban","family":"other_planned","children":[{"stage":"primary"}]}`,
			"", map[string]string{"school-aid-primary": "需夫妇一方经国家专业鉴定机构鉴定为残疾并丧失劳动能力"}},
		{"3.2.12 school aid needs a family-planning family", `{"hukou":"urban","family":"none","disabled_parent":true,"children":[{"stage":"primary"}]}`,
			"", map[string]string{"school-aid-primary": "需为计划生育家庭"}},
		{"3.2.12 school aid preschool only", `{"hukou":"urban","family":"only_son","disabled_parent":true,"children":[{"stage":"preschool"}]}`,
			"", map[string]string{"school-aid-primary": "需有子女在读小学", "school-aid-college": "需有子女在读大学"}},

		// 3.2.17: 500, or 1000 instead for 低保.
		{"3.2.17 poor", `{"hukou":"urban","family":"other_planned","poor":true}`, "three-combination-cash:500.00", nil},
		{"3.2.17 poor dibao", `{"hukou":"rural","family":"other_planned","poor":true,"dibao":true}`, "three-combination-cash-dibao:1000.00", nil},
		{"3.2.17 not poor", `{"hukou":"rural","family":"other_planned","dibao":true}`,
			"", map[string]string{"three-combination-cash-dibao": "需为计划生育贫困家庭"}},
		{"3.2.17 not a family-planning family", `{"hukou":"rural","family":"none","poor":true}`,
			"", map[string]string{"three-combination-cash": "需为计划生育家庭"}},
	}
	p := testParams()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval(t, p, date, tt.facts)
			if got := cashList(r); got != tt.cash {
				t.Errorf("cash = %q, want %q", got, tt.cash)
			}
			m := missed(r)
			for id, want := range tt.missed {
				if !strings.Contains(m[id], want) {
					t.Errorf("not_granted[%s] = %q, want it to contain %q", id, m[id], want)
				}
			}
		})
	}
}

// TestNotGrantedGroups checks that alternatives already granted are not
// listed as missed, and that cash granted is never listed.
func TestNotGrantedGroups(t *testing.T) {
	p := testParams()
	r := eval(t, p, "2014-01-01", `{"hukou":"rural","family":"only_son","can_develop_project":true,"complication_level":2,
		"disabled_parent":true,"children":[{"stage":"primary"}],"poor":true,"dibao":true,"dibao_standard":"2000","members":2}`)
	m := missed(r)
	for _, id := range []string{"project-fund-only-daughter", "complication-level1", "complication-level3-4",
		"school-aid-junior", "school-aid-college", "three-combination-cash", "dibao-supplement"} {
		if c, ok := m[id]; ok {
			t.Errorf("%s listed as not granted (%q) though its group was granted", id, c)
		}
	}
	if _, ok := m["bereaved-city"]; !ok {
		t.Errorf("bereaved-city missing from not_granted")
	}
	granted := map[string]bool{}
	for _, e := range r.Entitlements {
		granted[e.Benefit] = true
	}
	for id := range m {
		if granted[id] {
			t.Errorf("%s both granted and not granted", id)
		}
	}
}

// TestServices checks the service rules.
func TestServices(t *testing.T) {
	tests := []struct {
		name      string
		facts     string
		has, lack []string
	}{
		{"3.2.7 public rental housing", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":"14.99","middle_low_income":true}`,
			[]string{"public-rental-housing"}, []string{"dilapidated-house-priority", "rural-homestead-area"}},
		{"3.2.7 15 m² is not below 15", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":"15.00","middle_low_income":true}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 area not given", `{"hukou":"urban","family":"other_planned","middle_low_income":true}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 not middle-low income", `{"hukou":"urban","family":"other_planned","housing_area_per_capita":10}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 not a family-planning family", `{"hukou":"urban","family":"none","housing_area_per_capita":10,"middle_low_income":true}`,
			nil, []string{"public-rental-housing"}},
		{"3.2.7 rural only child", `{"hukou":"rural","family":"only_son"}`,
			[]string{"dilapidated-house-priority", "rural-homestead-area"}, []string{"public-rental-housing"}},
		{"3.2.7 rural other planned", `{"hukou":"rural","family":"other_planned"}`,
			[]string{"dilapidated-house-priority"}, []string{"rural-homestead-area"}},
		{"3.2.2 zhongkao", `{"hukou":"rural","family":"two_daughters","children":[{"stage":"junior"}]}`,
			[]string{"zhongkao-bonus"}, []string{"boarding-living-allowance"}},
		{"3.2.2 zhongkao not for only son", `{"hukou":"rural","family":"only_son","children":[{"stage":"junior"}]}`,
			nil, []string{"zhongkao-bonus"}},
		{"3.2.2 hardship", `{"hukou":"rural","family":"other_planned","poor":true,"children":[{"stage":"preschool"},{"stage":"junior"},{"stage":"senior"},{"stage":"vocational"}]}`,
			[]string{"preschool-fee-waiver", "boarding-living-allowance", "high-school-aid", "vocational-free-education", "preschool-priority"}, nil},
		{"3.2.2 no hardship", `{"hukou":"rural","family":"other_planned","children":[{"stage":"preschool"}]}`,
			[]string{"preschool-priority"}, []string{"preschool-fee-waiver"}},
		{"3.2.3 minority", `{"hukou":"urban","family":"other_planned","ethnic_minority":true,"dibao":true}`,
			[]string{"minority-relief"}, nil},
		{"3.2.3 minority without hardship", `{"hukou":"urban","family":"other_planned","ethnic_minority":true}`,
			nil, []string{"minority-relief"}},
		{"3.2.4 nursing home bereaved", `{"hukou":"urban","family":"bereaved"}`,
			[]string{"nursing-home", "special-hardship-care"}, nil},
		{"3.2.4 nursing home wubao", `{"hukou":"rural","family":"other_planned","wubao":true}`,
			[]string{"nursing-home"}, nil},
		{"3.2.4 nursing home not family planning", `{"hukou":"rural","family":"none","wubao":true}`,
			nil, []string{"nursing-home"}},
		{"rural family-planning services", `{"hukou":"rural","family":"other_planned"}`,
			[]string{"job-training", "startup-support", "startup-loan", "public-welfare-job", "water-connection-free",
				"hhtong-coverage", "farming-books", "farming-info-free", "prepregnancy-check", "grain-storage", "microloan",
				"industry-upgrade-priority"},
			[]string{"agri-project-priority", "model-family-preference", "production-materials"}},
		{"urban family-planning services", `{"hukou":"urban","family":"only_daughter"}`,
			[]string{"job-training", "prepregnancy-check", "microloan", "model-family-preference"},
			[]string{"water-connection-free", "grain-storage", "hhtong-coverage"}},
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

// TestExplanations checks the words and arithmetic shown.
func TestExplanations(t *testing.T) {
	tests := []struct {
		facts, benefit string
		want           []string
	}{
		{`{"hukou":"rural","family":"none","medical_out_of_pocket":"12000"}`, "serious-illness-reimbursement",
			[]string{"农村户口", "(12000 − 5000) × 50% = 3500元"}},
		{`{"hukou":"rural","family":"only_daughter","dibao":true,"dibao_standard":"2500","members":3}`, "dibao-supplement",
			[]string{"低保家庭", "独女户", "2500元 × 20% × 3人 = 1500元", "不低于"}},
		{`{"hukou":"rural","family":"only_daughter","integrity":true,"can_develop_project":true}`, "project-fund-only-daughter",
			[]string{"参加计划生育诚信活动", "有能力发展项目", "每户一次性不低于8000元"}},
		{`{"hukou":"urban","family":"bereaved"}`, "bereaved-province", []string{"失独家庭", "30000元", "省定标准"}},
		{`{"hukou":"urban","family":"only_son","disabled_parent":true,"children":[{"stage":"none"},{"stage":"junior"}]}`, "school-aid-junior",
			[]string{"第2个子女在读初中", "每人每年1000元", "市、区（市、县）各承担50%"}},
		{`{"hukou":"rural","family":"two_daughters"}`, "rural-homestead-area", []string{"不低于260平方米"}},
		{`{"hukou":"urban","family":"other_planned","housing_area_per_capita":"12.5","middle_low_income":true}`, "public-rental-housing",
			[]string{"人均住房面积12.5平方米，在15平方米以下", "中等偏下收入家庭"}},
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
}

// TestEntitlementFields checks the fields of cash and service entitlements.
func TestEntitlementFields(t *testing.T) {
	r := eval(t, testParams(), "2014-01-01", `{"hukou":"urban","family":"bereaved","disabled_parent":true,"children":[{"stage":"college"}]}`)
	for _, e := range r.Entitlements {
		if e.Clause == "" || e.Department == "" || e.Title == "" || e.ClauseTitle == "" || e.Explanation == "" {
			t.Errorf("incomplete entitlement %+v", e)
		}
		switch e.Kind {
		case "cash":
			if e.Amount == "" || e.Period == "" || e.Minimum == nil || e.Level == "" {
				t.Errorf("cash entitlement lacks amount, period, minimum or level: %+v", e)
			}
		case "service":
			if e.Amount != "" || e.Period != "" || e.Minimum != nil {
				t.Errorf("service entitlement with cash fields: %+v", e)
			}
		default:
			t.Errorf("kind %q", e.Kind)
		}
		if e.Benefit == "school-aid-college" && (e.Child == nil || *e.Child != 0) {
			t.Errorf("school aid child = %v, want 0", e.Child)
		}
		if e.Benefit == "bereaved-province" && e.Level != "province" {
			t.Errorf("provincial level = %q", e.Level)
		}
	}
	if r.Totals.Once != "50000.00" || r.Totals.Month != "0.00" || r.Totals.Year != "5000.00" {
		t.Errorf("totals = %+v", r.Totals)
	}
}

// TestBeforeEffective: nothing is granted before the plan's effective date.
func TestBeforeEffective(t *testing.T) {
	p := testParams()
	facts := `{"hukou":"urban","family":"bereaved"}`
	r := eval(t, p, "2013-06-08", facts)
	if len(r.Entitlements) != 0 || len(r.NotGranted) != 0 || r.Totals.Once != "0.00" || !strings.Contains(r.Notice, "2013-06-09") {
		t.Errorf("before the effective date: %+v", r)
	}
	r = eval(t, p, "2013-06-09", facts)
	if r.Notice != "" || r.Totals.Once != "50000.00" {
		t.Errorf("on the effective date: %+v", r)
	}
}

// TestDibaoShareNeedsFacts: the 3.2.4 amount needs members and the standard.
func TestDibaoShareNeedsFacts(t *testing.T) {
	p := testParams()
	for facts, want := range map[string]string{
		`{"hukou":"rural","family":"only_son","dibao":true,"members":2}`:             "dibao_standard",
		`{"hukou":"rural","family":"only_son","dibao":true,"dibao_standard":"2000"}`: "members",
	} {
		f, err := ParseFacts([]byte(facts))
		if err != nil {
			t.Fatal(err)
		}
		f.Date = "2014-01-01"
		_, err = Evaluate(f, p)
		if got := fieldsOf(t, err); len(got) != 1 || got[0] != want {
			t.Errorf("%s: error fields %v, want [%s]", facts, got, want)
		}
	}
	// Not needed when the rule does not apply.
	eval(t, p, "2014-01-01", `{"hukou":"urban","family":"only_son","dibao":true}`)
}
