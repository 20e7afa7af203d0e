package pipeline

import (
	"strconv"

	"chiso/internal/chart"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
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
	desc, err := b.w.Text(descTemplate, descData)
	if err != nil {
		return Figure{}, err
	}
	c.Description = desc
	if c.Format == nil {
		c.Format = vietnamese.RatePrinted
	}
	fig, err := chart.Render(c)
	if err == nil {
		b.open.drew(c, fig)
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
func (b *builder) targetsChart(id, title, desc string, r *model.Report) (Figure, error) {
	c := chart.Chart{ID: id, Kind: chart.Bar, Horizontal: true, Title: title, CategoryName: "Chỉ tiêu", Unit: "%", YMin: num(0), YMax: num(100)}
	whole := chart.Series{Name: "Cả " + r.Entity.Short}
	for _, res := range r.Results {
		c.Categories = append(c.Categories, res.Indicator.Short)
		whole.Values = append(whole.Values, num(res.Whole))
	}
	c.Series = []chart.Series{whole, targetSeries(r.Results)}
	return b.draw(c, desc, b.periodData(r))
}

func (b *builder) articleCharts(a *write.Article) ([]Figure, error) {
	r := a.Report
	if len(r.Results) == 0 {
		return nil, nil // a report of the index alone: no rates to draw
	}
	key := r.Period.Key()
	targets, err := b.targetsChart("bai-"+key+"-muc-tieu",
		"Tỷ lệ của cả "+r.Entity.Short+" so với mục tiêu, "+r.Period.Label(),
		"chart-desc-targets", r)
	if err != nil {
		return nil, err
	}
	figs := []Figure{targets}
	levels := r.Levels()
	if len(levels) == 0 {
		return figs, nil
	}
	c := chart.Chart{ID: "bai-" + key + "-theo-cap", Kind: chart.Bar, Horizontal: true, CategoryName: "Chỉ tiêu", Unit: "%", YMin: num(0), YMax: num(100),
		Title: "Tỷ lệ theo cấp, " + r.Period.Label()}
	for _, res := range r.Results {
		c.Categories = append(c.Categories, res.Indicator.Short)
	}
	for _, lv := range levels {
		s := chart.Series{Name: lv.Name}
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
	c.Series = append(c.Series, targetSeries(r.Results))
	fig, err := b.draw(c, "chart-desc-levels", b.periodData(r))
	if err != nil {
		return nil, err
	}
	return append(figs, fig), nil
}

func (b *builder) latestCharts(a *write.Article) ([]Figure, error) {
	if len(a.Report.Results) == 0 {
		return nil, nil
	}
	fig, err := b.targetsChart("trang-chu-ky-moi-nhat", "Kỳ gần nhất: tỷ lệ so với mục tiêu, "+a.Report.Period.Label(), "chart-desc-targets", a.Report)
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
	d := &seriesData{Site: b.site, Indicator: ind}
	c := chart.Chart{ID: "chi-tieu-" + ind.Key + "-xu-huong", Kind: chart.Line, CategoryName: "Kỳ", Unit: "%", YMin: num(0), YMax: num(100),
		Title: "“" + ind.Short + "” qua các kỳ"}
	whole := chart.Series{Name: "Cả " + b.site.Current().Short}
	target := chart.Series{Name: "Mục tiêu", Target: true}
	ended := map[*model.Level]bool{}
	byLevel := make([]chart.Series, len(levels))
	for i, lv := range levels {
		byLevel[i].Name = lv.Name
	}
	for _, r := range b.site.Series() {
		res := r.Result(ind.Key)
		if res == nil {
			continue
		}
		d.Points = append(d.Points, r)
		d.LastValue = res.Whole
		c.Categories = append(c.Categories, r.Period.Short())
		if err := b.breakAt(&c, d, r, len(d.Points) > 1); err != nil {
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
	fig, err := b.draw(c, "chart-desc-trend", d)
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

func (b *builder) scoreCharts() ([]Figure, error) {
	d := &seriesData{Site: b.site}
	score := chart.Chart{ID: "trang-chu-diem", Kind: chart.Line, CategoryName: "Kỳ", Title: "Điểm chỉ số qua các kỳ", Unit: " điểm", Format: vietnamese.Score}
	rank := chart.Chart{ID: "trang-chu-xep-hang", Kind: chart.Line, Title: "Thứ hạng qua các kỳ (hạng 1 là cao nhất)", CategoryName: "Kỳ",
		Inverse: true, WholeNumbers: true, Format: func(v float64) string { return vietnamese.Decimal(v, 0) }}
	s := chart.Series{Name: "Điểm"}
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
		cat := r.Period.Short()
		score.Categories = append(score.Categories, cat)
		rank.Categories = append(rank.Categories, cat)
		if r.Break() && len(d.Points) > 1 {
			if err := b.breakAt(&score, d, r, true); err != nil {
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
			name := "Hạng"
			if x.RankOf > 0 {
				name = "Hạng trên " + strconv.Itoa(x.RankOf) + " tỉnh, thành phố"
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
		f, err := b.draw(score, "chart-desc-score", d)
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
		f, err := b.draw(rank, "chart-desc-rank", d)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	return figs, nil
}
