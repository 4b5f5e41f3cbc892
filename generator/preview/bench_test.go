package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gyportal/generator/build"
)

// BenchmarkRebuild times one preview rebuild of the real content: a full
// build.Build (without compiling the calculator) after a one-file change.
// "memory" is what the preview does; "disk" and "tmpfs" write a staged
// directory as `build` does, to show the cost of creating files.
func BenchmarkRebuild(b *testing.B) {
	b.Run("memory", func(b *testing.B) { benchRebuild(b, b.TempDir(), &build.Memory{}) })
	b.Run("disk", func(b *testing.B) { benchRebuild(b, b.TempDir(), nil) })
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		b.Run("tmpfs", func(b *testing.B) {
			dir, err := os.MkdirTemp("/dev/shm", "gyportal-bench-")
			if err != nil {
				b.Skip(err)
			}
			defer os.RemoveAll(dir)
			benchRebuild(b, dir, nil)
		})
	}
}

func benchRebuild(b *testing.B, tmp string, mem *build.Memory) {
	content := filepath.Join(tmp, "content")
	if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	o := build.Options{
		Content: os.DirFS(content), ContentName: "content",
		Templates: os.DirFS("../../templates"), TemplatesName: "templates",
		Out: filepath.Join(tmp, "public"), Today: time.Now(), SkipWasm: true,
		Memory: mem,
	}
	if _, err := build.Build(o); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(content, "measures", "3.2.12.toml")
	orig, _ := os.ReadFile(file)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := strings.Replace(string(orig), "计划生育家庭特惠机制", fmt.Sprintf("特惠机制%d", i), 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := build.Build(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditToServed times what a member of staff waits for: from
// saving a content file to the HTTP server returning the changed page
// (file notification, debounce, rebuild, serving).
func BenchmarkEditToServed(b *testing.B) {
	f := start(b)
	for i := 0; b.Loop(); i++ {
		title := fmt.Sprintf("基准标题%d", i)
		prev := oldTitle
		if i > 0 {
			prev = fmt.Sprintf(`title       = "基准标题%d"`, i-1)
		}
		f.edit(b, clauseFile, prev, `title       = "`+title+`"`)
		f.waitFor(b, clausePage, title, contains(title))
	}
}
