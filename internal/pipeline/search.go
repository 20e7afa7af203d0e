package pipeline

import (
	"sort"
	"strings"
	"time"
	"unique"

	"chiso/internal/model"
	"chiso/internal/render"
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
			WordsFrom: b.out.wordsOf(e),
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

// searchEntry is a rendered page as the search index needs it (search.go).
type searchEntry struct {
	kind, title, heading string
	lang                 string      // "en" for the English edition's own index
	unit                 *model.Unit // a unit page, titled with its entity
	// The page's text as the index keeps it, taken while its bytes are at hand: its words
	// and its excerpt, not the whole text.
	words   []unique.Handle[string]
	excerpt string
	// Building to a folder, the excerpt is in the excerpts file (toDir.keepExcerpt) at
	// excerptAt, excerptLen bytes long, and the words after it, wordsLen bytes; inFile
	// is false for an entry that keeps both in memory.
	excerptAt            int64
	excerptLen, wordsLen int
	inFile               bool
}

// ownExcerpt copies the excerpt an entry keeps in memory, which shares the bytes of the
// page's whole text: only an excerpt that stays in memory is copied, not one keepExcerpt
// writes to its file. Nil-safe.
func (e *searchEntry) ownExcerpt() {
	if e != nil {
		e.excerpt = strings.Clone(e.excerpt)
	}
}

func searchEntryOf(p *render.Page, html []byte) *searchEntry {
	if _, ok := searchOrder[p.Kind]; !ok || p.Layout != "" {
		return nil
	}
	text := search.MainText(html)
	e := &searchEntry{kind: p.Kind, title: p.Title, lang: p.Lang, words: search.TextWords(text), excerpt: search.Excerpt(text)}
	switch body := p.Body.(type) {
	case *ArticleBody: // the official titles of every month read alike
		e.title, e.heading = body.Article.ListTitle, p.Title
	case *UnitBody: // departments of two provinces share a name
		e.unit = body.Unit
	}
	return e
}

// searches makes both editions' search indexes and writes their files (writeSearch), one
// edition after the other, not two indexes held at once, and gives the search pages'
// bodies (en is nil without an English edition). The indexes' heads stay in b.files: the
// data page gives their size.
func (b *builder) searches() (vi, en *SearchBody, err error) {
	put := func(p string, data []byte) error {
		if p == SearchIndex || p == EnglishDir+SearchIndex {
			b.files[p] = data
			return nil
		}
		return b.put(p, data)
	}
	if vi, err = b.writeSearch("", put); err == nil && b.en != nil {
		en, err = b.writeSearch(EnglishDir, put)
	}
	return vi, en, err
}

// searchPage queues tim-kiem/, with the body searches made.
func (b *builder) searchPage(body *SearchBody) error {
	return b.page("search", SearchDir, "Tìm kiếm", "Tìm trong toàn bộ bài viết, chỉ tiêu, đơn vị và số liệu của trang.", "search", false, body)
}

// writeSearch writes the index of the pages under dir ("" or EnglishDir) into dir+SearchDir
// through put, each file as it is made, and gives the search page's list of it for readers
// without JavaScript.
func (b *builder) writeSearch(dir string, put func(path string, data []byte) error) (*SearchBody, error) {
	lang := ""
	if dir == EnglishDir {
		lang = "en"
	}
	ix, err := b.searchIndex(lang)
	if err != nil {
		return nil, err
	}
	if err := ix.Write(func(name string, data []byte) error { return put(dir+SearchDir+name, data) }); err != nil {
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
