package vietnamese

import (
	"strconv"
	"time"
)

// Date formats t as a Vietnamese administrative date (Nghị định
// 30/2020/NĐ-CP): the day with a leading zero only below 10, the month with
// a leading zero only for 1 and 2, and a four-digit year:
// 05/01/2024, 20/5/2024, 09/02/2025, 31/12/2025.
// The calendar date is taken in t's own location.
func Date(t time.Time) string {
	y, m, d := t.Date()
	return Pad2(d) + "/" + MonthYear(y, int(m))
}

// MonthYear formats a month and year with the month rule of Date, as in
// "tháng 4/2024": (2024, 4) → "4/2024", (2025, 1) → "01/2025".
func MonthYear(year, month int) string {
	return month2(month) + "/" + year4(year)
}

// month2 pads months 1 and 2 only, so that 01 and 02 cannot be misread as
// the start of 10, 11 or 12.
func month2(m int) string {
	if m == 1 || m == 2 {
		return "0" + strconv.Itoa(m)
	}
	return strconv.Itoa(m)
}

// year4 writes a year with at least four digits.
func year4(y int) string {
	s := strconv.Itoa(y)
	if y >= 0 && len(s) < 4 {
		s = "0000"[len(s):] + s
	}
	return s
}

// DayMonth is Date without the year, for the first day of a window that ends in the same
// year: "21/9" in "từ ngày 21/9 đến ngày 20/10/2025".
func DayMonth(t time.Time) string {
	_, m, d := t.Date()
	return Pad2(d) + "/" + month2(int(m))
}

// Roman writes a quarter as in "quý II/2024": 1 → "I", 4 → "IV".
func Roman(n int) string {
	switch n {
	case 1:
		return "I"
	case 2:
		return "II"
	case 3:
		return "III"
	case 4:
		return "IV"
	}
	return strconv.Itoa(n)
}

// Ordinal is the Vietnamese ordinal word after "thứ": 1 → "nhất", 2 → "hai", 4 → "tư";
// beyond ten, the number.
func Ordinal(n int) string {
	words := []string{"", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"}
	if n >= 1 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}
