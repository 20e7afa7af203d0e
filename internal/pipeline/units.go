package pipeline

import (
	"strings"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// UnitsBody lists the units by level, in Vietnamese order.
type UnitsBody struct {
	Groups []UnitGroup
}

// UnitGroup is the units of one level.
type UnitGroup struct {
	Level *model.Level
	Units []*model.Unit
}

// UnitBody is a unit's page: its indicators over time.
type UnitBody struct {
	Unit        *model.Unit
	Predecessor []*model.Unit // units this one took over from
	Indicators  []*model.Indicator
	Rows        []UnitRow // every period of the unit, newest first
	Latest      *UnitRow  // the newest period, shown first
	Recent      []UnitRow // the newest periods the page shows (its chart), newest first
	History     []UnitHistory
	Shown       int // periods in History's tables
	Older       int // periods the page leaves to the open data (du-lieu/ket-qua.csv)
	Charts      []Figure
	viCharts    []Figure               // on an English page: the Vietnamese twin's charts (ChartLang)
	paged       func(*model.Unit) bool // unitHasPage
}

// Linked says a unit named on the page (its successor, a predecessor) has a page to
// link to: a unit of a province without reports of its own has none, and is named
// in plain text.
func (u *UnitBody) Linked(unit *model.Unit) bool { return u.paged == nil || u.paged(unit) }

// ChartLang is "vi" while an English page shows its Vietnamese twin's charts (english.go
// copies them until English ones replace them); the layout marks them lang="vi".
func (u *UnitBody) ChartLang() string { return sameCharts(u.Charts, u.viCharts) }

// sameCharts is "vi" when charts are still the Vietnamese page's (the same array).
func sameCharts(charts, vi []Figure) string {
	if len(charts) > 0 && len(vi) > 0 && &charts[0] == &vi[0] {
		return "vi"
	}
	return ""
}

// Oldest is the unit's first period with results (Rows is never empty when it is called).
func (b *UnitBody) Oldest() UnitRow { return b.Rows[len(b.Rows)-1] }

// A unit's page shows its recent periods and links to the open data for the rest: at a
// province's scale (180 units × 36 months) full histories were a quarter of the output,
// and the same rows are in du-lieu/ket-qua.csv once.
const (
	unitChartPeriods   = 12 // periods the unit's chart (and its table) draws
	unitHistoryPeriods = 6  // periods in each indicator's table (rate, counts, rank, verdict)
)

// UnitRow is one period of a unit: one cell per indicator (nil when not reported).
type UnitRow struct {
	Article *write.Article
	Cells   []*UnitCell
}

// UnitCell is a unit's result for one indicator in one period.
type UnitCell struct {
	// The model's own, not a copy: every unit's result is a cell of its unit page and of
	// its period's ranking, millions at national scale (32 bytes a cell, not 72).
	*model.UnitResult
	Of     int  // units ranked at the level
	Met    bool // the unit's rate meets the indicator's target
	Target *model.Target
}

// RankingBody is a period's ranking of units for every indicator.
type RankingBody struct {
	Article    *write.Article
	Indicators []RankingIndicator
}

// RankingIndicator is one indicator's ranking by level, with the units below target.
type RankingIndicator struct {
	Result *model.Result
	Levels []RankingLevel
	Below  []*model.Unit // in Vietnamese order
}

// RankingLevel is the ranked units of one level.
type RankingLevel struct {
	Indicator   *model.Indicator
	Level       *model.Level
	Period      model.Period
	Units       []UnitCell // every unit, best first: the chart draws them all
	Top         []UnitCell // the table: the first and the last units of a long level,
	Bottom      []UnitCell // every unit (Top, no Bottom) of a short one
	Hidden      int        // units between Top and Bottom, left to the chart and the open data
	HiddenRanks [2]int     // the first and the last rank of those units
	Entity      string     // the entity whose rows those are in the open data (Article.Entity)
	Chart       *Figure
	viChart     *Figure // on an English page: the Vietnamese twin's chart (ChartLang)
}

// ChartLang is as UnitBody's: "vi" while the chart is the Vietnamese page's.
func (l RankingLevel) ChartLang() string {
	if l.Chart != nil && l.Chart == l.viChart {
		return "vi"
	}
	return ""
}

// A level's ranking table prints every unit up to rankingFull units and the first and the
// last rankingEnds of a longer level (a province's 140 communes × 7 indicators × every
// month were a third of the output); the chart above it draws every unit, and every rank
// is in du-lieu/ket-qua.csv (column rank).
const (
	rankingFull = 25
	rankingEnds = 10
)

// split fills Top, Bottom, Hidden and HiddenRanks from Units.
func (rl *RankingLevel) split() {
	if len(rl.Units) <= rankingFull {
		rl.Top = rl.Units
		return
	}
	rl.Top = rl.Units[:rankingEnds]
	rl.Bottom = rl.Units[len(rl.Units)-rankingEnds:]
	rl.Hidden = len(rl.Units) - 2*rankingEnds
	rl.HiddenRanks = [2]int{rl.Units[rankingEnds].Rank, rl.Units[len(rl.Units)-rankingEnds-1].Rank}
}

// RankingPath is where the ranking of a period lives.
func RankingPath(a *write.Article) string { return a.Path() + "xep-hang/" }

func hasUnits(r *model.Report) bool {
	for _, res := range r.Results {
		if len(res.Units) > 0 {
			return true
		}
	}
	return false
}

func sortUnits(us []*model.Unit) {
	vietnamese.SortByName(us, func(u *model.Unit) string { return u.Name })
}

// unitGroups are units by level, each level in Vietnamese order.
func unitGroups(levels []*model.Level, units []*model.Unit) []UnitGroup {
	byLevel := map[*model.Level][]*model.Unit{}
	for _, u := range units {
		byLevel[u.Level] = append(byLevel[u.Level], u)
	}
	var out []UnitGroup
	for _, lv := range levels {
		if us := byLevel[lv]; len(us) > 0 {
			sortUnits(us)
			out = append(out, UnitGroup{Level: lv, Units: us})
		}
	}
	return out
}

func (b *builder) unitPages() error {
	if len(b.ownUnits()) == 0 {
		return nil
	}
	list := &UnitsBody{Groups: unitGroups(b.site.Levels, b.ownUnits())}
	if err := b.page("units", "don-vi/", "Các đơn vị", "Kết quả các chỉ tiêu theo từng sở, ngành, huyện và xã, phường.", "units", false, list); err != nil {
		return err
	}
	return b.unitPagesOf(b.ownUnits(), b.articles, "", "units")
}

// unitPagesOf writes a page (Unit.Path) for each of units, from the articles of their
// entity (oldest first): a unit's series is only ever its own entity's. Another entity's
// unit pages start their titles with its name (prefix) as its articles do.
func (b *builder) unitPagesOf(units []*model.Unit, articles []*write.Article, prefix, section string) error {
	// One pass over every result indexes the cells by unit, period and indicator; looking
	// them up per unit would be units × periods × units.
	cells := map[*model.Unit]map[int][]*UnitCell{}
	// A preview of another page needs no cells (cellArticles, preview.go).
	indexed := articles
	if b.only != nil && !strings.Contains(b.only.file, "don-vi/") {
		indexed = nil
	}
	for i, a := range indexed {
		for _, res := range a.Report.Results {
			cs := b.unitCells(res)
			for k := range res.Units {
				ur := &res.Units[k]
				byPeriod := cells[ur.Unit]
				if byPeriod == nil {
					byPeriod = map[int][]*UnitCell{}
					cells[ur.Unit] = byPeriod
				}
				row := byPeriod[i]
				if row == nil {
					row = make([]*UnitCell, len(b.site.Indicators))
					byPeriod[i] = row
				}
				row[res.Indicator.Order] = &cs[k]
			}
		}
	}
	// Units of the same name (a department of Bình Định and its namesake of Gia Lai) get
	// their dates in the page title, so that every page has a title of its own.
	sameName := map[string]int{}
	for _, u := range units {
		sameName[u.Name]++
	}
	predecessors := map[*model.Unit][]*model.Unit{}
	for _, other := range b.site.Units {
		if other.Successor != nil {
			predecessors[other.Successor] = append(predecessors[other.Successor], other)
		}
	}
	for _, u := range units {
		if !b.want(u.Path()) {
			continue
		}
		body := &UnitBody{Unit: u, Indicators: b.site.Indicators, Predecessor: predecessors[u], paged: b.unitHasPage}
		sortUnits(body.Predecessor)
		illustrative := false
		for i := len(articles) - 1; i >= 0; i-- {
			if row, ok := cells[u][i]; ok {
				a := articles[i]
				illustrative = illustrative || a.Report.Illustrative
				body.Rows = append(body.Rows, UnitRow{Article: a, Cells: row})
			}
		}
		for _, sc := range b.site.ScoresOf(u) { // the unit's index scores (reportparts)
			illustrative = illustrative || sc.Report.Illustrative
		}
		if len(body.Rows) > 0 {
			body.Latest = &body.Rows[0]
		}
		body.Recent = body.Rows[:min(len(body.Rows), unitChartPeriods)]
		body.Older = len(body.Rows) - len(body.Recent)
		body.Shown = min(len(body.Rows), unitHistoryPeriods)
		body.History = unitHistory(body.Indicators, body.Rows[:body.Shown])
		// Units of the same name get their dates, in the page's title and the chart's.
		name := u.Name
		if sameName[u.Name] > 1 {
			name += unitDates(u)
		}
		title := prefix + write.UpperFirst(name)
		var err error
		if body.Charts, err = b.unitChart(body, name); err != nil {
			return err
		}
		if err := b.page("unit", u.Path(), title, "Kết quả các chỉ tiêu của "+u.Name+" qua các kỳ.", section, illustrative, body); err != nil {
			return err
		}
	}
	return nil
}

// unitCells are the cells of res's units, in the order of res.Units, made once: the unit
// pages point at them and the rankings show them (a level's units are next to each
// other), every unit result a cell once, not twice. Cells stay the same once made.
func (b *builder) unitCells(res *model.Result) []UnitCell {
	b.cellsMu.Lock()
	defer b.cellsMu.Unlock()
	if cs, ok := b.cells[res]; ok {
		return cs
	}
	counts := map[*model.Level]int{}
	for _, ur := range res.Units {
		counts[ur.Unit.Level]++
	}
	cs := make([]UnitCell, len(res.Units))
	for k := range res.Units {
		ur := &res.Units[k]
		cs[k] = UnitCell{UnitResult: ur, Of: counts[ur.Unit.Level], Target: res.Target}
		if res.Target != nil {
			cs[k].Met = model.Meets(ur.Rate(), res.Target.Value, res.Indicator.HigherIsBetter)
		}
	}
	if b.cells == nil {
		b.cells = map[*model.Result][]UnitCell{}
	}
	b.cells[res] = cs
	return cs
}

// unitHasPage says unit u has a page: the site's own units and those of another entity
// with reports (entities.go); a unit of an entity without reports has none.
func (b *builder) unitHasPage(u *model.Unit) bool {
	if u.Entity == nil || u.Entity.Own {
		return true
	}
	return len(b.site.ReportsOf(u.Entity)) > 0
}

func (b *builder) rankingPages() error { return b.rankingPagesOf(b.articles) }

// rankingPagesOf writes the ranking of units of each article that has units. The charts,
// most of the time this takes, are drawn on all cores once every body is laid out, each
// recorded apart and then in the order they were drawn one after the other before.
func (b *builder) rankingPagesOf(articles []*write.Article) error {
	type ranking struct {
		a    *write.Article
		body *RankingBody
	}
	type chartAt struct {
		body   *RankingBody
		ind, l int // its place in body.Indicators[ind].Levels[l]
	}
	var rankings []ranking
	var charts []chartAt
	for _, a := range articles {
		if !hasUnits(a.Report) || !b.want(RankingPath(a)) {
			continue
		}
		body := &RankingBody{Article: a}
		for _, res := range a.Report.Results {
			ri := RankingIndicator{Result: res}
			cs := b.unitCells(res)
			for _, lv := range a.Report.Levels() {
				var at []int // res.UnitsAt(lv): where in res.Units
				for k := range res.Units {
					if res.Units[k].Unit.Level == lv {
						at = append(at, k)
					}
				}
				if len(at) == 0 {
					continue
				}
				rl := RankingLevel{Indicator: res.Indicator, Level: lv, Period: a.Report.Period, Entity: a.Entity}
				if first, last := at[0], at[len(at)-1]; last-first+1 == len(at) {
					rl.Units = cs[first : last+1 : last+1] // the unit pages' cells (res.Units is by level)
				} else {
					rl.Units = make([]UnitCell, len(at)) // held until the page renders: no slack
					for i, k := range at {
						rl.Units[i] = cs[k]
					}
				}
				rl.split()
				charts = append(charts, chartAt{body, len(body.Indicators), len(ri.Levels)})
				ri.Levels = append(ri.Levels, rl)
			}
			for _, ur := range res.Below() {
				ri.Below = append(ri.Below, ur.Unit)
			}
			sortUnits(ri.Below)
			body.Indicators = append(body.Indicators, ri)
		}
		rankings = append(rankings, ranking{a, body})
	}
	figs, drawn, errs := make([]Figure, len(charts)), make([]openData, len(charts)), make([]error, len(charts))
	vi := b.vi()
	onAllCores(len(charts), func(k int) {
		c := charts[k]
		ri := &c.body.Indicators[c.ind]
		own := *vi
		own.open = &drawn[k]
		figs[k], errs[k] = b.rankingChartIn(&own, c.body.Article.Report, ri.Result, ri.Levels[c.l])
	})
	for k, c := range charts {
		if errs[k] != nil {
			return errs[k]
		}
		vi.open.add(&drawn[k])
		c.body.Indicators[c.ind].Levels[c.l].Chart = &figs[k]
	}
	for _, r := range rankings {
		a := r.a
		title := entityPrefix(a.Report.Entity) + "Xếp hạng các đơn vị, " + a.Report.Period.Label()
		if err := b.page("ranking", RankingPath(a), title, title, "", a.Report.Illustrative, r.body); err != nil {
			return err
		}
	}
	return nil
}

// unitDates is " (từ 1/7/2025)", " (đến 30/6/2025)" or " (từ … đến …)"; "" for a unit
// without dates.
func unitDates(u *model.Unit) string {
	switch {
	case !u.From.IsZero() && !u.To.IsZero():
		return " (từ " + vietnamese.Date(u.From) + " đến " + vietnamese.Date(u.To) + ")"
	case !u.From.IsZero():
		return " (từ " + vietnamese.Date(u.From) + ")"
	case !u.To.IsZero():
		return " (đến " + vietnamese.Date(u.To) + ")"
	}
	return ""
}
