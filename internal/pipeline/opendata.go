package pipeline

// The open-data step: the one dataset (internal/opendata), each chart's figures, feeds,
// sitemap, search, embeds, CMS fragments and redirects. It runs after every other page
// is rendered, from what they recorded: the charts drawn (draw) and the pages published
// (page).

import (
	"io/fs"
	"strings"
	"time"

	"chiso/internal/chart"
	"chiso/internal/feed"
	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/shareimage"
	"chiso/internal/sitemap"
	"chiso/internal/write"
)

// Paths of the open-data files, under the site root.
const (
	DataDir      = opendata.Dir
	ChartDataDir = "du-lieu/bieu-do/" // {chart-id}.csv
	EmbedDir     = "nhung/"           // nhung/{chart-id}/
	SearchDir    = "tim-kiem/"
	ShareImage   = "assets/share.png"
	FragmentName = "doan-trich.html" // bai-viet/{period}/doan-trich.html
	PackageFile  = opendata.Dir + opendata.PackageFile
	WorkbookFile = opendata.Dir + opendata.WorkbookFile
	ResultsFile  = opendata.Dir + opendata.Results + ".csv" // the observations, the table pages link
	SiteRSS      = feed.SiteRSS
	SiteAtom     = feed.SiteAtom
	SitemapFile  = "sitemap.xml"
	RobotsFile   = "robots.txt"
	SearchIndex  = "tim-kiem/index.json"
)

// openData is what the pages recorded for the open-data step.
type openData struct {
	charts map[string]*drawnChart
	order  []string // chart IDs in the order they were drawn
	pages  []publishedPage
}

// drawnChart is a chart with the numbers it was drawn from and the first page showing it.
// Not its Figure: the envelope and table, larger than the numbers, are made again
// (figure) for the few steps that need them, instead of held for every chart drawn.
type drawnChart struct {
	// nil once no step reads it (an inline chart's, a CSV written): a pointer, so that
	// the chart itself (~400 bytes before its numbers) goes, for each of a national
	// site's ~150 000 charts, not only its numbers.
	chart        *chart.Chart
	shown        bool   // some page shows it
	page         string // the first such page ("" is the home page)
	pageTitle    string
	illustrative bool
	inline       bool // Figure.Inline: no embed page, no CSV
	fresh        bool // never had an embed page (another entity's ranking): no redirect either
	noEmbed      bool // Figure.NoEmbed: a CSV but no embed page (another entity's unit)
	written      bool // its CSV is written already, and its figures let go (entityCSVs)
}

type publishedPage struct {
	path, title, kind string
	lastmod           time.Time
	illustrative      bool
}

// drew records a chart as draw makes it; the same ID drawn twice must be the same chart.
func (o *openData) drew(c chart.Chart) {
	if o.charts == nil {
		o.charts = map[string]*drawnChart{}
	}
	if _, ok := o.charts[c.ID]; ok {
		return
	}
	o.charts[c.ID] = &drawnChart{chart: &c}
	o.order = append(o.order, c.ID)
}

// add records the charts of another openData, drawn apart (englishCharts), in their
// order, as if drawn here: a chart drawn already keeps its figures and takes the marks
// the drawing sets on it (unitChartIn, rankingChartIn).
func (o *openData) add(d *openData) {
	for _, id := range d.order {
		c := d.charts[id]
		old, ok := o.charts[id]
		if !ok {
			if o.charts == nil {
				o.charts = map[string]*drawnChart{}
			}
			o.charts[id] = c
			o.order = append(o.order, id)
			continue
		}
		old.noEmbed = old.noEmbed || c.noEmbed
		if c.inline {
			old.inline, old.fresh, old.chart = true, c.fresh, nil
		}
	}
}

// figure renders the chart again, as draw did: chart.Render is a pure function of it.
func (c *drawnChart) figure() (Figure, error) { return chart.Render(*c.chart) }

// published records a page as page() queues it, for the sitemap and the charts' pages.
func (o *openData) published(p *render.Page, lastmod time.Time) {
	o.pages = append(o.pages, publishedPage{path: p.Path, title: p.Title, kind: p.Kind, lastmod: lastmod, illustrative: p.Illustrative})
}

// chartPages finds, once every page is rendered, the first page showing each chart.
func (b *builder) chartPages() {
	shows := make(map[string][]string, len(b.rendered))
	for _, r := range b.rendered {
		shows[r.file] = r.charts
	}
	for _, p := range b.open.pages {
		for _, id := range shows[pageFile(p.path)] {
			if c := b.open.charts[id]; c != nil && !c.shown {
				c.shown, c.page, c.pageTitle, c.illustrative = true, p.path, p.title, p.illustrative
			}
		}
	}
}

// isPage reports whether a page will be published at file (rendered or queued).
func (b *builder) isPage(file string) bool {
	if b.made(file) {
		return true
	}
	for _, p := range b.open.pages {
		if pageFile(p.path) == file {
			return true
		}
	}
	return false
}

// urlOf and absURLOf are the template functions url and absURL, for Go code.
func (b *builder) urlOf(p string) string {
	return b.site.Config.BasePath + strings.TrimPrefix(p, "/")
}

func (b *builder) absURLOf(p string) string {
	return b.site.Config.BaseURL + b.urlOf(p)
}

// FileSize is how the data page writes a file's size (write.FileSize).
func FileSize(n int) string { return write.FileSize(n) }

// openData runs the step, once every page queued so far is rendered (their charts are
// found in their HTML). The pages it adds (search, data) are queued like the others.
func (b *builder) openData(src fs.FS) error {
	b.chartPages()
	b.files[ShareImage] = shareimage.PNG()
	ds := b.dataset
	if ds == nil {
		ds = opendata.NewDataset(b.site)
	}
	// The search indexes first, so that every page's words are let go before the
	// workbook is made: at national scale its buffers beside the words (~120 MB) and
	// the model were the build's peak.
	vi, en, err := b.searches()
	if err != nil {
		return err
	}
	// The dataset's files are most of the output's bytes: each is written as it is made.
	// The steps that do not need their sizes run while the workbook is made on one core,
	// the charts' CSVs and embeds too (chartOutputs, which then lets go of the charts'
	// figures): the workbook holds no more than a few MB now (its rows go straight into
	// the zip), where its buffers beside the embeds and figures once raised the peak.
	written, err := opendata.Publish(b.site, ds, b.workbook, b.absURLOf(DataDir), b.putWith, func() error {
		err := b.fragments()
		if err == nil {
			err = b.feeds()
		}
		if err == nil {
			err = b.chartOutputs()
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := b.searchPage(vi); err != nil {
		return err
	}
	d := b.dataBody(ds, written)
	if err := b.dataPage(d); err != nil {
		return err
	}
	bodies := []*DataBody{d}
	if b.en != nil { // the English data and search pages, twins of those just queued
		bodies = append(bodies, b.enDataPage(b.jobs[len(b.jobs)-1].page, d))
		b.enSearchPage(en)
	}
	if err := b.redirects(src); err != nil {
		return err
	}
	return b.sitemap(bodies...)
}

// The data page's rows are opendata's.
type (
	Download      = opendata.Download
	DownloadFile  = opendata.File
	DownloadGroup = opendata.Group
)

// DataBody is the data page's data.
type DataBody struct {
	Description string
	Conventions string
	Licence     opendata.License
	HasLicence  bool
	Created     time.Time
	Core        []Download // the dataset's tables, the workbook
	Groups      []DownloadGroup
	Fields      []opendata.Field // the columns of the observations table
	Package     DownloadFile
}

func (b *builder) dataBody(ds *opendata.Dataset, w *opendata.Written) *DataBody {
	s := b.site
	d := &DataBody{Conventions: opendata.Conventions, Created: opendata.Created(s), Fields: ds.Observations().Fields,
		Core: w.Group.Items, Groups: []DownloadGroup{w.Group}, Package: w.Package}
	d.Licence, d.HasLicence = opendata.LicenceOf(s.Config.Licence)
	d.Description = "Kết quả các chỉ tiêu về thủ tục hành chính và dịch vụ công trực tuyến của " + s.Current().Name +
		" theo tháng, theo cấp và theo đơn vị, với mục tiêu và văn bản giao; điểm và thứ hạng " + s.Config.IndexName + "."
	return d
}

// chartOutputs writes every chart's CSV and embed page, both editions', then lets go of
// what only they read: each chart's figures (its ID, page and kind stay, for the
// redirects) and the charts each page showed.
func (b *builder) chartOutputs() error {
	if err := b.chartFiles(); err != nil {
		return err
	}
	if err := b.embeds(); err != nil {
		return err
	}
	if err := b.englishChartFiles(); err != nil {
		return err
	}
	for _, o := range []*openData{&b.open, &b.openEn} {
		for _, c := range o.charts {
			c.chart = nil
		}
	}
	for i := range b.rendered {
		b.rendered[i].charts = nil
	}
	return nil
}

// chartFiles writes each published chart's figures as CSV, the file linked under it: a
// small slice (categories × series, unrounded) of what the dataset holds once.
func (b *builder) chartFiles() error {
	var ids []string
	for _, id := range b.open.order {
		if c := b.open.charts[id]; c.shown && !c.inline && !c.written {
			ids = append(ids, id)
		}
	}
	return b.chartCSVs(&b.open, ids, "")
}

// chartCSVs puts the CSV of each chart of o named in ids under dir ("" or EnglishDir),
// made on all cores: a province has a thousand.
func (b *builder) chartCSVs(o *openData, ids []string, dir string) error {
	return b.putAll(len(ids), func(i int) (string, []byte, error) {
		return dir + ChartDataDir + ids[i] + ".csv", opendata.ChartTable(*o.charts[ids[i]].chart).CSV(), nil
	})
}

// feeds writes the site's and each indicator's feeds (internal/feed).
func (b *builder) feeds() error {
	return feed.Site{Model: b.site, Articles: b.newest(), Writer: b.w, AbsURL: b.absURLOf, HTML: b.articleHTML}.
		Files(func(path string, data []byte) { b.files[path] = data })
}

// dataPage writes du-lieu/: every download with its size, and the conventions. Each
// chart's CSV is linked under the chart, not listed here: at a province's scale there are
// a thousand.
func (b *builder) dataPage(d *DataBody) error {
	feeds := DownloadGroup{ID: "nguon-tin", Title: "Nguồn tin và chỉ mục", Note: "Theo dõi tin bài mới bằng trình đọc tin; sơ đồ trang cho máy tìm kiếm."}
	file := func(format, path, media string) DownloadFile {
		return DownloadFile{Format: format, Path: path, Media: media, Size: len(b.files[path])}
	}
	feeds.Items = append(feeds.Items,
		Download{Label: "Mọi tin bài", Files: []DownloadFile{file("RSS", SiteRSS, "application/rss+xml"), file("Atom", SiteAtom, "application/atom+xml")}})
	if b.en != nil {
		feeds.Items = append(feeds.Items, Download{Label: "Mọi tin bài tiếng Anh", Page: EnglishDir,
			Files: []DownloadFile{file("RSS", EnglishRSS, "application/rss+xml"), file("Atom", EnglishAtom, "application/atom+xml")}})
	}
	for _, ind := range b.site.Indicators {
		feeds.Items = append(feeds.Items, Download{Label: "Chỉ tiêu “" + ind.Name + "”", Page: "chi-tieu/" + ind.Key + "/",
			Files: []DownloadFile{file("RSS", feed.IndicatorRSS(ind), "application/rss+xml")}})
	}
	feeds.Items = append(feeds.Items,
		Download{Label: "Đính chính số liệu", Page: CorrectionsDir, Files: []DownloadFile{file("RSS", CorrectionsRSS, "application/rss+xml"), file("Atom", CorrectionsAtom, "application/atom+xml")}},
	)
	if b.en != nil {
		feeds.Items = append(feeds.Items, Download{Label: "Đính chính số liệu tiếng Anh", Page: EnglishDir + CorrectionsDir,
			Files: []DownloadFile{file("RSS", EnglishDir+CorrectionsRSS, "application/rss+xml"), file("Atom", EnglishDir+CorrectionsAtom, "application/atom+xml")}})
	}
	feeds.Items = append(feeds.Items,
		Download{Label: "Chỉ mục tìm kiếm", Page: SearchDir, Files: []DownloadFile{file("JSON", SearchIndex, opendata.MediaJSON)}},
		Download{Label: "Sơ đồ trang", Files: []DownloadFile{file("XML", SitemapFile, "application/xml")}})
	d.Groups = append(d.Groups, feeds)
	// The data page is rendered after this step, so the sitemap's size, known only
	// once every page is listed, is filled in by sitemap.
	return b.page("data", DataDir, "Dữ liệu", "Tải về mọi số liệu của trang: CSV, JSON, Excel, mô tả Data Package, nguồn tin RSS/Atom.", "data", b.site.Illustrative(), d)
}

// pageFile is the file serving a page path: "a/b/" → "a/b/index.html".
func pageFile(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// sitemap writes sitemap.xml (or its index and parts) of every page published through page (not the 404 page,
// embeds, fragments or redirects) and robots.txt, and gives the data pages its size.
func (b *builder) sitemap(data ...*DataBody) error {
	var urls []sitemap.URL
	listed := map[string]bool{}
	for _, p := range b.open.pages {
		if p.kind != "404" {
			listed[p.path] = true
		}
	}
	for _, p := range b.open.pages {
		if p.kind == "404" {
			continue
		}
		u := sitemap.URL{Loc: b.absURLOf(p.path), LastMod: p.lastmod}
		// Twins (english.go): the English page is the Vietnamese one's path under en/.
		vi := strings.TrimPrefix(p.path, EnglishDir)
		if en := EnglishDir + vi; listed[vi] && listed[en] {
			u.Alternates = []sitemap.Alternate{{Lang: "vi", Href: b.absURLOf(vi)}, {Lang: "en", Href: b.absURLOf(en)}, {Lang: "x-default", Href: b.absURLOf(vi)}}
		}
		urls = append(urls, u)
	}
	// A national site may pass the protocol's limits: sitemap.xml is then an index.
	parts, err := sitemap.Files(urls, b.absURLOf)
	if err != nil {
		return err
	}
	for _, f := range parts {
		b.files[f.Name] = f.Data
	}
	out := parts[0].Data
	b.files[RobotsFile] = sitemap.Robots(b.absURLOf(SitemapFile))
	for _, d := range data {
		for gi := range d.Groups {
			for ii := range d.Groups[gi].Items {
				for fi, f := range d.Groups[gi].Items[ii].Files {
					if f.Path == SitemapFile {
						d.Groups[gi].Items[ii].Files[fi].Size = len(out)
					}
				}
			}
		}
	}
	return nil
}

// lastmod is when a page's content last changed, from the data: an article's date, or
// the date of the newest report for pages built from every period.
func (b *builder) lastmod(p *render.Page) time.Time {
	if a, ok := p.Body.(*ArticleBody); ok {
		return opendata.Published(a.Article.Report)
	}
	return opendata.Created(b.site)
}
