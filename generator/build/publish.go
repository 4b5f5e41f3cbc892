package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Stats summarises a build against the previous output.
type Stats struct {
	Written, Added, Changed, Removed int
}

// stage creates an empty staging directory beside out, so that the final
// rename stays on one file system.
func stage(out string) (string, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
}

// swap replaces out with the staged directory whole. If anything fails
// before the final rename, out is left exactly as it was.
func swap(staged, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staged + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("moving previous output aside: %w", err)
		}
	}
	if err := os.Chmod(staged, 0o755); err != nil {
		return err
	}
	if err := os.Rename(staged, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return fmt.Errorf("installing new output: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// compare counts files of the new tree against the previous one.
func compare(oldDir, newDir string) (Stats, error) {
	var s Stats
	newFiles, err := listFiles(newDir)
	if err != nil {
		return s, err
	}
	oldFiles, _ := listFiles(oldDir) // a missing previous output is empty
	s.Written = len(newFiles)
	for name, size := range newFiles {
		oldSize, ok := oldFiles[name]
		switch {
		case !ok:
			s.Added++
		case oldSize != size || !sameFile(filepath.Join(oldDir, name), filepath.Join(newDir, name)):
			s.Changed++
		}
	}
	for name := range oldFiles {
		if _, ok := newFiles[name]; !ok {
			s.Removed++
		}
	}
	return s, nil
}

func listFiles(dir string) (map[string]int64, error) {
	out := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = info.Size()
		}
		return nil
	})
	return out, err
}

func sameFile(a, b string) bool {
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
