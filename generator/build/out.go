package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The output directory --out is a symbolic link to one of two trees
// beside it, which builds alternate:
//
//	public -> .public.builds/a      what readers (the web server) see
//	.public.builds/a, .public.builds/b
//	.public.lock                    held by the running build (flock)
//	.public.tmp-*                   temporary names, removed by the next build
//
// A build writes into the tree public does not point to: only the files
// that differ from what that tree holds (its manifest says what it
// holds), then removes what the new site no longer has, writes the
// manifest, and switches public to it with rename(2) of a new symbolic
// link, which is atomic: a reader sees the old tree or the new one,
// complete, whatever happens to the build. The previous tree stays as it
// was until the build after next.

// outState is what --out was when the build took the lock.
type outState int

const (
	outAbsent outState = iota // nothing there
	outLink                   // our symbolic link to one of our trees
	outDir                    // a real directory: empty, a build's, or --force
)

// outDir is the resolved output of one build.
type outDirs struct {
	path   string // --out, absolute, in its real parent directory
	parent string
	base   string
	state  outState
	active string // the tree --out shows (outLink), or --out itself (outDir)
	lock   *os.File
}

func (d *outDirs) buildsDir() string    { return filepath.Join(d.parent, "."+d.base+".builds") }
func (d *outDirs) tree(n string) string { return filepath.Join(d.buildsDir(), n) }
func (d *outDirs) linkTo(n string) string {
	return "." + d.base + ".builds/" + n
}
func (d *outDirs) tmpPrefix() string { return filepath.Join(d.parent, "."+d.base+".tmp-") }

// resolveOut checks --out against the sources and returns its layout
// (before the lock is taken: see inspect).
func resolveOut(o Options) (*outDirs, error) {
	abs, err := filepath.Abs(o.Out)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if base == "." || base == string(filepath.Separator) || base == ".." {
		return nil, fmt.Errorf("--out %s：不能用根目录或当前目录作输出目录", o.Out)
	}
	parent = realPath(parent)
	d := &outDirs{path: filepath.Join(parent, base), parent: parent, base: base}
	for _, src := range []struct{ flag, dir string }{{"--content", o.ContentDir}, {"--templates", o.TemplatesDir}} {
		if err := apart(o.Out, d, src.flag, src.dir); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出目录的上级目录 %s：%w", parent, err)
	}
	return d, nil
}

// apart refuses an output that is, contains or lies inside a source
// directory (or whose trees do).
func apart(out string, d *outDirs, flag, dir string) error {
	if dir == "" {
		return nil
	}
	src, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	for _, p := range []string{d.path, d.buildsDir(), realOrSelf(d.path)} {
		if within(p, src) || within(src, p) {
			return fmt.Errorf("--out %s 与 %s %s 重叠：输出目录不能是、包含或位于内容目录或模板目录之中，否则生成会覆盖源文件。请换一个输出目录", out, flag, dir)
		}
	}
	return nil
}

// realOrSelf resolves the symbolic links of p, or returns p.
func realOrSelf(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// realPath resolves the symbolic links of the longest existing ancestor
// of the absolute path p, keeping the rest as it is.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(realPath(parent), filepath.Base(p))
}

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// lock takes the lock beside --out, waiting (and saying so on log) while
// another build holds it.
func (d *outDirs) takeLock(log io.Writer) error {
	name := filepath.Join(d.parent, "."+d.base+".lock")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("无法建立锁文件 %s：%w", name, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return fmt.Errorf("锁文件 %s：%w", name, err)
		}
		fmt.Fprintf(log, "另一个生成正在写入 %s，等待它结束……\n", d.path)
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			return fmt.Errorf("锁文件 %s：%w", name, err)
		}
	}
	d.lock = f
	return nil
}

// unlock releases the lock (closing the file releases the flock).
func (d *outDirs) unlock() {
	if d.lock != nil {
		d.lock.Close()
	}
}

// inspect looks at --out under the lock and refuses what a build must
// not replace: a file, a foreign symbolic link, a directory that is
// neither empty nor a build's output (unless force).
func (d *outDirs) inspect(out string, force bool) error {
	info, err := os.Lstat(d.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		d.state = outAbsent
		return nil
	case err != nil:
		return err
	case info.Mode()&os.ModeSymlink != 0:
		return d.inspectLink(out)
	case !info.IsDir():
		return fmt.Errorf("--out %s 是一个文件，不是目录；不写入，以免覆盖它", out)
	}
	d.state, d.active = outDir, d.path
	if force || isEmpty(d.path) {
		return nil
	}
	if _, ok := readManifest(d.path); ok {
		return nil
	}
	return fmt.Errorf("--out %s 不是本程序生成的输出目录（其中没有 %s 标记文件），为免误删其中的文件，不写入。请用一个空目录或新目录作 --out；确认其中的文件都可以删除时，加 --force", out, MarkerName)
}

// inspectLink accepts our own link to one of our trees, and refuses any
// other symbolic link.
func (d *outDirs) inspectLink(out string) error {
	target, err := os.Readlink(d.path)
	if err != nil {
		return err
	}
	for _, n := range []string{"a", "b"} {
		if target == d.linkTo(n) {
			d.state, d.active = outLink, d.tree(n)
			return nil
		}
	}
	return fmt.Errorf("--out %s 是指向 %s 的符号链接，不是本程序建立的；不写入，以免替换它。请直接用 --out 指定要生成到的目录", out, target)
}

func isEmpty(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return len(names) == 0 && errors.Is(err, io.EOF)
}

// cleanTemps removes what killed builds left under temporary names.
func (d *outDirs) cleanTemps() {
	left, _ := filepath.Glob(d.tmpPrefix() + "*")
	for _, p := range left {
		os.RemoveAll(p)
	}
}

// next is the tree this build writes: the one --out does not show.
func (d *outDirs) next() string {
	if d.state == outLink && d.active == d.tree("a") {
		return "b"
	}
	return "a"
}

// testHook, when set by a test, is called at the named points of a
// build ("locked": the lock is taken; "linked": the new link exists
// under its temporary name; "exchanged": a real --out directory has
// been swapped for the link, not yet removed).
var testHook func(point string)

// removeAll is os.RemoveAll; tests make it fail.
var removeAll = os.RemoveAll

func hook(point string) {
	if testHook != nil {
		testHook(point)
	}
}

// switchTo points --out at tree n. Our link is replaced by rename(2);
// a real directory is exchanged for the link (renameat2 RENAME_EXCHANGE)
// and then removed. warn receives a failure to remove it: the new tree
// is installed all the same.
func (d *outDirs) switchTo(n string, warn func(string)) error {
	tmp, err := d.tempLink(n)
	if err != nil {
		return err
	}
	hook("linked")
	if d.state != outDir {
		if err := os.Rename(tmp, d.path); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("切换输出目录 %s：%w", d.path, err)
		}
		return nil
	}
	if err := exchange(tmp, d.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("切换输出目录 %s：%w", d.path, err)
	}
	hook("exchanged")
	if err := removeAll(tmp); err != nil {
		warn(fmt.Sprintf("警告：原来的输出目录已移到 %s，但未能删除：%v；新生成的网站已经就位，下次生成时会再试着删除它", tmp, err))
	}
	return nil
}

// tempLink creates a symbolic link to tree n under a temporary name.
func (d *outDirs) tempLink(n string) (string, error) {
	for i := 0; ; i++ {
		tmp := fmt.Sprintf("%s%d-%d", d.tmpPrefix(), os.Getpid(), i)
		err := os.Symlink(d.linkTo(n), tmp)
		if !errors.Is(err, os.ErrExist) {
			return tmp, err
		}
	}
}
