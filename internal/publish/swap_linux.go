package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in place of out. With an existing out, both names are
// exchanged in one renameat2(RENAME_EXCHANGE): there is no moment without out, and out
// stays a real folder (not a symbolic link) that a web server may serve with any
// setting. The old tree, now under tmp's name, is then removed; a kill before that
// leaves it for the next build's clearStale.
func swap(tmp, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		if afterSwap != nil {
			afterSwap(tmp, out)
		}
		return os.RemoveAll(tmp)
	case errors.Is(err, unix.ENOENT):
		// No out yet: a plain rename is atomic.
		return os.Rename(tmp, out)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		// A file system without exchange (some network ones).
		return swapTwoSteps(tmp, out)
	}
	return err
}
