package model

import (
	"sort"
	"testing"
)

// TestPeriodKeys: each way of writing a period reads back to the same key, which names
// its file and URL; the key of a month is the one published since 2024 ("2024-04").
func TestPeriodKeys(t *testing.T) {
	for _, c := range []struct{ written, key, label, start, end string }{
		{"2024-04", "2024-04", "tháng 4/2024", "2024-04-01", "2024-04-30"},
		{"2024-q2", "2024-q2", "quý II/2024", "2024-04-01", "2024-06-30"},
		{"2024-Q4", "2024-q4", "quý IV/2024", "2024-10-01", "2024-12-31"},
		{"2024", "2024", "năm 2024", "2024-01-01", "2024-12-31"},
		{"2024-w03", "2024-w03", "tuần 3/2024", "2024-01-15", "2024-01-21"},
		{"2026-w01", "2026-w01", "tuần 1/2026", "2025-12-29", "2026-01-04"},
		{"2025-07-25", "2025-07-25", "tính đến ngày 25/7/2025", "2025-01-01", "2025-07-25"},
		{"2025-09-21/2025-10-20", "2025-09-21--2025-10-20", "từ ngày 21/9 đến ngày 20/10/2025", "2025-09-21", "2025-10-20"},
		{"2025-09-21--2025-10-20", "2025-09-21--2025-10-20", "từ ngày 21/9 đến ngày 20/10/2025", "2025-09-21", "2025-10-20"},
		{"2022-12-15/2023-03-14", "2022-12-15--2023-03-14", "từ ngày 15/12/2022 đến ngày 14/3/2023", "2022-12-15", "2023-03-14"},
	} {
		p, ok := ParsePeriod(c.written)
		if !ok {
			t.Errorf("%q not read", c.written)
			continue
		}
		if got := p.Key(); got != c.key {
			t.Errorf("%q: key %q, want %q", c.written, got, c.key)
		}
		if again, ok := ParsePeriod(p.Key()); !ok || again.Key() != p.Key() {
			t.Errorf("%q: key %q does not read back", c.written, p.Key())
		}
		if got := p.Label(); got != c.label {
			t.Errorf("%q: label %q, want %q", c.written, got, c.label)
		}
		if got := p.Start().Format("2006-01-02") + " " + p.End().Format("2006-01-02"); got != c.start+" "+c.end {
			t.Errorf("%q: covers %s, want %s %s", c.written, got, c.start, c.end)
		}
	}
	for _, bad := range []string{"2024-13", "2024-00", "2024-q5", "2024-w54", "2024-w00", "2024-02-30", "2025-10-20/2025-09-21", "24-04", "tháng 4"} {
		if p, ok := ParsePeriod(bad); ok {
			t.Errorf("%q read as %s", bad, p.Key())
		}
	}
}

// TestPeriodOrder: periods sort by their last day, the shorter span first, whatever the
// order of the files.
func TestPeriodOrder(t *testing.T) {
	want := []string{"2024-12-20", "2024-w52", "2024-12", "2024-q4", "2024-12-31", "2024", "2024-12-21--2025-01-20", "2025-01"}
	var ps []Period
	for i := len(want) - 1; i >= 0; i-- {
		p, ok := ParsePeriod(want[i])
		if !ok {
			t.Fatalf("%q not read", want[i])
		}
		ps = append(ps, p)
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Before(ps[j]) })
	for i, p := range ps {
		if p.Key() != want[i] {
			var got []string
			for _, q := range ps {
				got = append(got, q.Key())
			}
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

// TestSeriesKeepsKindsApart: charts over time draw the kind the site holds most of; a
// year's result is not a point on the monthly line.
func TestSeriesKeepsKindsApart(t *testing.T) {
	s := &Site{}
	for _, k := range []string{"2024-11", "2024-12", "2024-q4", "2024", "2025-01"} {
		p, _ := ParsePeriod(k)
		s.Reports = append(s.Reports, &Report{Period: p})
	}
	var got []string
	for _, r := range s.Series() {
		got = append(got, r.Period.Key())
	}
	if len(got) != 3 || got[0] != "2024-11" || got[2] != "2025-01" {
		t.Errorf("series %v, want the three months", got)
	}
}
