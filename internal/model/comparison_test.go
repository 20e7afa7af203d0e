package model

import (
	"strings"
	"testing"
)

func TestComparisonRanksAndAverages(t *testing.T) {
	ind := &Indicator{Key: "ho-so", HigherIsBetter: true}
	own := &Entity{Key: "binh-dinh", Name: "tỉnh Bình Định", Own: true}
	// "Đắk Lắk" sorts after "Đà Nẵng" and before "Điện Biên": Vietnamese, not byte, order.
	others := []*Entity{{Key: "dien-bien", Name: "tỉnh Điện Biên"}, {Key: "dak-lak", Name: "tỉnh Đắk Lắk"}, {Key: "da-nang", Name: "thành phố Đà Nẵng"}}
	p, _ := ParsePeriod("2024-04")
	score := func(v float64) *IndexScore { return &IndexScore{Score: &v} }
	rep := func(e *Entity, x float64, num, den int64) *Report {
		c := &Count{Num: num, Den: den}
		return &Report{Period: p, Entity: e, Index: score(x), Results: []*Result{{Indicator: ind, Whole: c.Rate(), Count: c}}}
	}
	s := &Site{Indicators: []*Indicator{ind}, Entities: append([]*Entity{own}, others...),
		Reports: []*Report{rep(own, 88.62, 90, 100)},
		Others:  []*Report{rep(others[0], 80, 45, 50), rep(others[1], 80, 18, 20), rep(others[2], 91.5, 50, 100)}}
	cs := s.Comparisons()
	if len(cs) != 1 {
		t.Fatalf("%d comparisons, want 1", len(cs))
	}
	c := cs[0]
	var got []string
	for _, st := range c.Scores {
		got = append(got, st.Name+":"+itoa(st.Rank))
	}
	if want := "thành phố Đà Nẵng:1 tỉnh Bình Định:2 tỉnh Đắk Lắk:3 tỉnh Điện Biên:3"; strings.Join(got, " ") != want {
		t.Errorf("scores: %s, want %s", strings.Join(got, " "), want)
	}
	if *c.ScoreAverage != 85.03 { // (88.62+80+80+91.5)/4 = 85.03
		t.Errorf("average %v", *c.ScoreAverage)
	}
	rc := c.Rates[0]
	got = nil
	for _, st := range rc.Rows {
		got = append(got, st.Name+":"+itoa(st.Rank))
	}
	if want := "tỉnh Bình Định:1 tỉnh Đắk Lắk:1 tỉnh Điện Biên:1 thành phố Đà Nẵng:4"; strings.Join(got, " ") != want {
		t.Errorf("rates: %s, want %s", strings.Join(got, " "), want)
	}
	// Pooled: (90+45+18+50)/(100+50+20+100) = 203/270 = 75,2%, not the mean of the rates (77,5%).
	if !rc.Pooled || rc.Average != 75.2 {
		t.Errorf("average %v pooled %v, want 75.2 pooled", rc.Average, rc.Pooled)
	}
	// A national table's stated average wins over the computed one.
	s.National = []*NationalTable{{Period: p, RateAverages: map[*Indicator]float64{ind: 70.1}}}
	if rc := s.Comparisons()[0].Rates[0]; !rc.Stated || rc.Pooled || rc.Average != 70.1 {
		t.Errorf("stated average: %+v", rc)
	}
	s.National = nil
	// One entity alone in a period is no comparison; a national table makes one.
	s.Others = nil
	if len(s.Comparisons()) != 0 {
		t.Error("a period with one entity compared")
	}
	v := 90.0
	s.National = []*NationalTable{{Period: p, Rows: []NationalRow{{Name: "tỉnh Quảng Ninh", Score: &v, Rank: 1}, {Entity: own, Name: own.Name, Score: &v, Rank: 1}}}}
	c = s.Comparisons()[0]
	if c.Scores[0].Name != "tỉnh Bình Định" || !c.Scores[0].Own || c.Scores[0].Report == nil || c.AverageStated {
		t.Errorf("national table: %+v", c.Scores)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
