package model

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gyportal/calc/errlist"
)

// day is the "today" of the status and contact tests.
var day = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

// loadErrors loads fsys on day and returns its error lines (nil when it
// loads).
func loadErrors(t *testing.T, fsys map[string]string) []string {
	t.Helper()
	m := minimal()
	for name, data := range fsys {
		m[name].Data = []byte(data)
	}
	_, err := LoadOn(m, "content", day)
	if err == nil {
		return nil
	}
	var list errlist.List
	if !errors.As(err, &list) {
		t.Fatalf("want an errlist.List, got %v", err)
	}
	return strings.Split(list.Error(), "\n")
}

const docHead = "doc_number = \"x\"\nissuer = \"x\"\nnotice_title = \"x\"\nnotice_text = \"x\"\nplan_title = \"x\"\npreamble = \"x\"\neffective = \"2013-06-09\"\n"

func TestStatus(t *testing.T) {
	tests := []struct {
		name, status string // lines after docHead (line 8 on)
		want         []string
	}{
		{"unverified", "status = \"未核实\"\nstatus_note = \"请咨询。\"\n", nil},
		{"in force", "status = \"现行有效\"\nstatus_note = \"仍然执行。\"\nstatus_checked = \"2026-05-01\"\nstatus_source = \"市卫生健康委员会答复\"\n", nil},
		{"unknown value", "status = \"有效\"\nstatus_note = \"x\"\n",
			[]string{`content/document.toml:8: status: "有效" 不是可选的状态，可选：现行有效、已失效、已废止、未核实`}},
		{"missing", "status_note = \"x\"\n",
			[]string{`content/document.toml:1: status: 必须填写方案的状态，可选：现行有效、已失效、已废止、未核实`}},
		{"no note", "status = \"未核实\"\n",
			[]string{`content/document.toml:1: status_note: 必须填写`}},
		{"future check", "status = \"已失效\"\nstatus_note = \"x\"\nstatus_checked = \"2026-05-02\"\nstatus_source = \"x\"\n",
			[]string{`content/document.toml:10: status_checked: "2026-05-02" 晚于今天（2026-05-01），核实日期不能是将来的日期`}},
		{"bad check date", "status = \"未核实\"\nstatus_note = \"x\"\nstatus_checked = \"2026-5-1\"\n",
			[]string{`content/document.toml:10: status_checked: "2026-5-1" 的写法不对，请写成 "2026-05-01"`}},
		{"claim without evidence", "status = \"已废止\"\nstatus_note = \"x\"\n", []string{
			`content/document.toml:1: status_checked: 状态为 "已废止" 时必须写明核实日期，如 "2026-05-01"`,
			`content/document.toml:1: status_source: 状态为 "已废止" 时必须写明依据（在哪里核实的）`}},
		{"typo in key", "status = \"未核实\"\nstatus_note = \"x\"\nstatus_date = \"2026-01-01\"\n",
			[]string{`content/document.toml:10: status_date: 没有这个键，是不是要写 status_note？`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, map[string]string{"document.toml": docHead + tt.status})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestContacts(t *testing.T) {
	const head = "[[department]]\nid = \"population\"\nname = \"人口计生部门\"\n\n[[department.contact]]\n" // contact keys from line 6
	tests := []struct {
		name, contact string
		want          []string
	}{
		{"full", "office = \"人口家庭科\"\naddress = \"贵阳市观山湖区\"\nphone = \"0851-86821234、12356\"\nhours = \"工作日\"\nsource = \"官网\"\nchecked = \"2026-04-30\"\n", nil},
		{"phone only", "office = \"窗口\"\nphone = \"(0851)86821234\"\nsource = \"x\"\nchecked = \"2026-05-01\"\n", nil},
		{"bad phone", "office = \"窗口\"\nphone = \"86821234\"\nsource = \"x\"\nchecked = \"2026-05-01\"\n",
			[]string{`content/departments.toml:7: department[0].contact[0].phone: "86821234" 不是有效的电话号码：固定电话要带区号，如 "0851-86821234"；手机号 11 位，如 "13812345678"；多个号码用 "、" 分开`}},
		{"neither address nor phone", "office = \"窗口\"\nsource = \"x\"\nchecked = \"2026-05-01\"\n",
			[]string{`content/departments.toml:5: department[0].contact[0]: 联系方式至少要写地址（address）或电话（phone）`}},
		{"future checked", "office = \"窗口\"\naddress = \"x\"\nsource = \"x\"\nchecked = \"2027-01-01\"\n",
			[]string{`content/departments.toml:9: department[0].contact[0].checked: "2027-01-01" 晚于今天（2026-05-01），核实日期不能是将来的日期`}},
		{"no source, no date", "office = \"窗口\"\naddress = \"x\"\n", []string{
			`content/departments.toml:5: department[0].contact[0].checked: 必须写明核实日期，如 "2026-05-01"`,
			`content/departments.toml:5: department[0].contact[0].source: 必须填写`}},
		{"unknown key", "office = \"窗口\"\naddress = \"x\"\nsource = \"x\"\nchecked = \"2026-05-01\"\nemail = \"a@b\"\n",
			[]string{`content/departments.toml:10: department[0].contact[0].email: 没有这个键（能写的键见 content/SCHEMA.md）`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, map[string]string{"departments.toml": head + tt.contact})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestValidPhones(t *testing.T) {
	for _, s := range []string{"0851-86821234", "085186821234", "0851 8682 1234", "（0851）86821234",
		"010-12345678", "0851-86821234转801", "13812345678", "138 1234 5678", "12345", "400-123-4567",
		"0851-86821234、13812345678", "12356；0851-86821234"} {
		if !validPhones(s) {
			t.Errorf("%q rejected", s)
		}
	}
	for _, s := range []string{"", "86821234", "1381234567", "0851-1234", "abc", "0851-86821234、", "+1 555 0100", "0851-86821234<script>"} {
		if validPhones(s) {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestContactsLoaded(t *testing.T) {
	m := minimal()
	m["departments.toml"].Data = []byte("[[department]]\nid = \"population\"\nname = \"人口计生部门\"\n[[department.contact]]\noffice = \"窗口\"\nphone = \"12356\"\nsource = \"官网\"\nchecked = \"2026-04-30\"\n")
	p, err := LoadOn(m, "content", day)
	if err != nil {
		t.Fatal(err)
	}
	cs := p.Department("population").Contacts
	if len(cs) != 1 || cs[0].Office != "窗口" || cs[0].Phone != "12356" || cs[0].Checked.String() != "2026-04-30" {
		t.Errorf("contacts: %+v", cs)
	}
	if d := p.Document; d.Status != StatusUnverified || d.StatusNote == "" || d.StatusChecked.Set {
		t.Errorf("status: %q %q %v", d.Status, d.StatusNote, d.StatusChecked)
	}
}
