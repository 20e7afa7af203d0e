package pipeline

import (
	"strings"

	"chiso/internal/corrections"
	"chiso/internal/feed"
	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/write"
)

// Paths of the corrections log (package corrections): its page and its two feeds.
const (
	CorrectionsDir  = "dinh-chinh/"
	CorrectionsRSS  = CorrectionsDir + "rss.xml"
	CorrectionsAtom = CorrectionsDir + "atom.xml"
)

// articleCorrections caps the article's "Đính chính" box; the log page lists them all.
const articleCorrections = 10

// CorrectionsBody is the log page's data: every correcting commit, newest first.
type CorrectionsBody struct {
	Commits []CorrectionCommit
}

// CorrectionCommit is one commit's corrections, by period.
type CorrectionCommit struct {
	Commit  *corrections.Commit
	Anchor  string // "sua-a1b2c3d", the commit's place on the log page
	Periods []CorrectionPeriod
}

// CorrectionPeriod is one period's corrections in one commit.
type CorrectionPeriod struct {
	Period      model.Period
	Article     *write.Article // nil when the period is no longer published
	Corrections []*corrections.Correction
}

// ArticleCorrections is the article's "Đính chính" box.
type ArticleCorrections struct {
	List []*corrections.Correction // newest first, at most articleCorrections
	More int                       // corrections not listed
}

// articleCorrections returns the box for an article, nil when it has no correction.
func (b *builder) articleCorrections(a *write.Article) *ArticleCorrections {
	all := b.corrections.ForPeriod(a.Report.Period.Key())
	if len(all) == 0 {
		return nil
	}
	box := &ArticleCorrections{List: all}
	if len(all) > articleCorrections {
		box.List, box.More = all[:articleCorrections], len(all)-articleCorrections
	}
	return box
}

func (b *builder) correctionsBody() *CorrectionsBody {
	body := &CorrectionsBody{}
	for _, c := range b.corrections.Commits {
		cc := CorrectionCommit{Commit: c, Anchor: "sua-" + c.Short}
		for _, x := range c.Corrections {
			key := x.Period.Key()
			if n := len(cc.Periods); n == 0 || cc.Periods[n-1].Period.Key() != key {
				cc.Periods = append(cc.Periods, CorrectionPeriod{Period: x.Period, Article: b.byPeriod[key]})
			}
			p := &cc.Periods[len(cc.Periods)-1]
			p.Corrections = append(p.Corrections, x)
		}
		body.Commits = append(body.Commits, cc)
	}
	return body
}

// correctionsPage writes dinh-chinh/ and its feeds: one item per correcting commit.
func (b *builder) correctionsPage() error {
	if !b.want(CorrectionsDir) {
		return nil
	}
	body := b.correctionsBody()
	cfg := &b.site.Config
	name := b.site.Current().Name
	f := &feed.Feed{Title: "Đính chính số liệu – " + name, Description: "Các số liệu đã công bố rồi được sửa lại trên trang " + cfg.Title + ".",
		Link: b.absURLOf(CorrectionsDir), Language: cfg.Language, Author: cfg.Author, Updated: opendata.Created(b.site)}
	if len(body.Commits) > 0 {
		f.Updated = body.Commits[0].Commit.Date
	}
	for _, cc := range body.Commits {
		title, err := b.w.Text("correction-feed-title", cc)
		if err != nil {
			return err
		}
		var lines []string
		for _, p := range cc.Periods {
			for _, x := range p.Corrections {
				s, err := b.w.Text("correction", x)
				if err != nil {
					return err
				}
				lines = append(lines, write.UpperFirst(p.Period.Label())+" – "+s+".")
			}
		}
		link := b.absURLOf(CorrectionsDir) + "#" + cc.Anchor
		f.Items = append(f.Items, feed.Item{Title: title, Link: link, ID: link, Summary: strings.Join(lines, "\n"),
			Published: cc.Commit.Date, Author: cfg.Author})
	}
	f.Self = b.absURLOf(CorrectionsRSS)
	rss, err := f.RSS()
	if err != nil {
		return err
	}
	f.Self = b.absURLOf(CorrectionsAtom)
	atom, err := f.Atom()
	if err != nil {
		return err
	}
	b.files[CorrectionsRSS], b.files[CorrectionsAtom] = rss, atom
	if err := b.page("corrections", CorrectionsDir, "Đính chính số liệu", "Các số liệu đã công bố rồi được sửa lại: số liệu nào, sửa từ bao nhiêu thành bao nhiêu, ngày nào.", "", false, body); err != nil {
		return err
	}
	// The log's own feeds in its head, beside the site's (share, in opendata.go).
	p := b.jobs[len(b.jobs)-1].page
	p.Share.Feeds = append(p.Share.Feeds,
		render.FeedLink{Title: "Đính chính số liệu (RSS)", Type: "application/rss+xml", Href: b.urlOf(CorrectionsRSS)},
		render.FeedLink{Title: "Đính chính số liệu (Atom)", Type: "application/atom+xml", Href: b.urlOf(CorrectionsAtom)})
	return nil
}
