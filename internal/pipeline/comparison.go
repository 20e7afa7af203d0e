package pipeline

import (
	"chiso/internal/chart"
	"chiso/internal/model"
	"chiso/internal/write"
)

// The comparison of entities: so-sanh/KEY/ ranks the entities of a period by index score
// and by each indicator's rate, with the national average; so-sanh/ lists the periods.

// ComparisonDir is the folder of the comparisons.
const ComparisonDir = "so-sanh/"

// ComparisonPath is the page of one period's comparison.
func ComparisonPath(c *model.Comparison) string { return ComparisonDir + c.Period.Key() + "/" }

// ComparisonBody is a comparison page's data.
type ComparisonBody struct {
	Comparison *model.Comparison
	ScoreChart *Figure
	Rates      []RateRanking
	Articles   map[*model.Report]string // each report's article, for the table's links
	Dir        string                   // the edition's folder before an entity's page: "" or "en/"
}

// Link is the page of a standing's report: its article, else the entity's page; "" for a
// province known only from a national table.
func (c *ComparisonBody) Link(s model.Standing) string {
	if s.Report != nil {
		return c.Articles[s.Report]
	}
	if s.Entity != nil && !s.Entity.Own && len(c.Articles) > 0 {
		for r := range c.Articles {
			if r.Entity == s.Entity {
				return c.Dir + EntityDir(s.Entity)
			}
		}
	}
	return ""
}

// HasCharts says the page needs the chart library.
func (c *ComparisonBody) HasCharts() bool { return c.ScoreChart != nil || len(c.Rates) > 0 }

// RateRanking is one indicator's ranking with its chart.
type RateRanking struct {
	model.RateComparison
	Chart Figure
}

// ComparisonsBody is the list of comparisons.
type ComparisonsBody struct {
	Comparisons []*model.Comparison // newest first
	Entities    []*model.Entity     // the other entities with pages of their own (tinh/ENTITY/)
}

func (b *builder) comparisons() []*model.Comparison {
	if b.compared == nil {
		b.compared = b.site.Comparisons()
	}
	return b.compared
}

func (b *builder) comparisonOf(key string) *model.Comparison {
	for _, c := range b.comparisons() {
		if c.Period.Key() == key {
			return c
		}
	}
	return nil
}

func (b *builder) comparisonPages() error {
	cs := b.comparisons()
	if len(cs) == 0 {
		return nil
	}
	paths := b.comparisonLinks(false)
	list := &ComparisonsBody{Entities: b.site.OtherEntities()}
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		list.Comparisons = append(list.Comparisons, c)
		body := &ComparisonBody{Comparison: c, Articles: paths}
		if err := b.comparisonChartsIn(b.vi(), body); err != nil {
			return err
		}
		title := "So sánh các tỉnh, " + c.Period.Label()
		if err := b.page("comparison", ComparisonPath(c), title, title, "comparisons", comparisonIllustrative(c), body); err != nil {
			return err
		}
	}
	title := "So sánh các tỉnh theo kỳ"
	return b.page("comparisons", ComparisonDir, title, title, "comparisons", false, list)
}

// comparisonIllustrative says a comparison shows illustrative figures: its national
// table's or one of its reports'.
func comparisonIllustrative(c *model.Comparison) bool {
	illustrative := c.National != nil && c.National.Illustrative
	for _, r := range c.Reports {
		illustrative = illustrative || r.Illustrative
	}
	return illustrative
}

// comparisonLinks are the pages of the reports a comparison's rows link to, in the
// Vietnamese or the English edition: the site's own articles and the other entities'.
func (b *builder) comparisonLinks(en bool) map[*model.Report]string {
	paths := map[*model.Report]string{}
	for _, a := range b.articles {
		paths[a.Report] = a.Path()
		if en {
			paths[a.Report] = b.enArticle(a).Path()
		}
	}
	for _, e := range b.site.OtherEntities() {
		for _, r := range b.site.ReportsOf(e) {
			paths[r] = EntityDir(e) + "bai-viet/" + r.Period.Key() + "/"
			if en {
				paths[r] = EnglishDir + paths[r]
			}
		}
	}
	return paths
}

// comparisonChartsIn draws a comparison page's charts in l's language: the index scores
// and each indicator's rates.
func (b *builder) comparisonChartsIn(l *chartLang, body *ComparisonBody) error {
	c := body.Comparison
	body.ScoreChart, body.Rates = nil, nil
	if len(c.Scores) > 0 {
		fig, err := b.comparisonChart(l, c, "diem", l.t("Điểm chỉ số"), c.Scores, c.ScoreAverage, true)
		if err != nil {
			return err
		}
		body.ScoreChart = &fig
	}
	for _, rc := range c.Rates {
		avg := rc.Average
		fig, err := b.comparisonChart(l, c, rc.Indicator.Key, l.indicator(rc.Indicator), rc.Rows, &avg, false)
		if err != nil {
			return err
		}
		body.Rates = append(body.Rates, RateRanking{RateComparison: rc, Chart: fig})
	}
	return nil
}

// comparisonChart draws one ranking, best at the top, with the national average as a mark.
func (b *builder) comparisonChart(l *chartLang, c *model.Comparison, id, what string, rows []model.Standing, avg *float64, score bool) (Figure, error) {
	ch := chart.Chart{ID: "so-sanh-" + c.Period.Key() + "-" + id, Kind: chart.Bar, Horizontal: true,
		CategoryName: l.t("Tỉnh, thành phố"), Unit: "%", YMin: num(0), YMax: num(100),
		Title: "“" + what + "”: " + l.t("các tỉnh,") + " " + l.label(c.Period)}
	if score {
		ch.Unit, ch.Format = " "+l.t("điểm"), l.score
	}
	values := chart.Series{Name: what}
	mean := chart.Series{Name: l.t("Bình quân cả nước"), Target: true}
	own := ""
	for _, st := range rows {
		stName := write.StandingName(&b.site.Config, st, l.en)
		name := write.UpperFirst(stName)
		if st.Own {
			// The site's own province: its bar singled out, and said in words too.
			note, err := l.w.Text("comparison-own", nil)
			if err != nil {
				return Figure{}, err
			}
			ch.Highlight, ch.HighlightNote, own = name, " "+note, stName
		}
		ch.Categories = append(ch.Categories, name)
		values.Values = append(values.Values, st.Value)
		mean.Values = append(mean.Values, avg)
	}
	ch.Series = []chart.Series{values}
	if avg != nil {
		ch.Series = append(ch.Series, mean)
	}
	axisMin := 0.0
	if score {
		// The score axis starts near the lowest score, as the home page's score chart
		// (figures.go): on 0–100 the provinces' 88 and 96 look alike. Whole tens, so that
		// a phone's two ticks fall on round scores (60, 80, 100), not 65, 80, 100.
		ch.YMin, ch.YMax = axisRange(ch.Series, 10, 0, 100)
		axisMin = *ch.YMin
	}
	return b.drawIn(l, ch, "chart-desc-comparison", struct {
		What    string
		Rows    []model.Standing
		Average *float64
		Score   bool
		Own     string  // the site's own province, "" when it is not in the ranking
		AxisMin float64 // where the score axis starts
	}{what, rows, avg, score, own, axisMin})
}
