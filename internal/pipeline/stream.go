package pipeline

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unique"

	"chiso/internal/diag"
	"chiso/internal/publish"
	"chiso/internal/scratch"
)

// Streaming: `chiso build` writes each page into the publish work folder as soon as its
// template has run (on all cores), keeping only a small record of it (pageRecord), and
// the other files once no later step reads them, so memory does not hold the output. Site (preview, tests, check --full) keeps every
// file in memory as before; the output is the same.

// ToDir builds the site and publishes it to out; out is untouched on failure.
func ToDir(opts Options, out string) (Stats, diag.List, error) {
	return buildToDir(out, func(to *toDir) (publish.Files, diag.List, error) {
		opts.out = to
		return Site(opts)
	})
}

// buildToDir publishes to out what site builds, writing into to.
func buildToDir(out string, site func(to *toDir) (publish.Files, diag.List, error)) (Stats, diag.List, error) {
	start := time.Now()
	to := &toDir{dir: out}
	defer to.abort() // an error, or a panic on its way to the command
	defer to.dropExcerpts()
	files, probs, err := site(to)
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
	mu      sync.Mutex // put runs on all cores
	dir     string
	work    *publish.Work    // begun at the first flush: a build that fails validation never locks dir
	err     error            // the first failed write
	flushed map[string]*byte // files already written: identity of their bytes, or &dropped
	pages   int              // HTML files written
	done    bool
	// excerpts holds the search excerpts of the pages rendered (excerptOf) until the
	// search indexes are written: a temporary file, not memory, since they grow with
	// the site (up to search.MaxText characters a page). Nil until the first.
	excerpts   *os.File
	excerptEnd int64
	excerptErr error // the file could not be made or written: excerpts stay in memory
}

// keepExcerpt moves e's excerpt and words into the excerpts file; safe from several
// goroutines. The words are most of what the search keeps of a page (a national site's
// ~80 MB), held otherwise from its rendering to the search indexes.
func (t *toDir) keepExcerpt(e *searchEntry) {
	t.mu.Lock()
	if t.excerpts == nil && t.excerptErr == nil {
		t.excerpts, t.excerptErr = scratch.File("chiso-excerpts-*")
	}
	if t.excerptErr != nil || e.excerpt == "" && len(e.words) == 0 {
		t.mu.Unlock()
		e.ownExcerpt()
		return
	}
	data := packWords([]byte(e.excerpt), e.words)
	at := t.excerptEnd
	t.excerptEnd += int64(len(data))
	f := t.excerpts
	t.mu.Unlock()
	if _, err := f.WriteAt(data, at); err != nil {
		t.mu.Lock()
		t.excerptErr = err
		t.mu.Unlock()
		e.ownExcerpt()
		return
	}
	e.excerptAt, e.excerptLen, e.wordsLen, e.excerpt, e.words = at, len(e.excerpt), len(data)-len(e.excerpt), "", nil
	e.inFile = true
}

// packWords appends each word with its length before it (a varint).
func packWords(dst []byte, words []unique.Handle[string]) []byte {
	for _, h := range words {
		w := h.Value()
		dst = binary.AppendUvarint(dst, uint64(len(w)))
		dst = append(dst, w...)
	}
	return dst
}

// unpackWords reads back what packWords wrote.
func unpackWords(data []byte) ([]string, error) {
	var out []string
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return nil, errors.New("tệp tạm của chỉ mục tìm kiếm bị hỏng")
		}
		out = append(out, string(data[k:k+int(n)]))
		data = data[k+int(n):]
	}
	return out, nil
}

// excerptOf reads e's excerpt back from the excerpts file; nil when e keeps its own.
func (t *toDir) excerptOf(e *searchEntry) func() (string, error) {
	if t == nil || !e.inFile {
		return nil
	}
	return func() (string, error) {
		buf := make([]byte, e.excerptLen)
		_, err := t.excerpts.ReadAt(buf, e.excerptAt)
		return string(buf), err
	}
}

// wordsOf reads e's words back from the excerpts file; nil when e keeps its own.
func (t *toDir) wordsOf(e *searchEntry) func() ([]string, error) {
	if t == nil || !e.inFile {
		return nil
	}
	return func() ([]string, error) {
		buf := make([]byte, e.wordsLen)
		if _, err := t.excerpts.ReadAt(buf, e.excerptAt+int64(e.excerptLen)); err != nil {
			return nil, err
		}
		return unpackWords(buf)
	}
}

// dropExcerpts removes the excerpts file.
func (t *toDir) dropExcerpts() {
	if t.excerpts != nil {
		scratch.Close(t.excerpts)
		t.excerpts = nil
	}
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
	if err := t.begin(); err != nil {
		return err
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

func (t *toDir) begin() error {
	if t.work == nil {
		w, err := publish.Begin(t.dir)
		if err != nil {
			return t.fail(err)
		}
		t.work, t.flushed = w, map[string]*byte{}
	}
	return nil
}

// put writes one file at once and keeps nothing of it; safe from several goroutines.
func (t *toDir) put(p string, data []byte) error {
	t.mu.Lock()
	err := t.begin()
	t.mu.Unlock()
	if err == nil {
		err = t.work.Put(p, data) // refuses a path written before
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil {
		return t.fail(err)
	}
	t.flushed[p] = &dropped
	if strings.HasSuffix(p, ".html") {
		t.pages++
	}
	return nil
}

// putWith is put for a file made by write.
func (t *toDir) putWith(p string, write func(io.Writer) error) error {
	t.mu.Lock()
	err := t.begin()
	t.mu.Unlock()
	if err == nil {
		err = t.work.PutWith(p, write)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil {
		return t.fail(err)
	}
	t.flushed[p] = &dropped
	return nil
}

// put adds a file that no later step reads: building to a folder, it is written at once.
func (b *builder) put(file string, data []byte) error {
	if b.out == nil {
		b.files[file] = data
		return nil
	}
	return b.out.put(file, data)
}

// putWith is put for a file written as it is made (write): building to a folder, straight
// into its file, never held whole.
func (b *builder) putWith(file string, write func(io.Writer) error) error {
	if b.out == nil {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		b.files[file] = buf.Bytes()
		return nil
	}
	return b.out.putWith(file, write)
}

// made reports whether the build has made file, kept or already written.
func (b *builder) made(file string) bool {
	if _, ok := b.files[file]; ok {
		return true
	}
	if b.out == nil {
		return false
	}
	b.out.mu.Lock()
	defer b.out.mu.Unlock()
	_, ok := b.out.flushed[file]
	return ok
}

// pageRecord is what the steps after rendering read of a page, kept instead of its
// bytes: the charts it shows (opendata.go) and, for a page the search finds, its entry.
type pageRecord struct {
	file   string
	path   string
	charts []string     // IDs of its charts' figures, in the page's order
	search *searchEntry // nil for a page not indexed
}

// renderPage runs one page's template and makes its record; building to a folder, it
// writes the page and returns no bytes.
func (b *builder) renderPage(j pageJob) (pageRecord, []byte, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	t := b.tmpl
	if j.page.Lang == "en" {
		t = b.en.tmpl
	}
	if err := t.RenderTo(buf, j.page); err != nil {
		return pageRecord{}, nil, err
	}
	html := buf.Bytes()
	rec := pageRecord{file: j.file, path: j.page.Path, charts: figureIDs(html), search: searchEntryOf(j.page, html)}
	if b.out == nil {
		rec.search.ownExcerpt()
		return rec, bytes.Clone(html), nil
	}
	if rec.search != nil {
		b.out.keepExcerpt(rec.search)
	}
	return rec, nil, b.out.put(j.file, html)
}

// pageBuffers hold pages while their template runs, each grown once to the largest page.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// figureIDs lists the IDs of the chart figures in a page, as the pattern
// <figure class="chart" id="([a-z][a-z0-9-]*)" finds them, written by hand.
func figureIDs(html []byte) []string {
	var ids []string
	for {
		i := bytes.Index(html, figureOpen)
		if i < 0 {
			return ids
		}
		html = html[i+len(figureOpen):]
		n := 0
		for n < len(html) && ('a' <= html[n] && html[n] <= 'z' || n > 0 && ('0' <= html[n] && html[n] <= '9' || html[n] == '-')) {
			n++
		}
		if n > 0 && n < len(html) && html[n] == '"' {
			ids = append(ids, string(html[:n]))
		}
	}
}

var figureOpen = []byte(`<figure class="chart" id="`)

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
