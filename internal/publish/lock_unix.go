//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lock takes the lock file beside the output, without waiting: two builds into one
// folder at once would each remove the other's work. The kernel drops the lock when a
// build dies, so a killed build never blocks the next one.
//
// The file is removed when the build lets go, so that an output folder leaves no lock
// beside it between builds (one per folder ever built into would pile up: /dev/shm held a
// hundred). Removing a locked file is a known race: a build that opened the file just
// before it was removed locks a file that no longer has the name, while a third build
// makes and locks a new one, and both go on. So the holder removes the file while it
// still holds the lock, and a build that gets the lock checks that the name is still the
// file it locked, else starts again: whoever holds a lock on the named file is alone. A
// build killed (kill -9) before it let go leaves the file; the next one takes it over and
// removes it in turn.
func lock(name string) (func(), error) {
	for range 100 { // each turn means another build let go meanwhile
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			return nil, err
		}
		if named(f, name) {
			return func() {
				os.Remove(name) // before the close: see above
				f.Close()
			}, nil
		}
		f.Close()
	}
	return nil, syscall.EWOULDBLOCK
}

// named reports whether name is still the file f.
func named(f *os.File, name string) bool {
	var held, now syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &held); err != nil {
		return false
	}
	if syscall.Stat(name, &now) != nil { // removed meanwhile
		return false
	}
	return held.Dev == now.Dev && held.Ino == now.Ino
}
