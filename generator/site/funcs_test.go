package site

import (
	"testing"

	"github.com/shopspring/decimal"

	"gyportal/calc/rules"
	"gyportal/generator/model"
)

func TestFigureAndFormats(t *testing.T) {
	d := func(s string) model.Dec { return model.Dec{Decimal: decimal.RequireFromString(s), Set: true} }
	tests := []struct {
		b    model.Benefit
		want string
	}{
		{model.Benefit{Amount: d("20000"), Unit: "元"}, "20,000元"},
		{model.Benefit{Amount: d("8000"), Unit: "元", Minimum: true}, "不低于8,000元"},
		{model.Benefit{Rate: d("0.20"), Minimum: true}, "不低于20%"},
		{model.Benefit{Rate: d("0.50"), Threshold: d("5000"), Minimum: true}, "超过5,000元的部分按不低于50%"},
		{model.Benefit{Amount: d("260"), Unit: "平方米", Minimum: true}, "不低于260平方米"},
		{model.Benefit{Kind: rules.KindService}, ""},
	}
	for _, tt := range tests {
		if got := Figure(tt.b); got != tt.want {
			t.Errorf("figure(%+v) = %q, want %q", tt.b, got, tt.want)
		}
	}
	if got := yuan(decimal.RequireFromString("1234567.5")); got != "1,234,567.5元" {
		t.Errorf("yuan = %q", got)
	}
}

func TestForGroup(t *testing.T) {
	bs := []model.Benefit{{ID: "all"}, {ID: "b", Groups: []string{"bereaved"}}, {ID: "d", Groups: []string{"dibao"}}}
	var ids []string
	for _, b := range ForGroup("bereaved", bs) {
		ids = append(ids, b.ID)
	}
	if len(ids) != 2 || ids[0] != "all" || ids[1] != "b" {
		t.Errorf("ForGroup(bereaved) = %v, want [all b]", ids)
	}
}
