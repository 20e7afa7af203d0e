package pipeline

// The English edition: every article, the home page, the archive, the indicators and the
// content pages again under en/, from the same data, with the English wording
// (templates/wording/en/), the same layouts run with English functions and the UI-string
// table templates/ui-en.toml. The Vietnamese path segments are kept under en/
// (en/bai-viet/2024-04/, en/chi-tieu/ho-so-truc-tuyen/), so every English page's
// Vietnamese twin is its path without "en/". The unit, ranking and unit-score pages
// (english_units.go), the target-plan and quarter pages take the Vietnamese page's body
// with the English articles and wording in it; the data and search pages are made in the open-data step, after their Vietnamese
// twins (enDataPage, enSearchPage); the comparisons (enComparisons) are made from the
// same rankings; the other provinces' pages (enEntities, english_units.go) as the site's
// own. The corrections log and the articles' corrections are the same records named and
// printed in English (english_corrections.go). A site without templates/ui-en.toml has no
// English edition.

import (
	"fmt"
	"io/fs"
	"strings"

	"chiso/internal/corrections"
	eng "chiso/internal/english"
	"chiso/internal/feed"
	"chiso/internal/load"
	"chiso/internal/model"
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
	twin     map[*write.Article]*write.Article
	summary  map[string]*model.Summary // the quarters and years, labelled in English, by key
	// corrections is the corrections log in English (english_corrections.go), made once.
	corrections *corrections.Log
	// viOnly are the Vietnamese pages made without their English twin ([publish] english
	// = "articles"), in the order met: the server rules send their old en/ address there.
	viOnly []string
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
	// Every unit page and ranking is laid out: their bodies hold the cells.
	b.cells = nil
	b.twinsOf(b.jobs)
	if err := b.enSetup(); err != nil {
		return err
	}
	for _, step := range []func() error{b.enHome, b.enArticles, b.enIndicators, b.enUnits, b.enRankings, b.enUnitScores, b.enEntities, b.enPlans, b.enSummaries, b.enArchive, b.enComparisons, b.enCorrectionsPage, b.enPages} {
		if err := step(); err != nil {
			return err
		}
		if err := b.renderReady(); err != nil {
			return err
		}
	}
	if b.only != nil { // a preview's pass lays out pages only
		return nil
	}
	return b.enFeeds()
}

// twinsOf adds the Vietnamese pages of jobs not rendered yet to byPath: the twins the
// English steps look up.
func (b *builder) twinsOf(jobs []pageJob) {
	for _, j := range jobs {
		if j.page != nil && j.page.Lang != "en" && j.page.Layout == "" {
			b.en.byPath[j.page.Path] = j.page
		}
	}
}

// enSetup writes the English articles and the quarters' English labels, once: before
// the first English step, which entityPages may run ahead of englishEdition.
func (b *builder) enSetup() error {
	e := b.en
	if e.twin != nil {
		return nil
	}
	for _, r := range b.site.Reports[len(e.articles):] { // a preview's pass has them (preview.go)
		a, err := e.w.Article(r)
		if err != nil {
			return fmt.Errorf("%s (kỳ %s, bản tiếng Anh): %w", r.File, r.Period.Key(), err)
		}
		e.articles = append(e.articles, a)
	}
	e.twin = map[*write.Article]*write.Article{}
	for i, a := range b.articles {
		e.twin[a] = e.articles[i]
	}
	e.summary = map[string]*model.Summary{}
	for _, s := range b.summaryList {
		en := *s
		en.Label = summaryLabelEn(s.Key)
		e.summary[s.Key] = &en
	}
	return nil
}

// renderReady renders the English pages queued so far, with their charts, and their
// Vietnamese twins: nothing changes them any more, and each English step looks up only
// the twins of its own pages (byPath loses those rendered). Rendered now, neither
// edition's bodies and charts wait for the whole site's to be laid out. The records keep
// the order of the queue, so the output is the same. A preview's pass renders nothing,
// nor a test's that reads the bodies (keepQueued).
func (b *builder) renderReady() error {
	if b.only != nil || b.keepQueued {
		return nil
	}
	if err := b.englishCharts(); err != nil {
		return err
	}
	b.renderJobs(func(p *render.Page) bool { return p.Lang == "en" || len(p.Alternates) > 0 })
	return nil
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
	if b.en.twin != nil {
		return b.en.twin[a]
	}
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
	p.HasCharts = hasCharts(body)
	n := b.enNewest()
	if len(n) > 3 {
		n = n[:3]
	}
	p.Featured = n
	p.Nav = []render.NavItem{
		{Label: e.t("Trang chủ"), Path: EnglishDir, Current: section == "home"},
		{Label: e.t("Chỉ tiêu"), Path: EnglishDir + "chi-tieu/", Current: section == "indicators"},
	}
	if len(b.ownUnits()) > 0 {
		p.Nav = append(p.Nav, render.NavItem{Label: e.t("Đơn vị"), Path: EnglishDir + "don-vi/", Current: section == "units"})
	}
	if len(b.comparisons()) > 0 && len(b.site.Others) > 0 { // as the Vietnamese nav (page)
		p.Nav = append(p.Nav, render.NavItem{Label: e.t("So sánh các tỉnh"), Path: EnglishDir + ComparisonDir, Current: section == "comparisons"})
	}
	p.Nav = append(p.Nav, render.NavItem{Label: e.t("Lưu trữ"), Path: EnglishDir + "luu-tru/", Current: section == "archive"},
		render.NavItem{Label: e.t("Dữ liệu"), Path: EnglishDir + DataDir, Current: section == "data"},
		render.NavItem{Label: e.t("Tìm kiếm"), Path: EnglishDir + SearchDir, Current: section == "search"})
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
	b.jobs = append(b.jobs, pageJob{file: p.Path + "index.html", page: p})
}

func (b *builder) enHome() error {
	e := b.en
	body := &HomeBody{Articles: b.enNewest()}
	if vi := e.byPath[""]; vi != nil { // the site's place among all, as the Vietnamese home
		body.Place = vi.Body.(*HomeBody).Place
	}
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
		body := &ArticleBody{Article: a, Related: related, Corrections: b.enArticleCorrections(a)}
		if hasUnits(a.Report) {
			body.Ranking = b.enRankingLink(a)
		}
		if c := b.comparisonOf(a.Report.Period.Key()); c != nil { // its place, linked to en/so-sanh/
			body.Place = placeIn(c, a.Report.Entity)
		}
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
		for _, s := range b.summaryList {
			if s.Reports[0].Period.Year == years[i].Year {
				years[i].Summaries = append(years[i].Summaries, b.en.summary[s.Key])
			}
		}
		title := fmt.Sprintf("%s %d", b.en.t("Tin bài năm"), years[i].Year)
		b.pageEn("archive", fmt.Sprintf("luu-tru/%d/", years[i].Year), title, title, "archive", false, &years[i])
	}
	b.pageEn("archive", "luu-tru/", b.en.t("Lưu trữ theo năm"), b.en.t("Tin bài về kết quả các chỉ tiêu, theo năm."), "archive", false, &ArchiveBody{Years: years})
	return nil
}

// enComparisons writes en/so-sanh/ and each period's comparison: the same rankings, the
// provinces under their English names (write.StandingName), linked to the English
// articles; their charts are drawn in English by chartsIn.
func (b *builder) enComparisons() error {
	e := b.en
	cs := b.comparisons()
	if len(cs) == 0 {
		return nil
	}
	paths := b.comparisonLinks(true)
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		vi := e.byPath[ComparisonPath(c)]
		if vi == nil {
			continue
		}
		title := e.t("So sánh các tỉnh,") + " " + eng.Label(c.Period)
		b.pageEn("comparison", ComparisonPath(c), title, title, "comparisons", vi.Illustrative, &ComparisonBody{Comparison: c, Articles: paths, Dir: EnglishDir})
	}
	if vi := e.byPath[ComparisonDir]; vi != nil {
		title := e.t("So sánh các tỉnh theo kỳ")
		b.pageEn("comparisons", ComparisonDir, title, title, "comparisons", false, vi.Body)
	}
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

// enPlans writes each year's targets in the English wording (templates/wording/en/targets.html).
func (b *builder) enPlans() error {
	e := b.en
	for _, p := range b.site.Plans {
		vi := e.byPath[p.Path()]
		if vi == nil {
			continue
		}
		title, text, err := e.w.Plan(p)
		if err != nil {
			return err
		}
		body := *vi.Body.(*PlanBody)
		body.Text = text
		b.pageEn("plan", p.Path(), title, firstLine(write.PlainText(text)), "indicators", vi.Illustrative, &body)
	}
	return nil
}

// enSummaries writes each quarter's and year's pooled results, labelled in English.
func (b *builder) enSummaries() error {
	for _, s := range b.summaryList {
		path := "tong-hop/" + s.Key + "/"
		vi := b.en.byPath[path]
		if vi == nil {
			continue
		}
		body := *vi.Body.(*SummaryBody)
		body.Summary = b.en.summary[s.Key]
		body.viCharts = body.Charts
		title := b.en.t("Tổng hợp") + " " + body.Summary.Label
		b.pageEn("summary", path, title, title+b.en.t(": tỷ lệ gộp từ số liệu các tháng."), "archive", vi.Illustrative, &body)
	}
	return nil
}

// summaryLabelEn names a summary's period from its key: "2024-q1" → "Q1 2024", "2024".
func summaryLabelEn(key string) string {
	var y, q int
	if n, _ := fmt.Sscanf(key, "%d-q%d", &y, &q); n == 2 {
		return eng.Label(model.Period{Kind: model.Quarter, Year: y, Quarter: q})
	}
	return key
}

// enDataPage writes en/du-lieu/: the same files as the Vietnamese page (the data are
// Vietnamese: names, citations), described in English, with the English feeds.
func (b *builder) enDataPage(vi *render.Page, d *DataBody) *DataBody {
	e := b.en
	en := *d
	en.Conventions = e.t(d.Conventions)
	en.Fields = nil
	for _, f := range d.Fields {
		f.Title, f.Description = e.t(f.Title), e.t(f.Description)
		en.Fields = append(en.Fields, f)
	}
	en.Groups = nil
	for _, g := range d.Groups {
		g.Title, g.Note = e.t(g.Title), e.t(g.Note)
		items := g.Items
		g.Items = nil
		for _, it := range items {
			switch {
			case strings.HasPrefix(it.Page, "chi-tieu/"):
				ind := b.site.Indicator(strings.TrimSuffix(strings.TrimPrefix(it.Page, "chi-tieu/"), "/"))
				if ind != nil {
					it.Label = fmt.Sprintf(e.t("Chỉ tiêu “%s”"), ind.NameEn)
				}
				it.Page = EnglishDir + it.Page
			case it.Page == SearchDir || it.Page == EnglishDir:
				it.Label = e.t(it.Label)
				it.Page = EnglishDir + strings.TrimPrefix(it.Page, EnglishDir)
			default:
				it.Label = e.t(it.Label)
			}
			g.Items = append(g.Items, it)
		}
		en.Groups = append(en.Groups, g)
	}
	e.byPath[vi.Path] = vi
	b.pageEn("data", DataDir, e.t("Dữ liệu"), e.t(vi.Description), "data", vi.Illustrative, &en)
	return &en
}

// The English pages have their own index, en/tim-kiem/index.json and its word files
// (searches), so that an English query ("justice", "88.62") finds English pages and a
// result opens in English. The Vietnamese index is left as it is: one index of two
// languages would make every result list hold each page twice.

// enSearchPage queues en/tim-kiem/, the twin of the Vietnamese search page, with the
// body searches made.
func (b *builder) enSearchPage(body *SearchBody) {
	e := b.en
	vi := b.jobsPage(SearchDir)
	if vi == nil {
		return
	}
	e.byPath[SearchDir] = vi
	b.pageEn("search", SearchDir, e.t("Tìm kiếm"), e.t(vi.Description), "search", false, body)
}

// jobsPage is the queued (not yet rendered) Vietnamese page at path.
func (b *builder) jobsPage(path string) *render.Page {
	for _, j := range b.jobs {
		if j.page != nil && j.page.Path == path && j.page.Lang != "en" {
			return j.page
		}
	}
	return nil
}

// enRankingLink is where the English article a links to its period's ranking: the English
// ranking, or the Vietnamese one when the site publishes no English twin of it
// ([publish] english = "articles"; the layout marks the link hreflang="vi").
func (b *builder) enRankingLink(a *write.Article) string {
	vi := strings.TrimPrefix(RankingPath(a), EnglishDir)
	if b.site.Config.Publish.VietnameseOnly(vi) {
		return vi
	}
	return RankingPath(a)
}

// enSwitch is the English page the Vietnamese page at path switches to until
// englishEdition finds its own twin: the English home, or, for a page the site publishes
// no twin of ([publish] english = "articles"), the nearest English page (its article, the
// units' list).
func (b *builder) enSwitch(path string) string {
	if b.site.Config.Publish.VietnameseOnly(path) {
		return b.site.Config.Publish.EnglishNearest(path)
	}
	return EnglishDir
}
