package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRuleEditInCLI: a benefit added by copying the block of another (new
// id, name and amount) is answered by `generator calc` from the content,
// with no Go change.
func TestRuleEditInCLI(t *testing.T) {
	content := copyContent(t)
	f := filepath.Join(content, "measures", "3.2.12.toml")
	data := mustRead(t, f)
	at := bytes.Index(data, []byte("\n[[benefits]]\nid         = \"complication-level1\""))
	block := mustRead(t, filepath.Join("testdata", "new-benefit.toml"))
	os.WriteFile(f, append(append(data[:at:at], block...), data[at:]...), 0o644)
	var o, e bytes.Buffer
	code := run([]string{"calc", "--content", content}, strings.NewReader(`{"hukou":"urban","family":"bereaved","date":"2016-01-01"}`), &o, &e)
	want := `"title":"失独老人养老护理补贴（测试）","kind":"cash","amount":"300.00","period":"month"`
	if code != exitOK || !strings.Contains(o.String(), want) || !strings.Contains(o.String(), `"month":"300.00"`) {
		t.Errorf("exit %d\n%s%s\nwant %s", code, o.String(), e.String(), want)
	}
}
