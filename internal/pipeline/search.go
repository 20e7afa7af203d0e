package pipeline

import (
	"bytes"
	"sort"
	"time"
	"unicode"

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
	{"comparison", "So sánh các tỉnh"},
	{"entity", "Tỉnh, thành phố"},
	{"page", "Trang"},
	{"comparisons", "Trang"},
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

// searchOrder is each indexed kind's place in searchKinds.
var searchOrder = func() map[string]int {
	m := map[string]int{}
	for i, k := range searchKinds {
		m[k.kind] = i
	}
	return m
}()

// searchIndex lists every rendered page of a searchable kind in one language ("" is
// Vietnamese, "en" English: each edition has its own index) with its text: articles
// newest first, then indicators, quarters, rankings, units and other pages.
func (b *builder) searchIndex(lang string) (*search.Index, error) {
	ix := &search.Index{}
	label := map[string]int{}
	for _, k := range searchKinds {
		if _, ok := label[k.label]; !ok {
			label[k.label] = len(ix.Kinds)
			kindLabel := k.label
			if lang == "en" {
				kindLabel = b.en.t(k.label + "|loại trang")
			}
			ix.Kinds = append(ix.Kinds, kindLabel)
		}
	}
	var recs []pageRecord
	for _, r := range b.rendered {
		if r.search != nil && (r.search.lang == "en") == (lang == "en") {
			recs = append(recs, r)
		}
	}
	sort.SliceStable(recs, func(i, k int) bool {
		a, c := recs[i], recs[k]
		if searchOrder[a.search.kind] != searchOrder[c.search.kind] {
			return searchOrder[a.search.kind] < searchOrder[c.search.kind]
		}
		if kind := a.search.kind; kind == "article" || kind == "summary" || kind == "ranking" {
			return a.path > c.path // newest first
		}
		return false
	})
	unitTitles, err := b.unitListTitles()
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		e := r.search
		title := e.title
		if e.unit != nil && lang != "en" { // the English unit page is titled in English already
			title = unitTitles[e.unit]
		}
		ix.Pages = append(ix.Pages, search.Page{
			Kind:      label[searchKinds[searchOrder[e.kind]].label],
			Path:      r.path,
			Title:     title,
			Heading:   e.heading,
			Text:      e.excerpt,
			TextWords: e.words,
			TextFrom:  b.out.excerptOf(e),
		})
		e.words = nil // the index holds them until it has read them (search.Index.Write)
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
// repeats (breadcrumb, "Tin nổi bật"), chart options and download links. It reads the
// page as tokens, not as a tree: the page is our templates' well-formed output, and the
// tree cost as much as the template itself. Only <main> is read: our layouts open it once,
// after the header, and close it once, and no input can write a tag (text, attributes
// and scripts are escaped; the editors' Markdown drops raw HTML).
func mainText(page []byte) string {
	if i := bytes.Index(page, mainOpen); i >= 0 {
		page = page[i:]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []byte
	in := false
	skip, depth := "", 0 // the element being left out, and how deep in it we are
	for {
		switch z.Next() {
		case html.ErrorToken:
			return string(out)
		case html.TextToken:
			if in && skip == "" {
				out = appendFields(out, z.Text())
			}
		case html.StartTagToken:
			name, attrs := z.TagName()
			if skip != "" {
				if string(name) == skip {
					depth++
				}
				continue
			}
			if string(name) == "main" {
				in = true
			}
			if voidElements[string(name)] {
				continue
			}
			if leftOut[string(name)] {
				skip, depth = string(name), 1
				continue
			}
			for attrs {
				var key, val []byte
				key, val, attrs = z.TagAttr()
				// Download links, and the illustrative-data notice every sample page repeats.
				if string(key) == "class" && (bytes.Contains(val, []byte("chart-downloads")) || bytes.Contains(val, []byte("chart-embed")) ||
					bytes.Contains(val, []byte("notice-illustrative"))) {
					skip, depth = string(name), 1
					break
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if skip != "" {
				if string(name) == skip {
					if depth--; depth == 0 {
						skip = ""
					}
				}
			} else if string(name) == "main" {
				return string(out) // nothing after it is read
			}
		}
	}
}

var mainOpen = []byte("<main")

// leftOut are the elements whose text is not the page's own.
var leftOut = map[string]bool{"script": true, "style": true, "aside": true, "nav": true, "template": true}

// voidElements have no end tag and no content.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// appendFields appends text's words to out, each after one space (none before the first).
func appendFields(out, text []byte) []byte {
	for len(text) > 0 {
		i := bytes.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			break
		}
		text = text[i:]
		j := bytes.IndexFunc(text, unicode.IsSpace)
		if j < 0 {
			j = len(text)
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, text[:j]...)
		text = text[j:]
	}
	return out
}

func (b *builder) searchPage() error {
	ix, err := b.searchIndex("")
	if err != nil {
		return err
	}
	body, err := b.writeSearch(ix, "")
	if err != nil {
		return err
	}
	return b.page("search", SearchDir, "Tìm kiếm", "Tìm trong toàn bộ bài viết, chỉ tiêu, đơn vị và số liệu của trang.", "search", false, body)
}

// writeSearch writes an index under dir+SearchDir ("" or EnglishDir) and gives the search
// page's list of it for readers without JavaScript. Page and word files are written as they
// are made; the head stays for the data page, which gives its size.
func (b *builder) writeSearch(ix *search.Index, dir string) (*SearchBody, error) {
	err := ix.Write(func(name string, data []byte) error {
		if SearchDir+name == SearchIndex {
			b.files[dir+SearchIndex] = data
			return nil
		}
		return b.put(dir+SearchDir+name, data)
	})
	if err != nil {
		return nil, err
	}
	body := &SearchBody{}
	for k, label := range ix.Kinds {
		g := SearchGroup{Label: label}
		for _, p := range ix.Pages {
			if p.Kind == k {
				// The list links the pages: their text and words are let go.
				p.Text, p.TextWords, p.TextFrom = "", nil, nil
				g.Entries = append(g.Entries, p)
			}
		}
		if len(g.Entries) > 0 {
			body.Groups = append(body.Groups, g)
		}
	}
	return body, nil
}
