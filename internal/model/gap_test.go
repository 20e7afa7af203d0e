package model

import "testing"

func TestMonthsBetween(t *testing.T) {
	for _, c := range []struct {
		a, b Period
		want string
	}{
		{Period{Year: 2025, Month: 12}, Period{Year: 2026, Month: 1}, ""},
		{Period{Year: 2025, Month: 12}, Period{Year: 2026, Month: 5}, "2026-01 2026-02 2026-03 2026-04"},
		{Period{Year: 2025, Month: 10}, Period{Year: 2025, Month: 12}, "2025-11"},
		{Period{Year: 2024, Month: 11}, Period{Year: 2025, Month: 2}, "2024-12 2025-01"},
		{Period{Year: 2025, Month: 3}, Period{Year: 2025, Month: 3}, ""},
	} {
		got := ""
		for i, p := range MonthsBetween(c.a, c.b) {
			if i > 0 {
				got += " "
			}
			got += p.Key()
		}
		if got != c.want {
			t.Errorf("MonthsBetween(%s, %s) = %q, want %q", c.a.Key(), c.b.Key(), got, c.want)
		}
	}
}

func TestMonthsText(t *testing.T) {
	a, b := Period{Year: 2025, Month: 12}, Period{Year: 2026, Month: 5}
	if got, want := MonthsText(MonthsBetween(a, b)), "01/2026, 02/2026, 3/2026 và 4/2026"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := MonthsText(MonthsBetween(Period{Year: 2023, Month: 12}, Period{Year: 2026, Month: 1})), "01/2024 đến 12/2025 (24 tháng)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
