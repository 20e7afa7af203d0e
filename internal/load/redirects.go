package load

import (
	"io/fs"
	"regexp"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
)

// redirectsFile keeps old addresses working (optional):
//
//	[[redirect]]
//	from = "tin-cu/thang-4/"     # a path that was published and is gone
//	to = "bai-viet/2024-04/"     # where that page lives now
const redirectsFile = "data/redirects.toml"

// redirectPath is a path under the site root: lower-case ASCII segments, no leading
// slash, no "..", ending in "/" (a folder's index.html) or ".html". To may add a #fragment.
var redirectPath = regexp.MustCompile(`^([a-z0-9_-][a-z0-9._-]*/)*([a-z0-9_-][a-z0-9._-]*\.html)?$`)

// Redirects reads data/redirects.toml. Whether To names a published page is known only
// once the site is built; the build checks that.
func Redirects(fsys fs.FS) ([]model.Redirect, diag.List) {
	var probs diag.List
	l := &loader{fsys: fsys, probs: &probs, site: &model.Site{}}
	t, ok := l.open(redirectsFile, false)
	if !ok {
		return nil, probs
	}
	var out []model.Redirect
	seen := map[string]diag.Pos{}
	for _, row := range t.Rows("redirect") {
		r := model.Redirect{From: row.String("from", true), To: row.String("to", true), Pos: row.PosOf("from"), ToPos: row.PosOf("to")}
		row.Done()
		bad := false
		if r.From != "" && !validRedirect(r.From) {
			probs.Errorf(row.PosOf("from"), diag.BadRedirect, r.From)
			bad = true
		}
		to, _, _ := strings.Cut(r.To, "#")
		if r.To != "" && !validRedirect(to) {
			probs.Errorf(row.PosOf("to"), diag.BadRedirect, r.To)
			bad = true
		}
		if bad || r.From == "" || r.To == "" {
			continue
		}
		if prev, dup := seen[r.From]; dup {
			probs.Errorf(row.PosOf("from"), diag.DuplicateKey, r.From, prev.String())
			continue
		}
		seen[r.From] = row.PosOf("from")
		out = append(out, r)
	}
	t.Done()
	return out, probs
}

// validRedirect: segments start with a letter, digit, "_" or "-", so "." and ".." cannot
// occur and the path cannot leave the site.
func validRedirect(p string) bool { return p != "" && redirectPath.MatchString(p) }
