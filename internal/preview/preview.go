// Package preview is `chiso serve`: the site served on the editor's own machine, up to
// date with every save, with the browser reloading itself.
//
// Pages are rendered on request from the loaded model (pipeline.Pages): a saved period
// file or Markdown page is read again alone into the model (load.Reload), a saved
// template only parses the templates again, and the browser is told to reload as soon as
// that is done — tens of milliseconds, where a build of a province's site takes tens of
// seconds. Everything else a build makes (data downloads, feeds, embeds, search, share
// cards), which no page needs to show, is built into a temporary folder as `chiso build`
// writes it, from the model already loaded, when one of those files is asked for after a
// save. The old addresses a build's server rules send on (internal/redirect) are
// answered with a 302. A saved file of
// templates/static/ is served at once. Anything the reload cannot decide alone
// (config.toml, the registries under data/, a new or removed file) loads the whole model
// again.
//
// Changes are found by polling: every 100 ms the files under config.toml, data/,
// content/ and templates/ are listed, and those whose size or time changed are read and
// hashed (every file is hashed again once a second, for a save that keeps both). Polling
// sees every way an editor saves — editors that write a new file and rename it over the
// old one (which drops an inotify watch), new folders, network drives and virtual
// machine shares that deliver no file events — with no dependency and no watch
// bookkeeping.
//
// The page reloads through Server-Sent Events: every HTML page gets one
// <script src="/__chiso/reload.js"> before </body> (a file, never inline, so a
// Content-Security-Policy without inline scripts holds), which listens on
// /__chiso/events and reloads when the version changes. When the data have errors,
// every page shows the list of problems with their file and line, and the assets stay
// available; saving a fix brings the site back.
package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"chiso/internal/cardcache"
	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/pipeline"
	"chiso/internal/redirect"
	"chiso/internal/scratch"
	"chiso/internal/vietnamese"
)

// Options tune a preview.
type Options struct {
	ECharts  []byte           // the chart library, as for build
	Interval time.Duration    // between polls; 100 ms when zero
	Log      io.Writer        // one line per rebuild; nil for none
	Cards    *cardcache.Cache // share cards kept between builds, as for build; nil draws them
}

// Server is a running preview of the site in one folder.
type Server struct {
	dir  string
	src  fs.FS // dir through load.Dir: no link out of it, regular files only
	opts Options
	host hostCheck       // set by Start: the Host headers this preview answers
	out  string          // the folder the full build is written to
	tmp  *scratch.Folder // out's temporary parent, made at the first build, removed by Close
	// built is the reload whose full build is in out (0: none yet); buildMu lets one
	// build run at a time.
	buildMu sync.Mutex
	built   int64

	mu      sync.RWMutex
	site    *model.Site     // the model the pages are rendered from; nil until loaded
	loaded  diag.List       // load's own problems, by file, for the next reload
	pages   *pipeline.Pages // nil while the site has errors
	probs   diag.List       // the problems shown
	failed  bool            // the site has errors
	base    string          // base_path, "/chi-so/"
	version int64
	changed chan struct{}     // closed and replaced at every new version
	gen     int64             // counts reloads, so a background build knows it is stale
	static  map[string][]byte // templates/static/ as served under assets/, read at each reload
	moved   []redirect.Rule   // the old addresses a server sends on (pipeline.ServerRules)

	stamp uint64           // fingerprint of the sources last read
	seen  map[string]entry // each source file as last read
	polls int
}

// New loads the site, builds it once and returns the server.
func New(dir string, opts Options) *Server {
	if opts.Interval <= 0 {
		opts.Interval = 100 * time.Millisecond
	}
	s := &Server{dir: dir, opts: opts, base: "/", changed: make(chan struct{})}
	s.src = source(dir)
	s.stamp, _, s.seen = fingerprint(s.src, nil)
	s.reload(nil, "")
	return s
}

// Base is the path the site is served under.
func (s *Server) Base() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.base
}

// Version counts the versions of the site; pages carry it so a browser knows when to
// reload.
func (s *Server) Version() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// bump publishes a new version: every open page reloads. Called with s.mu held.
func (s *Server) bump() {
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
}

// reload brings the model and the pages up to date with the saved files changed (nil:
// load everything) and tells the browsers; cause names the file saved. Only Watch and New
// call it, one at a time.
func (s *Server) reload(changed []string, cause string) {
	start := time.Now()
	// In place, under the locks: pages being rendered, and a full build, read the model
	// (a save during a build is read when the build ends).
	s.buildMu.Lock()
	s.mu.Lock()
	s.gen++
	ok := changed != nil && s.site != nil && s.reloadFiles(changed)
	site, loaded := s.site, s.loaded
	var reuse *pipeline.Pages // the parsed templates, unless one was saved
	if ok && !slices.ContainsFunc(changed, func(p string) bool { return strings.HasPrefix(p, "templates/") }) {
		reuse = s.pages
	}
	s.mu.Unlock()
	s.buildMu.Unlock()
	how := "chỉ đọc lại tệp đã lưu"
	if !ok {
		// The slow way, also after an error: the list of problems is then a full check's.
		how = "tải lại toàn bộ"
		site, loaded = load.Site(s.src)
	}
	probs := pipeline.Recheck(s.src, site, loaded)
	var pages *pipeline.Pages
	if !probs.HasErrors() {
		var pp diag.List
		if pages, pp = pipeline.NewPages(s.pipelineOptions(), site, reuse); pp.HasErrors() {
			probs = append(probs, pp...)
			probs.Sort()
		}
	}
	if ok && probs.HasErrors() && s.stillWriting(changed) {
		return // read half-written: the next poll reads the rest
	}
	base := basePath(s.src)
	static := readStatic(s.src)
	var moved []redirect.Rule
	if site != nil {
		reds, _ := load.Redirects(s.src) // its problems are in probs
		moved = pipeline.ServerRules(site, reds, nil)
	}
	s.mu.Lock()
	s.static, s.moved = static, moved
	s.site, s.loaded, s.probs, s.pages, s.failed = site, loaded, probs, pages, probs.HasErrors()
	if base != "" {
		s.base = base
	}
	s.bump()
	failed := s.failed
	s.mu.Unlock()
	if s.opts.Log == nil {
		return
	}
	what := "Đã dựng lại sau khi lưu " + cause
	if cause == "" {
		what, how = "Đã dựng", "đọc dữ liệu và mẫu; mỗi trang dựng khi mở"
	}
	e, w := probs.Count()
	if failed {
		fmt.Fprintf(s.opts.Log, "%s: %d lỗi, %d cảnh báo — trình duyệt hiện danh sách lỗi cho đến khi sửa xong.\n%s", what, e, w, probs)
		return
	}
	fmt.Fprintf(s.opts.Log, "%s (%s, %s ms): %d cảnh báo.\n%s", what, how,
		vietnamese.Int(time.Since(start).Milliseconds()), w, probs)
}

// stillWriting says whether a changed file has changed again in a short while: it was
// read half-written (an editor that truncates the file first), so its errors are not the
// editor's.
func (s *Server) stillWriting(changed []string) bool {
	time.Sleep(30 * time.Millisecond)
	for _, p := range changed {
		info, err := fs.Stat(s.src, p)
		if e := s.seen[p]; err == nil && (info.Size() != e.size || !info.ModTime().Equal(e.mod)) {
			return true
		}
	}
	return false
}

// reloadFiles reads the changed files into the model, when each is a template (the pages
// parse the templates again) or a file load.Reload takes alone. A file with errors leaves
// the model as it was, its errors shown until the next save of it (often the rest of a
// save caught half-written). False means: load all.
func (s *Server) reloadFiles(changed []string) bool {
	for _, name := range changed {
		if strings.HasPrefix(name, "templates/") {
			continue
		}
		ok, probs := load.Reload(s.src, s.site, name)
		if !ok && !probs.HasErrors() {
			return false
		}
		kept := s.loaded[:0:0]
		for _, d := range s.loaded {
			if d.Pos.File != name {
				kept = append(kept, d)
			}
		}
		s.loaded = append(kept, probs...)
	}
	return true
}

func (s *Server) pipelineOptions() pipeline.Options {
	return pipeline.Options{Source: s.src, ECharts: s.opts.ECharts, Cards: s.opts.Cards}
}

// build writes the whole site to the temporary folder, for the files pages on request do
// not make (data downloads, embeds, search, feeds), when one of them is asked for and the
// folder is older than the model: no page the editor looks at needs them, so a save costs
// no build. A failure only a build finds (a redirect to no page, a share card's wording)
// is then shown like a data error.
func (s *Server) build() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.mu.RLock()
	gen, failed, pages, shown := s.gen, s.failed, s.pages, s.probs
	s.mu.RUnlock()
	if failed || pages == nil || s.built == gen {
		return
	}
	if s.tmp == nil { // made at the first build: a preview that needs none leaves nothing
		// Held while the preview runs: one killed (kill -9) leaves its folder, which the
		// next preview removes. Not named "chiso-serve-" as before: a preview of an
		// earlier version, running, does not hold its folder and would lose it.
		tmp, err := scratch.Dir("chiso-preview-")
		if err != nil {
			return // the file is answered 404
		}
		s.mu.Lock() // file reads out
		s.tmp, s.out = tmp, filepath.Join(tmp.Path, "site")
		s.mu.Unlock()
	}
	start := time.Now()
	// From the loaded model (buildMu keeps a reload from changing it meanwhile): no
	// second model in memory, no second load.
	st, built, err := pages.ToDir(s.out)
	if err != nil && !built.HasErrors() { // the folder could not be written
		built = append(built, diag.Diagnostic{Pos: diag.Pos{File: s.out}, Severity: diag.Error, Code: diag.WriteFailed, Args: []any{err.Error()}})
	}
	probs := append(append(diag.List{}, shown...), built...) // with the data's warnings
	probs.Sort()
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen { // saved again meanwhile: the next request builds again
		return
	}
	s.built = gen
	if err != nil {
		s.probs, s.failed, s.pages = probs, true, nil
		s.bump()
	}
	if s.opts.Log == nil {
		return
	}
	e, w := probs.Count()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "Dựng toàn bộ trang: %d lỗi, %d cảnh báo — trình duyệt hiện danh sách lỗi cho đến khi sửa xong.\n%s", e, w, probs)
		return
	}
	fmt.Fprintf(s.opts.Log, "Đã dựng toàn bộ trang cho tệp tải về, trang nhúng và tìm kiếm: %d trang, %d cảnh báo (%s ms).\n",
		st.Pages, w, vietnamese.Int(time.Since(start).Milliseconds()))
}

// basePath reads base_path from config.toml; "" when it cannot be read (the last good
// one is kept).
func basePath(src fs.FS) string {
	data, err := fs.ReadFile(src, "config.toml")
	if err != nil {
		return ""
	}
	var c struct {
		BasePath string `toml:"base_path"`
	}
	if _, err := toml.Decode(string(data), &c); err != nil {
		return ""
	}
	bp := c.BasePath
	if bp == "" || !strings.HasPrefix(bp, "/") || !strings.HasSuffix(bp, "/") {
		bp = "/"
	}
	return bp
}

// watched are the sources the site depends on.
var watched = []string{"config.toml", "data", "content", "templates"}

// entry is a source file as last read: its size and time tell whether to read it again.
type entry struct {
	size int64
	mod  time.Time
	sum  uint64 // hash of the content; 0 when it could not be read
}

// fingerprint hashes the names and contents of the watched files and names the one most
// recently modified. A file whose size and time are those of before (nil: none) keeps
// its hash unread.
func fingerprint(src fs.FS, before map[string]entry) (uint64, string, map[string]entry) {
	h := fnv.New64a()
	seen := map[string]entry{}
	latest, latestTime := "", time.Time{}
	for _, root := range watched {
		fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil // a file vanishing mid-walk is seen at the next poll
			}
			var e entry
			if info, err := d.Info(); err == nil {
				e.size, e.mod = info.Size(), info.ModTime()
				if e.mod.After(latestTime) {
					latest, latestTime = p, e.mod
				}
			}
			if old, ok := before[p]; ok && old.size == e.size && old.mod.Equal(e.mod) && !e.mod.IsZero() {
				e.sum = old.sum
			} else if data, err := fs.ReadFile(src, p); err == nil {
				// Through the source root: a pipe or a link leaving the folder is not read
				// (the build reports it).
				f := fnv.New64a()
				f.Write(data)
				e.sum = f.Sum64() | 1 // never 0, which is "unreadable"
			}
			fmt.Fprintf(h, "%s\x00%d\x00", p, e.sum)
			seen[p] = e
			return nil
		})
	}
	return h.Sum64(), latest, seen
}

// Watch polls the sources until ctx ends, reloading on every change.
func (s *Server) Watch(ctx context.Context) {
	t := time.NewTicker(s.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		// Every second, every file is read again: a save may keep size and time.
		before := s.seen
		if s.polls++; s.polls%int(max(1, time.Second/s.opts.Interval)) == 0 {
			before = nil
		}
		if stamp, cause, seen := fingerprint(s.src, before); stamp != s.stamp {
			changed := changedFiles(s.seen, seen)
			s.stamp, s.seen = stamp, seen
			if !s.patchStatic(changed) {
				s.reload(changed, cause)
			}
		} else {
			s.seen = seen
		}
	}
}

// readStatic reads templates/static/ as a build copies it to assets/ (small: a style
// sheet and a few scripts).
func readStatic(src fs.FS) map[string][]byte {
	files := map[string][]byte{}
	fs.WalkDir(src, "templates/static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if data, err := fs.ReadFile(src, p); err == nil {
			files["assets/"+strings.TrimPrefix(p, "templates/static/")] = data
		}
		return nil
	})
	return files
}

// changedFiles lists the files added, changed or removed between two fingerprints.
func changedFiles(before, after map[string]entry) []string {
	var out []string
	for p, e := range after {
		if old, ok := before[p]; !ok || old.sum != e.sum {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// patchStatic takes saved files of templates/static/ (style sheet, scripts) without a
// reload: they are served from their source (a build only copies them to assets/), so
// nothing else changes. It declines, and the site is reloaded, for anything else, a
// removed or unreadable file, or while the site has errors.
func (s *Server) patchStatic(changed []string) bool {
	const static = "templates/static/"
	if len(changed) == 0 {
		return false
	}
	data := map[string][]byte{}
	for _, p := range changed {
		if e, ok := s.seen[p]; !strings.HasPrefix(p, static) || !ok || e.sum == 0 {
			return false
		}
		b, err := fs.ReadFile(s.src, p)
		if err != nil {
			return false
		}
		data["assets/"+strings.TrimPrefix(p, static)] = b
	}
	s.mu.Lock()
	if s.failed || s.pages == nil {
		s.mu.Unlock()
		return false
	}
	files := make(map[string][]byte, len(s.static))
	for p, b := range s.static {
		files[p] = b
	}
	for p, b := range data {
		files[p] = b
	}
	s.static = files
	s.bump()
	s.mu.Unlock()
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "Đã cập nhật %s sau khi lưu, không cần dựng lại.\n", strings.Join(changed, ", "))
	}
	return true
}

// Start listens on addr ("127.0.0.1:0" picks a free port), serves and watches until
// ctx ends, and returns the address it listens on.
func (s *Server) Start(ctx context.Context, addr string) (net.Addr, <-chan error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	s.host = hostCheck{port: portOf(ln.Addr())}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go s.Watch(ctx)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.Close()
		done <- err
	}()
	return ln.Addr(), done, nil
}

// Close removes the temporary folder of the build; Start calls it when the server stops.
func (s *Server) Close() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tmp != nil {
		s.tmp.Remove()
		s.tmp, s.out = nil, ""
	}
}

// ServeHTTP serves the preview's own files under /__chiso/, then the site under its
// base path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.host.allows(r.Host) {
		refuseHost(w)
		return
	}
	switch r.URL.Path {
	case "/__chiso/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case "/__chiso/preview.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, previewCSS)
		return
	case "/__chiso/events":
		s.events(w, r)
		return
	}
	base := s.Base()
	if !strings.HasPrefix(r.URL.Path, base) {
		if r.URL.Path == "/" || r.URL.Path == strings.TrimSuffix(base, "/") {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, base)
	// As the server rules a build writes answer it, but 302: a preview's redirect must
	// not stay in the browser's cache.
	if to, ok := s.movedTo(name); ok {
		http.Redirect(w, r, redirect.Location(base, to), http.StatusFound)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	name = path.Clean(name)
	if s.needsBuild(name) {
		s.build()
	}
	s.mu.RLock()
	defer s.mu.RUnlock() // pages render from the model, which a reload changes
	data, ok, probs := s.file(name)
	isPage := strings.HasSuffix(name, ".html") || !ok && path.Ext(name) == ""
	if s.failed && isPage {
		s.errorPage(w, s.probs, s.version)
		return
	}
	if probs.HasErrors() { // a template that fails on this page's data
		s.errorPage(w, probs, s.version)
		return
	}
	status := http.StatusOK
	if !ok {
		if data, ok, _ = s.file("404.html"); !ok {
			http.NotFound(w, r)
			return
		}
		name, status = "404.html", http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = inject(data, s.version)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

// movedTo is where an old address (a moved page, a download of an earlier version) now
// is, under the base path.
func (s *Server) movedTo(name string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return redirect.Match(s.moved, name)
}

// needsBuild says whether name is a file only the full build makes, and the last one is
// older than the model.
func (s *Server) needsBuild(name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.failed || s.built == s.gen {
		return false
	}
	if _, static := s.static[name]; static || s.opts.ECharts != nil && name == pipeline.EChartsPath(s.opts.ECharts) {
		return false
	}
	if !strings.HasSuffix(name, ".html") {
		return true // a download, a feed, the search index, a share card
	}
	if s.pages != nil {
		if _, ok, _ := s.pages.Render(name); ok { // kept for the request
			return false
		}
	}
	// A page only a build makes (an embed, the data or search page, a redirect), or one
	// the last build made; any other address is not worth a build to answer 404.
	for _, dir := range []string{pipeline.EmbedDir, pipeline.DataDir, pipeline.SearchDir} {
		if strings.HasPrefix(name, dir) {
			return true
		}
	}
	if s.out == "" || !fs.ValidPath(name) {
		return false
	}
	_, err := fs.Stat(os.DirFS(s.out), name)
	return err == nil
}

// file is the site's file at name: a page rendered from the model, a style sheet or
// script of templates/static/, the chart library, or else the file of the last full
// build. Called with s.mu held.
func (s *Server) file(name string) ([]byte, bool, diag.List) {
	if s.pages != nil && strings.HasSuffix(name, ".html") {
		if data, ok, probs := s.pages.Render(name); ok {
			return data, len(probs) == 0, probs
		}
	}
	if data, ok := s.static[name]; ok {
		return data, true, nil
	}
	if s.opts.ECharts != nil && name == pipeline.EChartsPath(s.opts.ECharts) {
		return s.opts.ECharts, true, nil
	}
	if s.out == "" || !fs.ValidPath(name) {
		return nil, false, nil
	}
	data, err := fs.ReadFile(os.DirFS(s.out), name)
	return data, err == nil, nil
}

// inject adds the reload script before </body>.
func inject(page []byte, version int64) []byte {
	tag := []byte(`<script src="/__chiso/reload.js" data-version="` + strconv.FormatInt(version, 10) + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams the build version: once on connecting, then after every rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "no streaming", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		s.mu.RLock()
		version, changed := s.version, s.changed
		s.mu.RUnlock()
		fmt.Fprintf(w, "event: version\ndata: %d\n\n", version)
		flusher.Flush()
		if !s.wait(w, flusher, r.Context(), changed, keepAlive.C) {
			return
		}
	}
}

// wait blocks until the next rebuild (true) or the browser leaves (false), sending a
// comment now and then so proxies keep the stream open.
func (s *Server) wait(w io.Writer, f http.Flusher, ctx context.Context, changed <-chan struct{}, tick <-chan time.Time) bool {
	for {
		select {
		case <-ctx.Done():
			return false
		case <-changed:
			return true
		case <-tick:
			io.WriteString(w, ": còn kết nối\n\n")
			f.Flush()
		}
	}
}

func (s *Server) errorPage(w http.ResponseWriter, probs diag.List, version int64) {
	type line struct {
		Where, Severity, What, Todo string
		Excerpt                     []excerptLine
	}
	var errs, warns []line
	src := s.src
	for _, d := range probs {
		l := line{d.Pos.String(), d.Severity.String(), d.Message(), d.Hint(), nil}
		if d.Severity == diag.Error {
			l.Excerpt = excerpt(src, d.Pos)
			errs = append(errs, l)
		} else {
			warns = append(warns, l)
		}
	}
	var buf bytes.Buffer
	if err := errorTmpl.Execute(&buf, map[string]any{"Errors": errs, "Warnings": warns, "Version": version}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(buf.Bytes())
}

var errorTmpl = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dữ liệu có lỗi – xem trước</title>
<link rel="stylesheet" href="/__chiso/preview.css">
</head>
<body>
<main>
<h1>Chưa dựng được trang: {{len .Errors}} lỗi</h1>
<p>Sửa các dòng dưới đây rồi lưu tệp: trang sẽ tự tải lại.</p>
<ol class="problems">
{{- range .Errors}}
<li><code>{{.Where}}</code> <strong>{{.Severity}}:</strong> {{.What}}{{if .Todo}} — {{.Todo}}{{end}}
{{- with .Excerpt}}
<pre class="excerpt" aria-label="Các dòng quanh chỗ lỗi">
{{- range .}}
<span{{if .Here}} class="here"{{end}}><span class="ln">{{.Number}}</span>{{if .Here}} ▶ {{else}}   {{end}}{{.Text}}</span>
{{- if .Caret}}
<span class="caret"><span class="ln">{{.Number}}</span>   {{.Caret}} đây</span>
{{- end}}
{{- end}}
</pre>
{{- end}}
</li>
{{- end}}
</ol>
{{- if .Warnings}}
<h2>{{len .Warnings}} cảnh báo</h2>
<ol class="problems warnings">
{{- range .Warnings}}
<li><code>{{.Where}}</code> <strong>{{.Severity}}:</strong> {{.What}}{{if .Todo}} — {{.Todo}}{{end}}</li>
{{- end}}
</ol>
{{- end}}
</main>
<script src="/__chiso/reload.js" data-version="{{.Version}}" defer></script>
</body>
</html>
`))

const reloadJS = `// chiso serve: reloads the page when the site has been rebuilt. Served by the preview
// only; the published site never includes it.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") : null;
  var source = new EventSource("/__chiso/events");
  source.addEventListener("version", function (e) {
    if (version !== null && e.data !== version) {
      source.close();
      location.reload();
    }
  });
})();
`

const previewCSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fff8f6; color: #1a1a1a; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #a4161a; }
.problems li { margin: .5rem 0; }
.problems code { background: #fff; border: 1px solid #e5c4c4; padding: 0 .25rem; white-space: nowrap; }
.warnings code { border-color: #e5d9a5; }
.excerpt { background: #fff; border: 1px solid #e5c4c4; padding: .5rem; overflow-x: auto; font-size: 14px; line-height: 1.4; }
.excerpt .ln { color: #767676; user-select: none; }
.excerpt .here { background: #ffe3e0; font-weight: bold; display: inline-block; min-width: 100%; }
.excerpt .caret { color: #a4161a; font-weight: bold; }
.excerpt .caret .ln { visibility: hidden; }
`
