package pipeline

// The open-data step: downloads beside every figure, feeds, sitemap, search, embeds,
// CMS fragments and redirects. It runs after every other page is rendered, from what
// they recorded: the charts drawn (draw) and the pages published (page).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	neturl "net/url"
	"regexp"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"chiso/internal/chart"
	"chiso/internal/diag"
	"chiso/internal/feed"
	"chiso/internal/load"
	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/shareimage"
	"chiso/internal/sitemap"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// Paths of the open-data files, under the site root.
const (
	DataDir      = "du-lieu/"
	ChartDataDir = "du-lieu/bieu-do/" // {chart-id}.csv, .json, .echarts.json
	IndicatorDir = "du-lieu/chi-tieu/"
	PeriodDir    = "du-lieu/ky/"
	UnitDir      = "du-lieu/don-vi/"
	EmbedDir     = "nhung/" // nhung/{chart-id}/
	SearchDir    = "tim-kiem/"
	ShareImage   = "assets/share.png"
	FragmentName = "doan-trich.html" // bai-viet/{period}/doan-trich.html
	PackageFile  = "du-lieu/datapackage.json"
	WorkbookFile = "du-lieu/chi-so.xlsx"
	SiteRSS      = "rss.xml"
	SiteAtom     = "atom.xml"
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
type drawnChart struct {
	chart        chart.Chart
	fig          Figure
	shown        bool   // some page shows it
	page         string // the first such page ("" is the home page)
	pageTitle    string
	illustrative bool
}

type publishedPage struct {
	path, title, kind string
	lastmod           time.Time
	illustrative      bool
}

// drew records a chart as draw makes it; the same ID drawn twice must be the same chart.
func (o *openData) drew(c chart.Chart, fig Figure) {
	if o.charts == nil {
		o.charts = map[string]*drawnChart{}
	}
	if _, ok := o.charts[c.ID]; ok {
		return
	}
	o.charts[c.ID] = &drawnChart{chart: c, fig: fig}
	o.order = append(o.order, c.ID)
}

var figureID = regexp.MustCompile(`<figure class="chart" id="([a-z][a-z0-9-]*)"`)

// published records a page as page() queues it, for the sitemap and the charts' pages.
func (o *openData) published(p *render.Page, lastmod time.Time) {
	o.pages = append(o.pages, publishedPage{path: p.Path, title: p.Title, kind: p.Kind, lastmod: lastmod, illustrative: p.Illustrative})
}

// chartPages finds, once every page is rendered, the first page showing each chart.
func (b *builder) chartPages() {
	for _, p := range b.open.pages {
		for _, m := range figureID.FindAllSubmatch(b.files[pageFile(p.path)], -1) {
			if c := b.open.charts[string(m[1])]; c != nil && !c.shown {
				c.shown, c.page, c.pageTitle, c.illustrative = true, p.path, p.title, p.illustrative
			}
		}
	}
}

// isPage reports whether a page will be published at file (rendered or queued).
func (b *builder) isPage(file string) bool {
	if _, ok := b.files[file]; ok {
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

// share fills a page's head metadata: preview card, feeds, JSON-LD.
func (b *builder) share(p *render.Page) {
	cfg := &b.site.Config
	s := &render.Share{Type: "website", Image: b.absURLOf(ShareImage), Width: shareimage.Width, Height: shareimage.Height,
		ImageAlt: cfg.Title + " – " + b.site.Current().Name}
	if card, alt, err := b.shareCard(p); err != nil {
		b.cardErr = err
	} else if card != "" {
		s.Image, s.ImageAlt = b.absURLOf(card), alt
	}
	s.Feeds = []render.FeedLink{
		{Title: cfg.Title + " – tin bài (RSS)", Type: "application/rss+xml", Href: b.urlOf(SiteRSS)},
		{Title: cfg.Title + " – tin bài (Atom)", Type: "application/atom+xml", Href: b.urlOf(SiteAtom)},
	}
	var ld any
	switch body := p.Body.(type) {
	case *ArticleBody:
		a := body.Article
		s.Type = "article"
		s.Published = opendata.Published(a.Report).Format("2006-01-02")
		ld = b.newsArticleLD(a)
	case *IndicatorBody:
		s.Feeds = append(s.Feeds, render.FeedLink{Title: "“" + body.Indicator.Short + "” (RSS)",
			Type: "application/rss+xml", Href: b.urlOf("chi-tieu/" + body.Indicator.Key + "/rss.xml")})
	case *DataBody:
		ld = b.datasetLD(body)
	}
	if p.Kind == "home" {
		ld = map[string]any{
			"@context": "https://schema.org", "@type": "WebSite", "name": cfg.Title, "url": b.absURLOf(""),
			"inLanguage": cfg.Language,
			"potentialAction": map[string]any{"@type": "SearchAction",
				"target": b.absURLOf(SearchDir) + "?q={search_term_string}", "query-input": "required name=search_term_string"},
		}
	}
	if ld != nil {
		s.LD = jsonLD(ld)
	}
	p.Share = s
}

// jsonLD marshals v with encoding/json's HTML escaping (< > & as \u003c …), which is
// what makes it safe inside <script type="application/ld+json">.
func jsonLD(v any) template.JS {
	out, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings
	}
	return template.JS(out)
}

func (b *builder) publisherLD() map[string]any {
	return map[string]any{"@type": "GovernmentOrganization", "name": b.site.Config.Title + " – " + b.site.Current().Name,
		"url": b.absURLOf(""), "logo": map[string]any{"@type": "ImageObject", "url": b.absURLOf(ShareImage)}}
}

func (b *builder) newsArticleLD(a *write.Article) map[string]any {
	date := opendata.Published(a.Report).Format("2006-01-02")
	author := map[string]any{"@type": "Person", "name": a.Report.Author}
	if a.Report.Author == "" || a.Report.Author == b.site.Config.Author {
		author = map[string]any{"@type": "Organization", "name": a.Report.Author}
	}
	return map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": a.Title, "description": a.Summary,
		"datePublished": date, "dateModified": date,
		"inLanguage": b.site.Config.Language,
		"url":        b.absURLOf(a.Path()), "mainEntityOfPage": b.absURLOf(a.Path()),
		"image":     []string{b.absURLOf(ShareImage)},
		"author":    author,
		"publisher": b.publisherLD(),
		"isBasedOn": b.absURLOf(PeriodDir + a.Slug + ".csv"),
	}
}

func (b *builder) datasetLD(d *DataBody) map[string]any {
	cfg := &b.site.Config
	var dist []map[string]any
	for _, f := range d.Core {
		for _, file := range f.Files {
			dist = append(dist, map[string]any{"@type": "DataDownload", "encodingFormat": file.Media,
				"contentUrl": b.absURLOf(file.Path), "name": f.Label + " (" + file.Format + ")"})
		}
	}
	var vars []string
	for _, ind := range b.site.Indicators {
		vars = append(vars, ind.Name)
	}
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "Dataset",
		"name": cfg.Title + " – " + b.site.Current().Name, "description": d.Description,
		"url": b.absURLOf(DataDir), "inLanguage": cfg.Language,
		"isAccessibleForFree": true,
		"dateModified":        d.Created.Format("2006-01-02"),
		"creator":             b.publisherLD(),
		"spatialCoverage":     map[string]any{"@type": "Place", "name": b.site.Current().Name},
		"variableMeasured":    vars,
		"distribution":        dist,
		"keywords":            []string{"dịch vụ công trực tuyến", "thủ tục hành chính", b.site.Current().Name},
	}
	if n := len(b.site.Reports); n > 0 {
		ld["temporalCoverage"] = b.site.Reports[0].Period.Key() + "/" + b.site.Reports[n-1].Period.Key()
	}
	if l, ok := opendata.LicenceOf(cfg.Licence); ok {
		if l.Path != "" {
			ld["license"] = l.Path
		} else {
			ld["license"] = l.Name
		}
	}
	return ld
}

// openData runs the step, once every page queued so far is rendered (their charts are
// found in their HTML). The pages it adds (search, data) are queued like the others.
func (b *builder) openData(src fs.FS) error {
	b.chartPages()
	b.files[ShareImage] = shareimage.PNG()
	data, err := b.dataFiles()
	if err != nil {
		return err
	}
	for _, step := range []func() error{b.chartFiles, b.embeds, b.fragments, b.feeds, b.searchPage} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := b.dataPage(data); err != nil {
		return err
	}
	if err := b.redirects(src); err != nil {
		return err
	}
	return b.sitemap(data)
}

// Download is one row of the data page: a label and its files.
type Download struct {
	Label string
	Page  string // the page showing these figures, if any
	Files []DownloadFile
}

// DownloadFile is one file with its format and size.
type DownloadFile struct {
	Format, Path, Media string
	Size                int
}

// DownloadGroup is one section of the data page.
type DownloadGroup struct {
	ID, Title, Note string
	Items           []Download
}

// DataBody is the data page's data.
type DataBody struct {
	Description string
	Conventions string
	Licence     opendata.License
	HasLicence  bool
	Created     time.Time
	Core        []Download // the package's tables, the workbook and the descriptor
	Groups      []DownloadGroup
	Fields      []opendata.Field // the columns of the results table
	Package     DownloadFile
}

// put stores a file and returns it as a download.
func (b *builder) put(path, format, media string, data []byte) DownloadFile {
	b.files[path] = data
	return DownloadFile{Format: format, Path: path, Media: media, Size: len(data)}
}

func (b *builder) meta(page string) opendata.Meta {
	return opendata.Meta{Licence: b.site.Config.Licence, Created: opendata.Created(b.site).Format("2006-01-02"), Page: page}
}

// table writes t as CSV and JSON under dir and returns the row of the data page.
func (b *builder) table(t *opendata.Table, dir, stem, label, page string) Download {
	pageURL := ""
	if page != "" {
		pageURL = b.absURLOf(page)
	}
	return Download{Label: label, Page: page, Files: []DownloadFile{
		b.put(dir+stem+".csv", "CSV", opendata.MediaCSV, t.CSV()),
		b.put(dir+stem+".json", "JSON", opendata.MediaJSON, t.JSON(b.meta(pageURL))),
	}}
}

// view is one per-key table of the data page and the group it is listed in.
type view struct {
	t                      *opendata.Table
	dir, stem, label, page string
	group                  *DownloadGroup
}

// tables encodes the views on all cores, then files them in order.
func (b *builder) tables(views []view) {
	type encoded struct{ csv, json []byte }
	out := make([]encoded, len(views))
	onAllCores(len(views), func(i int) {
		v := views[i]
		pageURL := ""
		if v.page != "" {
			pageURL = b.absURLOf(v.page)
		}
		out[i] = encoded{v.t.CSV(), v.t.JSON(b.meta(pageURL))}
	})
	for i, v := range views {
		v.group.Items = append(v.group.Items, Download{Label: v.label, Page: v.page, Files: []DownloadFile{
			b.put(v.dir+v.stem+".csv", "CSV", opendata.MediaCSV, out[i].csv),
			b.put(v.dir+v.stem+".json", "JSON", opendata.MediaJSON, out[i].json),
		}})
	}
}

// dataFiles writes the package (tables, workbook, descriptor) and the per-indicator,
// per-period and per-unit views; the data page's groups are kept for dataPage.
func (b *builder) dataFiles() (*DataBody, error) {
	s := b.site
	all := opendata.ResultsTable(s)
	tables := []*opendata.Table{all, opendata.ScoresTable(s), opendata.GroupsTable(s), opendata.TargetsTable(s), opendata.IndicatorsTable(s), opendata.ReportsTable(s)}
	tables = append(tables, opendata.ReportPartTables(s)...) // dossiers, unit scores, plans
	d := &DataBody{Conventions: opendata.Conventions, Created: opendata.Created(s), Fields: all.Fields}
	d.Licence, d.HasLicence = opendata.LicenceOf(s.Config.Licence)
	var resources []opendata.Resource
	for _, t := range tables {
		dl := b.table(t, DataDir, t.Name, t.Title, "")
		d.Core = append(d.Core, dl)
		resources = append(resources,
			opendata.CSVResource(t, t.Name+".csv", b.files[dl.Files[0].Path]),
			opendata.FileResource(t.Name+"-json", t.Name+".json", t.Title+" (JSON)", "json", opendata.MediaJSON, b.files[dl.Files[1].Path]))
	}
	xlsx, err := opendata.Workbook(s.Config.Title+" – "+s.Current().Name, s.Config.Title, d.Created, tables)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", WorkbookFile, err)
	}
	book := b.put(WorkbookFile, "XLSX", opendata.MediaXLSX, xlsx)
	d.Core = append(d.Core, Download{Label: "Sổ tính Excel: mọi bảng trên, mỗi bảng một trang tính, kèm trang giải thích các cột", Files: []DownloadFile{book}})
	resources = append(resources, opendata.FileResource("chi-so-xlsx", strings.TrimPrefix(WorkbookFile, DataDir),
		"Sổ tính Excel (mọi bảng)", "xlsx", opendata.MediaXLSX, xlsx))
	d.Description = "Kết quả các chỉ tiêu về thủ tục hành chính và dịch vụ công trực tuyến của " + s.Current().Name +
		" theo tháng, theo cấp và theo đơn vị, với mục tiêu và văn bản giao; điểm và thứ hạng " + s.Config.IndexName + "."
	d.Package = b.put(PackageFile, "JSON", opendata.MediaJSON, opendata.Descriptor(s, b.absURLOf(DataDir), resources))

	byPeriod, byIndicator, byUnit := all.IndexBy("period"), all.IndexBy("indicator"), all.IndexBy("unit")
	var periods, indicators, units DownloadGroup
	var views []view
	periods = DownloadGroup{ID: "theo-ky", Title: "Theo kỳ báo cáo", Note: "Số liệu của từng bài viết: cả tỉnh, từng cấp và từng đơn vị."}
	for i := len(b.articles) - 1; i >= 0; i-- {
		a := b.articles[i]
		label := write.UpperFirst(a.Report.Period.Label())
		if a.Report.Illustrative {
			label += " (số liệu minh họa)"
		}
		views = append(views, view{opendata.ForPeriod(all, byPeriod, a.Report), PeriodDir, a.Slug, label, a.Path(), &periods})
	}
	indicators = DownloadGroup{ID: "theo-chi-tieu", Title: "Theo chỉ tiêu", Note: "Mọi kỳ của một chỉ tiêu, với mục tiêu, văn bản giao và đánh giá đạt/chưa đạt."}
	for _, ind := range s.Indicators {
		views = append(views, view{opendata.ForIndicator(all, byIndicator, ind), IndicatorDir, ind.Key, ind.Name, "chi-tieu/" + ind.Key + "/", &indicators})
	}
	units = DownloadGroup{ID: "theo-don-vi", Title: "Theo đơn vị", Note: "Mọi kỳ và mọi chỉ tiêu của một sở, ngành, huyện hoặc xã."}
	for _, u := range s.Units {
		views = append(views, view{opendata.ForUnit(all, byUnit, u), UnitDir, u.Code, u.Name, "don-vi/" + u.Code + "/", &units})
	}
	b.tables(views)
	core := DownloadGroup{ID: "bo-du-lieu", Title: "Toàn bộ dữ liệu", Note: "Các bảng của bộ dữ liệu, mỗi bảng một tệp CSV và một tệp JSON; sổ tính Excel gồm mọi bảng.", Items: d.Core}
	d.Groups = []DownloadGroup{core, periods, indicators}
	if len(units.Items) > 0 {
		d.Groups = append(d.Groups, units)
	}
	return d, nil
}

// chartFiles writes each published chart's figures and ECharts option.
func (b *builder) chartFiles() error {
	for _, id := range b.open.order {
		c := b.open.charts[id]
		if !c.shown {
			continue
		}
		t := opendata.ChartTable(c.chart)
		m := b.meta(b.absURLOf(c.page) + "#" + id)
		m.Unit = strings.TrimSpace(c.chart.Unit)
		b.files[ChartDataDir+id+".csv"] = t.CSV()
		b.files[ChartDataDir+id+".json"] = t.JSON(m)
		spec, err := opendata.EChartsOption(c.fig)
		if err != nil {
			return err
		}
		b.files[ChartDataDir+id+".echarts.json"] = spec
	}
	return nil
}

// chartDownloads is the charts' group of the data page.
func (b *builder) chartDownloads() DownloadGroup {
	g := DownloadGroup{ID: "theo-bieu-do", Title: "Theo biểu đồ",
		Note: "Số liệu đúng như biểu đồ đã vẽ (chưa làm tròn), cấu hình ECharts của biểu đồ và trang nhúng."}
	for _, id := range b.open.order {
		c := b.open.charts[id]
		if !c.shown {
			continue
		}
		dl := Download{Label: c.chart.Title, Page: c.page + "#" + id}
		for _, f := range []struct{ ext, format, media string }{
			{".csv", "CSV", opendata.MediaCSV}, {".json", "JSON", opendata.MediaJSON}, {".echarts.json", "ECharts", opendata.MediaJSON},
		} {
			p := ChartDataDir + id + f.ext
			dl.Files = append(dl.Files, DownloadFile{Format: f.format, Path: p, Media: f.media, Size: len(b.files[p])})
		}
		p := EmbedDir + id + "/index.html"
		dl.Files = append(dl.Files, DownloadFile{Format: "Trang nhúng", Path: EmbedDir + id + "/", Media: "text/html", Size: len(b.files[p])})
		g.Items = append(g.Items, dl)
	}
	return g
}

// EmbedBody is an embed page's data.
type EmbedBody struct {
	Figure       Figure
	Source       string // path of the page the chart comes from
	SourceTitle  string
	Illustrative bool
}

// embeds writes nhung/{id}/: the chart alone, for an iframe on another site.
func (b *builder) embeds() error {
	for _, id := range b.open.order {
		c := b.open.charts[id]
		if !c.shown {
			continue
		}
		p := &render.Page{Site: b.site, ECharts: b.echarts, Kind: "embed", Layout: "embed", Path: EmbedDir + id + "/", Title: c.chart.Title,
			Description: c.chart.Description, Illustrative: c.illustrative, IllustrativeText: illustrativeText, HasCharts: true,
			Body: &EmbedBody{Figure: c.fig, Source: c.page, SourceTitle: c.pageTitle, Illustrative: c.illustrative}}
		out, err := b.tmpl.Render(p)
		if err != nil {
			return err
		}
		b.files[EmbedDir+id+"/index.html"] = out
	}
	return nil
}

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

// feeds writes rss.xml and atom.xml of all articles and chi-tieu/{key}/rss.xml per
// indicator, whose items are that indicator's sentence in each article.
func (b *builder) feeds() error {
	cfg := &b.site.Config
	site := &feed.Feed{Title: cfg.Title + " – " + b.site.Current().Name, Description: "Tin bài về kết quả các chỉ tiêu phục vụ người dân, doanh nghiệp của " + b.site.Current().Name + ", theo từng kỳ báo cáo.",
		Link: b.absURLOf(""), Language: cfg.Language, Author: cfg.Author, Updated: opendata.Created(b.site)}
	for _, a := range b.newest() {
		it := feed.Item{Title: a.Title, Link: b.absURLOf(a.Path()), Summary: a.Summary, Content: b.articleHTML(a),
			Published: opendata.Published(a.Report), Author: a.Report.Author}
		if a.Report.Illustrative {
			it.Summary = "Số liệu minh họa. " + it.Summary
			it.Category = []string{"Số liệu minh họa"}
		}
		site.Items = append(site.Items, it)
	}
	site.Self = b.absURLOf(SiteRSS)
	rss, err := site.RSS()
	if err != nil {
		return err
	}
	site.Self = b.absURLOf(SiteAtom)
	atomXML, err := site.Atom()
	if err != nil {
		return err
	}
	b.files[SiteRSS], b.files[SiteAtom] = rss, atomXML

	for _, ind := range b.site.Indicators {
		path := "chi-tieu/" + ind.Key + "/"
		f := &feed.Feed{Title: "“" + ind.Name + "” – " + b.site.Current().Name, Description: ind.Definition, Link: b.absURLOf(path),
			Self: b.absURLOf(path + "rss.xml"), Language: cfg.Language, Updated: opendata.Created(b.site)}
		for _, a := range b.newest() {
			d, err := b.w.Data(a.Report)
			if err != nil {
				return err
			}
			for _, item := range d.Items {
				if item.Indicator != ind {
					continue
				}
				text, err := b.w.Text("article-item", item)
				if err != nil {
					return err
				}
				it := feed.Item{Title: ind.Short + ", " + a.Report.Period.Label() + ": " + vietnamese.RatePrinted(item.Whole) + "%",
					Link: b.absURLOf(a.Path()) + "#chi-tieu-" + ind.Key, Summary: text, Published: opendata.Published(a.Report)}
				if a.Report.Illustrative {
					it.Summary = "Số liệu minh họa. " + it.Summary
				}
				f.Items = append(f.Items, it)
			}
		}
		out, err := f.RSS()
		if err != nil {
			return err
		}
		b.files[path+"rss.xml"] = out
	}
	return nil
}

// dataPage writes du-lieu/: every download with its size, and the conventions.
func (b *builder) dataPage(d *DataBody) error {
	d.Groups = append(d.Groups, b.chartDownloads())
	feeds := DownloadGroup{ID: "nguon-tin", Title: "Nguồn tin và chỉ mục", Note: "Theo dõi tin bài mới bằng trình đọc tin; sơ đồ trang cho máy tìm kiếm."}
	file := func(format, path, media string) DownloadFile {
		return DownloadFile{Format: format, Path: path, Media: media, Size: len(b.files[path])}
	}
	feeds.Items = append(feeds.Items,
		Download{Label: "Mọi tin bài", Files: []DownloadFile{file("RSS", SiteRSS, "application/rss+xml"), file("Atom", SiteAtom, "application/atom+xml")}})
	for _, ind := range b.site.Indicators {
		p := "chi-tieu/" + ind.Key + "/rss.xml"
		feeds.Items = append(feeds.Items, Download{Label: "Chỉ tiêu “" + ind.Name + "”", Page: "chi-tieu/" + ind.Key + "/",
			Files: []DownloadFile{file("RSS", p, "application/rss+xml")}})
	}
	feeds.Items = append(feeds.Items,
		Download{Label: "Chỉ mục tìm kiếm", Page: SearchDir, Files: []DownloadFile{file("JSON", SearchIndex, opendata.MediaJSON)}},
		Download{Label: "Sơ đồ trang", Files: []DownloadFile{file("XML", SitemapFile, "application/xml")}})
	d.Groups = append(d.Groups, feeds)
	// The data page is rendered after this step, so the sitemap's size, known only
	// once every page is listed, is filled in by sitemap.
	return b.page("data", DataDir, "Dữ liệu", "Tải về mọi số liệu của trang: CSV, JSON, Excel, mô tả Data Package, nguồn tin RSS/Atom.", "data", b.site.Illustrative(), d)
}

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

// pageFile is the file serving a page path: "a/b/" → "a/b/index.html".
func pageFile(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// sitemap writes sitemap.xml of every page published through page (not the 404 page,
// embeds, fragments or redirects) and robots.txt, and gives the data page its size.
func (b *builder) sitemap(d *DataBody) error {
	var urls []sitemap.URL
	for _, p := range b.open.pages {
		if p.kind == "404" {
			continue
		}
		urls = append(urls, sitemap.URL{Loc: b.absURLOf(p.path), LastMod: p.lastmod})
	}
	out, err := sitemap.XML(urls)
	if err != nil {
		return err
	}
	b.files[SitemapFile] = out
	b.files[RobotsFile] = sitemap.Robots(b.absURLOf(SitemapFile))
	for gi := range d.Groups {
		for ii := range d.Groups[gi].Items {
			for fi, f := range d.Groups[gi].Items[ii].Files {
				if f.Path == SitemapFile {
					d.Groups[gi].Items[ii].Files[fi].Size = len(out)
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
