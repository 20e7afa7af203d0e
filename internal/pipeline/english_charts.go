package pipeline

// The English edition's charts and share cards. A chart is built by one function for
// both editions, given a chartLang: its words come from the edition's wording templates
// (chart-title-*, chart-series-*, chart-desc-*, chart-break-*; templates/wording/en/
// charts.html in English) and UI table (t), its names from the data's name_en/short_en,
// its numbers and periods from package english. An English chart keeps its Vietnamese
// twin's ID, so en/nhung/{id}/ and en/du-lieu/bieu-do/{id}.csv mirror nhung/{id}/ and
// du-lieu/bieu-do/{id}.csv. English pages get their charts and cards after englishEdition
// has queued them (englishCharts), whatever file queued them.

import (
	"strings"

	en "chiso/internal/english"
	"chiso/internal/model"
	"chiso/internal/render"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// chartLang is what differs between the two editions' charts.
type chartLang struct {
	en        bool
	w         *write.Writer
	t         func(string) string // a UI word: the text itself, or templates/ui-en.toml's English
	rate      func(float64) string
	score     func(float64) string
	whole     func(float64) string      // ranks
	period    func(model.Period) string // a chart category: "4/2024", "Apr 2024"
	indicator func(*model.Indicator) string
	level     func(*model.Level) string
	unit      func(*model.Unit) string
	summary   func(*model.Summary) string // a quarter's or year's name: "quý 1/2025", "Q1 2025"
	open      *openData                   // where drawn charts are recorded for their CSV and embed page
	// For share cards: the site's title, a province's name, a period in words, a rate
	// rounded to one decimal.
	siteTitle   string
	entity      func(*model.Entity) string
	label       func(model.Period) string
	rateRounded func(float64) string
}

// vi is the Vietnamese edition's chart language.
func (b *builder) vi() *chartLang {
	return &chartLang{
		w: b.w, t: uiVietnamese,
		rate: vietnamese.RatePrinted, score: vietnamese.Score,
		whole:     func(v float64) string { return vietnamese.Decimal(v, 0) },
		period:    model.Period.Short,
		indicator: func(i *model.Indicator) string { return i.Short },
		level:     func(l *model.Level) string { return l.Name },
		unit:      func(u *model.Unit) string { return u.Name },
		summary:   func(s *model.Summary) string { return s.Label },
		open:      &b.open,
		siteTitle: b.site.Config.Title, entity: func(e *model.Entity) string { return e.Name },
		label: model.Period.Label, rateRounded: vietnamese.Rate,
	}
}

// EnglishChartLang is the English edition's chart language; nil without an English edition.
func (b *builder) enLang() *chartLang {
	if b.en == nil {
		return nil
	}
	return &chartLang{
		en: true, w: b.en.w, t: b.en.t,
		rate: en.RatePrinted, score: en.Score,
		whole:     func(v float64) string { return en.Decimal(v, 0) },
		period:    en.Short,
		indicator: func(i *model.Indicator) string { return i.ShortEn },
		level:     func(l *model.Level) string { return l.NameEn },
		unit:      func(u *model.Unit) string { return u.NameEn },
		summary:   summaryLabel,
		open:      &b.openEn,
		siteTitle: b.site.Config.TitleEn, entity: func(e *model.Entity) string { return e.NameEn },
		label: en.Label, rateRounded: func(v float64) string { return en.Decimal(v, 1) },
	}
}

// summaryLabel names a summary's period in English from its key: "2025-q1" → "Q1 2025",
// "2024" → "2024".
func summaryLabel(s *model.Summary) string {
	year, q, ok := strings.Cut(s.Key, "-q")
	if !ok {
		return s.Key
	}
	return "Q" + q + " " + year
}

// uiVietnamese is the layouts' t in Vietnamese: the text before a context "|".
func uiVietnamese(s string) string {
	s, _, _ = strings.Cut(s, "|")
	return s
}

// ChartsIn fills the charts of page p's body in l's language, the same charts (same
// ids) as its Vietnamese twin's: home, article, indicator, unit, quarter, ranking and
// comparison pages. A body of another kind is left as it is. englishCharts calls it for every
// English page; an English page built after englishCharts may call it itself:
//
//	err := b.chartsIn(b.enLang(), p) // then p.HasCharts = hasCharts(p.Body)
func (b *builder) chartsIn(l *chartLang, p *render.Page) error {
	var err error
	switch x := p.Body.(type) {
	case *HomeBody:
		if x.Latest == nil {
			return nil
		}
		if x.Charts, err = b.latestChartsIn(l, x.Latest.Report); err != nil {
			return err
		}
		x.IndexCharts, err = b.scoreChartsIn(l)
	case *ArticleBody:
		if x.Article.Dir != "" { // another entity's article has no charts, as its Vietnamese twin
			return nil
		}
		x.Charts, err = b.articleChartsIn(l, x.Article.Report)
	case *IndicatorBody:
		x.Charts, err = b.trendChartsIn(l, x.Indicator, x.Levels)
	case *UnitBody:
		// The unit's name as the page's title gives it (with its dates beside a namesake).
		x.Charts, err = b.unitChartIn(l, x, p.Title)
	case *SummaryBody:
		x.Charts, err = b.summaryChartIn(l, x.Summary)
	case *ComparisonBody:
		err = b.comparisonChartsIn(l, x)
	case *RankingBody:
		for i := range x.Indicators {
			ri := &x.Indicators[i]
			for j := range ri.Levels {
				lv := &ri.Levels[j]
				if lv.Chart == nil {
					continue
				}
				fig, err := b.rankingChartIn(l, x.Article.Report, ri.Result, *lv)
				if err != nil {
					return err
				}
				lv.Chart = &fig
			}
		}
	}
	return err
}

// englishCharts gives every English page queued since it last ran its English charts and
// its English share card, in the order of the queue. The pages' charts are drawn on all
// cores, each page's recorded apart (chart.Render is most of this step's time and one core's
// otherwise), then recorded in the order of the queue, as drawn one after the other.
func (b *builder) englishCharts() error {
	l := b.enLang()
	if l == nil {
		return nil
	}
	var pages []*render.Page
	for ; b.enCharted < len(b.jobs); b.enCharted++ {
		p := b.jobs[b.enCharted].page
		if p != nil && p.Lang == "en" && p.Layout == "" {
			pages = append(pages, p)
		}
	}
	drawn, errs := make([]openData, len(pages)), make([]error, len(pages))
	onAllCores(len(pages), func(k int) {
		own := *l
		own.open = &drawn[k]
		errs[k] = b.chartsIn(&own, pages[k])
	})
	for k, p := range pages {
		if errs[k] != nil {
			return errs[k]
		}
		l.open.add(&drawn[k])
		p.HasCharts = hasCharts(p.Body)
		if err := b.shareEn(p); err != nil {
			return err
		}
	}
	return nil
}

// shareEn gives an English page with figures of its own an English card, drawn at
// en/…/anh-chia-se.png; other pages keep the site's card, which has no text.
func (b *builder) shareEn(p *render.Page) error {
	if p.Share == nil {
		return nil
	}
	file, alt, err := b.shareCardIn(b.enLang(), p)
	if err != nil || file == "" {
		return err
	}
	p.Share.Image, p.Share.ImageAlt = b.absURLOf(file), alt
	if ld := p.Share.LD; ld != "" && p.Kind == "article" {
		p.Share.LD = jsonLD(b.withImage(p, b.absURLOf(file)))
	}
	return nil
}

// withImage is the English article's JSON-LD with its own card as its image.
func (b *builder) withImage(p *render.Page, image string) map[string]any {
	ab := p.Body.(*ArticleBody)
	ld := b.newsArticleLD(ab.Article)
	ld["inLanguage"] = "en"
	ld["image"] = []string{image}
	return ld
}

// englishChartFiles writes, for each English chart an English page shows, its figures
// as CSV with English headings (en/du-lieu/bieu-do/{id}.csv) and its embed page
// (en/nhung/{id}/): the counterparts of chartFiles and embeds.
func (b *builder) englishChartFiles() error {
	if b.en == nil {
		return nil
	}
	o := &b.openEn
	shows := map[string][]string{} // the charts each English page shows, from its record
	for _, r := range b.rendered {
		if isEnglish(r.file) {
			shows[r.file] = r.charts
		}
	}
	for _, p := range b.open.pages {
		if !isEnglish(p.path) {
			continue
		}
		for _, id := range shows[pageFile(p.path)] {
			if c := o.charts[id]; c != nil && !c.shown {
				c.shown, c.page, c.pageTitle, c.illustrative = true, p.path, p.title, p.illustrative
			}
		}
	}
	var csv, ids []string // the charts with a CSV, those with an embed
	for _, id := range o.order {
		c := o.charts[id]
		if !c.shown || c.inline {
			continue
		}
		if !c.written {
			csv = append(csv, id)
		}
		if !c.noEmbed {
			ids = append(ids, id)
		}
	}
	if err := b.chartCSVs(o, csv, EnglishDir); err != nil {
		return err
	}
	return b.putAll(len(ids), func(i int) (string, []byte, error) {
		c := o.charts[ids[i]]
		path := EnglishDir + EmbedDir + ids[i] + "/"
		fig, err := c.figure()
		if err != nil {
			return path, nil, err
		}
		p := &render.Page{Site: b.site, ECharts: b.echarts, Kind: "embed", Layout: "embed", Lang: "en", Path: path,
			Title: c.chart.Title, Description: c.chart.Description, Illustrative: c.illustrative,
			IllustrativeText: b.en.t(illustrativeText), HasCharts: true,
			Body: &EmbedBody{Figure: fig, Source: c.page, SourceTitle: c.pageTitle, Illustrative: c.illustrative}}
		out, err := b.en.tmpl.Render(p)
		return path + "index.html", out, err
	})
}

func isEnglish(path string) bool {
	return len(path) >= len(EnglishDir) && path[:len(EnglishDir)] == EnglishDir
}
