package publish

import (
	"errors"
	"io/fs"
	"os"
)

// swapTwoSteps is the swap where the system cannot exchange two names: move the old
// output aside, move the new one in, remove the old. A kill between the two renames
// leaves no out for a moment; the old tree (named like a work folder) is then put back
// by nobody but removed by the next build.
func swapTwoSteps(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + "-old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	if afterSwap != nil {
		afterSwap(tmp, out)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
