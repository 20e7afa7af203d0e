package pipeline

import (
	"fmt"

	"chiso/internal/model"
)

// quarterNumeral writes a quarter as official texts do: "quý III/2025".
var quarterNumeral = [...]string{1: "I", 2: "II", 3: "III", 4: "IV"}

// SummaryBody is a quarter's or a year's pooled results.
type SummaryBody struct {
	Summary  *model.Summary
	Levels   []*model.Level
	Charts   []Figure
	viCharts []Figure // as UnitBody's
}

// ChartLang is as UnitBody's.
func (s *SummaryBody) ChartLang() string { return sameCharts(s.Charts, s.viCharts) }

// summaries pools the months of each quarter and year where the counts allow it.
func (b *builder) summaries() error {
	byMonth := map[string]*model.Report{}
	years := map[int]bool{}
	for _, r := range b.site.Reports {
		byMonth[r.Period.Key()] = r
		years[r.Period.Year] = true
	}
	months := func(year, from, to int) []*model.Report {
		var out []*model.Report
		for m := from; m <= to; m++ {
			if r := byMonth[fmt.Sprintf("%04d-%02d", year, m)]; r != nil {
				out = append(out, r)
			}
		}
		return out
	}
	for _, r := range b.site.Reports {
		y := r.Period.Year
		if !years[y] {
			continue
		}
		delete(years, y)
		for q := 1; q <= 4; q++ {
			s, ok := model.Summarise(fmt.Sprintf("%d-q%d", y, q), "quý "+quarterNumeral[q]+"/"+fmt.Sprint(y), months(y, 3*q-2, 3*q), 3)
			if ok {
				b.summaryList = append(b.summaryList, s)
			}
		}
		if s, ok := model.Summarise(fmt.Sprint(y), fmt.Sprintf("năm %d", y), months(y, 1, 12), 12); ok {
			b.summaryList = append(b.summaryList, s)
		}
	}
	for _, s := range b.summaryList {
		body := &SummaryBody{Summary: s}
		seen := map[*model.Level]bool{}
		for _, res := range s.Results {
			for _, lv := range res.Levels {
				if !seen[lv.Level] {
					seen[lv.Level] = true
					body.Levels = append(body.Levels, lv.Level)
				}
			}
		}
		var err error
		if body.Charts, err = b.summaryChart(s); err != nil {
			return err
		}
		title := "Tổng hợp " + s.Label
		if err := b.page("summary", "tong-hop/"+s.Key+"/", title, title+": tỷ lệ gộp từ số liệu các tháng.", "archive", s.Illustrative, body); err != nil {
			return err
		}
	}
	return nil
}
