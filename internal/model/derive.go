package model

import (
	"sort"

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
func (s *Site) Derive() {
	sort.SliceStable(s.Reports, func(i, j int) bool { return s.Reports[i].Period.Before(s.Reports[j].Period) })
	sortLevels(s.Levels)
	var prev *Report
	for _, r := range s.Reports {
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
		}
		if r.Index != nil && prev != nil {
			r.Index.Previous = prev.Index
		}
		prev = r
	}
}

// Meets compares the rate as printed (rounded to one decimal) with the target, so the
// verdict never contradicts the figure beside it.
func Meets(rate, target float64, higherIsBetter bool) bool {
	shown := vietnamese.RoundRate(rate)
	if higherIsBetter {
		return shown >= target
	}
	return shown <= target
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
	if x.Previous == nil {
		return 0, false
	}
	return vietnamese.RoundScore(x.Score) - vietnamese.RoundScore(x.Previous.Score), true
}

// RankChange is the number of places gained (positive) or lost; comparing ranks out of
// different totals (63 provinces, then 34) is not meaningful, so it is refused.
func (x *IndexScore) RankChange() (int, bool) {
	if x.Previous == nil || x.Previous.RankOf != x.RankOf {
		return 0, false
	}
	return x.Previous.Rank - x.Rank, true
}
