package pipeline

import (
	"fmt"

	"chiso/internal/model"
	"chiso/internal/write"
)

// Other entities' pages: tinh/ENTITY/ lists an entity's reports, tinh/ENTITY/bai-viet/KEY/
// is the article of one. The site's own entity keeps the site's own pages.

// EntityDir is the folder of another entity's pages.
func EntityDir(e *model.Entity) string { return "tinh/" + e.Key + "/" }

// EntityBody is an entity page's data.
type EntityBody struct {
	Entity   *model.Entity
	Articles []*write.Article // newest first
	Places   []EntityPlace    // its place in each period compared, newest first
}

// EntityPlace is an entity's place in one comparison.
type EntityPlace struct {
	Comparison *model.Comparison
	Score      *model.Standing
	Of         int
}

func (b *builder) entityPages() error {
	for _, e := range b.site.OtherEntities() {
		reports := b.site.ReportsOf(e)
		body := &EntityBody{Entity: e}
		illustrative := false
		for i := len(reports) - 1; i >= 0; i-- {
			r := reports[i]
			a, err := b.w.Article(r)
			if err != nil {
				return fmt.Errorf("%s (kỳ %s): %w", r.File, r.Period.Key(), err)
			}
			a.Dir = EntityDir(e)
			// Many provinces' articles side by side: each title names its province.
			a.Title = write.UpperFirst(e.Name) + ": " + a.Title
			body.Articles = append(body.Articles, a)
			illustrative = illustrative || r.Illustrative
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
			if c := b.comparisonOf(a.Report.Period.Key()); c != nil {
				ab.Place = placeIn(c, e)
			}
			if err := b.page("article", a.Path(), a.Title, a.Summary, "", a.Report.Illustrative, ab); err != nil {
				return err
			}
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
