package build

import "golang.org/x/sys/unix"

// exchange swaps the two paths atomically (renameat2 RENAME_EXCHANGE):
// readers of either name see one object or the other, never nothing.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
