package pipeline

// The redirect page kind: an old address of data/redirects.toml sending readers on.

import (
	"io/fs"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/render"
)

// RedirectBody is a redirect page's data.
type RedirectBody struct {
	To string // path under the site root, maybe with #fragment
}

// redirects writes a page at each old path of data/redirects.toml that sends readers
// (and crawlers: meta refresh, canonical) to the new one.
func (b *builder) redirects(src fs.FS) error {
	reds, _ := load.Redirects(src) // its problems were reported by Check
	for _, r := range reds {
		from := pageFile(r.From)
		if b.isPage(from) {
			b.probs.Errorf(r.Pos, diag.RedirectShadows, r.From)
			continue
		}
		to, _, _ := strings.Cut(r.To, "#")
		if !b.isPage(pageFile(to)) {
			b.probs.Errorf(r.ToPos, diag.RedirectMissing, r.From, r.To)
			continue
		}
		p := &render.Page{Site: b.site, Kind: "redirect", Layout: "redirect", Path: r.From, Title: "Trang đã chuyển", Body: &RedirectBody{To: r.To}}
		out, err := b.tmpl.Render(p)
		if err != nil {
			return err
		}
		b.files[from] = out
	}
	return nil
}
