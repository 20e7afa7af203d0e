package feed

import (
	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// Paths of the site's feeds, under the site root.
const (
	SiteRSS  = "rss.xml"
	SiteAtom = "atom.xml"
)

// IndicatorRSS is the path of an indicator's feed.
func IndicatorRSS(ind *model.Indicator) string { return "chi-tieu/" + ind.Key + "/rss.xml" }

// Site is what the site's feeds are made of.
type Site struct {
	Model    *model.Site
	Articles []*write.Article // newest first
	Writer   *write.Writer
	AbsURL   func(path string) string      // a path under the site root as an absolute URL
	HTML     func(a *write.Article) string // an article's lead and body with absolute links
}

// Files writes rss.xml and atom.xml of all articles and chi-tieu/{key}/rss.xml per
// indicator, whose items are that indicator's sentence in each article; put stores each.
// Dates come from the reports (opendata.Published), never the clock.
func (s Site) Files(put func(path string, data []byte)) error {
	cfg := &s.Model.Config
	name := s.Model.Current().Name
	updated := opendata.Created(s.Model)
	site := &Feed{Title: cfg.Title + " – " + name, Description: "Tin bài về kết quả các chỉ tiêu phục vụ người dân, doanh nghiệp của " + name + ", theo từng kỳ báo cáo.",
		Link: s.AbsURL(""), Language: cfg.Language, Author: cfg.Author, Updated: updated}
	for _, a := range s.Articles {
		it := Item{Title: a.Title, Link: s.AbsURL(a.Path()), Summary: a.Summary, Content: s.HTML(a),
			Published: opendata.Published(a.Report), Author: a.Report.Author}
		if a.Report.Illustrative {
			it.Summary = "Số liệu minh họa. " + it.Summary
			it.Category = []string{"Số liệu minh họa"}
		}
		site.Items = append(site.Items, it)
	}
	site.Self = s.AbsURL(SiteRSS)
	rss, err := site.RSS()
	if err != nil {
		return err
	}
	site.Self = s.AbsURL(SiteAtom)
	atomXML, err := site.Atom()
	if err != nil {
		return err
	}
	put(SiteRSS, rss)
	put(SiteAtom, atomXML)

	for _, ind := range s.Model.Indicators {
		path := "chi-tieu/" + ind.Key + "/"
		f := &Feed{Title: "“" + ind.Name + "” – " + name, Description: ind.Definition, Link: s.AbsURL(path),
			Self: s.AbsURL(IndicatorRSS(ind)), Language: cfg.Language, Updated: updated}
		for _, a := range s.Articles {
			d, err := s.Writer.Data(a.Report)
			if err != nil {
				return err
			}
			for _, item := range d.Items {
				if item.Indicator != ind {
					continue
				}
				text, err := s.Writer.Text("article-item", item)
				if err != nil {
					return err
				}
				it := Item{Title: ind.Short + ", " + a.Report.Period.Label() + ": " + vietnamese.RatePrinted(item.Whole) + "%",
					Link: s.AbsURL(a.Path()) + "#chi-tieu-" + ind.Key, Summary: text, Published: opendata.Published(a.Report)}
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
		put(IndicatorRSS(ind), out)
	}
	return nil
}
