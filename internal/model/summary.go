package model

// Summary pools several months into one period (a quarter, a year): Σ numerators ÷
// Σ denominators over every month, unit and level. It exists only where every month is
// present, every result has counts, and all months belong to one entity — a pooled ratio
// of guesses or of two provinces would be a wrong figure.
type Summary struct {
	Key          string // "2025-q1", "2024"
	Label        string // "quý 1/2025", "năm 2024"
	Reports      []*Report
	Results      []*SummaryResult
	Illustrative bool
}

// SummaryResult is one indicator pooled over the summary's months.
type SummaryResult struct {
	Indicator *Indicator
	Whole     Count
	Levels    []SummaryLevel
	Target    *Target // in force at the end of the summary's last month
	Met       bool
}

// SummaryLevel is one level pooled over the months in which it existed.
type SummaryLevel struct {
	Level *Level
	Count Count
}

// Summarise pools reports, which must be the months in order; ok is false when the
// months cannot be pooled (see Summary).
func Summarise(key, label string, months []*Report, want int) (*Summary, bool) {
	if len(months) != want || want == 0 {
		return nil, false
	}
	s := &Summary{Key: key, Label: label, Reports: months}
	last := months[len(months)-1]
	for _, r := range months {
		if r.Entity != last.Entity {
			return nil, false
		}
		s.Illustrative = s.Illustrative || r.Illustrative
	}
	for _, res := range last.Results {
		sr := &SummaryResult{Indicator: res.Indicator, Target: res.Target}
		levels := map[*Level]*Count{}
		var order []*Level
		for _, r := range months {
			mr := r.Result(res.Indicator.Key)
			if mr == nil || mr.Count == nil {
				return nil, false
			}
			sr.Whole.Num += mr.Count.Num
			sr.Whole.Den += mr.Count.Den
			for _, lr := range mr.Levels {
				if lr.Count == nil {
					return nil, false
				}
				c := levels[lr.Level]
				if c == nil {
					c = &Count{}
					levels[lr.Level] = c
					order = append(order, lr.Level)
				}
				c.Num += lr.Count.Num
				c.Den += lr.Count.Den
			}
		}
		if sr.Whole.Den == 0 {
			return nil, false
		}
		sortLevels(order)
		for _, lv := range order {
			sr.Levels = append(sr.Levels, SummaryLevel{Level: lv, Count: *levels[lv]})
		}
		if sr.Target != nil {
			sr.Met = Meets(sr.Whole.Rate(), sr.Target.Value, res.Indicator.HigherIsBetter)
		}
		s.Results = append(s.Results, sr)
	}
	// Months that hold no rates (only the index, dossiers or unit scores) pool to nothing.
	return s, len(s.Results) > 0
}
