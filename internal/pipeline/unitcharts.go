package pipeline

import (
	"chiso/internal/chart"
	"chiso/internal/model"
	"chiso/internal/write"
)

// Charts of the unit, quarter and ranking pages.

// UnitHistory is one indicator of a unit over its periods, newest first: a narrow table
// (period, rate, rank, verdict) that a phone shows without scrolling sideways.
type UnitHistory struct {
	Indicator *model.Indicator
	Rows      []UnitHistoryRow
}

// UnitHistoryRow is one period of UnitHistory.
type UnitHistoryRow struct {
	Row  UnitRow
	Cell *UnitCell
}

// unitHistory turns the unit's rows (periods × indicators) into one list per indicator.
func unitHistory(indicators []*model.Indicator, rows []UnitRow) []UnitHistory {
	var out []UnitHistory
	for i, ind := range indicators {
		h := UnitHistory{Indicator: ind}
		for _, row := range rows {
			if c := row.Cells[i]; c != nil {
				h.Rows = append(h.Rows, UnitHistoryRow{Row: row, Cell: c})
			}
		}
		if len(h.Rows) > 0 {
			out = append(out, h)
		}
	}
	return out
}

// unitData feeds the description of a unit's chart.
type unitData struct {
	Unit        *model.Unit
	Indicators  int
	First, Last *model.Report
}

// unitChart is a unit's indicators over its periods, one line each; name is the unit's
// as the page's title gives it (with its dates when another unit has the same name).
func (b *builder) unitChart(body *UnitBody, name string) ([]Figure, error) {
	return b.unitChartIn(b.vi(), body, name)
}

func (b *builder) unitChartIn(l *chartLang, body *UnitBody, name string) ([]Figure, error) {
	rows := body.Recent
	if len(rows) < 2 {
		return nil, nil // one period: the table says it all
	}
	title, err := l.w.Text("chart-title-unit", name)
	if err != nil {
		return nil, err
	}
	c := chart.Chart{ID: "don-vi-" + body.Unit.Code, Kind: chart.Line, CategoryName: l.t("Kỳ"), Unit: "%", Tick: 10, Title: title}
	// Rows are newest first; the chart reads left to right from the oldest.
	for i := len(rows) - 1; i >= 0; i-- {
		p := rows[i].Article.Report.Period
		c.Categories = append(c.Categories, l.period(p))
	}
	d := unitData{Unit: body.Unit, First: rows[len(rows)-1].Article.Report, Last: rows[0].Article.Report}
	for j, ind := range body.Indicators {
		s := chart.Series{Name: l.indicator(ind)}
		has := false
		for i := len(rows) - 1; i >= 0; i-- {
			var v *float64
			if cell := rows[i].Cells[j]; cell != nil {
				v, has = num(cell.Rate()), true
			}
			s.Values = append(s.Values, v)
		}
		if has {
			c.Series = append(c.Series, s)
			d.Indicators++
		}
	}
	if len(c.Series) == 0 {
		return nil, nil
	}
	c.YMin, c.YMax = axisRange(c.Series, 10, 0, 100)
	fig, err := b.drawIn(l, c, "chart-desc-unit", d)
	if err != nil {
		return nil, err
	}
	// Another entity's unit: its CSV, but no embed page (issue 9: at ten provinces they were
	// 92 % of nhung/; the site embeds its own province's figures). None was ever published:
	// the URL list golden has no other entity's page.
	if body.Unit.Entity.Dir() != "" {
		fig.NoEmbed = true
		l.open.charts[c.ID].noEmbed = true
	}
	return []Figure{fig}, nil
}

// summaryChart is a quarter's pooled rate of each indicator against its target.
func (b *builder) summaryChart(s *model.Summary) ([]Figure, error) {
	return b.summaryChartIn(b.vi(), s)
}

func (b *builder) summaryChartIn(l *chartLang, s *model.Summary) ([]Figure, error) {
	label := l.summary(s)
	title, err := l.w.Text("chart-title-summary", struct{ Label string }{label})
	if err != nil {
		return nil, err
	}
	wholeName, err := l.w.Text("chart-series-whole", s.Reports[0].Entity)
	if err != nil {
		return nil, err
	}
	c := chart.Chart{ID: "tong-hop-" + s.Key, Kind: chart.Bar, Horizontal: true, CategoryName: l.t("Chỉ tiêu|cột bảng"), Unit: "%",
		YMin: num(0), YMax: num(100), Title: title}
	whole := chart.Series{Name: wholeName}
	target := chart.Series{Name: l.t("Mục tiêu"), Target: true}
	met := 0
	for _, res := range s.Results {
		c.Categories = append(c.Categories, l.indicator(res.Indicator))
		whole.Values = append(whole.Values, num(res.Whole.Rate()))
		var t *float64
		if res.Target != nil {
			t = num(res.Target.Value)
			if res.Met {
				met++
			}
		}
		target.Values = append(target.Values, t)
	}
	c.Series = []chart.Series{whole, target}
	fig, err := b.drawIn(l, c, "chart-desc-summary", struct {
		Summary  *model.Summary
		Label    string // the summary's period in the edition's words
		Site     *model.Site
		MetCount int
	}{s, label, b.site, met})
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

// rankingChartIn is the units of one level against the indicator's target, best first.
func (b *builder) rankingChartIn(l *chartLang, a *model.Report, res *model.Result, lv RankingLevel) (Figure, error) {
	title, err := l.w.Text("chart-title-ranking", struct {
		Indicator *model.Indicator
		Level     *model.Level
		Report    *model.Report
	}{res.Indicator, lv.Level, a})
	if err != nil {
		return Figure{}, err
	}
	// Another entity's rankings of the same period have charts of their own.
	id := "xep-hang-"
	if a.Entity.Dir() != "" {
		id += a.Entity.Key + "-"
	}
	c := chart.Chart{ID: id + a.Period.Key() + "-" + res.Indicator.Key + "-" + lv.Level.Key, Kind: chart.Bar, Horizontal: true,
		CategoryName: l.t("Đơn vị|biểu đồ"), Unit: "%", YMin: num(0), YMax: num(100), Title: title}
	rate := chart.Series{Name: l.t("Tỷ lệ")}
	target := chart.Series{Name: l.t("Mục tiêu"), Target: true}
	below := 0
	for _, u := range lv.Units {
		c.Categories = append(c.Categories, write.UpperFirst(l.unit(u.Unit)))
		rate.Values = append(rate.Values, num(u.Rate()))
		var t *float64
		if res.Target != nil {
			t = num(res.Target.Value)
			if !model.Meets(u.Rate(), res.Target.Value, res.Indicator.HigherIsBetter) {
				below++
			}
		}
		target.Values = append(target.Values, t)
	}
	c.Series = []chart.Series{rate}
	if res.Target != nil {
		c.Series = append(c.Series, target)
	}
	fig, err := b.drawIn(l, c, "chart-desc-ranking", struct {
		Result *model.Result
		Level  *model.Level
		Units  int
		Below  int
		Hidden int // units the table below leaves out
	}{res, lv.Level, len(lv.Units), below, lv.Hidden})
	// Its table is the ranking's (rank, unit, rate, counts, verdict), and no embed page or CSV
	// per period × indicator × level: at a province's scale they were most of the output.
	if err == nil {
		fig.Inline = true
		fig.Table = chart.Table{} // the page prints the ranking's own table, never this one
		dc := l.open.charts[c.ID]
		dc.inline = true
		dc.fresh = a.Entity.Dir() != ""
		// The open-data step reads only where an inline chart is shown: its figures,
		// thousands of them, need not stay for it.
		dc.chart = nil
	}
	return fig, err
}
