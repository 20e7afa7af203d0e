package periodfile

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Next is the month after the one p ends in (p may be a quarter, a year, a week…).
func Next(p model.Period) model.Period {
	end := p.End()
	t := time.Date(end.Year(), end.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return model.Period{Year: t.Year(), Month: int(t.Month())}
}

// Base is the report a new period is drafted from: the latest month before p (a year's
// index result has not the month's structure), else the latest report before p, or the
// latest of all when p comes first.
func Base(s *model.Site, p model.Period) *model.Report {
	var base, month *model.Report
	for _, r := range s.Reports {
		if r.Period.Before(p) {
			base = r
			if r.Period.Kind == model.Month {
				month = r
			}
		}
	}
	if month != nil {
		return month
	}
	if base == nil {
		base = s.Latest()
	}
	return base
}

// Draft is period p with the structure of report from — its indicators, its levels that
// are still in force, its units or their successors — and every figure left Missing.
// A new month is official, so illustrative is false whatever from says.
func Draft(s *model.Site, from *model.Report, p model.Period) *File {
	end := monthEnd(p)
	f := &File{
		Period:       p,
		SourceSystem: from.SourceSystem,
		SourceShort:  from.SourceShort,
		Author:       from.Author,
		Report: Document{
			Type:   quoteOr(from.Document, func(d *model.Document) string { return d.Type }, "Báo cáo"),
			Number: Missing,
			Date:   Missing,
			Issuer: quoteOr(from.Document, func(d *model.Document) string { return d.Issuer }, ""),
		},
	}
	if f.Report.Issuer == "" {
		f.Report.Issuer = Missing
	}
	if f.Author == s.Config.Author {
		f.Author = "" // the config's default applies
	}
	if w := from.Period; !w.From.IsZero() && !w.To.IsZero() {
		f.Window = [2]string{w.From.AddDate(0, 1, 0).Format("2006-01-02"), w.To.AddDate(0, 1, 0).Format("2006-01-02")}
	}
	f.Comment = []string{
		fmt.Sprintf("Kết quả tháng %s. Tệp do `chiso new` tạo từ %s.", vietnamese.MonthYear(p.Year, p.Month), from.File),
		`Thay mỗi "?" bằng số liệu của kỳ này: số viết dấu chấm thập phân (63.4), không có`,
		`dấu ngoặc kép; ngày viết năm-tháng-ngày (2024-05-20). Chạy "chiso check" để xem`,
		`còn ô nào chưa nhập.`,
	}
	if f.Window[0] != "" {
		f.Comment = append(f.Comment, "Khoảng trích xuất (window) được lùi một tháng theo kỳ trước: kiểm tra lại.")
	}
	if x := from.Index; x != nil {
		idx := &Index{Score: Missing, Rank: Missing, RankOf: strconv.Itoa(x.RankOf), Source: Quote(x.Source)}
		if entityOn(s, end) != from.Entity || x.RankOf == 0 {
			idx.RankOf = Missing // a merger changes the number of provinces ranked (63 → 34)
		}
		if x.Class != "" {
			idx.Class = Missing
		}
		if x.NationalAverage != nil {
			idx.NationalAverage = Missing
		}
		for _, g := range x.Groups {
			idx.Groups = append(idx.Groups, Group{Name: Quote(g.Name), Score: Missing, Max: Number(g.Max)})
		}
		f.Index = idx
	}
	for _, res := range from.Results {
		f.Results = append(f.Results, draftResult(s, from, res, end))
	}
	return f
}

func quoteOr(d *model.Document, get func(*model.Document) string, def string) string {
	if d == nil || get(d) == "" {
		if def == "" {
			return ""
		}
		return Quote(def)
	}
	return Quote(get(d))
}

func monthEnd(p model.Period) time.Time {
	return time.Date(p.Year, time.Month(p.Month)+1, 0, 0, 0, 0, 0, time.UTC)
}

func entityOn(s *model.Site, d time.Time) *model.Entity { return s.OwnOn(d) }

// draftResult keeps the form of the row — rates, counts or units — for the levels and
// units of the new period.
func draftResult(s *model.Site, from *model.Report, res *model.Result, end time.Time) *Result {
	r := &Result{Indicator: res.Indicator.Key, Name: res.Indicator.Name}
	if res.Given {
		r.Whole = Missing
	}
	unitLevels := map[*model.Level]bool{}
	for _, u := range res.Units {
		unitLevels[u.Unit.Level] = true
	}
	// Levels written directly in the file: all of them when there are no units, and
	// those the file gave beside their units.
	var rates, counts []*model.Level
	for _, lr := range res.Levels {
		direct := !unitLevels[lr.Level] || lr.UnitSum != nil
		if !direct || !lr.Level.InForce(end) {
			continue
		}
		if lr.Count != nil {
			counts = append(counts, lr.Level)
		} else {
			rates = append(rates, lr.Level)
		}
	}
	// Levels that begin with the new period join the row in its form.
	if len(res.Levels) > 0 && len(res.Units) == 0 {
		fromEnd := from.Period.End()
		for _, lv := range s.Levels {
			if lv.InForce(end) && !lv.InForce(fromEnd) {
				if len(counts) > 0 {
					counts = append(counts, lv)
				} else {
					rates = append(rates, lv)
				}
			}
		}
	}
	for _, lv := range rates {
		r.Rates = append(r.Rates, Cell{Key: lv.Key, Value: Missing})
	}
	for _, lv := range counts {
		r.Nums = append(r.Nums, Cell{Key: lv.Key, Value: Missing})
		r.Dens = append(r.Dens, Cell{Key: lv.Key, Value: Missing})
	}
	for _, u := range nextUnits(s, from, res, end) {
		r.Units = append(r.Units, Unit{Code: u.Code, Name: u.Name, Num: Missing, Den: Missing})
	}
	return r
}

// nextUnits maps the row's units to the new period: a unit that has ended is replaced
// by its successor (two merged units give one row), and units that begin in the new
// period at the same levels are added.
func nextUnits(s *model.Site, from *model.Report, res *model.Result, end time.Time) []*model.Unit {
	if len(res.Units) == 0 {
		return nil
	}
	seen := map[*model.Unit]bool{}
	levels := map[*model.Level]bool{}
	var out []*model.Unit
	add := func(u *model.Unit) {
		if u != nil && !seen[u] && u.Level != nil && u.Level.InForce(end) {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, ur := range res.Units {
		u := ur.Unit
		levels[u.Level] = true
		for hops := 0; u != nil && !u.InForce(end) && hops < 10; hops++ {
			u = u.Successor
		}
		if u != nil && u.InForce(end) {
			add(u)
		}
	}
	fromEnd := from.Period.End()
	for _, u := range s.Units {
		if u.InForce(end) && !u.InForce(fromEnd) && u.From.After(fromEnd) && levels[u.Level] {
			add(u)
		}
	}
	// In the order of data/units.toml, as editors keep their lists.
	order := map[*model.Unit]int{}
	for i, u := range s.Units {
		order[u] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}
