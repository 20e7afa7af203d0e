package model

import (
	"strconv"

	"chiso/internal/vietnamese"
)

// MonthsBetween lists the calendar months strictly between a and b: the months a series
// lacks when b follows a. Empty when b is the month after a.
func MonthsBetween(a, b Period) []Period {
	var out []Period
	for y, m := a.Year, a.Month+1; y < b.Year || y == b.Year && m < b.Month; m++ {
		if m > 12 {
			y, m = y+1, 1
			if y == b.Year && m >= b.Month {
				break
			}
		}
		out = append(out, Period{Year: y, Month: m})
	}
	return out
}

// MonthsText names months as editors read them: "01/2026, 02/2026 và 3/2026"; a long run
// is shortened to its ends and its length ("01/2024 đến 12/2025 (24 tháng)").
func MonthsText(ps []Period) string {
	name := func(p Period) string { return vietnamese.MonthYear(p.Year, p.Month) }
	switch n := len(ps); {
	case n == 0:
		return ""
	case n == 1:
		return name(ps[0])
	case n > 6:
		return name(ps[0]) + " đến " + name(ps[n-1]) + " (" + strconv.Itoa(n) + " tháng)"
	default:
		s := name(ps[0])
		for _, p := range ps[1 : n-1] {
			s += ", " + name(p)
		}
		return s + " và " + name(ps[n-1])
	}
}
