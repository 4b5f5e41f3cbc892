package browsertest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gyportal/generator/build"
)

// TestHowToApply builds the real content, once as shipped (no contact
// details) and once with a contact staff entered for 民政部门, and reads
// what the pages say about applying: the plan gives no procedure, names
// the departments, and contact details appear only where recorded.
func TestHowToApply(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	content := contentFS(t, filepath.Join(root, "content"))
	shipped := buildPages(t, root, content)
	for _, page := range []string{"clauses/3.2.4/index.html", "groups/bereaved/index.html"} {
		html := shipped[page]
		for _, want := range []string{"方案没有规定申请程序；方案写明由", "民政部门</a>负责", "暂未收录联系方式"} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
	if html := shipped["departments/civil-affairs/index.html"]; !strings.Contains(html, "暂未收录联系方式") {
		t.Error("department page does not say it has no contact details")
	}
	if strings.Contains(shipped["calculator/index.html"], "带到乡镇") {
		t.Error("the calculator still tells residents to take the result to an office, which the plan does not say")
	}

	// Staff record one office of 民政部门.
	dept := string(content["departments.toml"].Data)
	at := strings.Index(dept, `id   = "civil-affairs"`)
	end := at + strings.Index(dept[at:], "\n[[department]]")
	dept = dept[:end] + "\n[[department.contact]]\noffice  = \"社会救助窗口\"\naddress = \"测试路1号\"\n" +
		"phone   = \"0851-86821234\"\nhours   = \"工作日 9:00-17:00\"\nsource  = \"测试用\"\nchecked = \"2020-01-02\"\n" + dept[end:]
	content["departments.toml"] = &fstest.MapFile{Data: []byte(dept)}
	with := buildPages(t, root, content)
	for _, page := range []string{"clauses/3.2.4/index.html", "departments/civil-affairs/index.html"} {
		html := with[page]
		for _, want := range []string{"社会救助窗口", "地址：测试路1号", "电话：0851-86821234", "办公时间：工作日 9:00-17:00", "2020-01-02 核实，来源：测试用"} {
			if !strings.Contains(html, want) {
				t.Errorf("with a contact, %s lacks %q", page, want)
			}
		}
	}
	if html := with["groups/bereaved/index.html"]; !strings.Contains(html, "民政部门（电话 0851-86821234）") {
		t.Error("the 明白纸 does not carry the recorded phone number")
	}
}

// contentFS reads a content tree into memory, so a test can change it.
func contentFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// buildPages builds content with the project's templates (no
// WebAssembly) in memory and returns the HTML pages by path.
func buildPages(t *testing.T, root string, content fstest.MapFS) map[string]string {
	t.Helper()
	mem := &build.Memory{}
	_, err := build.Build(build.Options{Content: content, ContentName: "content",
		Templates: os.DirFS(filepath.Join(root, "templates")), TemplatesName: "templates",
		Today: Today(), SkipWasm: true, Memory: mem})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, name := range []string{"clauses/3.2.4/index.html", "groups/bereaved/index.html", "departments/civil-affairs/index.html", "calculator/index.html"} {
		data, err := fs.ReadFile(mem, name)
		if err != nil {
			t.Fatal(err)
		}
		pages[name] = string(data)
	}
	return pages
}
