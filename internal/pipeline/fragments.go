package pipeline

// The fragment page kind: bai-viet/{period}/doan-trich.html, an article's body with
// absolute links to paste into the portal's CMS; feeds carry the same HTML.

import (
	"bytes"
	"fmt"
	neturl "net/url"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"chiso/internal/render"
	"chiso/internal/write"
)

// fragments writes bai-viet/{period}/doan-trich.html: the article's body alone, with
// absolute links, to paste into the portal's CMS.
func (b *builder) fragments() error {
	for _, a := range b.articles {
		p := &render.Page{Site: b.site, Kind: "fragment", Layout: "fragment", Path: a.Path() + FragmentName, Title: a.Title,
			Illustrative: a.Report.Illustrative, IllustrativeText: illustrativeText, Body: a}
		out, err := b.tmpl.Render(p)
		if err != nil {
			return err
		}
		abs, err := absolutize(out, b.absURLOf(a.Path()))
		if err != nil {
			return fmt.Errorf("%s: %w", p.Path, err)
		}
		b.files[p.Path] = abs
	}
	return nil
}

// absolutize resolves every href and src of an HTML fragment against base.
func absolutize(fragment []byte, base string) ([]byte, error) {
	baseURL, err := neturl.Parse(base)
	if err != nil {
		return nil, err
	}
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(bytes.NewReader(fragment), ctx)
	if err != nil {
		return nil, err
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for i, at := range n.Attr {
				if at.Key != "href" && at.Key != "src" {
					continue
				}
				if u, err := neturl.Parse(at.Val); err == nil {
					n.Attr[i].Val = baseURL.ResolveReference(u).String()
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var out bytes.Buffer
	for _, n := range nodes {
		walk(n)
		if err := xhtml.Render(&out, n); err != nil {
			return nil, err
		}
	}
	return out.Bytes(), nil
}

// articleHTML is an article's lead and body with absolute links, for feeds.
func (b *builder) articleHTML(a *write.Article) string {
	src := "<p>" + string(a.Lead) + "</p>\n" + string(a.Body)
	out, err := absolutize([]byte(src), b.absURLOf(a.Path()))
	if err != nil {
		return ""
	}
	return string(out)
}
