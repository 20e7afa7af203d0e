package model

import (
	"sort"

	"chiso/internal/vietnamese"
)

// Comparison sets the entities of one period side by side: their index scores and each
// indicator's rate, ranked, with the national average. Only entities in force in the
// period report in it, so two bodies that merged never meet across the merger.
type Comparison struct {
	Period   Period
	Reports  []*Report      // the period's reports, the site's own first, then by entity
	National *NationalTable // the national table of the period, when the site carries one
	Scores   []Standing     // index scores, best first (the national table when there is one)
	// ScoreAverage is the national average score: as the national table states it, else
	// the mean of the scores listed; nil without scores.
	ScoreAverage  *float64
	AverageStated bool
	Rates         []RateComparison // one per indicator reported by two entities or more
}

// Standing is one entity's place in a ranking.
type Standing struct {
	Name   string
	Entity *Entity // nil for a province the site knows only from a national table
	Report *Report // nil likewise
	Value  *float64
	Count  *Count // the pooled counts behind a rate, when given
	Rank   int    // 1 = best; ties share a rank
	Own    bool   // the site's own entity
}

// RateComparison is one indicator's rate in every entity that reported it.
type RateComparison struct {
	Indicator *Indicator
	Rows      []Standing
	Average   float64
	Pooled    bool // Average is Σ numerators ÷ Σ denominators over the entities; else the mean of their rates
	Stated    bool // Average is the national table's ([averages]), not computed
}

// Comparisons lists every period with two entities or more, or a national table, oldest first.
func (s *Site) Comparisons() []*Comparison {
	byKey := map[string]*Comparison{}
	var out []*Comparison
	get := func(p Period) *Comparison {
		c := byKey[p.Key()]
		if c == nil {
			c = &Comparison{Period: p}
			byKey[p.Key()] = c
			out = append(out, c)
		}
		return c
	}
	for _, r := range s.Reports {
		c := get(r.Period)
		c.Reports = append(c.Reports, r)
	}
	for _, r := range s.Others {
		c := get(r.Period)
		c.Reports = append(c.Reports, r)
	}
	for _, n := range s.National {
		get(n.Period).National = n
	}
	kept := out[:0]
	for _, c := range out {
		if len(c.Reports) < 2 && c.National == nil {
			continue
		}
		c.rank(s.Indicators)
		kept = append(kept, c)
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Period.Before(kept[j].Period) })
	return kept
}

// Comparison finds the comparison of a period, or nil.
func (s *Site) Comparison(key string) *Comparison {
	for _, c := range s.Comparisons() {
		if c.Period.Key() == key {
			return c
		}
	}
	return nil
}

func (c *Comparison) rank(indicators []*Indicator) {
	if n := c.National; n != nil {
		var sum float64
		scored := 0
		for _, row := range n.Rows {
			st := Standing{Name: row.Name, Entity: row.Entity, Value: row.Score, Rank: row.Rank}
			if row.Entity != nil {
				st.Own = row.Entity.Own
				st.Report = c.reportOf(row.Entity)
			}
			if row.Score != nil {
				sum += *row.Score
				scored++
			}
			c.Scores = append(c.Scores, st)
		}
		// Ranks as the table states them; a table without ranks is ranked from its scores.
		stated := true
		for _, st := range c.Scores {
			stated = stated && st.Rank > 0
		}
		rankStandings(c.Scores, true, !stated, vietnamese.RoundScore)
		if n.NationalAverage != nil {
			c.ScoreAverage, c.AverageStated = n.NationalAverage, true
		} else if scored > 0 {
			avg := vietnamese.RoundScore(sum / float64(scored))
			c.ScoreAverage = &avg
		}
	} else {
		var sum float64
		for _, r := range c.Reports {
			if r.Index == nil || r.Index.Score == nil {
				continue
			}
			sum += *r.Index.Score
			c.Scores = append(c.Scores, Standing{Name: r.Entity.Name, Entity: r.Entity, Report: r, Value: r.Index.Score, Own: r.Entity.Own})
		}
		if len(c.Scores) < 2 {
			c.Scores = nil
		} else {
			rankStandings(c.Scores, true, true, vietnamese.RoundScore)
			avg := vietnamese.RoundScore(sum / float64(len(c.Scores)))
			c.ScoreAverage = &avg
		}
	}
	for _, ind := range indicators {
		rc := RateComparison{Indicator: ind, Pooled: true}
		var pooled Count
		var sum float64
		for _, r := range c.Reports {
			res := r.Result(ind.Key)
			if res == nil {
				continue
			}
			v := res.Whole
			rc.Rows = append(rc.Rows, Standing{Name: r.Entity.Name, Entity: r.Entity, Report: r, Value: &v, Count: res.Count, Own: r.Entity.Own})
			sum += vietnamese.RoundPrinted(v)
			if res.Count == nil {
				rc.Pooled = false
			} else {
				pooled.Num += res.Count.Num
				pooled.Den += res.Count.Den
			}
		}
		if len(rc.Rows) < 2 {
			continue
		}
		if stated, ok := c.statedAverage(ind); ok {
			rc.Average, rc.Stated, rc.Pooled = stated, true, false
		} else if rc.Pooled && pooled.Den > 0 {
			rc.Average = pooled.Rate()
		} else {
			rc.Pooled = false
			rc.Average = vietnamese.RoundRate(sum / float64(len(rc.Rows)))
		}
		rankStandings(rc.Rows, ind.HigherIsBetter, true, vietnamese.RoundPrinted)
		c.Rates = append(c.Rates, rc)
	}
}

func (c *Comparison) statedAverage(ind *Indicator) (float64, bool) {
	if c.National == nil {
		return 0, false
	}
	v, ok := c.National.RateAverages[ind]
	return v, ok
}

func (c *Comparison) reportOf(e *Entity) *Report {
	for _, r := range c.Reports {
		if r.Entity == e {
			return r
		}
	}
	return nil
}

// rankStandings orders rows best first by their value as printed, equal values by name in
// Vietnamese collation; compute gives equal values one rank, else the stated ranks order
// the rows. Rows without a value come last.
func rankStandings(rows []Standing, higherIsBetter, compute bool, shown func(float64) float64) {
	val := func(s Standing) (float64, bool) {
		if s.Value == nil {
			return 0, false
		}
		return shown(*s.Value), true
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if !compute && a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		va, okA := val(a)
		vb, okB := val(b)
		if okA != okB {
			return okA
		}
		if va != vb {
			if higherIsBetter {
				return va > vb
			}
			return va < vb
		}
		if a.Name != b.Name {
			return vietnamese.Less(a.Name, b.Name)
		}
		return false
	})
	if !compute {
		return
	}
	for i := range rows {
		v, ok := val(rows[i])
		switch {
		case !ok:
			rows[i].Rank = 0
		case i > 0 && rows[i-1].Rank > 0:
			if pv, _ := val(rows[i-1]); pv == v {
				rows[i].Rank = rows[i-1].Rank
				continue
			}
			rows[i].Rank = i + 1
		default:
			rows[i].Rank = i + 1
		}
	}
}

// Own is the site's own standing in a ranking, or nil.
func Own(rows []Standing) *Standing {
	for i := range rows {
		if rows[i].Own {
			return &rows[i]
		}
	}
	return nil
}
