package pipeline

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"chiso/internal/search"
)

// searchKinds label the kinds of page in search results, in the order results of equal
// weight are shown; page kinds not listed (home, search, 404, embeds) are not indexed.
var searchKinds = []struct{ kind, label string }{
	{"article", "Bài viết"},
	{"indicator", "Chỉ tiêu"},
	{"summary", "Tổng hợp quý"},
	{"ranking", "Xếp hạng đơn vị"},
	{"unit", "Đơn vị"},
	{"page", "Trang"},
	{"indicators", "Trang"},
	{"units", "Trang"},
	{"archive", "Trang"},
	{"data", "Trang"},
}

// SearchBody is the search page's data: every findable page, for the list shown
// without JavaScript.
type SearchBody struct {
	Groups []SearchGroup
}

// SearchGroup is one kind of page.
type SearchGroup struct {
	Label   string
	Entries []search.Page
}

// searchIndex lists every rendered page of a searchable kind with its text: articles
// newest first, then indicators, quarters, rankings, units and other pages.
func (b *builder) searchIndex() *search.Index {
	ix := &search.Index{}
	label := map[string]int{}
	order := map[string]int{}
	for i, k := range searchKinds {
		if _, ok := label[k.label]; !ok {
			label[k.label] = len(ix.Kinds)
			ix.Kinds = append(ix.Kinds, k.label)
		}
		order[k.kind] = i
	}
	var jobs []pageJob
	for _, j := range b.rendered {
		if _, ok := order[j.page.Kind]; ok && j.page.Layout == "" {
			jobs = append(jobs, j)
		}
	}
	sort.SliceStable(jobs, func(i, k int) bool {
		a, c := jobs[i].page, jobs[k].page
		if order[a.Kind] != order[c.Kind] {
			return order[a.Kind] < order[c.Kind]
		}
		if a.Kind == "article" || a.Kind == "summary" || a.Kind == "ranking" {
			return a.Path > c.Path // newest first
		}
		return false
	})
	texts := make([]string, len(jobs))
	onAllCores(len(jobs), func(i int) { texts[i] = mainText(b.files[jobs[i].file]) })
	for i, j := range jobs {
		ix.Pages = append(ix.Pages, search.Page{
			Kind:  label[searchKinds[order[j.page.Kind]].label],
			Path:  j.page.Path,
			Title: j.page.Title,
			Text:  texts[i],
		})
	}
	return ix
}

// mainText is the text a reader sees in a page's <main>, without what every page
// repeats (breadcrumb, "Tin nổi bật"), chart options and download links.
func mainText(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var out strings.Builder
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "aside", "nav", "template":
				return
			case "main":
				in = true
			}
			for _, a := range n.Attr {
				// Download links, and the illustrative-data notice every sample page repeats.
				if a.Key == "class" && (strings.Contains(a.Val, "chart-downloads") || strings.Contains(a.Val, "chart-embed") ||
					strings.Contains(a.Val, "notice-illustrative")) {
					return
				}
			}
		}
		if n.Type == html.TextNode && in {
			out.WriteString(n.Data)
			out.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return strings.Join(strings.Fields(out.String()), " ")
}

func (b *builder) searchPage() error {
	ix := b.searchIndex()
	files, err := ix.Files()
	if err != nil {
		return err
	}
	for name, data := range files {
		b.files[SearchDir+name] = data
	}
	body := &SearchBody{}
	for k, label := range ix.Kinds {
		g := SearchGroup{Label: label}
		for _, p := range ix.Pages {
			if p.Kind == k {
				g.Entries = append(g.Entries, p)
			}
		}
		if len(g.Entries) > 0 {
			body.Groups = append(body.Groups, g)
		}
	}
	return b.page("search", SearchDir, "Tìm kiếm", "Tìm trong toàn bộ bài viết, chỉ tiêu, đơn vị và số liệu của trang.", "search", false, body)
}
