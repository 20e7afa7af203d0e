package load

import (
	"io/fs"
	"sort"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// nationalTables reads data/national/KEY.toml: every province's index score of a period,
// carried for context so that a province's pages show its place among all.
//
//	period = "2025-12"
//	source = "Văn phòng Chính phủ"
//	national_average = 84.1              # optional: computed from the scores when absent
//	[averages]                           # optional: rates' national averages, as stated
//	ho-so-truc-tuyen = 72.4
//	[[province]]
//	entity = "gia-lai"                   # a key of data/entities.toml, or name = "tỉnh …"
//	score = 90.1
//	rank = 3                             # optional: ranked from the scores when absent
func (l *loader) nationalTables() {
	names, _ := fs.Glob(l.fsys, "data/national/*.toml")
	sort.Strings(names)
	for _, name := range names {
		t, ok := l.open(name, true)
		if !ok {
			continue
		}
		n := &model.NationalTable{File: name, Pos: t.PosOf("period")}
		ps := t.String("period", true)
		p, okP := model.ParsePeriod(ps)
		if ps != "" && !okP {
			l.probs.Errorf(t.PosOf("period"), diag.BadPeriod, ps)
		}
		if base := strings.TrimSuffix(name[strings.LastIndexByte(name, '/')+1:], ".toml"); okP {
			if named, isPeriod := model.ParsePeriod(base); isPeriod && named.Key() != p.Key() {
				l.probs.Errorf(t.PosOf("period"), diag.PeriodFileName, base+".toml", ps, base)
			}
		}
		n.Period = p
		n.Source = t.String("source", false)
		n.Illustrative = t.Bool("illustrative")
		n.NationalAverage = l.optNumber(t, "national_average")
		// [averages] ho-so-truc-tuyen = 72.4: the national average of a rate, as stated.
		for _, e := range t.Numbers("averages", false) {
			ind := l.inds[e.Key]
			if ind == nil {
				if !l.broken["data/indicators.toml"] {
					l.probs.Errorf(e.Pos, diag.UnknownIndicator, e.Key, l.suggestIndicator(e.Key))
				}
				continue
			}
			if e.Value < 0 || e.Value > 100 {
				l.probs.Errorf(e.Pos, diag.RateRange, vietnamese.Rate(e.Value))
			}
			if n.RateAverages == nil {
				n.RateAverages = map[*model.Indicator]float64{}
			}
			n.RateAverages[ind] = e.Value
		}
		seen := map[string]int{}
		for _, row := range t.Rows("province") {
			r := model.NationalRow{Pos: row.Pos()}
			key := row.String("entity", false)
			r.Name = row.String("name", key == "")
			r.Score = l.optNumber(row, "score")
			rank, _ := row.Int("rank", false)
			r.Rank = int(rank)
			row.Done()
			if key != "" {
				if r.Entity = l.entity(key); r.Entity == nil {
					l.probs.Errorf(row.PosOf("entity"), diag.UnknownUnitEntity, key, suggest(key, l.entityKeys()))
					continue
				}
				r.Name = r.Entity.Name
			}
			if r.Name == "" {
				continue
			}
			if first, dup := seen[r.Name]; dup {
				l.probs.Errorf(row.Pos(), diag.NationalDuplicate, r.Name, first)
				continue
			}
			seen[r.Name] = row.Pos().Line
			n.Rows = append(n.Rows, r)
		}
		t.Done()
		if okP {
			l.site.National = append(l.site.National, n)
		}
	}
}
