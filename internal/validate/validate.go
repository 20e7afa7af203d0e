// Package validate checks a loaded site against the rules of the domain: rates within
// 0–100, counts that agree with rates, a target in force for every result, levels that
// exist in the period, whole rates within their levels' range, sudden jumps, and names
// one letter off the usual ones. Errors stop the build; warnings are shown and kept.
package validate

import (
	"math"
	"strconv"
	"time"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// knownLevelNames are the names levels are printed with in official reports; a level
// named one or two letters away from one of them ("Cấp huyệt") is most likely a typo.
var knownLevelNames = []string{"Cấp tỉnh", "Cấp huyện", "Cấp xã", "Cấp sở", "Cấp bộ"}

// levelAliases are names of one kind of unit used for the level that holds several:
// reports say "Cấp xã" for xã, phường and thị trấn, "Cấp huyện" for huyện, quận, thị xã.
var levelAliases = map[string]string{
	"Cấp phường": "Cấp xã", "Cấp thị trấn": "Cấp xã", "Cấp xã, phường": "Cấp xã",
	"Cấp quận": "Cấp huyện", "Cấp thị xã": "Cấp huyện",
}

// Site runs every check and returns the problems found.
func Site(s *model.Site) diag.List {
	var l diag.List
	for _, ind := range s.Indicators {
		targets(&l, ind)
	}
	for _, lv := range s.Levels {
		nearName(&l, lv.NamePos, lv.Name, knownLevelNames)
	}
	distinctNames(&l, s)
	used := usedLevels(&l, s)
	// Other entities' reports are checked as the site's own (data/periods/ENTITY/).
	for _, rs := range [][]*model.Report{s.Reports, s.Others} {
		for _, r := range rs {
			report(&l, s, r, used)
			dossiers(&l, r)
			unitScores(&l, r)
		}
	}
	national(&l, s)
	plans(&l, s)
	l.Sort()
	return l
}

// usedLevels are the levels some period gives figures for. A level no period uses is
// warned about once, at its declaration — most often its key is mistyped there — and not
// as missing from every result of every period.
func usedLevels(l *diag.List, s *model.Site) map[*model.Level]bool {
	// A level is used by a rate given for it or for one of its units, by a dossier line
	// or by a unit's index score.
	used := map[*model.Level]bool{}
	for _, r := range append(s.Reports[:len(s.Reports):len(s.Reports)], s.Others...) {
		for _, res := range r.Results {
			for _, lr := range res.Levels {
				used[lr.Level] = true
			}
			for _, ur := range res.Units {
				used[ur.Unit.Level] = true
			}
		}
		if r.Dossiers != nil {
			for _, d := range r.Dossiers.Levels {
				used[d.Level] = true
			}
		}
		for _, sc := range r.UnitScores {
			used[sc.Unit.Level] = true
		}
	}
	// With nothing broken down by level anywhere (dossier or index reports only), an unused
	// level says nothing about a mistyped key.
	if len(s.Reports) == 0 || len(used) == 0 {
		return used
	}
	for _, lv := range s.Levels {
		inForce := false
		for _, r := range s.Reports {
			inForce = inForce || lv.InForce(r.Period.End())
		}
		if inForce && !used[lv] {
			l.Warnf(lv.Pos, diag.LevelUnused, lv.Name, lv.Key)
		}
	}
	return used
}

func targets(l *diag.List, ind *model.Indicator) {
	for i, a := range ind.Targets {
		for _, b := range ind.Targets[i+1:] {
			if overlapStart, ok := overlap(a, b); ok {
				l.Errorf(b.Pos, diag.TargetOverlap, ind.Key, vietnamese.Date(overlapStart))
			}
		}
	}
}

func overlap(a, b *model.Target) (time.Time, bool) {
	from := a.From
	if b.From.After(from) {
		from = b.From
	}
	if a.InForce(from) && b.InForce(from) {
		return from, true
	}
	return time.Time{}, false
}

func nearName(l *diag.List, p diag.Pos, name string, known []string) {
	for _, k := range known {
		if name == k {
			return
		}
	}
	if k, ok := levelAliases[name]; ok {
		l.Warnf(p, diag.NearName, name, k)
		return
	}
	for _, k := range known {
		if d := vietnamese.Distance(name, k); d > 0 && d <= 2 {
			l.Warnf(p, diag.NearName, name, k)
			return
		}
	}
}

func report(l *diag.List, s *model.Site, r *model.Report, used map[*model.Level]bool) {
	end := r.Period.End()
	period := r.Period.Key()
	have := map[string]bool{}
	for _, res := range r.Results {
		have[res.Indicator.Key] = true
		result(l, s, r, res)
	}
	// A report of the index alone has no rates at all: nothing is missing from it.
	for _, ind := range s.Indicators {
		if len(r.Results) > 0 && !have[ind.Key] {
			l.Warnf(r.Pos, diag.ResultMissing, period, ind.Key)
		}
	}
	for _, res := range r.Results {
		// An indicator without any target (the on-time rate) is reported with no verdict;
		// one whose targets all miss this period has lost its target by mistake.
		if res.Target == nil && len(res.Indicator.Targets) > 0 {
			l.Errorf(res.Pos, diag.NoTarget, res.Indicator.Key, period)
		}
		present := map[*model.Level]bool{}
		for _, lr := range res.Levels {
			present[lr.Level] = true
			if !lr.Level.InForce(end) {
				l.Errorf(lr.Pos, diag.LevelNotInForce, lr.Level.Name, period)
			}
		}
		for _, lv := range s.Levels {
			if lv.InForce(end) && !present[lv] && len(res.Levels) > 0 && used[lv] {
				l.Warnf(res.Pos, diag.LevelMissing, lv.Name, res.Indicator.Key)
			}
		}
	}
	if x := r.Index; x != nil {
		index(l, x)
	}
}

func result(l *diag.List, s *model.Site, r *model.Report, res *model.Result) {
	rate(l, res.WholePos, res.Whole, res.Given)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, lr := range res.Levels {
		rate(l, lr.Pos, lr.Rate, true)
		if lr.Count != nil && lr.Count.Den > 0 && !agree(lr.Rate, lr.Count.Rate()) {
			l.Errorf(lr.Pos, diag.CountsDisagree, vietnamese.Rate(lr.Rate), vietnamese.Rate(lr.Count.Rate()))
		}
		if u := lr.UnitSum; u != nil {
			unitsAgree(l, lr, u)
		}
		lo, hi = math.Min(lo, lr.Rate), math.Max(hi, lr.Rate)
	}
	for _, ur := range res.Units {
		if !ur.Unit.InForce(r.Period.End()) {
			l.Errorf(ur.At(r.File), diag.UnitNotInForce, ur.Unit.Name, r.Period.Key())
		}
	}
	if res.Given && res.Count != nil && !agree(res.Whole, res.Count.Rate()) {
		l.Errorf(res.WholePos, diag.CountsDisagree, vietnamese.Rate(res.Whole), vietnamese.Rate(res.Count.Rate()))
	}
	// A pooled ratio always lies within its parts; a whole outside them is a typo or a mean.
	if len(res.Levels) > 1 && res.Given && percent(res.Whole, lo, hi) && (res.Whole < lo-0.05 || res.Whole > hi+0.05) {
		l.Warnf(res.WholePos, diag.WholeOutside, vietnamese.Rate(res.Whole), vietnamese.Rate(lo), vietnamese.Rate(hi))
	}
	// Across a change of province the figures are of another body: not a jump.
	if d, ok := res.Change(); ok && !r.Break() && math.Abs(d) > s.Config.JumpWarning && percent(res.Whole, res.Previous.Whole) {
		dir := "tăng"
		if d < 0 {
			dir = "giảm"
		}
		args := []any{res.Indicator.Key, dir, vietnamese.Rate(math.Abs(d)),
			r.Previous.Period.Short(),
			vietnamese.Rate(res.Previous.Whole), vietnamese.Rate(res.Whole), vietnamese.Rate(s.Config.JumpWarning)}
		// A comparison across missing months says so: the change is over more than a month.
		if gap := monthsMissing(r.Previous.Period, r.Period); len(gap) > 0 {
			l.Warnf(res.WholePos, diag.JumpAcrossGap, append(args, model.MonthsText(gap))...)
		} else {
			l.Warnf(res.WholePos, diag.Jump, args...)
		}
	}
}

// agree allows for rounding to one decimal in the file.
func agree(given, computed float64) bool { return math.Abs(given-computed) <= 0.05+1e-9 }

func rate(l *diag.List, p diag.Pos, v float64, given bool) {
	if v < 0 || v > 100 {
		l.Errorf(p, diag.RateRange, vietnamese.Decimal(v, 3))
		return
	}
	if given && math.Abs(v*100-math.Round(v*100)) > 1e-6 {
		l.Warnf(p, diag.TooManyDecimals, vietnamese.Decimal(v, 6))
	}
}

func index(l *diag.List, x *model.IndexScore) {
	if x.Score != nil && (*x.Score < 0 || *x.Score > 100) {
		l.Errorf(x.ScorePos, diag.ScoreRange, vietnamese.Score(*x.Score))
	}
	// A rank may come alone ("xếp thứ 5") or with its total ("xếp thứ 9/34").
	if x.Rank < 0 || x.RankOf < 0 || x.RankOf > 0 && (x.Rank < 1 || x.Rank > x.RankOf) {
		l.Errorf(x.RankPos, diag.RankRange, x.Rank, x.RankOf)
	}
	for _, g := range x.Groups {
		if g.Score < 0 || g.Max > 0 && g.Score > g.Max {
			l.Errorf(g.Pos, diag.ScoreRange, vietnamese.Score(g.Score))
		}
	}
	// Published groups are rounded: their sum may miss the total by the rounding of each.
	x.GroupsValid = len(x.Groups) > 0
	if len(x.Groups) > 0 && x.Score != nil && math.Abs(x.GroupSum()-*x.Score) > x.GroupTolerance() {
		x.GroupsValid = false
		l.Warnf(x.Pos, diag.GroupSum, vietnamese.Score(x.GroupSum()), vietnamese.Score(*x.Score))
	}
}

// unitsAgree checks a level given in the file against the sum of its units: counts must
// match exactly, a rate within rounding.
func unitsAgree(l *diag.List, lr model.LevelResult, sum *model.Count) {
	switch {
	case lr.Count != nil && (lr.Count.Num != sum.Num || lr.Count.Den != sum.Den):
		l.Errorf(lr.Pos, diag.UnitsDisagree, lr.Level.Name, vietnamese.Int(lr.Count.Num), vietnamese.Int(lr.Count.Den),
			vietnamese.Int(sum.Num), vietnamese.Int(sum.Den))
	case lr.Count == nil && sum.Den > 0 && !agree(lr.Rate, sum.Rate()):
		l.Errorf(lr.Pos, diag.CountsDisagree, vietnamese.Rate(lr.Rate), vietnamese.Rate(sum.Rate()))
	}
}

// monthsMissing lists the months between two monthly reports; other kinds of period have
// no gap of months to name.
func monthsMissing(a, b model.Period) []model.Period {
	if a.Kind != model.Month || b.Kind != model.Month {
		return nil
	}
	return model.MonthsBetween(a, b)
}

// national checks a national table's scores and ranks like a report's index.
func national(l *diag.List, s *model.Site) {
	for _, n := range s.National {
		for _, r := range n.Rows {
			if r.Score != nil && (*r.Score < 0 || *r.Score > 100) {
				l.Errorf(r.Pos, diag.ScoreRange, vietnamese.Score(*r.Score))
			}
			if r.Rank < 0 || r.Rank > len(n.Rows) {
				l.Errorf(r.Pos, diag.RankRange, r.Rank, len(n.Rows))
			}
		}
		for _, r := range n.Rows {
			if r.Entity != nil {
				agrees(l, s, n, r)
			}
		}
		if n.NationalAverage != nil && (*n.NationalAverage < 0 || *n.NationalAverage > 100) {
			l.Errorf(n.Pos, diag.ScoreRange, vietnamese.Score(*n.NationalAverage))
		}
	}
}

// agrees warns when a national table and the entity's own report of the period give
// different scores or ranks: one of the two was copied wrong.
func agrees(l *diag.List, s *model.Site, n *model.NationalTable, row model.NationalRow) {
	for _, r := range s.ReportsOf(row.Entity) {
		if r.Period.Key() != n.Period.Key() || r.Index == nil {
			continue
		}
		x := r.Index
		if row.Score != nil && x.Score != nil && vietnamese.RoundScore(*row.Score) != vietnamese.RoundScore(*x.Score) {
			l.Warnf(row.Pos, diag.NationalDisagrees, "điểm", row.Name, vietnamese.Score(*row.Score), r.File, vietnamese.Score(*x.Score))
		}
		if row.Rank > 0 && x.Rank > 0 && row.Rank != x.Rank {
			l.Warnf(row.Pos, diag.NationalDisagrees, "thứ hạng", row.Name, strconv.Itoa(row.Rank), r.File, strconv.Itoa(x.Rank))
		}
	}
}
