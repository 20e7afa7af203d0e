package scratch

import (
	"os"
	"time"
)

// A Folder is a temporary folder for a run that lasts, a preview's built site: made by
// Dir, held while the run lives, removed by Remove.
type Folder struct {
	Path   string
	unlock func()
}

// staleAfter is how old a folder nobody holds must be to be removed: it covers the moment
// between a run making its folder and holding it.
const staleAfter = time.Minute

// Dir makes a folder named prefix followed by digits in the system's temporary folder.
// A run killed with kill -9 cannot remove its folder (a preview's is a whole site), so
// Dir first removes the folders of this prefix that earlier runs left: the run holds a
// lock on its folder (Unix) as long as it lives, and the kernel drops it when the run
// dies, however it dies; a folder of ours nobody holds, older than staleAfter, is stale.
// Where there is no such lock (Windows), nothing is removed.
func Dir(prefix string) (*Folder, error) {
	sweep(prefix)
	p, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, err
	}
	unlock, err := hold(p)
	if err != nil {
		os.RemoveAll(p)
		return nil, err
	}
	return &Folder{Path: p, unlock: unlock}, nil
}

// Remove removes the folder and lets go of it.
func (d *Folder) Remove() {
	os.RemoveAll(d.Path)
	d.unlock()
}
