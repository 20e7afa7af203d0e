package pipeline

import (
	"bytes"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"

	"chiso/internal/model"
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
func (b *builder) searchIndex() (*search.Index, error) {
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
		if _, ok := order[j.page.Kind]; ok && j.page.Layout == "" && j.page.Lang != "en" { // the index is Vietnamese
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
	unitTitles, err := b.unitListTitles()
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(jobs))
	onAllCores(len(jobs), func(i int) { texts[i] = mainText(b.files[jobs[i].file]) })
	for i, j := range jobs {
		title, heading := j.page.Title, ""
		switch body := j.page.Body.(type) {
		case *ArticleBody: // the official titles of every month read alike
			title, heading = body.Article.ListTitle, j.page.Title
		case *UnitBody: // departments of two provinces share a name
			title = unitTitles[body.Unit]
		}
		ix.Pages = append(ix.Pages, search.Page{
			Kind:    label[searchKinds[order[j.page.Kind]].label],
			Path:    j.page.Path,
			Title:   title,
			Heading: heading,
			Text:    texts[i],
		})
	}
	return ix, nil
}

// unitListTitles names every unit with its entity, "Sở Tư pháp, tỉnh Bình Định", and
// marks "(cũ)" a unit or entity that has ended while another of the same name goes on
// (templates/wording/listtitle.html).
func (b *builder) unitListTitles() (map[*model.Unit]string, error) {
	entityOld := map[*model.Entity]bool{}
	for _, e := range b.site.Entities {
		for _, other := range b.site.Entities {
			if other != e && other.Name == e.Name && !e.To.IsZero() && (other.To.IsZero() || other.To.After(e.To)) {
				entityOld[e] = true
			}
		}
	}
	entity := map[*model.Unit]*model.Entity{}
	for _, u := range b.site.Units {
		entity[u] = unitEntity(b.site, u)
	}
	// A unit is old when another of its name and entity goes on, or ends later: one pass
	// finds, per name and entity, whether one goes on and the latest end.
	type namesake struct {
		name   string
		entity *model.Entity
	}
	goesOn := map[namesake]bool{}
	lastEnd := map[namesake]time.Time{}
	for _, u := range b.site.Units {
		k := namesake{u.Name, entity[u]}
		if u.To.IsZero() {
			goesOn[k] = true
		} else if u.To.After(lastEnd[k]) {
			lastEnd[k] = u.To
		}
	}
	out := map[*model.Unit]string{}
	for _, u := range b.site.Units {
		k := namesake{u.Name, entity[u]}
		old := !u.To.IsZero() && (goesOn[k] || lastEnd[k].After(u.To))
		data := struct {
			Name, Entity   string
			Old, EntityOld bool
		}{u.Name, entity[u].Name, old, entityOld[entity[u]]}
		title, err := b.w.Text("unit-list-title", data)
		if err != nil {
			return nil, err
		}
		out[u] = title
	}
	return out, nil
}

// unitEntity is the entity a unit belonged to: its own when it names one, else the one in force on its last day, or the
// current one for a unit that goes on.
func unitEntity(site *model.Site, u *model.Unit) *model.Entity {
	if u.Entity != nil { // another entity's unit (or one naming its own)
		return u.Entity
	}
	if !u.To.IsZero() {
		for _, e := range site.Entities {
			if e.InForce(u.To) {
				return e
			}
		}
	}
	return site.Current()
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
	ix, err := b.searchIndex()
	if err != nil {
		return err
	}
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
