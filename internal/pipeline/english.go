package pipeline

// The English edition: every article, the home page, the archive, the indicators and the
// content pages again under en/, from the same data, with the English wording
// (templates/wording/en/), the same layouts run with English functions and the UI-string
// table templates/ui-en.toml. The Vietnamese path segments are kept under en/
// (en/bai-viet/2024-04/, en/chi-tieu/ho-so-truc-tuyen/), so every English page's
// Vietnamese twin is its path without "en/". Pages that exist in Vietnamese only (units,
// rankings, quarters, data, search) link to the English home from their language switch.
// A site without templates/ui-en.toml has no English edition.

import (
	"fmt"
	"io/fs"
	"strings"

	"chiso/internal/feed"
	"chiso/internal/load"
	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/shareimage"
	"chiso/internal/write"
)

// English edition's folder and feeds.
const (
	EnglishDir  = "en/"
	EnglishRSS  = EnglishDir + "rss.xml"
	EnglishAtom = EnglishDir + "atom.xml"
)

type english struct {
	tmpl     *render.Templates
	w        *write.Writer
	ui       map[string]string
	articles []*write.Article        // oldest first, as site.Reports
	byPath   map[string]*render.Page // the Vietnamese pages by path
}

// t is the UI table's English for s (the layouts' t); s itself when missing, which the
// template's own t reports as an error when a layout uses it.
func (e *english) t(s string) string {
	if v, ok := e.ui[s]; ok {
		return v
	}
	return s
}

// setupEnglish parses the English templates when the site has a UI table.
func (b *builder) setupEnglish(src fs.FS) error {
	ui, probs := load.UIStrings(src)
	if len(probs) > 0 {
		return probs
	}
	if ui == nil {
		return nil
	}
	tmpl, err := render.ParseEn(src, write.FuncsEn(&b.site.Config, ui))
	if err != nil {
		return err
	}
	b.en = &english{tmpl: tmpl, w: write.NewEn(b.site, tmpl.Text), ui: ui, byPath: map[string]*render.Page{}}
	return nil
}

// englishEdition queues the English pages and writes the English feeds.
func (b *builder) englishEdition() error {
	if b.en == nil {
		return nil
	}
	e := b.en
	for _, j := range b.jobs { // the Vietnamese pages queued so far: the twins
		if j.page.Layout == "" {
			e.byPath[j.page.Path] = j.page
		}
	}
	for _, r := range b.site.Reports[len(e.articles):] { // a preview's pass has them (preview.go)
		a, err := e.w.Article(r)
		if err != nil {
			return fmt.Errorf("%s (kỳ %s, bản tiếng Anh): %w", r.File, r.Period.Key(), err)
		}
		e.articles = append(e.articles, a)
	}
	for _, step := range []func() error{b.enHome, b.enArticles, b.enIndicators, b.enArchive, b.enPages} {
		if err := step(); err != nil {
			return err
		}
	}
	if b.only != nil { // a preview's pass lays out pages only
		return nil
	}
	return b.enFeeds()
}

func (b *builder) enNewest() []*write.Article {
	out := make([]*write.Article, len(b.en.articles))
	for i, a := range b.en.articles {
		out[len(out)-1-i] = a
	}
	return out
}

// enArticle is the English article of the Vietnamese one.
func (b *builder) enArticle(a *write.Article) *write.Article {
	for i, v := range b.articles {
		if v == a {
			return b.en.articles[i]
		}
	}
	return nil
}

// pageEn queues an English page at en/+path and links it with its Vietnamese twin at path.
func (b *builder) pageEn(kind, path, title, desc, section string, illustrative bool, body any) {
	e := b.en
	cfg := &b.site.Config
	p := &render.Page{
		ECharts: b.echarts, Lang: "en",
		Site: b.site, Kind: kind, Path: EnglishDir + path, Title: title, Description: desc,
		Illustrative: illustrative, IllustrativeText: illustrativeText, Body: body,
	}
	n := b.enNewest()
	if len(n) > 3 {
		n = n[:3]
	}
	p.Featured = n
	p.Nav = []render.NavItem{
		{Label: e.t("Trang chủ"), Path: EnglishDir, Current: section == "home"},
		{Label: e.t("Chỉ tiêu"), Path: EnglishDir + "chi-tieu/", Current: section == "indicators"},
		{Label: e.t("Lưu trữ"), Path: EnglishDir + "luu-tru/", Current: section == "archive"},
	}
	for _, pg := range b.site.Pages {
		label := pg.Title
		if pg.English != nil {
			label = pg.English.Title
		}
		p.Nav = append(p.Nav, render.NavItem{Label: label, Path: EnglishDir + pg.Slug + "/", Current: section == "page:"+pg.Slug})
	}
	p.Updated = b.updated(p)
	p.Share = &render.Share{Type: "website", Image: b.absURLOf(ShareImage), Width: shareimage.Width, Height: shareimage.Height,
		ImageAlt: cfg.TitleEn, Feeds: []render.FeedLink{
			{Title: cfg.TitleEn + " – " + e.t("tin bài") + " (RSS)", Type: "application/rss+xml", Href: b.urlOf(EnglishRSS)},
			{Title: cfg.TitleEn + " – " + e.t("tin bài") + " (Atom)", Type: "application/atom+xml", Href: b.urlOf(EnglishAtom)},
		}}
	if ab, ok := body.(*ArticleBody); ok {
		p.Share.Type = "article"
		p.Share.Published = opendata.Published(ab.Article.Report).Format("2006-01-02")
		ld := b.newsArticleLD(ab.Article)
		ld["inLanguage"] = "en"
		p.Share.LD = jsonLD(ld)
	}
	// The twins: hreflang both ways, x-default the Vietnamese page; each switch to the other.
	if vi := e.byPath[path]; vi != nil {
		alt := []render.Alternate{{Lang: "vi", Path: path}, {Lang: "en", Path: p.Path}, {Lang: "x-default", Path: path}}
		vi.Alternates, p.Alternates = alt, alt
		vi.Switch = &render.Alternate{Lang: "en", Path: p.Path, Label: "English"}
		p.Switch = &render.Alternate{Lang: "vi", Path: path, Label: "Tiếng Việt"}
	}
	b.open.published(p, b.lastmod(p))
	b.jobs = append(b.jobs, pageJob{p.Path + "index.html", p})
}

func (b *builder) enHome() error {
	e := b.en
	body := &HomeBody{Articles: b.enNewest()}
	desc := b.site.Config.TitleEn + " – " + b.site.Current().NameEn
	illustrative := false
	if latest := b.latestOfSeries(); latest != nil {
		body.Latest = b.enArticle(latest)
		illustrative = latest.Report.Illustrative
		desc = body.Latest.Summary
		if d, _ := e.w.Data(latest.Report); d != nil && d.Index != nil {
			body.Index, _ = e.w.Text("index-sentence", d)
			body.Index += "."
		}
	}
	b.pageEn("home", "", b.site.Config.TitleEn, desc, "home", illustrative, body)
	return nil
}

func (b *builder) enArticles() error {
	for i, a := range b.en.articles {
		var related []*write.Article
		for _, v := range b.related(i) {
			related = append(related, b.enArticle(v))
		}
		body := &ArticleBody{Article: a, Related: related, Corrections: b.articleCorrections(a)}
		b.pageEn("article", strings.TrimPrefix(a.Path(), EnglishDir), a.Title, a.Summary, "", a.Report.Illustrative, body)
	}
	return nil
}

func (b *builder) enIndicators() error {
	for _, ind := range b.site.Indicators {
		body, illustrative := b.indicatorBody(ind, b.en.articles)
		b.pageEn("indicator", "chi-tieu/"+ind.Key+"/", ind.NameEn, ind.DefinitionEn, "indicators", illustrative, body)
	}
	b.pageEn("indicators", "chi-tieu/", b.en.t("Các chỉ tiêu"), b.en.t("Danh sách các chỉ tiêu, định nghĩa và mục tiêu được giao."), "indicators", false, b.site.Indicators)
	return nil
}

func (b *builder) enArchive() error {
	var years []ArchiveBody
	for _, a := range b.enNewest() {
		y := a.Report.Period.Year
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, ArchiveBody{Year: y})
		}
		years[len(years)-1].Articles = append(years[len(years)-1].Articles, a)
	}
	for i := range years {
		title := fmt.Sprintf("%s %d", b.en.t("Tin bài năm"), years[i].Year)
		b.pageEn("archive", fmt.Sprintf("luu-tru/%d/", years[i].Year), title, title, "archive", false, &years[i])
	}
	b.pageEn("archive", "luu-tru/", b.en.t("Lưu trữ theo năm"), b.en.t("Tin bài về kết quả các chỉ tiêu, theo năm."), "archive", false, &ArchiveBody{Years: years})
	return nil
}

// enPages writes each content page's English text (content/en/NAME.md); a page without
// one says, in English, that it is available in Vietnamese, and links there.
func (b *builder) enPages() error {
	for _, pg := range b.site.Pages {
		title, desc := pg.Title, pg.Title
		var html any
		if en := pg.English; en != nil {
			h, err := write.Markdown(en.Body)
			if err != nil {
				return fmt.Errorf("%s: %w", en.File, err)
			}
			title, desc, html = en.Title, en.Title, h
			if en.Summary != "" {
				desc = en.Summary
			}
		} else {
			h, err := b.en.w.HTML("page-in-vietnamese", pg)
			if err != nil {
				return err
			}
			html = h
		}
		b.pageEn("page", pg.Slug+"/", title, desc, "page:"+pg.Slug, false, html)
	}
	return nil
}

// enFeeds writes en/rss.xml and en/atom.xml of every English article.
func (b *builder) enFeeds() error {
	cfg := &b.site.Config
	f := &feed.Feed{Title: cfg.TitleEn + " – " + b.site.Current().NameEn, Description: b.en.t("Tin bài về kết quả các chỉ tiêu, theo năm."),
		Link: b.absURLOf(EnglishDir), Language: "en", Author: cfg.Author, Updated: opendata.Created(b.site)}
	for _, a := range b.enNewest() {
		it := feed.Item{Title: a.Title, Link: b.absURLOf(a.Path()), Summary: a.Summary, Content: b.articleHTML(a),
			Published: opendata.Published(a.Report), Author: a.Report.Author}
		if a.Report.Illustrative {
			it.Summary = b.en.t("Số liệu minh họa.") + " " + it.Summary
			it.Category = []string{b.en.t("Số liệu minh họa")}
		}
		f.Items = append(f.Items, it)
	}
	f.Self = b.absURLOf(EnglishRSS)
	rss, err := f.RSS()
	if err != nil {
		return err
	}
	f.Self = b.absURLOf(EnglishAtom)
	atom, err := f.Atom()
	if err != nil {
		return err
	}
	b.files[EnglishRSS], b.files[EnglishAtom] = rss, atom
	return nil
}
