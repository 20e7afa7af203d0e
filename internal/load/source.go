package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"chiso/internal/diag"
)

// MaxFileSize caps every source file: a real period file is a few kilobytes, and a file
// of hundreds of megabytes would only exhaust memory before any check could speak.
const MaxFileSize = 4 << 20

// ErrTooLarge is returned for a source file above MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// Dir opens a site's source folder for reading: through an os.Root, so a symbolic link
// that leads outside the folder (content/passwd.md → /etc/passwd) cannot be read, and
// only regular files and folders, so a pipe named data/levels.toml cannot hang a build.
// The folder stays open for the life of the process.
func Dir(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return sourceFS{root: root, fsys: root.FS()}, nil
}

type sourceFS struct {
	root *os.Root
	fsys fs.FS
}

// check refuses what is neither a regular file nor a folder, before opening it: opening
// a pipe for reading blocks until someone writes to it.
func (s sourceFS) check(op, name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	info, err := s.root.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: op, Path: name, Err: diag.ErrNotRegular}
	}
	return info, nil
}

func (s sourceFS) Open(name string) (fs.File, error) {
	if _, err := s.check("open", name); err != nil {
		return nil, err
	}
	return s.fsys.Open(name)
}

func (s sourceFS) Stat(name string) (fs.FileInfo, error) { return s.check("stat", name) }

func (s sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := s.check("readdir", name); err != nil {
		return nil, err
	}
	return fs.ReadDir(s.fsys, name)
}

func (s sourceFS) ReadFile(name string) ([]byte, error) {
	info, err := s.check("read", name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: diag.ErrNotRegular}
	}
	if info.Size() > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return fs.ReadFile(s.fsys, name)
}

// readFailed reports a file the system would not give us, in the editor's words.
func readFailed(probs *diag.List, name string, err error) {
	if errors.Is(err, ErrTooLarge) {
		probs.Errorf(diag.Pos{File: name, Line: 1}, diag.FileTooLarge, fmt.Sprint(MaxFileSize>>20))
		return
	}
	what, todo := diag.OSReason(err)
	probs.Errorf(diag.Pos{File: name, Line: 1}, diag.ReadFailed, what, todo)
}
