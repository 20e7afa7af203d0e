// Package publish writes a built site to its output folder all at once: the files go to
// a new folder beside the output, which then takes the output's place in one atomic
// exchange. A failed or killed build therefore never leaves a half-written public/, and
// readers of the old one see it whole until the swap.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"chiso/internal/diag"
)

// Files is a built site: slash-separated paths under the root → contents.
type Files map[string][]byte

// Paths returns the file paths in order.
func (f Files) Paths() []string {
	ps := make([]string, 0, len(f))
	for p := range f {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// Size is the total number of bytes.
func (f Files) Size() int64 {
	var n int64
	for _, b := range f {
		n += int64(len(b))
	}
	return n
}

// Error is a publish step that failed: the output folder is as it was.
type Error struct {
	Out  string
	Code diag.Code // diag.OutBusy or diag.WriteFailed
	Err  error
}

func (e *Error) Error() string { return e.Diagnostic().String() }
func (e *Error) Unwrap() error { return e.Err }

// Diagnostic words the failure for the editor, without Go's own error text.
func (e *Error) Diagnostic() diag.Diagnostic {
	what, todo := diag.OSReason(e.Err)
	return diag.Diagnostic{Pos: diag.Pos{File: e.Out}, Severity: diag.Error, Code: e.Code, Args: []any{e.Out, what, todo}}
}

// Hooks let the fault tests stop a publish at its worst moments; nil in a real build.
var (
	beforeSwap func(tmp, out string)
	afterSwap  func(tmp, out string)
	writeFile  = writeReadable
)

// staleSuffix names the folders a publish works in; a build killed mid-way leaves one,
// and the next build removes it.
const staleSuffix = "-new-"

// Write replaces the folder out with files. The caller has checked out with CheckOut.
func Write(out string, files Files) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return &Error{out, diag.WriteFailed, err}
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return &Error{out, diag.WriteFailed, err}
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(abs)+".lock"))
	if err != nil {
		return &Error{out, diag.OutBusy, err}
	}
	defer unlock()
	clearStale(parent, filepath.Base(abs))
	if err := write(abs, files); err != nil {
		return &Error{out, diag.WriteFailed, err}
	}
	return nil
}

func write(out string, files Files) (err error) {
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+staleSuffix)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, p := range append(files.Paths(), Marker) {
		data, ok := files[p]
		if p == Marker {
			data = []byte(diag.OutputMarkerText)
		} else if !valid(p) || !ok {
			return fmt.Errorf("%w: %q", errBadPath, p)
		}
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if err := mkdirs(tmp, path.Dir(p), made); err != nil {
			return err
		}
		if err := writeFile(dst, data); err != nil {
			return err
		}
	}
	if beforeSwap != nil {
		beforeSwap(tmp, out)
	}
	return swap(tmp, out)
}

// errBadPath is a bug in the build (a page path with "..", or absolute); the editor
// sees only that the site could not be written.
var errBadPath = errors.New("publish: path outside the site")

// writeReadable writes a file that the web server can read whatever the umask: the
// mode given to create a file is masked by the umask, a chmod is not.
func writeReadable(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mkdirs makes dir (slash-separated, under root) and its parents with mode 0755.
func mkdirs(root, dir string, made map[string]bool) error {
	if dir == "." || made[dir] {
		return nil
	}
	if err := mkdirs(root, path.Dir(dir), made); err != nil {
		return err
	}
	p := filepath.Join(root, filepath.FromSlash(dir))
	if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	made[dir] = true
	return os.Chmod(p, 0o755)
}

// clearStale removes the work folders of earlier builds that were killed: only the ones
// named as ours, beside this output, and only while we hold the lock.
func clearStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+staleSuffix) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

func valid(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && !strings.HasPrefix(p, "../") && p != ".."
}
