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
		cc := CorrectionCommit{Commit: c, Anchor: feed.CorrectionAnchor(c)}
		for _, p := range c.ByPeriod() {
			cc.Periods = append(cc.Periods, CorrectionPeriod{PeriodCorrections: p, Article: b.byPeriod[p.Period.Key()]})
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
	if err := b.page("corrections", CorrectionsDir, "Đính chính số liệu", "Các số liệu đã công bố rồi được sửa lại: số liệu nào, sửa từ bao nhiêu thành bao nhiêu, ngày nào.", "", false, b.correctionsBody()); err != nil {
		return err
	}
	// The log's own feeds in its head, beside the site's (share, in opendata.go).
	p := b.jobs[len(b.jobs)-1].page
	p.Share.Feeds = append(p.Share.Feeds,
		render.FeedLink{Title: "Đính chính số liệu (RSS)", Type: "application/rss+xml", Href: b.urlOf(CorrectionsRSS)},
		render.FeedLink{Title: "Đính chính số liệu (Atom)", Type: "application/atom+xml", Href: b.urlOf(CorrectionsAtom)})
	return nil
}
