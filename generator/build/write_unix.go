package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeNew writes data to the file p, created or truncated. It calls
// the system directly: os.WriteFile also registers every file with the
// runtime's poller and reads its flags back, a third of the system calls
// of a build that writes tens of thousands of small files.
func writeNew(p string, data []byte) error {
	fd, err := unix.Open(p, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

// makeDir creates one directory; its errors match os.ErrExist and
// os.ErrNotExist.
func makeDir(p string) error {
	if err := unix.Mkdir(p, 0o755); err != nil {
		return &os.PathError{Op: "mkdir", Path: p, Err: err}
	}
	return nil
}
