// Package preview is `chiso serve`: the site built in memory and served on the editor's
// own machine, rebuilt whenever a source file is saved, with the browser reloading
// itself.
//
// Changes are found by polling: every 500 ms the files under config.toml, data/,
// content/ and templates/ are read and hashed. A site is a few hundred kilobytes, so a
// poll costs well under a millisecond, and polling sees every way an editor saves —
// editors that write a new file and rename it over the old one (which drops an
// inotify watch), new folders, network drives and virtual machine shares that deliver
// no file events — with no dependency and no watch bookkeeping. Half a second is less
// than it takes to switch to the browser. A saved file of templates/static/ is swapped
// into the served site without a build (a build only copies it); anything else rebuilds
// the whole site.
//
// The page reloads through Server-Sent Events: every HTML page gets one
// <script src="/__chiso/reload.js"> before </body> (a file, never inline, so a
// Content-Security-Policy without inline scripts holds), which listens on
// /__chiso/events and reloads when the build version changes. When the data have
// errors, every page shows the list of problems with their file and line, and the
// previous build's assets stay available; saving a fix brings the site back.
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
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"chiso/internal/diag"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
	"chiso/internal/vietnamese"
)

// Options tune a preview.
type Options struct {
	ECharts  []byte        // the chart library, as for build
	Interval time.Duration // between polls; 500 ms when zero
	Log      io.Writer     // one line per rebuild; nil for none
}

// Server is a running preview of the site in one folder.
type Server struct {
	dir  string
	src  fs.FS // dir through load.Dir: no link out of it, regular files only
	opts Options
	host hostCheck // set by Start: the Host headers this preview answers

	mu      sync.RWMutex
	files   publish.Files // the last build that succeeded
	probs   diag.List     // the last build's problems
	failed  bool          // the last build had errors
	base    string        // base_path, "/chi-so/"
	version int64
	changed chan struct{}     // closed and replaced at every rebuild
	stamp   uint64            // fingerprint of the sources last built
	sums    map[string]uint64 // hash of each source file last built
}

// New builds the site once and returns the server.
func New(dir string, opts Options) *Server {
	if opts.Interval <= 0 {
		opts.Interval = 500 * time.Millisecond
	}
	s := &Server{dir: dir, opts: opts, base: "/", changed: make(chan struct{})}
	s.src = source(dir)
	s.stamp, _, s.sums = fingerprint(s.src)
	s.rebuild("")
	return s
}

// Base is the path the site is served under.
func (s *Server) Base() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.base
}

// Version counts builds; pages carry it so a browser knows when to reload.
func (s *Server) Version() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// rebuild builds the site and swaps it in; cause names the file that changed.
func (s *Server) rebuild(cause string) {
	start := time.Now()
	src := s.src
	files, probs, err := siteOrCrash(pipeline.Options{Source: src, ECharts: s.opts.ECharts})
	base := basePath(src)
	s.mu.Lock()
	if err == nil {
		s.files = files
	}
	if base != "" {
		s.base = base
	}
	s.probs, s.failed = probs, err != nil
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if s.opts.Log == nil {
		return
	}
	what := "Đã dựng"
	if cause != "" {
		what = "Đã dựng lại sau khi lưu " + cause
	}
	e, w := probs.Count()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "%s: %d lỗi, %d cảnh báo — trình duyệt hiện danh sách lỗi cho đến khi sửa xong.\n%s", what, e, w, probs)
		return
	}
	pages := 0
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	fmt.Fprintf(s.opts.Log, "%s: %d trang, %d cảnh báo (%s ms).\n%s", what, pages, w,
		vietnamese.Int(time.Since(start).Milliseconds()), probs)
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

// watched are the sources a rebuild depends on.
var watched = []string{"config.toml", "data", "content", "templates"}

// fingerprint hashes the names and contents of the watched files, names the one most
// recently modified, and gives each file's own hash.
func fingerprint(src fs.FS) (uint64, string, map[string]uint64) {
	h := fnv.New64a()
	sums := map[string]uint64{}
	latest, latestTime := "", time.Time{}
	for _, root := range watched {
		fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil // a file vanishing mid-walk is seen at the next poll
			}
			// Through the source root: a pipe or a link leaving the folder is not read
			// (the build reports it).
			data, err := fs.ReadFile(src, p)
			if err != nil {
				fmt.Fprintf(h, "%s\x00?\x00", p)
				sums[p] = 0
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
			h.Write(data)
			f := fnv.New64a()
			f.Write(data)
			sums[p] = f.Sum64()
			if info, err := d.Info(); err == nil && info.ModTime().After(latestTime) {
				latest, latestTime = p, info.ModTime()
			}
			return nil
		})
	}
	return h.Sum64(), latest, sums
}

// Watch polls the sources until ctx ends, rebuilding on every change.
func (s *Server) Watch(ctx context.Context) {
	t := time.NewTicker(s.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if stamp, cause, sums := fingerprint(s.src); stamp != s.stamp {
			changed := changedFiles(s.sums, sums)
			s.stamp, s.sums = stamp, sums
			if !s.patchStatic(changed) {
				s.rebuild(cause)
			}
		}
	}
}

// changedFiles lists the files added, changed or removed between two fingerprints.
func changedFiles(before, after map[string]uint64) []string {
	var out []string
	for p, h := range after {
		if old, ok := before[p]; !ok || old != h {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}

// patchStatic serves saved files of templates/static/ (style sheet, scripts) without a
// rebuild: a build only copies them to assets/, so nothing else changes. It declines,
// and the site is rebuilt, for anything else, a removed or unreadable file, or while the
// last build failed.
func (s *Server) patchStatic(changed []string) bool {
	const static = "templates/static/"
	if len(changed) == 0 {
		return false
	}
	data := map[string][]byte{}
	for _, p := range changed {
		if !strings.HasPrefix(p, static) {
			return false
		}
		b, err := fs.ReadFile(s.src, p)
		if err != nil || s.sums[p] == 0 {
			return false
		}
		data["assets/"+strings.TrimPrefix(p, static)] = b
	}
	start := time.Now()
	s.mu.Lock()
	if s.failed || s.files == nil {
		s.mu.Unlock()
		return false
	}
	files := make(publish.Files, len(s.files))
	for p, b := range s.files {
		files[p] = b
	}
	for p, b := range data {
		files[p] = b
	}
	s.files = files
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "Đã cập nhật %s sau khi lưu, không cần dựng lại (%s ms).\n",
			strings.Join(changed, ", "), vietnamese.Int(time.Since(start).Milliseconds()))
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
		done <- err
	}()
	return ln.Addr(), done, nil
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
	s.mu.RLock()
	files, failed, probs, base, version := s.files, s.failed, s.probs, s.base, s.version
	s.mu.RUnlock()
	if !strings.HasPrefix(r.URL.Path, base) {
		if r.URL.Path == "/" || r.URL.Path == strings.TrimSuffix(base, "/") {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	name = path.Clean(name)
	data, ok := files[name]
	isPage := strings.HasSuffix(name, ".html") || !ok && path.Ext(name) == ""
	if failed && isPage {
		s.errorPage(w, probs, version)
		return
	}
	status := http.StatusOK
	if !ok {
		if data, ok = files["404.html"]; !ok {
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
		data = inject(data, version)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
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
