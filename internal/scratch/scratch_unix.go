//go:build unix

package scratch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
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

// hold locks the folder p (flock on the folder itself) until the returned func is called
// or the process ends.
func hold(p string) (func(), error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// sweep removes the folders prefix* of the temporary folder that are ours, older than
// staleAfter and held by no one. One is removed while this run holds it: a sweep of
// another run at the same time finds it held, or gone.
func sweep(prefix string) {
	dir := os.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) || strings.Trim(e.Name()[len(prefix):], "0123456789") != "" {
			continue
		}
		p := filepath.Join(dir, e.Name())
		info, err := os.Lstat(p)
		if err != nil || !info.IsDir() || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		if st, ok := info.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Getuid() {
			continue // someone else's
		}
		if unlock, err := hold(p); err == nil {
			os.RemoveAll(p)
			unlock()
		}
	}
}
