package model

import (
	"sort"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// UnitScore is a unit's result in the province's own application of the index to its
// units (shape D of REPORTS.md): a score, a rank within its level and a class.
type UnitScore struct {
	Unit       *Unit
	Score      float64
	Rank       int    // within the unit's level, 1 = highest; computed from scores when not given
	RankOf     int    // units ranked at the level; the units listed when not given
	RankGiven  bool   // the rank was written in the file
	Class      string // "xuất sắc", "tốt", "khá", "trung bình", "yếu"; "" when not given nor derivable
	ClassGiven bool   // the class was written in the file (otherwise derived from the cut-offs)
	Pos        diag.Pos
	ScorePos   diag.Pos
	RankPos    diag.Pos
	ClassPos   diag.Pos
}

// Classes are the index classes, best first, as written in running text.
var Classes = []string{"xuất sắc", "tốt", "khá", "trung bình", "yếu"}

// ClassCutOffs are the published lower bounds of the classes (xuất sắc ≥ 90, tốt 80–< 90).
// The lower classes' cut-offs are not published: for them the class is data.
var ClassCutOffs = map[string]float64{"xuất sắc": 90, "tốt": 80}

// KnownClass is the class a score falls in where the cut-offs are published, or "" when
// the score is below the lowest published cut-off (khá, trung bình or yếu: data decides).
func KnownClass(score float64) string {
	switch {
	case vietnamese.RoundScore(score) >= ClassCutOffs["xuất sắc"]:
		return "xuất sắc"
	case vietnamese.RoundScore(score) >= ClassCutOffs["tốt"]:
		return "tốt"
	}
	return ""
}

// UnitScores are a period's unit scores.
type UnitScores []*UnitScore

// ClassGroup is the units of one class at one level, best score first.
type ClassGroup struct {
	Class string
	Units []*UnitScore
}

// UnitScoreLevel is the scores of one level: ranked, and grouped by class.
type UnitScoreLevel struct {
	Level    *Level
	Ranked   []*UnitScore // by rank, then by name in Vietnamese order
	Classes  []ClassGroup // classes present, best first; units without a class are not in any
	Unsorted []*UnitScore // units without a class, by rank
	// ClassesGiven: the file gives classes at this level, so the article lists the units
	// by class; otherwise by rank (a class derived from the cut-offs is shown in tables).
	ClassesGiven bool
}

// ByLevel groups the scores by level, in level order.
func (s UnitScores) ByLevel() []UnitScoreLevel {
	byLevel := map[*Level][]*UnitScore{}
	var levels []*Level
	for _, us := range s {
		if byLevel[us.Unit.Level] == nil {
			levels = append(levels, us.Unit.Level)
		}
		byLevel[us.Unit.Level] = append(byLevel[us.Unit.Level], us)
	}
	sortLevels(levels)
	out := make([]UnitScoreLevel, 0, len(levels))
	for _, lv := range levels {
		l := UnitScoreLevel{Level: lv, Ranked: byLevel[lv]}
		sort.SliceStable(l.Ranked, func(i, j int) bool {
			a, b := l.Ranked[i], l.Ranked[j]
			if a.Rank != b.Rank {
				return a.Rank < b.Rank
			}
			return vietnamese.Less(a.Unit.Name, b.Unit.Name)
		})
		for _, c := range Classes {
			g := ClassGroup{Class: c}
			for _, us := range l.Ranked {
				if us.Class == c {
					g.Units = append(g.Units, us)
				}
			}
			sort.SliceStable(g.Units, func(i, j int) bool {
				a, b := vietnamese.RoundScore(g.Units[i].Score), vietnamese.RoundScore(g.Units[j].Score)
				if a != b {
					return a > b
				}
				return vietnamese.Less(g.Units[i].Unit.Name, g.Units[j].Unit.Name)
			})
			if len(g.Units) > 0 {
				l.Classes = append(l.Classes, g)
			}
		}
		for _, us := range l.Ranked {
			l.ClassesGiven = l.ClassesGiven || us.ClassGiven
			if us.Class == "" {
				l.Unsorted = append(l.Unsorted, us)
			}
		}
		out = append(out, l)
	}
	return out
}

// RankUnits fills in the ranks not given: by score within each level, best first, ties
// (as printed) sharing a rank; RankOf defaults to the number of units listed at the level.
func (s UnitScores) RankUnits() {
	byLevel := map[*Level][]*UnitScore{}
	for _, us := range s {
		byLevel[us.Unit.Level] = append(byLevel[us.Unit.Level], us)
	}
	for _, list := range byLevel {
		sorted := append([]*UnitScore(nil), list...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Score > sorted[j].Score })
		for i, us := range sorted {
			if !us.RankGiven {
				us.Rank = i + 1
				if i > 0 && vietnamese.RoundScore(sorted[i-1].Score) == vietnamese.RoundScore(us.Score) {
					us.Rank = sorted[i-1].Rank
				}
			}
			if us.RankOf == 0 {
				us.RankOf = len(list)
			}
		}
	}
}

// UnitScoreAt is a unit's score in one report.
type UnitScoreAt struct {
	*UnitScore
	Report *Report
}

// ScoresOf lists a unit's index scores, newest report first.
func (s *Site) ScoresOf(u *Unit) []UnitScoreAt {
	var out []UnitScoreAt
	reports := s.Reports
	if u.Entity != nil && !u.Entity.Own { // another entity's unit scores in its reports
		reports = s.ReportsOf(u.Entity)
	}
	for i := len(reports) - 1; i >= 0; i-- {
		for _, us := range reports[i].UnitScores {
			if us.Unit == u {
				out = append(out, UnitScoreAt{us, reports[i]})
			}
		}
	}
	return out
}
