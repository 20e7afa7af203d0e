package pipeline

import (
	"chiso/internal/chart"
	"chiso/internal/model"
	"chiso/internal/write"
)

// Figure is a drawn chart with its description and table, as the page templates use it.
type Figure = chart.Rendered

func hasCharts(body any) bool {
	switch b := body.(type) {
	case *HomeBody:
		return len(b.Charts)+len(b.IndexCharts) > 0
	case *ArticleBody:
		return len(b.Charts) > 0
	case *IndicatorBody:
		return len(b.Charts) > 0
	case *UnitBody:
		return len(b.Charts) > 0
	case *SummaryBody:
		return len(b.Charts) > 0
	case *RankingBody:
		for _, ind := range b.Indicators {
			for _, lv := range ind.Levels {
				if lv.Chart != nil {
					return true
				}
			}
		}
	case interface{ HasCharts() bool }: // page kinds in files of their own (comparison.go)
		return b.HasCharts()
	}
	return false
}

func num(v float64) *float64 { return &v }

func (b *builder) draw(c chart.Chart, descTemplate string, descData any) (Figure, error) {
	return b.drawIn(b.vi(), c, descTemplate, descData)
}

// drawIn describes c in l's language and renders it; the open-data step (CSV, embeds)
// records each edition's charts apart.
func (b *builder) drawIn(l *chartLang, c chart.Chart, descTemplate string, descData any) (Figure, error) {
	desc, err := l.w.Text(descTemplate, descData)
	if err != nil {
		return Figure{}, err
	}
	c.Description = desc
	if c.Format == nil {
		c.Format = l.rate
	}
	fig, err := chart.Render(c)
	if err == nil {
		l.open.drew(c)
		if b.site.Config.Publish.NoEmbeds { // [publish] embeds = false: its CSV, no nhung/ page nor embed code
			fig.NoEmbed = true
			l.open.charts[c.ID].noEmbed = true
		}
	}
	return fig, err
}

// targetsData feeds the descriptions of charts of one period.
type targetsData struct {
	Site                 *model.Site
	Report               *model.Report
	Levels               []*model.Level
	MetCount, UnmetCount int
	NoTargetCount        int // indicators reported without a target: no verdict
	Lowest               *model.Result
}

func (b *builder) periodData(r *model.Report) *targetsData {
	d := &targetsData{Site: b.site, Report: r, Levels: r.Levels()}
	for _, res := range r.Results {
		switch {
		case res.Target == nil:
			d.NoTargetCount++
		case res.Met:
			d.MetCount++
		default:
			d.UnmetCount++
		}
		if d.Lowest == nil || res.Whole < d.Lowest.Whole {
			d.Lowest = res
		}
	}
	return d
}

// targetsChart is the whole rate of each indicator against its target in one period.
func (b *builder) targetsChart(l *chartLang, id, titleTemplate, desc string, r *model.Report) (Figure, error) {
	title, err := l.w.Text(titleTemplate, r)
	if err != nil {
		return Figure{}, err
	}
	whole, err := l.w.Text("chart-series-whole", r.Entity)
	if err != nil {
		return Figure{}, err
	}
	c := chart.Chart{ID: id, Kind: chart.Bar, Horizontal: true, Title: title, CategoryName: l.t("Chỉ tiêu|cột bảng"), Unit: "%", YMin: num(0), YMax: num(100)}
	s := chart.Series{Name: whole}
	for _, res := range r.Results {
		c.Categories = append(c.Categories, l.indicator(res.Indicator))
		s.Values = append(s.Values, num(res.Whole))
	}
	c.Series = []chart.Series{s, targetSeries(l, r.Results)}
	return b.drawIn(l, c, desc, b.periodData(r))
}

func (b *builder) articleCharts(a *write.Article) ([]Figure, error) {
	return b.articleChartsIn(b.vi(), a.Report)
}

func (b *builder) articleChartsIn(l *chartLang, r *model.Report) ([]Figure, error) {
	if len(r.Results) == 0 {
		return nil, nil // a report of the index alone: no rates to draw
	}
	key := r.Period.Key()
	targets, err := b.targetsChart(l, "bai-"+key+"-muc-tieu", "chart-title-targets", "chart-desc-targets", r)
	if err != nil {
		return nil, err
	}
	figs := []Figure{targets}
	levels := r.Levels()
	if len(levels) == 0 {
		return figs, nil
	}
	title, err := l.w.Text("chart-title-levels", r)
	if err != nil {
		return nil, err
	}
	c := chart.Chart{ID: "bai-" + key + "-theo-cap", Kind: chart.Bar, Horizontal: true, CategoryName: l.t("Chỉ tiêu|cột bảng"), Unit: "%", YMin: num(0), YMax: num(100),
		Title: title}
	for _, res := range r.Results {
		c.Categories = append(c.Categories, l.indicator(res.Indicator))
	}
	for _, lv := range levels {
		s := chart.Series{Name: l.level(lv)}
		for _, res := range r.Results {
			var v *float64
			for _, lr := range res.Levels {
				if lr.Level == lv {
					v = num(lr.Rate)
				}
			}
			s.Values = append(s.Values, v)
		}
		c.Series = append(c.Series, s)
	}
	c.Series = append(c.Series, targetSeries(l, r.Results))
	fig, err := b.drawIn(l, c, "chart-desc-levels", b.periodData(r))
	if err != nil {
		return nil, err
	}
	return append(figs, fig), nil
}

func (b *builder) latestCharts(a *write.Article) ([]Figure, error) {
	return b.latestChartsIn(b.vi(), a.Report)
}

func (b *builder) latestChartsIn(l *chartLang, r *model.Report) ([]Figure, error) {
	if len(r.Results) == 0 {
		return nil, nil
	}
	fig, err := b.targetsChart(l, "trang-chu-ky-moi-nhat", "chart-title-latest", "chart-desc-targets", r)
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

// EndedLevel is a level that no longer exists from report From on (the district level
// from 7/2025): said in the chart's description, from the data.
type EndedLevel struct {
	Level *model.Level
	From  *model.Report
}

// seriesData feeds the descriptions of charts over time.
type seriesData struct {
	Site        *model.Site
	Indicator   *model.Indicator
	Points      []*model.Report
	First, Last *model.Report
	LastValue   float64
	EndedLevels []EndedLevel    // levels that end within the series, with the first point without them
	RankBreaks  []*model.Report // reports whose rank is out of another total than the previous
	Scored      []*model.Report // points with a score
	Ranked      []*model.Report // points with a rank
	Breaks      []seriesBreak   // where the series stop and start again
	AxisMin     float64         // the lowest value the value axis shows
}

func (b *builder) trendCharts(ind *model.Indicator, levels []*model.Level) ([]Figure, error) {
	return b.trendChartsIn(b.vi(), ind, levels)
}

func (b *builder) trendChartsIn(l *chartLang, ind *model.Indicator, levels []*model.Level) ([]Figure, error) {
	d := &seriesData{Site: b.site, Indicator: ind}
	title, err := l.w.Text("chart-title-trend", ind)
	if err != nil {
		return nil, err
	}
	wholeName, err := l.w.Text("chart-series-whole", b.site.Current())
	if err != nil {
		return nil, err
	}
	c := chart.Chart{ID: "chi-tieu-" + ind.Key + "-xu-huong", Kind: chart.Line, CategoryName: l.t("Kỳ"), Unit: "%", YMin: num(0), YMax: num(100),
		Title: title}
	whole := chart.Series{Name: wholeName}
	target := chart.Series{Name: l.t("Mục tiêu"), Target: true}
	ended := map[*model.Level]bool{}
	byLevel := make([]chart.Series, len(levels))
	for i, lv := range levels {
		byLevel[i].Name = l.level(lv)
	}
	for _, r := range b.site.Series() {
		res := r.Result(ind.Key)
		if res == nil {
			continue
		}
		d.Points = append(d.Points, r)
		d.LastValue = res.Whole
		c.Categories = append(c.Categories, l.period(r.Period))
		if err := b.breakAt(l, &c, d, r, len(d.Points) > 1); err != nil {
			return nil, err
		}
		whole.Values = append(whole.Values, num(res.Whole))
		if res.Target != nil {
			target.Values = append(target.Values, num(res.Target.Value))
		} else {
			target.Values = append(target.Values, nil)
		}
		for i, lv := range levels {
			var v *float64
			for _, lr := range res.Levels {
				if lr.Level == lv {
					v = num(lr.Rate)
				}
			}
			if v == nil && !lv.InForce(r.Period.End()) && !ended[lv] && lv.InForce(d.Points[0].Period.End()) {
				ended[lv] = true
				d.EndedLevels = append(d.EndedLevels, EndedLevel{Level: lv, From: r})
			}
			byLevel[i].Values = append(byLevel[i].Values, v)
		}
	}
	if len(d.Points) == 0 {
		return nil, nil
	}
	d.First, d.Last = d.Points[0], d.Points[len(d.Points)-1]
	c.Series = append([]chart.Series{whole}, byLevel...)
	c.Series = append(c.Series, target)
	c.YMin, c.YMax = axisRange(c.Series, 10, 0, 100)
	c.Tick = 10
	d.AxisMin = *c.YMin
	fig, err := b.drawIn(l, c, "chart-desc-trend", d)
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

func (b *builder) scoreCharts() ([]Figure, error) {
	return b.scoreChartsIn(b.vi())
}

func (b *builder) scoreChartsIn(l *chartLang) ([]Figure, error) {
	d := &seriesData{Site: b.site}
	scoreTitle, err := l.w.Text("chart-title-score", b.site)
	if err != nil {
		return nil, err
	}
	rankTitle, err := l.w.Text("chart-title-rank", b.site)
	if err != nil {
		return nil, err
	}
	score := chart.Chart{ID: "trang-chu-diem", Kind: chart.Line, CategoryName: l.t("Kỳ"), Title: scoreTitle, Unit: " " + l.t("điểm"), Format: l.score}
	rank := chart.Chart{ID: "trang-chu-xep-hang", Kind: chart.Line, Title: rankTitle, CategoryName: l.t("Kỳ"),
		Inverse: true, WholeNumbers: true, Format: l.whole}
	s := chart.Series{Name: l.t("Điểm|biểu đồ")}
	// One rank series per number of ranked provinces (63, then 34): ranks out of different
	// totals are not one series.
	var ranks []chart.Series
	rankOf := map[int]int{}
	scores, ranked := 0, 0
	for _, r := range b.site.Series() {
		x := r.Index
		if x == nil || !x.HasScore() && !x.HasRank() {
			continue
		}
		d.Points = append(d.Points, r)
		cat := l.period(r.Period)
		score.Categories = append(score.Categories, cat)
		rank.Categories = append(rank.Categories, cat)
		if r.Break() && len(d.Points) > 1 {
			if err := b.breakAt(l, &score, d, r, true); err != nil {
				return nil, err
			}
			rank.Breaks = score.Breaks
		}
		s.Values = append(s.Values, x.Score)
		if x.HasScore() {
			scores++
			d.Scored = append(d.Scored, r)
		}
		if !x.HasRank() {
			for i := range ranks {
				ranks[i].Values = append(ranks[i].Values, nil)
			}
			continue
		}
		ranked++
		d.Ranked = append(d.Ranked, r)
		if p := r.Previous; p != nil && p.Index != nil && p.Index.HasRank() && p.Index.RankOf != x.RankOf {
			d.RankBreaks = append(d.RankBreaks, r)
		}
		if _, ok := rankOf[x.RankOf]; !ok {
			rankOf[x.RankOf] = len(ranks)
			name := l.t("Hạng|biểu đồ")
			if x.RankOf > 0 {
				var err error
				if name, err = l.w.Text("chart-series-rank-of", x.RankOf); err != nil {
					return nil, err
				}
			}
			ranks = append(ranks, chart.Series{Name: name, Values: make([]*float64, len(rank.Categories)-1)})
		}
		for i := range ranks {
			var v *float64
			if i == rankOf[x.RankOf] {
				v = num(float64(x.Rank))
			}
			ranks[i].Values = append(ranks[i].Values, v)
		}
	}
	// A chart with fewer than two points has nothing to draw over time: it is left out.
	var figs []Figure
	if scores >= 2 {
		d.First, d.Last = d.Scored[0], d.Scored[len(d.Scored)-1]
		score.Series = []chart.Series{s}
		// The score axis starts near the lowest score, so that 88 → 96 shows as a rise.
		score.YMin, score.YMax = axisRange(score.Series, 5, 0, 100)
		score.Tick = 5
		d.AxisMin = *score.YMin
		f, err := b.drawIn(l, score, "chart-desc-score", d)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	if ranked >= 2 {
		d.First, d.Last = d.Ranked[0], d.Ranked[len(d.Ranked)-1]
		rank.Series = ranks
		// Ranks run from 1 at the top to just below the lowest rank, with no 0.
		worst := 1.0
		for _, r := range d.Ranked {
			worst = max(worst, float64(r.Index.Rank))
		}
		rank.YMin, rank.YMax = num(1), num(worst+1)
		f, err := b.drawIn(l, rank, "chart-desc-rank", d)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	return figs, nil
}
