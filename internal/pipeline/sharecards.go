package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/render"
	"chiso/internal/shareimage"
	"chiso/internal/write"
)

// ShareCardName is the file of a page's own share card, beside its index.html.
const ShareCardName = "anh-chia-se.png"

// cardJob is a share card to draw once every page is known.
type cardJob struct {
	file string
	card shareimage.Card
}

// shareCard gives the pages that have figures of their own (articles, indicators, units,
// quarters, rankings; with [publish] share_cards = "articles" the articles and quarters
// only) a card with their title and figures; it returns the card's path, or "" for a page
// that shows the site's card (assets/share.png), and the card's text for its alt.
func (b *builder) shareCard(p *render.Page) (file, alt string, err error) {
	return b.shareCardIn(b.vi(), p)
}

// shareCardIn is shareCard in l's language: its words from the edition's wording
// (card-*) and UI table, its numbers and names the edition's.
func (b *builder) shareCardIn(l *chartLang, p *render.Page) (file, alt string, err error) {
	if b.site.Config.Publish.CardsArticles { // [publish] share_cards = "articles": the rest show the site's card
		switch p.Body.(type) {
		case *ArticleBody, *SummaryBody:
		default:
			return "", "", nil
		}
	}
	now := b.site.Current()
	card := shareimage.Card{Kicker: l.siteTitle + " – " + l.entity(now), Title: p.Title, Footer: now.SourceTag}
	text := func(name string, data any) string {
		s, e := l.w.Text(name, data)
		if e != nil && err == nil {
			err = e
		}
		return s
	}
	switch body := p.Body.(type) {
	case *ArticleBody:
		r := body.Article.Report
		card.Title = write.UpperFirst(text("card-title-article", r))
		card.Kicker = l.siteTitle + " – " + l.entity(r.Entity)
		card.Figures = metFigure(r.Results, l.t("chỉ tiêu đạt mục tiêu"))
		if x := r.Index; x != nil {
			if x.HasScore() {
				card.Figures = append(card.Figures, shareimage.Figure{Value: l.score(*x.Score), Label: l.t("điểm Chỉ số")})
			}
			if x.HasRank() && x.RankOf > 0 {
				card.Figures = append(card.Figures, shareimage.Figure{Value: strconv.Itoa(x.Rank) + "/" + strconv.Itoa(x.RankOf),
					Label: l.t("xếp hạng cả nước")})
			}
		}
		card.Footer = write.UpperFirst(l.label(r.Period)) + " · " + r.Entity.SourceTag
	case *IndicatorBody:
		if len(body.Rows) == 0 {
			return "", "", nil
		}
		last := body.Rows[len(body.Rows)-1]
		if body.Rows[0].Article.Report.Period.Key() > last.Article.Report.Period.Key() {
			last = body.Rows[0]
		}
		res, r := last.Result, last.Article.Report
		card.Figures = []shareimage.Figure{{Value: l.rateRounded(res.Whole) + "%", Label: text("card-figure-whole", r), Low: res.Target != nil && !res.Met}}
		if res.Target != nil {
			card.Figures = append(card.Figures, shareimage.Figure{Value: l.rateRounded(res.Target.Value) + "%", Label: l.t("mục tiêu|ảnh chia sẻ")})
		}
		card.Footer = l.t("Chỉ tiêu|ảnh chia sẻ") + " · " + now.SourceTag
	case *UnitBody:
		if body.Latest == nil {
			return "", "", nil
		}
		var met, all int
		for _, c := range body.Latest.Cells {
			if c != nil && c.Target != nil {
				all++
				if c.Met {
					met++
				}
			}
		}
		if all > 0 {
			card.Figures = []shareimage.Figure{{Value: strconv.Itoa(met) + "/" + strconv.Itoa(all), Label: text("card-figure-unit", body.Latest.Article.Report), Low: met < all}}
		}
		card.Footer = l.level(body.Unit.Level) + " · " + now.SourceTag
	case *SummaryBody:
		var met, all int
		for _, res := range body.Summary.Results {
			if res.Target != nil {
				all++
				if res.Met {
					met++
				}
			}
		}
		if all > 0 {
			card.Figures = []shareimage.Figure{{Value: strconv.Itoa(met) + "/" + strconv.Itoa(all), Label: l.t("chỉ tiêu đạt (tỷ lệ gộp)"), Low: met < all}}
		}
	case *RankingBody:
		card.Figures = metFigure(body.Article.Report.Results, text("card-figure-ranking", body.Article.Report))
	default:
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	if p.Illustrative {
		card.Footer = l.t("Số liệu minh họa|ảnh chia sẻ") + " · " + card.Footer
	}
	file = p.Path + ShareCardName
	b.cards = append(b.cards, cardJob{file: file, card: card})
	alt = card.Title
	for _, f := range card.Figures {
		alt += "; " + f.Value + " " + f.Label
	}
	return file, alt, nil
}

// metFigure is "3/7 chỉ tiêu đạt" for the results that have a target; none without.
func metFigure(results []*model.Result, label string) []shareimage.Figure {
	var met, all int
	for _, res := range results {
		if res.Target != nil {
			all++
			if res.Met {
				met++
			}
		}
	}
	if all == 0 {
		return nil
	}
	return []shareimage.Figure{{Value: strconv.Itoa(met) + "/" + strconv.Itoa(all), Label: label, Low: met < all}}
}

// drawCards draws every page's card, on all cores: a card takes some milliseconds. The
// cards of an earlier build are read from the cache (b.cardCache) instead.
func (b *builder) drawCards() error {
	if b.cardErr != nil {
		return b.cardErr
	}
	out := make([][]byte, len(b.cards))
	errs := make([]error, len(b.cards))
	keys := make([]string, len(b.cards))
	onAllCores(len(b.cards), func(i int) {
		if b.out != nil { // a build to a folder: each card written as it is drawn, none kept
			var png []byte
			if png, errs[i] = b.cardCache.Draw(b.cards[i].card); errs[i] == nil {
				errs[i] = b.out.put(b.cards[i].file, png)
			}
			return
		}
		keys[i] = cardKey(b.cards[i].card)
		if out[i] = drawn.get(keys[i]); out[i] == nil {
			out[i], errs[i] = b.cardCache.Draw(b.cards[i].card)
		}
	})
	for i, c := range b.cards {
		if errs[i] != nil {
			return errs[i]
		}
		if b.out == nil {
			b.files[c.file] = out[i]
		}
	}
	if b.out == nil {
		drawn.keep(keys, out)
	}
	b.cards = nil
	return nil
}

// drawn keeps the cards of the last build in memory (Site): a preview rebuild after one
// saved file redraws only the cards whose text changed (a card takes milliseconds, a
// site has hundreds). A build to a folder neither reads nor fills it.
var drawn cardCache

type cardCache struct {
	mu    sync.Mutex
	cards map[string][]byte
}

func (c *cardCache) get(key string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cards[key]
}

// keep replaces the cache with this build's cards, so it never outgrows one site.
func (c *cardCache) keep(keys []string, pngs [][]byte) {
	m := make(map[string][]byte, len(keys))
	for i, k := range keys {
		m[k] = pngs[i]
	}
	c.mu.Lock()
	c.cards = m
	c.mu.Unlock()
}

// cardKey is everything a card shows; the same key draws the same bytes.
func cardKey(c shareimage.Card) string {
	var b strings.Builder
	for _, s := range []string{c.Kicker, c.Title, c.Footer} {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	for _, f := range c.Figures {
		fmt.Fprintf(&b, "%d:%s%d:%s%t", len(f.Value), f.Value, len(f.Label), f.Label, f.Low)
	}
	return b.String()
}

// updated is when a page's figures last changed: the newest report they come from
// (opendata.Published: the report's date, or the end of its period); zero for pages
// without figures of their own.
func (b *builder) updated(p *render.Page) time.Time {
	var reports []*model.Report
	switch body := p.Body.(type) {
	case *ArticleBody:
		reports = append(reports, body.Article.Report)
	case *IndicatorBody:
		for _, r := range body.Rows {
			reports = append(reports, r.Article.Report)
		}
	case *UnitBody:
		for _, r := range body.Rows {
			reports = append(reports, r.Article.Report)
		}
	case *SummaryBody:
		reports = body.Summary.Reports
	case *RankingBody:
		reports = append(reports, body.Article.Report)
	case *HomeBody:
		reports = b.site.Reports
	}
	var t time.Time
	for _, r := range reports {
		if d := opendata.Published(r); d.After(t) {
			t = d
		}
	}
	// A figure corrected after publication updated the article on the commit's day; the
	// corrections log was updated by its newest commit.
	if a, ok := p.Body.(*ArticleBody); ok && a.Corrections != nil {
		if d := a.Corrections.List[0].Date; d.After(t) {
			t = d
		}
	}
	if c, ok := p.Body.(*CorrectionsBody); ok && len(c.Commits) > 0 {
		t = c.Commits[0].Commit.Date
	}
	return t
}
