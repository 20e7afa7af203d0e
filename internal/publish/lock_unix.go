//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lock takes the lock file beside the output, without waiting: two builds into one
// folder at once would each remove the other's work. The kernel drops the lock when a
// build dies, so a killed build never blocks the next one.
func lock(name string) (func(), error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
