package pipeline

import (
	"errors"
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/publish"
)

// Streaming: `chiso build` writes each file into the publish work folder as soon as the
// build has made it (on all cores), and lets go of it once no later step reads it, so
// memory does not hold the whole output. Site (preview, tests, check --full) keeps every
// file in memory as before; the output is the same.

// ToDir builds the site and publishes it to out; out is untouched on failure.
func ToDir(opts Options, out string) (Stats, diag.List, error) {
	start := time.Now()
	to := &toDir{dir: out}
	opts.out = to
	defer to.abort() // an error, or a panic on its way to the command
	files, probs, err := Site(opts)
	if to.err != nil {
		// Site words a failed write as the last problem; the command words it itself.
		if n := len(probs); n > 0 {
			probs = probs[:n-1]
		}
		return Stats{}, probs, to.err
	}
	if err != nil {
		return Stats{}, probs, err
	}
	if err := to.flush(files, true); err != nil {
		return Stats{}, probs, err
	}
	if err := to.commit(); err != nil {
		return Stats{}, probs, err
	}
	st := Stats{Pages: to.pages, Duration: time.Since(start)}
	st.Files, st.Bytes = to.work.Count()
	return st, probs, nil
}

// toDir is a build's output folder while the build writes into it.
type toDir struct {
	dir     string
	work    *publish.Work    // begun at the first flush: a build that fails validation never locks dir
	err     error            // the first failed write
	flushed map[string]*byte // files already written: identity of their bytes, or &dropped
	pages   int              // HTML files written
	done    bool
}

// flush writes the files made so far into the work folder (when building to a folder)
// and, with drop, lets go of them: call it with drop only where no later step reads
// b.files.
func (b *builder) flush(drop bool) error {
	if b.out == nil {
		return nil
	}
	return b.out.flush(b.files, drop)
}

func (t *toDir) flush(files publish.Files, drop bool) error {
	if t.work == nil {
		w, err := publish.Begin(t.dir)
		if err != nil {
			return t.fail(err)
		}
		t.work, t.flushed = w, map[string]*byte{}
	}
	var paths []string
	for p, data := range files {
		if id, ok := t.flushed[p]; !ok {
			paths = append(paths, p)
		} else if id != identity(data) {
			// Made again after it was written: a bug in the build; Put refuses it.
			return t.fail(t.work.Put(p, data))
		}
	}
	errs := make([]error, len(paths))
	onAllCores(len(paths), func(i int) { errs[i] = t.work.Put(paths[i], files[paths[i]]) })
	for i, p := range paths {
		if errs[i] != nil {
			return t.fail(errs[i])
		}
		t.flushed[p] = identity(files[p])
		if strings.HasSuffix(p, ".html") {
			t.pages++
		}
	}
	if drop {
		for p := range files {
			t.flushed[p] = &dropped
		}
		clear(files)
	}
	return nil
}

func (t *toDir) fail(err error) error {
	if t.err == nil {
		t.err = err
	}
	return err
}

func (t *toDir) commit() error {
	t.done = true
	return t.work.Commit()
}

func (t *toDir) abort() {
	if !t.done && t.work != nil {
		t.done = true
		t.work.Abort()
	}
}

// identity tells a kept file's bytes from others put at its path later (it keeps nothing
// alive that the map does not); dropped matches no bytes.
func identity(data []byte) *byte {
	if cap(data) == 0 {
		return &empty
	}
	return &data[:1][0]
}

var empty, dropped byte

// writeFailed is a failed write of the output, which renderProblem passes on as is.
func writeFailed(err error) (diag.Diagnostic, bool) {
	var pe *publish.Error
	if errors.As(err, &pe) {
		return pe.Diagnostic(), true
	}
	return diag.Diagnostic{}, false
}
