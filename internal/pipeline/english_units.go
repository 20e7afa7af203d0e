package pipeline

// The English twins of the pages made from units' results: the units' list and pages, the
// rankings and the unit scores, each the Vietnamese page's body with the English articles
// and names in it (english.go queues them with pageEn).

import (
	eng "chiso/internal/english"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
	"chiso/internal/write"
)

// enUnits writes the units' list and every unit's page from the Vietnamese bodies, the
// rows pointing at the English articles. Units of the same English name get their dates.
func (b *builder) enUnits() error {
	e := b.en
	// The list in the order of the English names (a preview's pass for one unit has no list).
	if list := e.byPath["don-vi/"]; list != nil {
		units := *list.Body.(*UnitsBody)
		units.Groups = append([]UnitGroup(nil), units.Groups...)
		for i := range units.Groups {
			units.Groups[i].Units = sortedEn(units.Groups[i].Units)
		}
		b.pageEn("units", "don-vi/", e.t("Các đơn vị"), e.t("Kết quả các chỉ tiêu theo từng sở, ngành, huyện và xã, phường."), "units", false, &units)
	}
	sameName := map[string]int{}
	for _, u := range b.ownUnits() {
		sameName[u.NameEn]++
	}
	for _, u := range b.ownUnits() {
		vi := e.byPath["don-vi/"+u.Code+"/"]
		if vi == nil {
			continue
		}
		// The Vietnamese body with every row pointing at the English article of its period.
		viBody := vi.Body.(*UnitBody)
		body := *viBody
		body.Rows = b.enUnitRows(viBody.Rows)
		body.Recent = body.Rows[:len(viBody.Recent)]
		body.Latest = nil
		if len(body.Rows) > 0 {
			body.Latest = &body.Rows[0]
		}
		body.History = make([]UnitHistory, len(viBody.History))
		for i, h := range viBody.History {
			body.History[i] = UnitHistory{Indicator: h.Indicator, Rows: make([]UnitHistoryRow, len(h.Rows))}
			for k, r := range h.Rows {
				body.History[i].Rows[k] = UnitHistoryRow{Row: b.enUnitRows([]UnitRow{r.Row})[0], Cell: r.Cell}
			}
		}
		body.viCharts = body.Charts
		name := u.NameEn
		if sameName[u.NameEn] > 1 {
			name += b.unitDatesEn(u)
		}
		// The chart is the Vietnamese page's until internal/chart draws English ones.
		b.pageEn("unit", "don-vi/"+u.Code+"/", write.UpperFirst(name), e.t("Kết quả các chỉ tiêu của")+" "+u.NameEn+" "+e.t("qua các kỳ."), "units", vi.Illustrative, &body)
	}
	return nil
}

// enUnitRows are a unit's rows with the English articles of their periods.
func (b *builder) enUnitRows(rows []UnitRow) []UnitRow {
	out := make([]UnitRow, len(rows))
	for i, r := range rows {
		out[i] = UnitRow{Article: b.enArticle(r.Article), Cells: r.Cells}
	}
	return out
}

// sortedEn is a copy of units in the order of their English names.
func sortedEn(us []*model.Unit) []*model.Unit {
	out := append([]*model.Unit(nil), us...)
	vietnamese.SortByName(out, func(u *model.Unit) string { return u.NameEn })
	return out
}

// unitDatesEn is unitDates in English: " (from 1 July 2025)", " (until 30 June 2025)".
func (b *builder) unitDatesEn(u *model.Unit) string {
	t := b.en.t
	switch {
	case !u.From.IsZero() && !u.To.IsZero():
		return " (" + t("từ") + " " + eng.Date(u.From) + " " + t("đến") + " " + eng.Date(u.To) + ")"
	case !u.From.IsZero():
		return " (" + t("từ") + " " + eng.Date(u.From) + ")"
	case !u.To.IsZero():
		return " (" + t("đến") + " " + eng.Date(u.To) + ")"
	}
	return ""
}

// enRankings writes each period's ranking of units, with the English article.
func (b *builder) enRankings() error {
	for _, a := range b.articles {
		vi := b.en.byPath[RankingPath(a)]
		if vi == nil {
			continue
		}
		body := *vi.Body.(*RankingBody)
		body.Article = b.enArticle(a)
		// Copies of the rows, so that an English chart put in one leaves the Vietnamese page's.
		body.Indicators = append([]RankingIndicator(nil), body.Indicators...)
		for i := range body.Indicators {
			body.Indicators[i].Levels = append([]RankingLevel(nil), body.Indicators[i].Levels...)
			for j := range body.Indicators[i].Levels {
				body.Indicators[i].Levels[j].viChart = body.Indicators[i].Levels[j].Chart
			}
			body.Indicators[i].Below = sortedEn(body.Indicators[i].Below)
		}
		title := b.en.t("Xếp hạng các đơn vị,") + " " + eng.Label(a.Report.Period)
		b.pageEn("ranking", RankingPath(a), title, title, "", vi.Illustrative, &body)
	}
	return nil
}

// enUnitScores writes each period's unit scores, with the English article and wording.
func (b *builder) enUnitScores() error {
	e := b.en
	for _, a := range b.articles {
		vi := e.byPath[UnitScoresPath(a)]
		if vi == nil {
			continue
		}
		body := *vi.Body.(*UnitScoresBody)
		body.Article = b.enArticle(a)
		d, err := e.w.Data(a.Report)
		if err != nil {
			return err
		}
		if body.Text, err = e.w.HTML("unit-score-section", d); err != nil {
			return err
		}
		title := e.t("Điểm và xếp loại các đơn vị,") + " " + eng.Label(a.Report.Period)
		b.pageEn("unitscores", UnitScoresPath(a), title, title, "", vi.Illustrative, &body)
	}
	return nil
}
