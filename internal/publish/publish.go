// Package publish writes a built site to its output folder all at once: the files go to
// a new folder beside the output, which then takes the output's place in one atomic
// exchange. A failed or killed build therefore never leaves a half-written public/, and
// readers of the old one see it whole until the swap.
package publish

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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
	w, err := Begin(out)
	if err != nil {
		return err
	}
	for _, p := range files.Paths() {
		if err := w.Put(p, files[p]); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

// Work is an output being written: files go into a work folder beside out as they are
// made (Put, safe from several goroutines), so a build need not hold its whole output in
// memory; Commit swaps the folder in for out, Abort removes it and leaves out as it was.
// The lock on out is held from Begin to Commit or Abort.
type Work struct {
	out, abs, tmp string
	unlock        func()
	mu            sync.Mutex
	made          map[string]bool // folders made under tmp
	put           map[string]bool
	files         int
	bytes         int64
	umask         int // read at Begin
}

// Begin locks out and makes the work folder.
func Begin(out string) (*Work, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, &Error{out, diag.WriteFailed, err}
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, &Error{out, diag.WriteFailed, err}
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(abs)+".lock"))
	if err != nil {
		return nil, &Error{out, diag.OutBusy, err}
	}
	clearStale(parent, filepath.Base(abs))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+staleSuffix)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		if tmp != "" {
			os.RemoveAll(tmp)
		}
		unlock()
		return nil, &Error{out, diag.WriteFailed, err}
	}
	return &Work{out: out, abs: abs, tmp: tmp, unlock: unlock, made: map[string]bool{}, put: map[string]bool{}, umask: currentUmask()}, nil
}

// Put writes one file (a slash-separated path under the root). A path put twice is a bug
// in the build, as is one outside the site.
func (w *Work) Put(p string, data []byte) error {
	err := w.claim(p, int64(len(data)))
	if err == nil {
		err = writeFile(filepath.Join(w.tmp, filepath.FromSlash(p)), data, w.umask)
	}
	if err != nil {
		return &Error{w.out, diag.WriteFailed, err}
	}
	return nil
}

// claim checks and records a path about to be written, counts it and makes its folder.
func (w *Work) claim(p string, size int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !valid(p) || p == Marker || w.put[p] {
		return fmt.Errorf("%w: %q", errBadPath, p)
	}
	w.put[p] = true
	w.files++
	w.bytes += size
	return mkdirs(w.tmp, path.Dir(p), w.made, w.umask)
}

// PutWith writes one file as write makes it, through a buffer: the file need not be
// held in memory. Like Put, a path put twice is a bug in the build.
func (w *Work) PutWith(p string, write func(io.Writer) error) error {
	err := w.claim(p, 0)
	if err == nil {
		var n int64
		n, err = writeWith(filepath.Join(w.tmp, filepath.FromSlash(p)), write, w.umask)
		w.mu.Lock()
		w.bytes += n
		w.mu.Unlock()
	}
	if err != nil {
		return &Error{w.out, diag.WriteFailed, err}
	}
	return nil
}

// writeWith is writeReadable for a file made by write; it returns the bytes written.
func writeWith(name string, write func(io.Writer) error, umask int) (int64, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return 0, err
	}
	cw := &counter{w: f}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && umask&0o644 != 0 {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return cw.n, err
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Count is the number of files put and their bytes.
func (w *Work) Count() (files int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files, w.bytes
}

// Commit adds the marker and swaps the work folder in for out.
func (w *Work) Commit() error {
	defer w.unlock()
	err := writeFile(filepath.Join(w.tmp, Marker), []byte(diag.OutputMarkerText), w.umask)
	if err == nil {
		if beforeSwap != nil {
			beforeSwap(w.tmp, w.abs)
		}
		err = swap(w.tmp, w.abs)
	}
	if err != nil {
		os.RemoveAll(w.tmp)
		return &Error{w.out, diag.WriteFailed, err}
	}
	return nil
}

// Abort removes the work folder: out is untouched.
func (w *Work) Abort() {
	os.RemoveAll(w.tmp)
	w.unlock()
}

// errBadPath is a bug in the build (a page path with "..", or absolute); the editor
// sees only that the site could not be written.
var errBadPath = errors.New("publish: path outside the site")

// writeReadable writes a file that the web server can read whatever the umask: the
// mode given to create a file is masked by the umask, a chmod is not (and is left out,
// one system call less per file, under a umask that masks nothing of 0644).
func writeReadable(name string, data []byte, umask int) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && umask&0o644 != 0 {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mkdirs makes dir (slash-separated, under root) and its parents with mode 0755.
func mkdirs(root, dir string, made map[string]bool, umask int) error {
	if dir == "." || made[dir] {
		return nil
	}
	if err := mkdirs(root, path.Dir(dir), made, umask); err != nil {
		return err
	}
	p := filepath.Join(root, filepath.FromSlash(dir))
	if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	made[dir] = true
	if umask&0o755 == 0 {
		return nil
	}
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
