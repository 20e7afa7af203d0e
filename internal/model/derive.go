package model

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"chiso/internal/vietnamese"
)

func sortLevels(ls []*Level) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Order < ls[j].Order })
}

// PooledRate is Σ numerators ÷ Σ denominators in percent, rounded to one decimal with
// integer arithmetic so that it is exact for any count.
func PooledRate(counts []Count) (float64, Count, bool) {
	var sum Count
	for _, c := range counts {
		sum.Num += c.Num
		sum.Den += c.Den
	}
	if sum.Den == 0 {
		return 0, sum, false
	}
	return sum.Rate(), sum, true
}

// Rate is the count's ratio in percent, rounded half up to one decimal.
func (c Count) Rate() float64 {
	tenths := (c.Num*2000 + c.Den) / (2 * c.Den) // round(num*1000/den)
	return float64(tenths) / 10
}

// Derive links each report to the previous one, computes whole rates from counts,
// finds the target in force and decides met or not met. It is pure: same site in,
// same site out.
func (s *Site) Derive() { s.derive(nil) }

// Rederive is Derive after one report was read again (the preview's reload): the units of
// the other reports, ranked already, are not ranked again.
func (s *Site) Rederive(fresh *Report) { s.derive(fresh) }

func (s *Site) derive(fresh *Report) {
	sortLevels(s.Levels)
	// The site's own reports are one series across its chain of entities (Report.Break marks
	// a merger); another entity's reports are a series of their own, never joined to its
	// predecessor's or successor's.
	var names map[*Unit]int
	if fresh == nil {
		names = nameRanks(s.Reports, s.Others)
	} else {
		names = nameRanks([]*Report{fresh})
	}
	deriveSeries(s.Reports, func(*Report) *Entity { return nil }, fresh, names)
	deriveSeries(s.Others, func(r *Report) *Entity { return r.Entity }, fresh, names)
	sort.SliceStable(s.Others, func(i, j int) bool {
		a, b := s.Others[i], s.Others[j]
		if a.Period.Key() != b.Period.Key() {
			return a.Period.Before(b.Period)
		}
		return a.Entity.Key < b.Entity.Key
	})
	sort.SliceStable(s.National, func(i, j int) bool { return s.National[i].Period.Before(s.National[j].Period) })
}

// deriveSeries sorts reports by period and, within each series (by chain, then kind: a year
// is compared with the year before, not with December), links each to the previous one,
// computes whole rates from counts, finds the target in force and decides met or not met.
func deriveSeries(reports []*Report, chain func(*Report) *Entity, fresh *Report, names map[*Unit]int) {
	sort.SliceStable(reports, func(i, j int) bool { return reports[i].Period.Before(reports[j].Period) })
	type series struct {
		chain *Entity
		kind  PeriodKind
	}
	prevOf := map[series]*Report{}
	for _, r := range reports {
		key := series{chain(r), r.Period.Kind}
		prev := prevOf[key]
		r.Previous = prev
		sort.SliceStable(r.Results, func(i, j int) bool { return r.Results[i].Indicator.Order < r.Results[j].Indicator.Order })
		for _, res := range r.Results {
			sort.SliceStable(res.Levels, func(i, j int) bool { return res.Levels[i].Level.Order < res.Levels[j].Level.Order })
			res.Target = res.Indicator.TargetOn(r.Period.End())
			if res.Target != nil {
				res.Met = Meets(res.Whole, res.Target.Value, res.Indicator.HigherIsBetter)
			}
			if prev != nil {
				res.Previous = prev.Result(res.Indicator.Key)
			}
			if fresh == nil || r == fresh { // a rank depends on its own result only
				rankUnits(res, names)
			}
		}
		if r.Index != nil && prev != nil {
			r.Index.Previous = prev.Index
		}
		prevOf[key] = r
	}
}

// Meets compares the rate as printed with the target, so the verdict never contradicts
// the figure beside it.
func Meets(rate, target float64, higherIsBetter bool) bool {
	shown := vietnamese.RoundPrinted(rate)
	if higherIsBetter {
		return shown >= target
	}
	return shown <= target
}

// GroupTolerance is how far the sum of the groups may lie from the total through
// rounding alone: half a unit of the last printed decimal of each group, plus half a unit
// of the total's (17,9 + 19,2 + … against 86,45).
func (x *IndexScore) GroupTolerance() float64 {
	d := 0
	for _, g := range x.Groups {
		d = max(d, vietnamese.Decimals(g.Score))
	}
	tol := float64(len(x.Groups)) * 0.5 * math.Pow(10, -float64(d))
	if x.Score != nil {
		tol += 0.5 * math.Pow(10, -float64(vietnamese.Decimals(*x.Score)))
	}
	return tol + 1e-9
}

// GroupSum adds the group scores.
func (x *IndexScore) GroupSum() float64 {
	var sum float64
	for _, g := range x.Groups {
		sum += g.Score
	}
	return sum
}

// ScoreChange and RankChange compare with the previous period (rank: positive = up).
func (x *IndexScore) ScoreChange() (float64, bool) {
	if x.Previous == nil || x.Score == nil || x.Previous.Score == nil {
		return 0, false
	}
	return vietnamese.RoundScore(*x.Score) - vietnamese.RoundScore(*x.Previous.Score), true
}

// RankChange is the number of places gained (positive) or lost; comparing ranks out of
// different totals (63 provinces, then 34) is not meaningful, so it is refused.
func (x *IndexScore) RankChange() (int, bool) {
	if x.Previous == nil || x.Previous.RankOf != x.RankOf || x.RankOf == 0 || !x.HasRank() || !x.Previous.HasRank() {
		return 0, false
	}
	return x.Previous.Rank - x.Rank, true
}

// rankUnits orders a result's units by level, then rate (best first), then name in
// Vietnamese collation, and gives each its rank within its level; equal rates as printed
// share a rank.
func rankUnits(res *Result, names map[*Unit]int) {
	if names == nil {
		names = nameRanks([]*Report{{Results: []*Result{res}}})
	}
	better := func(a, b float64) bool {
		if res.Indicator.HigherIsBetter {
			return a > b
		}
		return a < b
	}
	// Rounding prints each rate once; sorting compares the printed values.
	shown := make(map[*Unit]float64, len(res.Units))
	for _, u := range res.Units {
		shown[u.Unit] = vietnamese.RoundRate(u.Rate())
	}
	// The sort keys are read once: a national site sorts half a million unit rows.
	type keyed struct {
		UnitResult
		level, name int
		shown       float64
	}
	ks := make([]keyed, len(res.Units))
	for i, u := range res.Units {
		ks[i] = keyed{u, u.Unit.Level.Order, names[u.Unit], shown[u.Unit]}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.level != b.level:
			return cmp.Compare(a.level, b.level)
		case a.shown != b.shown:
			if better(a.shown, b.shown) {
				return -1
			}
			if better(b.shown, a.shown) {
				return 1
			}
			return 0 // NaN: neither is better, as before
		case a.Unit.Name != b.Unit.Name:
			return cmp.Compare(a.name, b.name)
		}
		return strings.Compare(a.Unit.Code, b.Unit.Code)
	})
	for i := range ks {
		res.Units[i] = ks[i].UnitResult
	}
	for i := range res.Units {
		u := &res.Units[i]
		u.Rank = 1
		if i > 0 {
			p := res.Units[i-1]
			switch {
			case p.Unit.Level != u.Unit.Level:
				u.Rank = 1
			case shown[p.Unit] == shown[u.Unit]:
				u.Rank = p.Rank
			default:
				u.Rank = i + 1 - firstOfLevel(res.Units, i)
			}
		}
	}
}

// nameRanks numbers the names of the units in reports in Vietnamese order (the order of
// vietnamese.Less, a total one), so sorting units compares two integers instead of
// collating two names in every comparison.
func nameRanks(reports ...[]*Report) map[*Unit]int {
	ranks := map[*Unit]int{}
	var names []string
	seen := map[string]bool{}
	for _, rs := range reports {
		for _, r := range rs {
			for _, res := range r.Results {
				for _, u := range res.Units {
					if _, ok := ranks[u.Unit]; !ok {
						ranks[u.Unit] = 0
						if !seen[u.Unit.Name] {
							seen[u.Unit.Name] = true
							names = append(names, u.Unit.Name)
						}
					}
				}
			}
		}
	}
	vietnamese.SortStrings(names)
	at := make(map[string]int, len(names))
	for i, n := range names {
		at[n] = i
	}
	for u := range ranks {
		ranks[u] = at[u.Name]
	}
	return ranks
}

func firstOfLevel(us []UnitResult, i int) int {
	j := i
	for j > 0 && us[j-1].Unit.Level == us[i].Unit.Level {
		j--
	}
	return j
}
