package build

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gyportal/generator/precompress"
)

// TestMain lets the tests run builds in child processes (this test
// binary, with GYPORTAL_BUILD_CHILD set), so that they can kill them.
func TestMain(m *testing.M) {
	if os.Getenv("GYPORTAL_BUILD_CHILD") != "" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// child builds GYPORTAL_BUILD_CONTENT into GYPORTAL_BUILD_OUT. With
// GYPORTAL_BUILD_KILL=<point> it kills itself at that hook point; with
// GYPORTAL_BUILD_HOLD it says "locked" on stdout and holds the lock a
// second.
func child() int {
	kill, hold := os.Getenv("GYPORTAL_BUILD_KILL"), os.Getenv("GYPORTAL_BUILD_HOLD") != ""
	testHook = func(p string) {
		if p == kill {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
		if p == "locked" && hold {
			fmt.Println("locked")
			time.Sleep(time.Second)
		}
	}
	o := testOptions(os.Getenv("GYPORTAL_BUILD_CONTENT"), os.Getenv("GYPORTAL_BUILD_OUT"))
	o.Log = os.Stderr
	if _, err := Build(o); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// childCmd is a build of content into out in a child process.
func childCmd(content, out string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"GYPORTAL_BUILD_CHILD=1",
		"GYPORTAL_BUILD_CONTENT=" + content, "GYPORTAL_BUILD_OUT=" + out}, env...)...)
	return cmd
}

// verifyTree checks that out shows one complete tree: its manifest is
// intact, every file it lists (of the site, and kept of earlier builds)
// is there with its content hash (and its forms, which decompress to
// it), and nothing else is. It returns the tree's hash, which names the
// site (not what it keeps).
func verifyTree(t *testing.T, out string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(out)
	if err != nil {
		t.Fatalf("--out does not resolve: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(root, MarkerName))
	if err != nil {
		t.Fatalf("no marker: %v", err)
	}
	m, ok := parseManifest(raw)
	if !ok {
		t.Fatal("damaged marker")
	}
	want := map[string]bool{MarkerName: true}
	all := maps.Clone(m.files)
	for name, k := range m.kept {
		all[name] = k.manEntry
	}
	for name, e := range all {
		want[name] = true
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil || hashOf(data) != e.hash {
			t.Fatalf("%s: missing or wrong (%v)", name, err)
		}
		if !e.forms {
			continue
		}
		for _, ext := range precompress.Exts {
			want[name+ext] = true
			z, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)) + ext)
			if err != nil || !precompress.DecodesTo(ext, z, data) {
				t.Fatalf("%s%s: missing or wrong (%v)", name, ext, err)
			}
		}
	}
	have, _ := listFiles(out)
	for name := range have {
		if !want[name] {
			t.Fatalf("%s: in the tree, not in its manifest", name)
		}
	}
	return treeHash(raw)
}

// twoVersions returns two content trees that differ in one clause title.
func twoVersions(t *testing.T) (string, string) {
	t.Helper()
	a, b := filepath.Join(t.TempDir(), "content"), filepath.Join(t.TempDir(), "content")
	copyDir(t, "../../content", a)
	copyDir(t, "../../content", b)
	p := filepath.Join(b, "measures", "3.2.12.toml")
	data := read(t, p)
	os.WriteFile(p, []byte(strings.Replace(data, "title", "title = \"第二版标题\"\n#", 1)), 0o644)
	return a, b
}

// TestKilledBuilds kills 20 builds at random moments, and one between
// the two steps of the switch: --out always shows a complete tree, the
// old one or the new one, and the next build removes what they left.
// After the first two, every build is incremental: it keeps the pages
// whose keys are unchanged from the tree it writes or links them from
// the tree --out shows, and keeps the earlier builds' content-named
// files; verifyTree checks every file against the manifest.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("20 builds in child processes")
	}
	a, b := twoVersions(t)
	out := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if msg, err := childCmd(a, out).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, msg)
	}
	took := time.Since(start)
	hashA := verifyTree(t, out)
	if msg, err := childCmd(b, out).CombinedOutput(); err != nil {
		t.Fatalf("second build: %v\n%s", err, msg)
	}
	hashB := verifyTree(t, out)
	if hashA == hashB {
		t.Fatal("the two versions build the same tree")
	}
	versions := map[string]bool{hashA: true, hashB: true}
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := range 21 {
		content := []string{a, b}[i%2]
		var cmd *exec.Cmd
		if i == 20 {
			cmd = childCmd(content, out, "GYPORTAL_BUILD_KILL=linked")
			cmd.Run()
		} else {
			cmd = childCmd(content, out)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(r.Int63n(int64(took))))
			cmd.Process.Kill()
			cmd.Wait()
		}
		if h := verifyTree(t, out); !versions[h] {
			t.Fatalf("kill %d: --out shows neither version", i)
		}
	}
	if msg, err := childCmd(a, out).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, msg)
	}
	if verifyTree(t, out) != hashA {
		t.Error("the build after the kills does not show its content")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*"))
	trees, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.builds", "*"))
	if len(left) > 0 || len(trees) != 2 {
		t.Errorf("left behind: temporary %v, trees %v", left, trees)
	}
}

// TestConcurrentBuildsSerialize starts a build while another holds the
// lock: the second says it waits, and both succeed one after the other.
func TestConcurrentBuildsSerialize(t *testing.T) {
	a, b := twoVersions(t)
	out := filepath.Join(t.TempDir(), "public")
	first := childCmd(a, out, "GYPORTAL_BUILD_HOLD=1")
	stdout, _ := first.StdoutPipe()
	var firstErr bytes.Buffer
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("first build: %q", line)
	}
	second := childCmd(b, out)
	var secondErr bytes.Buffer
	second.Stderr = &secondErr
	if err := second.Run(); err != nil {
		t.Fatalf("second build: %v\n%s", err, secondErr.String())
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first build: %v\n%s", err, firstErr.String())
	}
	if !strings.Contains(secondErr.String(), "另一个生成正在写入") {
		t.Errorf("the second build did not wait for the first: %q", secondErr.String())
	}
	if !strings.Contains(read(t, filepath.Join(out, "clauses", "3.2.12", "index.html")), "第二版标题") {
		t.Error("--out does not show the build that finished last")
	}
	verifyTree(t, out)
}

// TestOutSafety points --out at what a build must not replace: each is
// refused with a message and left exactly as it was; --force replaces a
// directory that is not a build's.
func TestOutSafety(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, out string)
		want  string
	}{
		{"foreign directory", func(t *testing.T, out string) {
			os.MkdirAll(filepath.Join(out, "docs"), 0o755)
			os.WriteFile(filepath.Join(out, "docs", "thesis.txt"), []byte("t"), 0o644)
		}, "不是本程序生成的输出目录"},
		{"file", func(t *testing.T, out string) { os.WriteFile(out, []byte("t"), 0o644) }, "是一个文件"},
		{"foreign link", func(t *testing.T, out string) {
			os.MkdirAll(out+"-target", 0o755)
			os.WriteFile(filepath.Join(out+"-target", "thesis.txt"), []byte("t"), 0o644)
			os.Symlink(out+"-target", out)
		}, "符号链接"},
		{"damaged marker", func(t *testing.T, out string) {
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, MarkerName), []byte("gyportal-build 1\nforged"), 0o644)
		}, "不是本程序生成的输出目录"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			tt.setup(t, out)
			before := snapshot(t, filepath.Dir(out))
			_, err := Build(testOptions(fixture, out))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want a refusal with %q, got %v", tt.want, err)
			}
			if after := snapshot(t, filepath.Dir(out)); after != before {
				t.Errorf("a refused build changed the directory:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
	t.Run("force", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		tests[0].setup(t, out)
		o := testOptions(fixture, out)
		o.Force = true
		if _, err := Build(o); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "docs")); err == nil {
			t.Error("--force kept the old files")
		}
		verifyTree(t, out)
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*"))
		if len(left) > 0 {
			t.Errorf("left behind: %v", left)
		}
	})
}

// snapshot lists every path under dir with its type and size, lexically.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			fmt.Fprintf(&b, "%s %v %d; ", strings.TrimPrefix(p, dir), info.Mode(), info.Size())
		}
		return nil
	})
	return b.String()
}

// TestOutApartFromSources refuses an --out that is, contains or lies
// inside the content or templates directory, and writes nothing there.
func TestOutApartFromSources(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "content")
	copyDir(t, fixture, content)
	before := snapshot(t, root)
	for _, out := range []string{content, filepath.Join(content, "public"), filepath.Join(content, "new", "public"), root,
		filepath.Join(root, "..", filepath.Base(root), "content", "measures")} {
		o := testOptions(content, out)
		o.ContentDir, o.TemplatesDir = content, "../../templates"
		_, err := Build(o)
		if err == nil || !strings.Contains(err.Error(), "重叠") {
			t.Errorf("--out %s: want a refusal, got %v", out, err)
		}
	}
	o := testOptions(content, filepath.Join(root, "..", "x"))
	o.ContentDir, o.TemplatesDir = content, "../../templates"
	o.Out = "../../templates/public"
	if _, err := Build(o); err == nil || !strings.Contains(err.Error(), "--templates") {
		t.Errorf("--out inside --templates: want a refusal, got %v", err)
	}
	if after := snapshot(t, root); after != before {
		t.Error("a refused build changed the sources")
	}
}

// TestConvertRealDirectory builds into an empty directory and into one
// holding a build's marked tree: both become the link layout, and a
// build killed between the exchange and the removal of the old tree
// leaves the new tree in place and the old one for the next build to
// remove.
func TestConvertRealDirectory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(out, 0o755)
	if _, err := Build(testOptions(fixture, out)); err != nil {
		t.Fatal(err)
	}
	verifyTree(t, out)

	real := filepath.Join(t.TempDir(), "public")
	copyDir(t, realTree(t, out), real)
	if msg, err := childCmd(fixture, real, "GYPORTAL_BUILD_KILL=exchanged").CombinedOutput(); err == nil {
		t.Fatalf("the child was not killed: %s", msg)
	}
	verifyTree(t, real)
	if info, err := os.Lstat(real); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("--out is not the link after the exchange: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(real), ".public.tmp-*")); len(left) != 1 {
		t.Fatalf("want the old tree under a temporary name, got %v", left)
	}
	if _, err := Build(testOptions(fixture, real)); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(real), ".public.tmp-*")); len(left) != 0 {
		t.Errorf("the next build left %v", left)
	}
}

// realTree is the directory the link out points to.
func realTree(t *testing.T, out string) string {
	t.Helper()
	p, err := filepath.EvalSymlinks(out)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWorkerCountDeterministic builds the real content with GOMAXPROCS=1
// and =8 (so one render and write worker or many): the trees are
// byte-identical, compressed forms and manifest included.
func TestWorkerCountDeterministic(t *testing.T) {
	dir := t.TempDir()
	trees := map[string]map[string]int64{}
	for _, procs := range []string{"1", "8"} {
		out := filepath.Join(dir, "public-"+procs)
		cmd := childCmd("../../content", out, "GOMAXPROCS="+procs)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v\n%s", procs, err, msg)
		}
		trees[procs], _ = listFiles(out)
	}
	if len(trees["1"]) != len(trees["8"]) || len(trees["1"]) < 100 {
		t.Fatalf("%d and %d files", len(trees["1"]), len(trees["8"]))
	}
	for name := range trees["1"] {
		a := read(t, filepath.Join(dir, "public-1", name))
		if b := read(t, filepath.Join(dir, "public-8", name)); a != b {
			t.Errorf("%s differs between GOMAXPROCS=1 and 8", name)
		}
	}
}

// TestOldTreeNotRemoved makes the removal of a replaced real directory
// fail: the build reports it and succeeds, since the new tree is in place.
func TestOldTreeNotRemoved(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "old.txt"), []byte("t"), 0o644)
	removeAll = func(string) error { return fmt.Errorf("permission denied") }
	defer func() { removeAll = os.RemoveAll }()
	o := testOptions(fixture, out)
	o.Force = true
	res, err := Build(o)
	if err != nil {
		t.Fatalf("the build failed although its tree is installed: %v", err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "未能删除") {
		t.Errorf("warnings %q", res.Warnings)
	}
	verifyTree(t, out)
}

// treeHash is the hash over a manifest's entries, as its marker records
// it: what tells two complete trees apart.
func treeHash(marker []byte) string {
	lines := strings.SplitN(string(marker), "\n", 4)
	if len(lines) < 3 {
		return ""
	}
	return strings.TrimPrefix(lines[2], "tree ")
}
