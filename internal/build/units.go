package build

import (
	"sort"

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
	Rows        []UnitRow
	Charts      []Figure
}

// UnitRow is one period of a unit: one cell per indicator (nil when not reported).
type UnitRow struct {
	Article *write.Article
	Cells   []*UnitCell
}

// UnitCell is a unit's result for one indicator in one period.
type UnitCell struct {
	model.UnitResult
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
	Level *model.Level
	Units []model.UnitResult
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
	sort.SliceStable(us, func(i, j int) bool { return vietnamese.Less(us[i].Name, us[j].Name) })
}

func (b *builder) unitPages() error {
	if len(b.site.Units) == 0 {
		return nil
	}
	list := &UnitsBody{}
	for _, lv := range b.site.Levels {
		g := UnitGroup{Level: lv}
		for _, u := range b.site.Units {
			if u.Level == lv {
				g.Units = append(g.Units, u)
			}
		}
		sortUnits(g.Units)
		if len(g.Units) > 0 {
			list.Groups = append(list.Groups, g)
		}
	}
	if err := b.page("units", "don-vi/", "Các đơn vị", "Kết quả các chỉ tiêu theo từng sở, ngành, huyện và xã, phường.", "units", false, list); err != nil {
		return err
	}
	for _, u := range b.site.Units {
		body := &UnitBody{Unit: u, Indicators: b.site.Indicators}
		for _, other := range b.site.Units {
			if other.Successor == u {
				body.Predecessor = append(body.Predecessor, other)
			}
		}
		sortUnits(body.Predecessor)
		illustrative := false
		for i := len(b.articles) - 1; i >= 0; i-- {
			a := b.articles[i]
			row := UnitRow{Article: a}
			found := false
			for _, ind := range b.site.Indicators {
				res := a.Report.Result(ind.Key)
				var cell *UnitCell
				if res != nil {
					for _, ur := range res.Units {
						if ur.Unit == u {
							cell = &UnitCell{UnitResult: ur, Of: len(res.UnitsAt(u.Level)), Target: res.Target}
							if res.Target != nil {
								cell.Met = model.Meets(ur.Rate, res.Target.Value, ind.HigherIsBetter)
							}
							found = true
						}
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			if found {
				illustrative = illustrative || a.Report.Illustrative
				body.Rows = append(body.Rows, row)
			}
		}
		if err := b.page("unit", "don-vi/"+u.Code+"/", u.Name, "Kết quả các chỉ tiêu của "+u.Name+" qua các kỳ.", "units", illustrative, body); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) rankingPages() error {
	for _, a := range b.articles {
		if !hasUnits(a.Report) {
			continue
		}
		body := &RankingBody{Article: a}
		for _, res := range a.Report.Results {
			ri := RankingIndicator{Result: res}
			for _, lv := range a.Report.Levels() {
				if us := res.UnitsAt(lv); len(us) > 0 {
					ri.Levels = append(ri.Levels, RankingLevel{Level: lv, Units: us})
				}
			}
			for _, ur := range res.Below() {
				ri.Below = append(ri.Below, ur.Unit)
			}
			sortUnits(ri.Below)
			body.Indicators = append(body.Indicators, ri)
		}
		title := "Xếp hạng các đơn vị, tháng " + vietnamese.MonthYear(a.Report.Period.Year, a.Report.Period.Month)
		if err := b.page("ranking", RankingPath(a), title, title, "", a.Report.Illustrative, body); err != nil {
			return err
		}
	}
	return nil
}
