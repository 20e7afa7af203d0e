package pipeline

import (
	"fmt"

	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/write"
)

// Other entities' pages: tinh/ENTITY/ lists an entity's reports, tinh/ENTITY/bai-viet/KEY/
// is the article of one. The site's own entity keeps the site's own pages.

// EntityDir is the folder of another entity's pages.
func EntityDir(e *model.Entity) string { return e.Dir() }

// EntityBody is an entity page's data.
type EntityBody struct {
	Entity   *model.Entity
	Articles []*write.Article // newest first
	Places   []EntityPlace    // its place in each period compared, newest first
	Units    []UnitGroup      // its units by level (Unit.Path: tinh/ENTITY/don-vi/CODE/)
}

// EntityPlace is an entity's place in one comparison.
type EntityPlace struct {
	Comparison *model.Comparison
	Score      *model.Standing
	Of         int
}

// entityPrefix starts the titles of another entity's pages: "Tỉnh Gia Lai: ", so that many
// provinces' pages side by side each name their province; "" for the site's own.
func entityPrefix(e *model.Entity) string {
	if e.Dir() == "" {
		return ""
	}
	return write.UpperFirst(e.Name) + ": "
}

func (b *builder) entityPages() error {
	unitsOf := map[*model.Entity][]*model.Unit{}
	for _, u := range b.site.Units {
		if u.Entity != nil {
			unitsOf[u.Entity] = append(unitsOf[u.Entity], u)
		}
	}
	b.ahead = b.en != nil && b.only == nil && !b.keepQueued
	if b.ahead {
		if err := b.enSetup(); err != nil {
			return err
		}
	}
	for _, e := range b.site.OtherEntities() {
		start := len(b.jobs)
		reports := b.site.ReportsOf(e)
		body := &EntityBody{Entity: e, Units: unitGroups(b.site.Levels, unitsOf[e])}
		illustrative := false
		articles := make([]*write.Article, len(reports)) // oldest first, as reports
		for i, r := range reports {
			a, err := b.w.Article(r)
			if err != nil {
				return fmt.Errorf("%s (kỳ %s): %w", r.File, r.Period.Key(), err)
			}
			a.Dir = EntityDir(e)
			a.Title = entityPrefix(e) + a.Title
			articles[i] = a
			illustrative = illustrative || r.Illustrative
		}
		for i := len(articles) - 1; i >= 0; i-- {
			body.Articles = append(body.Articles, articles[i])
		}
		for i, a := range body.Articles {
			// Neighbouring periods of the same entity; never another entity's.
			var related []*write.Article
			for _, j := range []int{i + 1, i - 1} {
				if j >= 0 && j < len(body.Articles) {
					related = append(related, body.Articles[j])
				}
			}
			ab := &ArticleBody{Article: a, Related: related}
			if hasUnits(a.Report) {
				ab.Ranking = RankingPath(a)
			}
			if c := b.comparisonOf(a.Report.Period.Key()); c != nil {
				ab.Place = placeIn(c, e)
			}
			if err := b.page("article", a.Path(), a.Title, a.Summary, "", a.Report.Illustrative, ab); err != nil {
				return err
			}
		}
		// The entity's units, rankings and unit scores: the same pages as the site's own,
		// from the entity's reports only.
		if err := b.rankingPagesOf(articles); err != nil {
			return err
		}
		if err := b.unitScorePagesOf(articles); err != nil {
			return err
		}
		if err := b.unitPagesOf(unitsOf[e], articles, entityPrefix(e), "entities"); err != nil {
			return err
		}
		cs := b.comparisons()
		for i := len(cs) - 1; i >= 0; i-- {
			if p := placeIn(cs[i], e); p != nil {
				body.Places = append(body.Places, *p)
			}
		}
		title := write.UpperFirst(e.Name)
		if err := b.page("entity", EntityDir(e), title, title+": "+b.site.Config.IndexShort, "entities", illustrative, body); err != nil {
			return err
		}
		if b.ahead {
			if err := b.enEntityAhead(e, start, reports); err != nil {
				return err
			}
		}
	}
	return nil
}

// enEntityAhead lays out the English twins of entity e's pages, queued from b.jobs[start],
// and renders both editions' (b.ahead); its results' cells are let go, no page of another
// entity showing them.
func (b *builder) enEntityAhead(e *model.Entity, start int, reports []*model.Report) error {
	b.twinsOf(b.jobs[start:])
	pages, jobs := len(b.open.pages), len(b.jobs)
	if err := b.enEntity(e); err != nil {
		return err
	}
	for i := jobs; i < len(b.jobs); i++ {
		b.jobs[i].ahead = true
	}
	b.aheadPages = append(b.aheadPages, b.open.pages[pages:]...)
	b.open.pages = b.open.pages[:pages]
	b.cellsMu.Lock()
	for _, r := range reports {
		for _, res := range r.Results {
			delete(b.cells, res)
		}
	}
	b.cellsMu.Unlock()
	if err := b.renderReady(); err != nil {
		return err
	}
	// Rendered before the next entity is laid out: in the background beside it, two
	// entities' bodies were alive at once (mid site: peak 211 → 250 MB).
	b.renderWait()
	return b.entityCSVs(start)
}

// entityCSVs writes the CSV of each chart without an embed page (another entity's unit's)
// that the pages rendered from b.jobs[start] show, and lets go of its figures: they would
// wait for the open-data step otherwise, every entity's.
func (b *builder) entityCSVs(start int) error {
	for i := start; i < len(b.recs); i++ {
		rec := b.recs[i]
		o, dir := &b.open, ""
		if isEnglish(rec.file) {
			o, dir = &b.openEn, EnglishDir
		}
		for _, id := range rec.charts {
			c := o.charts[id]
			if c == nil || !c.noEmbed || c.written {
				continue
			}
			if err := b.put(dir+ChartDataDir+id+".csv", opendata.ChartTable(*c.chart).CSV()); err != nil {
				return err
			}
			c.written, c.chart = true, nil
		}
	}
	return nil
}

// placeIn is an entity's place by index score in a comparison, or nil when it is not ranked there.
func placeIn(c *model.Comparison, e *model.Entity) *EntityPlace {
	for i := range c.Scores {
		if c.Scores[i].Entity == e && c.Scores[i].Rank > 0 {
			return &EntityPlace{Comparison: c, Score: &c.Scores[i], Of: len(c.Scores)}
		}
	}
	return nil
}

// ownUnits are the units of the site's own entities: the unit pages (don-vi/) are theirs.
func (b *builder) ownUnits() []*model.Unit {
	if b.own == nil {
		b.own = []*model.Unit{}
		for _, u := range b.site.Units {
			if u.Entity == nil || u.Entity.Own {
				b.own = append(b.own, u)
			}
		}
	}
	return b.own
}
