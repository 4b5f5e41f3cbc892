//go:build !linux

package build

import (
	"fmt"
	"os"
)

// exchange swaps the two paths. Without renameat2 it takes two renames,
// so for a moment b does not exist; only the first build into a real
// --out directory needs it (later builds switch a symbolic link with one
// rename).
func exchange(a, b string) error {
	aside := a + ".x"
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(aside, b)
		return fmt.Errorf("installing the new output: %w", err)
	}
	return os.Rename(aside, a)
}
