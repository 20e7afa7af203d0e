package pipeline

import (
	"chiso/internal/corrections"
	"chiso/internal/feed"
	"chiso/internal/render"
	"chiso/internal/write"
)

// Paths of the corrections log (package corrections): its page and its two feeds
// (internal/feed).
const (
	CorrectionsDir  = feed.CorrectionsDir
	CorrectionsRSS  = feed.CorrectionsRSS
	CorrectionsAtom = feed.CorrectionsAtom
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

// CorrectionPeriod is one period's corrections in one commit, with its article.
type CorrectionPeriod struct {
	corrections.PeriodCorrections
	Article *write.Article // nil when the period is no longer published
}

// ArticleCorrections is the article's "Đính chính" box.
type ArticleCorrections struct {
	List []*corrections.Correction // newest first, at most articleCorrections
	More int                       // corrections not listed
}

// articleCorrections returns the box for an article, nil when it has no correction.
func (b *builder) articleCorrections(a *write.Article) *ArticleCorrections {
	return correctionsBox(b.corrections, a)
}

// correctionsBox is the box of log's corrections for an article, nil when it has none.
func correctionsBox(log *corrections.Log, a *write.Article) *ArticleCorrections {
	all := log.ForPeriod(a.Report.Period.Key())
	if len(all) == 0 {
		return nil
	}
	box := &ArticleCorrections{List: all}
	if len(all) > articleCorrections {
		box.List, box.More = all[:articleCorrections], len(all)-articleCorrections
	}
	return box
}

// correctionsBody is the log page of log, each period linked to its article (article
// gives the edition's article of the Vietnamese one).
func (b *builder) correctionsBody(log *corrections.Log, article func(*write.Article) *write.Article) *CorrectionsBody {
	body := &CorrectionsBody{}
	for _, c := range log.Commits {
		cc := CorrectionCommit{Commit: c, Anchor: feed.CorrectionAnchor(c)}
		for _, p := range c.ByPeriod() {
			var a *write.Article
			if vi := b.byPeriod[p.Period.Key()]; vi != nil {
				a = article(vi)
			}
			cc.Periods = append(cc.Periods, CorrectionPeriod{PeriodCorrections: p, Article: a})
		}
		body.Commits = append(body.Commits, cc)
	}
	return body
}

// correctionsPage writes dinh-chinh/ and its feeds (internal/feed): one item per
// correcting commit.
func (b *builder) correctionsPage() error {
	if !b.want(CorrectionsDir) {
		return nil
	}
	err := feed.Corrections{Model: b.site, Log: b.corrections, Writer: b.w, AbsURL: b.absURLOf}.
		Files(func(path string, data []byte) { b.files[path] = data })
	if err != nil {
		return err
	}
	title, desc, err := correctionsTitle(b.w)
	if err != nil {
		return err
	}
	same := func(a *write.Article) *write.Article { return a }
	if err := b.page("corrections", CorrectionsDir, title, desc, "", false, b.correctionsBody(b.corrections, same)); err != nil {
		return err
	}
	b.correctionsFeedLinks(b.jobs[len(b.jobs)-1].page, title, "")
	return nil
}

// correctionsTitle is the log page's title and description in w's wording.
func correctionsTitle(w *write.Writer) (title, desc string, err error) {
	if title, err = w.Text("corrections-title", nil); err != nil {
		return "", "", err
	}
	desc, err = w.Text("corrections-description", nil)
	return title, desc, err
}

// correctionsFeedLinks puts the log's own feeds (under dir) in its page's head, beside
// the site's (share, in opendata.go).
func (b *builder) correctionsFeedLinks(p *render.Page, title, dir string) {
	p.Share.Feeds = append(p.Share.Feeds,
		render.FeedLink{Title: title + " (RSS)", Type: "application/rss+xml", Href: b.urlOf(dir + CorrectionsRSS)},
		render.FeedLink{Title: title + " (Atom)", Type: "application/atom+xml", Href: b.urlOf(dir + CorrectionsAtom)})
}
