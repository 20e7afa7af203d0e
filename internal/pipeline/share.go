package pipeline

// Head metadata of every page: the preview card, feeds and JSON-LD.

import (
	"encoding/json"
	"html/template"

	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/shareimage"
	"chiso/internal/write"
)

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
		"isBasedOn": b.absURLOf(ResultsFile),
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
