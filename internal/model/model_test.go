package model

import (
	"testing"
	"time"
)

func TestCountRateRoundsHalfUp(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		want     float64
	}{
		{1, 3, 33.3}, {2, 3, 66.7}, {1, 8, 12.5}, {1, 16, 6.3}, {0, 5, 0}, {5, 5, 100},
		{139506, 147000, 94.9}, {999999999, 1000000000, 100}, {1, 2000, 0.1}, {1, 2001, 0},
	} {
		if got := (Count{c.num, c.den}).Rate(); got != c.want {
			t.Errorf("%d/%d = %v, want %v", c.num, c.den, got, c.want)
		}
	}
}

// The whole is a pooled ratio, not a mean of level rates: 900/1000 and 100/1000 pool to
// 50%, while 90/100 and 100/1000 pool to 17,3% (the mean would say 50% for both).
func TestPooledRateIsNotAMean(t *testing.T) {
	r, sum, ok := PooledRate([]Count{{900, 1000}, {100, 1000}})
	if !ok || r != 50 || sum != (Count{1000, 2000}) {
		t.Errorf("got %v %v %v", r, sum, ok)
	}
	r, _, _ = PooledRate([]Count{{90, 100}, {100, 1000}})
	if r != 17.3 {
		t.Errorf("got %v, want 17.3", r)
	}
	if _, _, ok := PooledRate([]Count{{0, 0}}); ok {
		t.Error("a zero denominator gave a rate")
	}
}

func TestMeetsComparesThePrintedValue(t *testing.T) {
	if !Meets(99.996, 100, true) {
		t.Error("99,996 prints as 100% and must meet a 100% target")
	}
	if Meets(99.994, 100, true) {
		t.Error("99,994 prints as 99,99% and must not meet 100%")
	}
	if !Meets(4.9, 5, false) || Meets(5.1, 5, false) {
		t.Error("lower-is-better comparison wrong")
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestRankUnitsTiesAndCollation(t *testing.T) {
	xa := &Level{Key: "xa", Name: "Cấp xã", Order: 2}
	tinh := &Level{Key: "tinh", Name: "Cấp tỉnh", Order: 0}
	u := func(name string, l *Level, num, den int64) UnitResult {
		c := Count{num, den}
		return UnitResult{Unit: &Unit{Code: name, Name: name, Level: l}, Count: c}
	}
	res := &Result{Indicator: &Indicator{HigherIsBetter: true}, Units: []UnitResult{
		u("Đề Gi", xa, 9, 10), u("Zô", xa, 5, 10), u("An Lão", xa, 90, 100), u("Ân Hảo", xa, 18, 20),
		u("Sở Y tế", tinh, 1, 2), u("Sở Tư pháp", tinh, 3, 4),
	}}
	rankUnits(res, nil)
	want := []struct {
		name string
		rank int
	}{{"Sở Tư pháp", 1}, {"Sở Y tế", 2}, {"An Lão", 1}, {"Ân Hảo", 1}, {"Đề Gi", 1}, {"Zô", 4}}
	for i, w := range want {
		if got := res.Units[i]; got.Unit.Name != w.name || got.Rank != w.rank {
			t.Errorf("#%d: %s rank %d, want %s rank %d", i, got.Unit.Name, got.Rank, w.name, w.rank)
		}
	}
}

func TestSummarise(t *testing.T) {
	lv := &Level{Key: "xa", Name: "Cấp xã"}
	ind := &Indicator{Key: "k", HigherIsBetter: true, Targets: []*Target{{Value: 50, From: date(2025, 1, 1)}}}
	bd, gl := &Entity{Name: "tỉnh Bình Định"}, &Entity{Name: "tỉnh Gia Lai"}
	month := func(m int, e *Entity, num, den int64) *Report {
		c := &Count{num, den}
		r := &Report{Period: Period{Year: 2025, Month: m}, Entity: e,
			Results: []*Result{{Indicator: ind, Count: c, Levels: []LevelResult{{Level: lv, Count: c, Rate: c.Rate()}}}}}
		r.Results[0].Target = ind.TargetOn(r.Period.End())
		return r
	}
	s, ok := Summarise("2025-q2", "quý 2/2025", []*Report{month(4, bd, 10, 100), month(5, bd, 90, 100), month(6, bd, 0, 800)}, 3)
	if !ok {
		t.Fatal("three months with counts were not pooled")
	}
	if got := s.Results[0].Whole; got != (Count{100, 1000}) || got.Rate() != 10 || s.Results[0].Met {
		t.Errorf("pooled %v (%v%%), met %v; want 100/1000 = 10%%, not met", got, got.Rate(), s.Results[0].Met)
	}
	if _, ok := Summarise("x", "x", []*Report{month(6, bd, 1, 2), month(7, gl, 1, 2), month(8, gl, 1, 2)}, 3); ok {
		t.Error("months of two entities were pooled")
	}
	if _, ok := Summarise("x", "x", []*Report{month(4, bd, 1, 2), month(5, bd, 1, 2)}, 3); ok {
		t.Error("a quarter with a missing month was pooled")
	}
	noCounts := month(6, bd, 1, 2)
	noCounts.Results[0].Count = nil
	if _, ok := Summarise("x", "x", []*Report{month(4, bd, 1, 2), month(5, bd, 1, 2), noCounts}, 3); ok {
		t.Error("a month given only as rates was pooled")
	}
}
