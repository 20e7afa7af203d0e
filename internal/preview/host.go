package preview

import (
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// source opens the site's folder as the build command does (load.Dir); a folder that
// cannot be opened is read as given, and the build reports each file it cannot read.
func source(dir string) fs.FS {
	if src, err := load.Dir(dir); err == nil {
		return src
	}
	return os.DirFS(dir)
}

// hostCheck guards against DNS rebinding: a page on another site whose host name an
// attacker points at 127.0.0.1 could otherwise read the preview (the editor's
// unpublished data) as same-origin. Browsers send that name in Host, so only addresses
// by number and "localhost", on our own port, are answered.
type hostCheck struct {
	port string // "" before Start: every Host is answered (tests calling ServeHTTP)
}

func portOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return strconv.Itoa(t.Port)
	}
	_, port, _ := net.SplitHostPort(a.String())
	return port
}

func (h hostCheck) allows(hostHeader string) bool {
	if h.port == "" {
		return true
	}
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil || port != h.port {
		return false
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return host == "localhost" || net.ParseIP(host) != nil
}

func refuseHost(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusMisdirectedRequest)
	io.WriteString(w, diag.PreviewWrongHost+"\n")
}

// siteOrCrash builds the site; a panic becomes a failed build whose error page says so,
// and the preview goes on serving (a panic in the watcher would end it with a Go stack).
func siteOrCrash(opts pipeline.Options) (files publish.Files, probs diag.List, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, pipeline.ErrInvalid
			probs = diag.List{{Pos: diag.Pos{File: "config.toml"}, Code: diag.Internal}}
		}
	}()
	return pipeline.Site(opts)
}
