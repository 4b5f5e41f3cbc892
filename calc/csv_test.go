package calc

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunCSV(t *testing.T) {
	in := "\ufeffid,hukou,family,members,dibao,dibao_standard,integrity,can_develop_project,children,medical_out_of_pocket,date\n" +
		"A1,rural,only_daughter,3,是,2500,yes,1,junior;senior+admitted,12000,\n" +
		"A2,urban,bereaved,,,,,,,,2014-01-01\n" +
		"A3,rural,none,,false,,,,,4999.99,\n"
	var out bytes.Buffer
	if err := RunCSV(strings.NewReader(in), &out, testParams(), "2014-05-06"); err != nil {
		t.Fatal(err)
	}
	want := "line,id,date,once,month,year,clauses,benefits,services\n" +
		"2,A1,2014-05-06,14000.00,0.00,6000.00,3.2.4;3.2.8;3.2.11;3.2.12;3.2.17,dibao-supplement;project-fund-only-daughter;serious-illness-reimbursement;college-award-dibao;three-combination-cash-dibao," +
		"boarding-living-allowance;high-school-aid;zhongkao-bonus;volunteer-services;job-training;startup-support;startup-loan;public-welfare-job;dilapidated-house-priority;rural-homestead-area;agri-project-priority;poverty-aid-increase;industry-upgrade-priority;water-connection-free;hhtong-coverage;farming-books;farming-info-free;prepregnancy-check;grain-storage;microloan;production-materials;paired-assistance-priority;model-family-preference\n" +
		"3,A2,2014-01-01,50000.00,0.00,0.00,3.2.12,bereaved-province;bereaved-city,nursing-home;volunteer-services;job-training;startup-support;startup-loan;public-welfare-job;prepregnancy-check;microloan;model-family-preference;special-hardship-care\n" +
		"4,A3,2014-05-06,0.00,0.00,0.00,,,\n" +
		"total,,,64000.00,0.00,6000.00,,,\n"
	if out.String() != want {
		t.Errorf("RunCSV =\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunCSVErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each error, in order
	}{
		{"unknown column", "hukou,family,colour\nrural,none,red\n", []string{"line 1: colour: 未知列"}},
		{"duplicate column", "hukou,family,hukou\n", []string{"line 1: hukou: 列名重复"}},
		{"empty", "", []string{"line 1: $: 缺少标题行"}},
		{"bad rows", "hukou,family,dibao,children,members\n" +
			"rural,none,maybe,,\n" +
			"rural,none,,primary;kindergarten,\n" +
			"rural,none,,college+admitted+x,\n" +
			"rural,only_son,true,,2\n" +
			"rural,none,,,\n" +
			"rural,none\n" +
			"urban,xx,,,0\n",
			[]string{
				"line 2: dibao: \"maybe\"",
				"line 3: children[1].stage: \"kindergarten\"",
				"line 4: children[0].stage: \"college+admitted+x\"",
				"line 7: $: CSV 格式错误",
				"line 8: family:",
				"line 8: members:",
			}},
		{"quote error stops", "hukou,family\nrural,\"none\nx\"y\n", []string{"line 3: $: CSV 格式错误"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := RunCSV(strings.NewReader(tt.in), &out, testParams(), "2014-01-01")
			if err == nil {
				t.Fatal("no error")
			}
			errs := flattenErr(err)
			if len(errs) != len(tt.want) {
				t.Fatalf("errors:\n%v\nwant %d", err, len(tt.want))
			}
			for i, e := range errs {
				if !strings.HasPrefix(e.Error(), tt.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e, tt.want[i])
				}
			}
			fieldsOf(t, err)
		})
	}
	if err := RunCSV(strings.NewReader("hukou,family\n"), &bytes.Buffer{}, testParams(), "bad"); err == nil {
		t.Error("bad today accepted")
	}
}
