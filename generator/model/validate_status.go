package model

import (
	"fmt"
	"regexp"
	"strings"
)

// checkStatus checks the plan's status (document.toml): a known value,
// a note for residents, and for any value but 未核实 the date staff
// checked it and their source.
func (l *loader) checkStatus(d *Document) {
	const f = "document.toml"
	switch {
	case d.Status == "":
		l.errorf(f, "status", "必须填写方案的状态，可选：%s", strings.Join(Statuses, "、"))
	case !contains(Statuses, d.Status):
		l.errorf(f, "status", "%q 不是可选的状态，可选：%s", d.Status, strings.Join(Statuses, "、"))
	}
	l.required(f, "status_note", d.StatusNote)
	l.pastDate(f, "status_checked", &d.StatusChecked)
	if contains(Statuses, d.Status) && d.Status != StatusUnverified {
		if !d.StatusChecked.Set {
			l.errorf(f, "status_checked", "状态为 %q 时必须写明核实日期，如 \"2026-05-01\"", d.Status)
		}
		if strings.TrimSpace(d.StatusSource) == "" {
			l.errorf(f, "status_source", "状态为 %q 时必须写明依据（在哪里核实的）", d.Status)
		}
	}
}

// checkContacts checks the contact details staff entered for department i.
func (l *loader) checkContacts(i int, d *Department) {
	const f = "departments.toml"
	for j := range d.Contacts {
		c := &d.Contacts[j]
		k := fmt.Sprintf("department[%d].contact[%d]", i, j)
		l.required(f, k+".office", c.Office)
		if strings.TrimSpace(c.Address) == "" && strings.TrimSpace(c.Phone) == "" {
			l.errorf(f, k, "联系方式至少要写地址（address）或电话（phone）")
		}
		if c.Phone != "" && !validPhones(c.Phone) {
			l.errorf(f, k+".phone", "%q 不是有效的电话号码：固定电话要带区号，如 \"0851-86821234\"；手机号 11 位，如 \"13812345678\"；多个号码用 \"、\" 分开", c.Phone)
		}
		l.required(f, k+".source", c.Source)
		l.pastDate(f, k+".checked", &c.Checked)
		if !c.Checked.Set {
			l.errorf(f, k+".checked", "必须写明核实日期，如 \"2026-05-01\"")
		}
	}
}

// pastDate checks a date that records when staff checked something: a
// valid date, not after today.
func (l *loader) pastDate(file, key string, d *Date) {
	if err := d.parse(); err != nil {
		l.errorf(file, key, "%v", err)
		return
	}
	if d.Set && !l.today.IsZero() && d.After(l.today) {
		l.errorf(file, key, "%q 晚于今天（%s），核实日期不能是将来的日期", d.String(), l.today.Format("2006-01-02"))
	}
}

var (
	phoneSepRE = regexp.MustCompile(`\s*[、，,；;/]\s*`)
	phoneRE    = regexp.MustCompile(`^(?:` +
		`(?:0[1-9][0-9]{1,2}-?|[(（]0[1-9][0-9]{1,2}[)）])[1-9][0-9]{6,7}(?:(?:-|转)[0-9]{1,6})?` + // landline with area code
		`|1[3-9][0-9]{9}` + // mobile
		`|12[0-9]{3}` + // public service lines: 12345, 12356 …
		`|[48]00-?[0-9]{3}-?[0-9]{4}` + // 400 / 800 lines
		`)$`)
)

// validPhones reports whether s is one or more phone numbers, separated
// by 、 or similar; spaces inside a number are allowed.
func validPhones(s string) bool {
	for _, n := range phoneSepRE.Split(strings.TrimSpace(s), -1) {
		if !phoneRE.MatchString(strings.ReplaceAll(n, " ", "")) {
			return false
		}
	}
	return true
}

func contains(list []string, v string) bool {
	for _, a := range list {
		if a == v {
			return true
		}
	}
	return false
}
