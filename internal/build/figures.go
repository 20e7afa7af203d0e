package build

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
		c.Format = vietnamese.Rate
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
	Lowest               *model.Result
}

func (b *builder) periodData(r *model.Report) *targetsData {
	d := &targetsData{Site: b.site, Report: r, Levels: r.Levels()}
	for _, res := range r.Results {
		if res.Met {
			d.MetCount++
		} else {
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
	whole := chart.Series{Name: "Cả " + b.site.Config.EntityShort}
	for _, res := range r.Results {
		c.Categories = append(c.Categories, res.Indicator.Short)
		whole.Values = append(whole.Values, num(res.Whole))
	}
	c.Series = []chart.Series{whole, targetSeries(r.Results)}
	return b.draw(c, desc, b.periodData(r))
}

func (b *builder) articleCharts(a *write.Article) ([]Figure, error) {
	r := a.Report
	key := r.Period.Key()
	targets, err := b.targetsChart("bai-"+key+"-muc-tieu",
		"Tỷ lệ của cả "+b.site.Config.EntityShort+" so với mục tiêu, tháng "+vietnamese.MonthYear(r.Period.Year, r.Period.Month),
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
		Title: "Tỷ lệ theo cấp, tháng " + vietnamese.MonthYear(r.Period.Year, r.Period.Month)}
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
	fig, err := b.targetsChart("trang-chu-ky-moi-nhat", "Kỳ gần nhất: tỷ lệ so với mục tiêu, tháng "+
		vietnamese.MonthYear(a.Report.Period.Year, a.Report.Period.Month), "chart-desc-targets", a.Report)
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

// seriesData feeds the descriptions of charts over time.
type seriesData struct {
	Site        *model.Site
	Indicator   *model.Indicator
	Points      []*model.Report
	First, Last *model.Report
	LastValue   float64
	LevelBreak  bool
	RankBreaks  []*model.Report // reports whose rank is out of another total than the previous
	Breaks      []seriesBreak   // where the series stop and start again
	AxisMin     float64         // the lowest value the value axis shows
}

func (b *builder) trendCharts(ind *model.Indicator, levels []*model.Level) ([]Figure, error) {
	d := &seriesData{Site: b.site, Indicator: ind}
	c := chart.Chart{ID: "chi-tieu-" + ind.Key + "-xu-huong", Kind: chart.Line, CategoryName: "Kỳ", Unit: "%", YMin: num(0), YMax: num(100),
		Title: "“" + ind.Short + "” qua các kỳ"}
	whole := chart.Series{Name: "Cả " + b.site.Config.EntityShort}
	target := chart.Series{Name: "Mục tiêu", Target: true}
	byLevel := make([]chart.Series, len(levels))
	for i, lv := range levels {
		byLevel[i].Name = lv.Name
	}
	for _, r := range b.site.Reports {
		res := r.Result(ind.Key)
		if res == nil {
			continue
		}
		d.Points = append(d.Points, r)
		d.LastValue = res.Whole
		c.Categories = append(c.Categories, vietnamese.MonthYear(r.Period.Year, r.Period.Month))
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
			if v == nil && !lv.InForce(r.Period.End()) {
				d.LevelBreak = true
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
	for _, r := range b.site.Reports {
		if r.Index == nil {
			continue
		}
		d.Points = append(d.Points, r)
		cat := vietnamese.MonthYear(r.Period.Year, r.Period.Month)
		score.Categories = append(score.Categories, cat)
		rank.Categories = append(rank.Categories, cat)
		if r.Break() && len(d.Points) > 1 {
			if err := b.breakAt(&score, d, r, true); err != nil {
				return nil, err
			}
			rank.Breaks = score.Breaks
		}
		s.Values = append(s.Values, num(r.Index.Score))
		if r.Previous != nil && r.Previous.Index != nil && r.Previous.Index.RankOf != r.Index.RankOf {
			d.RankBreaks = append(d.RankBreaks, r)
		}
		if _, ok := rankOf[r.Index.RankOf]; !ok {
			rankOf[r.Index.RankOf] = len(ranks)
			ranks = append(ranks, chart.Series{Name: "Hạng trên " + strconv.Itoa(r.Index.RankOf) + " tỉnh, thành phố",
				Values: make([]*float64, len(rank.Categories)-1)})
		}
		for i := range ranks {
			var v *float64
			if i == rankOf[r.Index.RankOf] {
				v = num(float64(r.Index.Rank))
			}
			ranks[i].Values = append(ranks[i].Values, v)
		}
	}
	if len(d.Points) < 2 {
		return nil, nil
	}
	d.First, d.Last = d.Points[0], d.Points[len(d.Points)-1]
	score.Series, rank.Series = []chart.Series{s}, ranks
	// The score axis starts near the lowest score, so that 88 → 96 shows as a rise; ranks
	// run from 1 at the top to just below the lowest rank, with no 0.
	score.YMin, score.YMax = axisRange(score.Series, 5, 0, 100)
	score.Tick = 5
	d.AxisMin = *score.YMin
	worst := 1.0
	for _, r := range d.Points {
		worst = max(worst, float64(r.Index.Rank))
	}
	rank.YMin, rank.YMax = num(1), num(worst+1)
	f1, err := b.draw(score, "chart-desc-score", d)
	if err != nil {
		return nil, err
	}
	f2, err := b.draw(rank, "chart-desc-rank", d)
	if err != nil {
		return nil, err
	}
	return []Figure{f1, f2}, nil
}
