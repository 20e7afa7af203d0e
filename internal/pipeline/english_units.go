package pipeline

// The English twins of the pages made from units' results: the units' list and pages, the
// rankings and the unit scores, each the Vietnamese page's body with the English articles
// and names in it (english.go queues them with pageEn).

import (
	"fmt"
	"strings"

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
	b.enUnitPagesOf(b.ownUnits(), "", "units")
	return nil
}

// enUnitPagesOf writes the English page (en/+Unit.Path) of each of units whose Vietnamese
// page was made; another entity's start their titles with its name (prefix).
func (b *builder) enUnitPagesOf(units []*model.Unit, prefix, section string) {
	e := b.en
	sameName := map[string]int{}
	for _, u := range units {
		sameName[u.NameEn]++
	}
	for _, u := range units {
		vi := e.byPath[u.Path()]
		if vi == nil || b.viOnly(u.Path()) {
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
		b.pageEn("unit", u.Path(), prefix+write.UpperFirst(name), e.t("Kết quả các chỉ tiêu của")+" "+u.NameEn+" "+e.t("qua các kỳ."), section, vi.Illustrative, &body)
	}
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
func (b *builder) enRankings() error { return b.enRankingsOf(b.articles, "") }

// enRankingsOf writes the English rankings of articles (Vietnamese, of one entity); another
// entity's start their titles with its name (prefix).
func (b *builder) enRankingsOf(articles []*write.Article, prefix string) error {
	for _, a := range articles {
		vi := b.en.byPath[RankingPath(a)]
		if vi == nil || b.viOnly(RankingPath(a)) {
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
		title := prefix + b.en.t("Xếp hạng các đơn vị,") + " " + eng.Label(a.Report.Period)
		b.pageEn("ranking", RankingPath(a), title, title, "", vi.Illustrative, &body)
	}
	return nil
}

// enUnitScores writes each period's unit scores, with the English article and wording.
func (b *builder) enUnitScores() error { return b.enUnitScoresOf(b.articles, "") }

// enUnitScoresOf writes the English unit scores of articles (Vietnamese, of one entity).
func (b *builder) enUnitScoresOf(articles []*write.Article, prefix string) error {
	e := b.en
	for _, a := range articles {
		vi := e.byPath[UnitScoresPath(a)]
		if vi == nil || b.viOnly(UnitScoresPath(a)) {
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
		title := prefix + e.t("Điểm và xếp loại các đơn vị,") + " " + eng.Label(a.Report.Period)
		b.pageEn("unitscores", UnitScoresPath(a), title, title, "", vi.Illustrative, &body)
	}
	return nil
}

// entityPrefixEn is entityPrefix in English: "Quang Ngai Province: ".
func entityPrefixEn(e *model.Entity) string {
	if e.Dir() == "" {
		return ""
	}
	return write.UpperFirst(e.NameEn) + ": "
}

// enEntities writes the English twins of the other entities' pages (entities.go): each
// entity's page, its articles (en/tinh/ENTITY/bai-viet/KEY/, written in English from its
// reports), rankings, unit scores and units. A full build has laid them out already, each
// entity's beside its Vietnamese pages (entityPages): they are put in their place here.
func (b *builder) enEntities() error {
	if b.ahead {
		b.aheadAt = len(b.jobs)
		b.open.pages = append(b.open.pages, b.aheadPages...)
		b.aheadPages = nil
		return nil
	}
	for _, ent := range b.site.OtherEntities() {
		if err := b.enEntity(ent); err != nil {
			return err
		}
		if err := b.renderReady(); err != nil { // an entity at a time: the bulk of a national site
			return err
		}
	}
	return nil
}

// enEntity queues the English twins of one other entity's pages.
func (b *builder) enEntity(ent *model.Entity) error {
	e := b.en
	var vis, ens []*write.Article // oldest first, as its reports
	hasPage := map[*write.Article]bool{}
	for _, r := range b.site.ReportsOf(ent) {
		a, err := e.w.Article(r)
		if err != nil {
			return fmt.Errorf("%s (kỳ %s, bản tiếng Anh): %w", r.File, r.Period.Key(), err)
		}
		a.Dir = EntityDir(ent) // its English title names the province already ("Quang Ngai Province: results …")
		ens = append(ens, a)
		// A preview's pass lays out the Vietnamese pages of the page asked for only.
		if vi := e.byPath[EntityDir(ent)+"bai-viet/"+r.Period.Key()+"/"]; vi != nil {
			viA := vi.Body.(*ArticleBody).Article
			e.twin[viA], hasPage[a] = a, true
			vis = append(vis, viA)
		}
	}
	newest := make([]*write.Article, len(ens))
	for i, a := range ens {
		newest[len(ens)-1-i] = a
	}
	for i, a := range newest {
		if !hasPage[a] {
			continue
		}
		// Neighbouring periods of the same entity, as the Vietnamese page.
		var related []*write.Article
		for _, j := range []int{i + 1, i - 1} {
			if j >= 0 && j < len(newest) {
				related = append(related, newest[j])
			}
		}
		ab := &ArticleBody{Article: a, Related: related}
		if hasUnits(a.Report) {
			ab.Ranking = b.enRankingLink(a)
		}
		if c := b.comparisonOf(a.Report.Period.Key()); c != nil {
			ab.Place = placeIn(c, ent)
		}
		b.pageEn("article", strings.TrimPrefix(a.Path(), EnglishDir), a.Title, a.Summary, "", a.Report.Illustrative, ab)
	}
	prefix := entityPrefixEn(ent)
	if err := b.enRankingsOf(vis, prefix); err != nil {
		return err
	}
	if err := b.enUnitScoresOf(vis, prefix); err != nil {
		return err
	}
	var units []*model.Unit
	for _, u := range b.site.Units {
		if u.Entity == ent {
			units = append(units, u)
		}
	}
	b.enUnitPagesOf(units, prefix, "entities")
	for _, a := range vis { // looked up only above: the entity's articles can go once rendered
		delete(e.twin, a)
	}
	vi := e.byPath[EntityDir(ent)]
	if vi == nil {
		return nil
	}
	body := *vi.Body.(*EntityBody)
	body.Articles = newest
	body.Units = append([]UnitGroup(nil), body.Units...)
	for i := range body.Units {
		body.Units[i].Units = sortedEn(body.Units[i].Units)
	}
	title := write.UpperFirst(ent.NameEn)
	b.pageEn("entity", EntityDir(ent), title, title+": "+b.site.Config.IndexShortEn, "entities", vi.Illustrative, &body)
	return nil
}

// viOnly reports whether the Vietnamese page at path, made, gets no English twin
// ([publish] english = "articles"), and notes it for the server rules.
func (b *builder) viOnly(path string) bool {
	if !b.site.Config.Publish.VietnameseOnly(path) {
		return false
	}
	b.en.viOnly = append(b.en.viOnly, path)
	return true
}
