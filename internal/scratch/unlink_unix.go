//go:build unix

package scratch

import (
	"errors"
	"io/fs"
	"os"
)

const keepsName = false

// unlink removes f's name; the open file stays. A name someone else removed already is
// as good.
func unlink(f *os.File) error {
	if err := os.Remove(f.Name()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
