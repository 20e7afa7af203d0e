package pipeline

import (
	"html/template"

	"chiso/internal/model"
	"chiso/internal/write"
)

// PlanBody is a target plan's page (muc-tieu/YEAR/): the targets assigned for a year,
// built whether or not any result of that year exists.
type PlanBody struct {
	Plan  *model.TargetPlan
	Text  template.HTML // the wording of templates/wording/targets.html
	Plans []*model.TargetPlan
}

func (b *builder) planPages() error {
	for _, p := range b.site.Plans {
		title, text, err := b.w.Plan(p)
		if err != nil {
			return err
		}
		body := &PlanBody{Plan: p, Text: text, Plans: b.site.Plans}
		desc := write.PlainText(text)
		if err := b.page("plan", p.Path(), title, firstLine(desc), "indicators", p.Illustrative, body); err != nil {
			return err
		}
	}
	return nil
}

// UnitScoresBody is a period's page of unit index scores (bai-viet/PERIOD/diem-don-vi/):
// a table per level with score, rank and class.
type UnitScoresBody struct {
	Article *write.Article
	Text    template.HTML // the article's paragraph on unit scores
	Levels  []model.UnitScoreLevel
}

// UnitScoresPath is where a period's unit scores live.
func UnitScoresPath(a *write.Article) string { return a.Path() + "diem-don-vi/" }

func (b *builder) unitScorePages() error { return b.unitScorePagesOf(b.articles) }

func (b *builder) unitScorePagesOf(articles []*write.Article) error {
	for _, a := range articles {
		r := a.Report
		if len(r.UnitScores) == 0 {
			continue
		}
		d, err := b.w.Data(r)
		if err != nil {
			return err
		}
		text, err := b.w.HTML("unit-score-section", d)
		if err != nil {
			return err
		}
		title := entityPrefix(r.Entity) + "Điểm và xếp loại các đơn vị, " + r.Period.Label()
		body := &UnitScoresBody{Article: a, Text: text, Levels: r.UnitScores.ByLevel()}
		if err := b.page("unitscores", UnitScoresPath(a), title, title, "", r.Illustrative, body); err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
