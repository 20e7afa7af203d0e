package write

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"math"
	"regexp"
	"strings"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Article is one period's news article, its words produced by the templates
// "article-title", "article-lead" and "article-body" of templates/wording/, which choose
// the wording of the report's kind (rates.html, index.html, …).
type Article struct {
	Report  *model.Report
	Slug    string        // "2024-04": the URL is bai-viet/2024-04/
	Dir     string        // another entity's folder, "tinh/quang-nam/"; "" for the site's own
	Title   string        // plain text
	Lead    template.HTML // "(binhdinh.gov.vn) - …", the tag of the period's entity
	Body    template.HTML // data-source sentence, items, editor's paragraphs, index, "./."
	Summary string        // the lead as plain text, for lists and meta descriptions
	// KeyFigures are the period's facts in a few words each ("3/7 chỉ tiêu đạt",
	// "88,62 điểm", "hạng 2/63, tăng 1 bậc"): <li> items shown above the lead, so that a
	// reader on a phone sees the figures on the first screen.
	KeyFigures template.HTML
	// ListTitle names the article in news lists and search results: the period and a few
	// figures ("Tháng 4/2024: 3/7 chỉ tiêu đạt, 88,62 điểm"), since the official titles
	// of every month read alike. Plain text.
	ListTitle string
	Lang      string // "en" for the English edition's article, else ""
	// Entity is the entity's key a filter of the open data names (du-lieu/ket-qua.csv,
	// column entity) when those hold other entities' rows too; "" on a site of one.
	Entity string
}

// Path is the article's path under the site root: the English edition's articles keep
// the Vietnamese path under en/ (en/bai-viet/2024-04/).
func (a *Article) Path() string { return LangPrefix(a.Lang) + a.Dir + "bai-viet/" + a.Slug + "/" }

// LangPrefix is the folder of an edition's pages: "en/" for English, "" for Vietnamese.
func LangPrefix(lang string) string {
	if lang == "en" {
		return "en/"
	}
	return ""
}

// ArticleData is what the article templates see.
type ArticleData struct {
	Site   *model.Site
	Report *model.Report
	Entity *model.Entity // the entity in force in the report's period
	Notes  template.HTML // the editor's paragraphs (content/bai-viet/PERIOD.md)
	Items  []Item
	Index  *IndexLine
}

// Met counts the indicators that reach their target; Judged those that have one.
func (d *ArticleData) Met() int {
	n := 0
	for _, it := range d.Items {
		if it.Target != nil && it.Met {
			n++
		}
	}
	return n
}

// Judged counts the indicators with a target, the ones that get a verdict.
func (d *ArticleData) Judged() int {
	n := 0
	for _, it := range d.Items {
		if it.Target != nil {
			n++
		}
	}
	return n
}

// Item is one indicator's line of the article.
type Item struct {
	*model.Result
	Change      float64
	HasChange   bool
	Comparison  *model.Report // the period compared with
	EntityShort string        // "tỉnh", as in "của cả tỉnh"
	// Units explains a large change by the units that reported (nil otherwise).
	Units *UnitsChange
	// Mix explains a large change of the whole rate, with every level's rate nearly flat,
	// by the levels' shares of the denominator (nil otherwise, or when Units explains it).
	Mix *LevelMix
}

// LevelMix is the levels' shares of an indicator's denominator in two periods.
type LevelMix struct {
	MaxLevelChange float64 // the largest change of a level's printed rate, points, unsigned
	Shares         []LevelShare
}

// LevelShare is one level's share of the denominator now and in the period compared with.
type LevelShare struct {
	Level         *model.Level
	Share, Before float64 // percent
}

// levelMix returns the levels' shares when the whole rate moved by LargeMove or more
// while no level's rate moved by half as much: the change is then the levels' weights.
// Both periods must give counts for the same levels.
func levelMix(res *model.Result, change float64) *LevelMix {
	prev := res.Previous
	if prev == nil || len(res.Levels) < 2 || len(res.Levels) != len(prev.Levels) || math.Abs(change) < LargeMove {
		return nil
	}
	before := map[*model.Level]model.LevelResult{}
	var denNow, denThen int64
	for _, lr := range prev.Levels {
		if lr.Count == nil || lr.Count.Den <= 0 {
			return nil
		}
		before[lr.Level] = lr
		denThen += lr.Count.Den
	}
	mix := &LevelMix{}
	for _, lr := range res.Levels {
		p, ok := before[lr.Level]
		if !ok || lr.Count == nil || lr.Count.Den <= 0 {
			return nil
		}
		denNow += lr.Count.Den
		d := math.Abs(vietnamese.RoundPrinted(lr.Rate) - vietnamese.RoundPrinted(p.Rate))
		mix.MaxLevelChange = max(mix.MaxLevelChange, d)
	}
	if mix.MaxLevelChange*2 >= math.Abs(change) {
		return nil
	}
	for _, lr := range res.Levels {
		mix.Shares = append(mix.Shares, LevelShare{Level: lr.Level,
			Share:  float64(lr.Count.Den) * 100 / float64(denNow),
			Before: float64(before[lr.Level].Count.Den) * 100 / float64(denThen)})
	}
	return mix
}

// LargeMove is the change of a rate, in percentage points, that the article explains
// when the units reporting changed between the two periods.
const LargeMove = 5

// UnitsChange is how the units reporting an indicator changed between two periods, and
// the pooled rate of the units that reported in both, so the reader sees how much of a
// large move is the change of units.
type UnitsChange struct {
	Added, Removed int // units reporting now and not before, and the reverse
	// AddedUnits and RemovedUnits name them, in ranking order (level, then rate), when few
	// enough to list in a sentence (at most NamedUnits each); nil otherwise.
	AddedUnits, RemovedUnits []*model.Unit
	Common                   int     // units reporting in both periods
	Rate, Before             float64 // the common units' pooled rate now and in the period compared with
	HasRate                  bool    // both pooled rates exist (counts with a positive denominator)
}

// NamedUnits is how many added or removed units a sentence names; more are counted only.
const NamedUnits = 3

// unitsChange compares the units behind a result and the previous one; nil when the
// move is small, either period lacks per-unit counts, or the same units reported.
func unitsChange(res *model.Result, change float64) *UnitsChange {
	prev := res.Previous
	if prev == nil || len(res.Units) == 0 || len(prev.Units) == 0 || math.Abs(change) < LargeMove {
		return nil
	}
	before := map[*model.Unit]model.Count{}
	for _, u := range prev.Units {
		before[u.Unit] = u.Count
	}
	uc := &UnitsChange{}
	var now, then model.Count
	for _, u := range res.Units {
		c, ok := before[u.Unit]
		if !ok {
			uc.Added++
			uc.AddedUnits = append(uc.AddedUnits, u.Unit)
			continue
		}
		delete(before, u.Unit)
		uc.Common++
		now.Num, now.Den = now.Num+u.Count.Num, now.Den+u.Count.Den
		then.Num, then.Den = then.Num+c.Num, then.Den+c.Den
	}
	uc.Removed = len(before)
	if uc.Added == 0 && uc.Removed == 0 {
		return nil
	}
	for _, u := range prev.Units {
		if _, gone := before[u.Unit]; gone {
			uc.RemovedUnits = append(uc.RemovedUnits, u.Unit)
		}
	}
	if len(uc.AddedUnits) > NamedUnits {
		uc.AddedUnits = nil
	}
	if len(uc.RemovedUnits) > NamedUnits {
		uc.RemovedUnits = nil
	}
	if now.Den > 0 && then.Den > 0 {
		uc.HasRate = true
		uc.Rate = float64(now.Num) * 100 / float64(now.Den)
		uc.Before = float64(then.Num) * 100 / float64(then.Den)
	}
	return uc
}

// IndexLine is the index score with the change the article states.
type IndexLine struct {
	*model.IndexScore
	Change *IndexChange // nil when neither the source nor a held period gives one
}

// IndexChange is the change since an earlier period: stated by the source (against a
// period the site may not hold), or computed from the previous report of the same kind.
type IndexChange struct {
	HasScore       bool
	Score          float64 // points, signed, as printed
	HasRank        bool
	Rank           int           // places gained (positive) or lost
	KeptFor        int           // "giữ nguyên vị trí tháng thứ hai liên tiếp"
	Against        *model.Period // nil: "so với tháng trước"
	RankOfChanged  bool          // ranks out of different totals (63 → 34): not compared
	PreviousRankOf int
}

// Compared reports whether the sentence states a change "so với …": a score change, or
// a rank change that is not the "giữ nguyên vị trí … liên tiếp" run.
func (c *IndexChange) Compared() bool { return c.HasScore || c.RankCompared() }

// RankCompared reports whether the rank change is said "so với …".
func (c *IndexChange) RankCompared() bool { return c.HasRank && (c.Rank != 0 || c.KeptFor == 0) }

func statedChange(s *model.StatedChange) *IndexChange {
	c := &IndexChange{KeptFor: s.KeptFor, Against: s.Against}
	if s.Score != nil {
		c.HasScore, c.Score = true, *s.Score
	}
	if s.Rank != nil {
		c.HasRank, c.Rank = true, *s.Rank
	}
	if s.KeptFor > 0 && !c.HasRank {
		c.HasRank = true // a run of the same rank is a rank change of 0
	}
	return c
}

func heldChange(x *model.IndexScore, prev *model.Report) *IndexChange {
	c := &IndexChange{Against: &prev.Period}
	c.Score, c.HasScore = x.ScoreChange()
	c.Rank, c.HasRank = x.RankChange()
	if !c.HasRank && x.HasRank() && x.Previous.HasRank() && x.RankOf > 0 && x.Previous.RankOf > 0 {
		c.RankOfChanged, c.PreviousRankOf = true, x.Previous.RankOf
	}
	if !c.HasScore && !c.HasRank && !c.RankOfChanged {
		return nil
	}
	return c
}

// Writer renders articles with the site's templates.
type Writer struct {
	site *model.Site
	tmpl *template.Template
	lang string // "en" when tmpl holds the English wording
}

// New makes a writer; tmpl must hold the templates of templates/text.html.
func New(site *model.Site, tmpl *template.Template) *Writer {
	return &Writer{site: site, tmpl: tmpl}
}

// NewEn makes the English edition's writer; tmpl must hold templates/wording/en/ (render.ParseEn).
func NewEn(site *model.Site, tmpl *template.Template) *Writer {
	return &Writer{site: site, tmpl: tmpl, lang: "en"}
}

// comparable says whether r may be compared with the previous report: official figures
// are never set against illustrative ones.
func comparable(r *model.Report) bool {
	return r.Previous != nil && !r.Break() && (r.Illustrative || !r.Previous.Illustrative)
}

// Data assembles what the templates need for report r.
func (w *Writer) Data(r *model.Report) (*ArticleData, error) {
	d := &ArticleData{Site: w.site, Report: r, Entity: r.Entity}
	if note := w.site.Notes[r.Period.Key()]; note != nil {
		html, err := Markdown(note.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", note.File, err)
		}
		d.Notes = html
	}
	cmp := comparable(r)
	for _, res := range r.Results {
		it := Item{Result: res, EntityShort: r.Entity.Short}
		if w.lang == "en" {
			it.EntityShort = r.Entity.ShortEn
		}
		if c, ok := res.Change(); ok && cmp {
			it.Change, it.HasChange, it.Comparison = c, true, r.Previous
			if it.Units = unitsChange(res, c); it.Units == nil {
				it.Mix = levelMix(res, c)
			}
		}
		d.Items = append(d.Items, it)
	}
	if x := r.Index; x != nil {
		line := &IndexLine{IndexScore: x}
		switch {
		case x.Stated != nil:
			line.Change = statedChange(x.Stated)
		case cmp && x.Previous != nil:
			line.Change = heldChange(x, r.Previous)
		}
		d.Index = line
	}
	return d, nil
}

// Article writes report r.
func (w *Writer) Article(r *model.Report) (*Article, error) {
	d, err := w.Data(r)
	if err != nil {
		return nil, err
	}
	a := &Article{Report: r, Slug: r.Period.Key(), Lang: w.lang}
	if len(w.site.Others) > 0 && r.Entity != nil {
		a.Entity = r.Entity.Key
	}
	// templates/wording/article.html picks the wording of the report's kind.
	title, err := w.exec("article-title", d)
	if err != nil {
		return nil, err
	}
	lead, err := w.exec("article-lead", d)
	if err != nil {
		return nil, err
	}
	keys, err := w.exec("key-figures", d)
	if err != nil {
		return nil, err
	}
	a.KeyFigures = keys
	list, err := w.exec("list-title", d)
	if err != nil {
		return nil, err
	}
	a.ListTitle = PlainText(list)
	body, err := w.exec("article-body", d)
	if err != nil {
		return nil, err
	}
	if title == "" {
		return nil, fmt.Errorf("%s: kỳ %s: bài viết không có tiêu đề (kỳ báo cáo không có số liệu nào)", r.File, r.Period.Key())
	}
	a.Title, a.Lead, a.Body = PlainText(title), lead, body
	a.Summary = PlainText(lead)
	return a, nil
}

// Text executes a named template of text.html and returns plain text, e.g. a chart's
// description.
func (w *Writer) Text(name string, data any) (string, error) {
	h, err := w.exec(name, data)
	return PlainText(h), err
}

func (w *Writer) exec(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := w.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(strings.TrimSpace(buf.String())), nil
}

var (
	blockTags  = regexp.MustCompile(`(?i)</?(p|li|ul|ol|h[1-6]|br|div|table|tr|blockquote|section|article|header|footer)\b[^>]*>`)
	inlineTags = regexp.MustCompile(`<[^>]*>`)
	blanks     = regexp.MustCompile(`[ \t]+`)
	newlines   = regexp.MustCompile(`\s*\n\s*`)
)

// PlainText turns generated HTML into text: one line per block (paragraph, list item),
// inline tags dropped, entities decoded, white space folded.
func PlainText(h template.HTML) string {
	s := blockTags.ReplaceAllString(string(h), "\n")
	s = inlineTags.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = blanks.ReplaceAllString(s, " ")
	s = newlines.ReplaceAllString(s, "\n")
	return strings.TrimSpace(s)
}
