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
	rows := body.Recent
	if len(rows) < 2 {
		return nil, nil // one period: the table says it all
	}
	c := chart.Chart{ID: "don-vi-" + body.Unit.Code, Kind: chart.Line, CategoryName: "Kỳ", Unit: "%", Tick: 10,
		Title: "Tỷ lệ các chỉ tiêu của " + name + " qua các kỳ"}
	// Rows are newest first; the chart reads left to right from the oldest.
	for i := len(rows) - 1; i >= 0; i-- {
		p := rows[i].Article.Report.Period
		c.Categories = append(c.Categories, p.Short())
	}
	d := unitData{Unit: body.Unit, First: rows[len(rows)-1].Article.Report, Last: rows[0].Article.Report}
	for j, ind := range body.Indicators {
		s := chart.Series{Name: ind.Short}
		has := false
		for i := len(rows) - 1; i >= 0; i-- {
			var v *float64
			if cell := rows[i].Cells[j]; cell != nil {
				v, has = num(cell.Rate), true
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
	fig, err := b.draw(c, "chart-desc-unit", d)
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

// summaryChart is a quarter's pooled rate of each indicator against its target.
func (b *builder) summaryChart(s *model.Summary) ([]Figure, error) {
	c := chart.Chart{ID: "tong-hop-" + s.Key, Kind: chart.Bar, Horizontal: true, CategoryName: "Chỉ tiêu", Unit: "%",
		YMin: num(0), YMax: num(100), Title: "Tỷ lệ gộp " + s.Label + " so với mục tiêu"}
	whole := chart.Series{Name: "Cả " + s.Reports[0].Entity.Short}
	target := chart.Series{Name: "Mục tiêu", Target: true}
	met := 0
	for _, res := range s.Results {
		c.Categories = append(c.Categories, res.Indicator.Short)
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
	fig, err := b.draw(c, "chart-desc-summary", struct {
		Summary  *model.Summary
		Site     *model.Site
		MetCount int
	}{s, b.site, met})
	if err != nil {
		return nil, err
	}
	return []Figure{fig}, nil
}

// rankingChart is the units of one level against the indicator's target, best first.
func (b *builder) rankingChart(a *model.Report, res *model.Result, lv RankingLevel) (Figure, error) {
	// Another entity's rankings of the same period have charts of their own.
	id := "xep-hang-"
	if a.Entity.Dir() != "" {
		id += a.Entity.Key + "-"
	}
	c := chart.Chart{ID: id + a.Period.Key() + "-" + res.Indicator.Key + "-" + lv.Level.Key, Kind: chart.Bar, Horizontal: true,
		CategoryName: "Đơn vị", Unit: "%", YMin: num(0), YMax: num(100),
		Title: "“" + res.Indicator.Short + "”: " + write.LowerFirst(lv.Level.Name) + ", " + a.Period.Label()}
	rate := chart.Series{Name: "Tỷ lệ"}
	target := chart.Series{Name: "Mục tiêu", Target: true}
	below := 0
	for _, u := range lv.Units {
		c.Categories = append(c.Categories, write.UpperFirst(u.Unit.Name))
		rate.Values = append(rate.Values, num(u.Rate))
		var t *float64
		if res.Target != nil {
			t = num(res.Target.Value)
			if !model.Meets(u.Rate, res.Target.Value, res.Indicator.HigherIsBetter) {
				below++
			}
		}
		target.Values = append(target.Values, t)
	}
	c.Series = []chart.Series{rate}
	if res.Target != nil {
		c.Series = append(c.Series, target)
	}
	fig, err := b.draw(c, "chart-desc-ranking", struct {
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
		b.open.charts[c.ID].inline = true
		b.open.charts[c.ID].fresh = a.Entity.Dir() != ""
	}
	return fig, err
}
