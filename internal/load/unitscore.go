package load

import (
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
)

// unitScores reads a period's [[unit_score]] rows, the units' index results:
//
//	[[unit_score]]
//	unit = "bd-so-tu-phap"   # a code of data/units.toml
//	score = 96.12
//	rank = 1                 # optional: within the unit's level; computed from scores
//	rank_of = 20             # optional: units ranked at the level; the units listed
//	class = "xuất sắc"       # optional: derived from the score where the cut-offs are published
func (l *loader) unitScores(rows []*table) model.UnitScores {
	var out model.UnitScores
	seen := map[string]diag.Pos{}
	for _, row := range rows {
		us := &model.UnitScore{Pos: row.Pos(), ScorePos: row.PosOf("score"), RankPos: row.PosOf("rank"), ClassPos: row.PosOf("class")}
		code := row.String("unit", true)
		us.Score, _ = row.Number("score", true)
		if rank, ok := row.Int("rank", false); ok {
			us.Rank, us.RankGiven = int(rank), true
		}
		if of, ok := row.Int("rank_of", false); ok {
			us.RankOf = int(of)
		}
		if class := row.String("class", false); class != "" {
			us.Class, us.ClassGiven = strings.ToLower(class), true
		}
		row.Done()
		if code == "" {
			continue
		}
		if us.Unit = l.units[code]; us.Unit == nil {
			l.probs.Errorf(row.PosOf("unit"), diag.UnknownUnit, code, l.suggestUnit(code))
			continue
		}
		if first, dup := seen[code]; dup {
			l.probs.Errorf(row.PosOf("unit"), diag.DuplicateUnitScore, us.Unit.Name, first.Line)
			continue
		}
		seen[code] = row.Pos()
		if !us.ClassGiven {
			us.Class = model.KnownClass(us.Score)
		}
		out = append(out, us)
	}
	out.RankUnits()
	return out
}
