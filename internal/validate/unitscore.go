package validate

import (
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// unitScores checks the units' index results: scores within 0–100, ranks within their
// level's count, a class that exists and agrees with the published cut-offs, units that
// exist in the period.
func unitScores(l *diag.List, r *model.Report) {
	for _, us := range r.UnitScores {
		if us.Score < 0 || us.Score > 100 {
			l.Errorf(us.ScorePos, diag.ScoreRange, vietnamese.Score(us.Score))
		}
		if us.Rank < 1 || us.RankOf < 1 || us.Rank > us.RankOf {
			l.Errorf(us.RankPos, diag.UnitRankRange, us.Rank, us.RankOf, us.Unit.Name)
		}
		if !us.Unit.InForce(r.Period.End()) {
			l.Errorf(us.Pos, diag.UnitNotInForce, us.Unit.Name, r.Period.Key())
		}
		if us.ClassGiven {
			class(l, us)
		}
	}
	rankOrder(l, r.UnitScores)
}

// rankOrder warns where a rank written in the file puts a unit behind one with a lower
// score at its level: a slip in the source or in the copy, printed as written.
func rankOrder(l *diag.List, scores model.UnitScores) {
	for _, lv := range scores.ByLevel() {
		for _, a := range lv.Ranked {
			for _, b := range lv.Ranked {
				if a.RankGiven && b.RankGiven && a.Rank > b.Rank && vietnamese.RoundScore(a.Score) > vietnamese.RoundScore(b.Score) {
					l.Warnf(a.RankPos, diag.UnitRankOrder, a.Unit.Name, a.Rank, vietnamese.Score(a.Score), b.Unit.Name, b.Rank, vietnamese.Score(b.Score))
					break
				}
			}
		}
	}
}

func class(l *diag.List, us *model.UnitScore) {
	known := false
	for _, c := range model.Classes {
		known = known || c == us.Class
	}
	if !known {
		l.Errorf(us.ClassPos, diag.UnknownClass, us.Class, strings.Join(model.Classes, ", "))
		return
	}
	want := model.KnownClass(us.Score)
	switch {
	case want != "" && want != us.Class:
		l.Errorf(us.ClassPos, diag.ClassMismatch, us.Unit.Name, vietnamese.Score(us.Score), us.Class, want)
	case want == "" && model.ClassCutOffs[us.Class] > 0:
		// Below the lowest published cut-off the class is data, but it cannot be one of
		// the classes whose cut-off the score misses.
		l.Errorf(us.ClassPos, diag.ClassMismatch, us.Unit.Name, vietnamese.Score(us.Score), us.Class, lowerClasses())
	}
}

// lowerClasses are the classes without a published cut-off: "khá, trung bình hoặc yếu".
func lowerClasses() string {
	var out []string
	for _, c := range model.Classes {
		if model.ClassCutOffs[c] == 0 {
			out = append(out, c)
		}
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " hoặc " + out[len(out)-1]
}
