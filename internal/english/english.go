// Package english holds the English edition's writing conventions, the counterpart of
// package vietnamese: numbers with a decimal point and a thousands comma (88.62; 63.4%;
// 139,506 dossiers), dates in the international news style "20 May 2024" (day, month
// name, year; no leading zero, no ordinal suffix), and the periods' names ("April 2024",
// "Q2 2024", "week 3 of 2024", "as of 25 July 2025", "21 September to 20 October 2025").
// Rounding is the Vietnamese edition's (vietnamese.Decimal), so both editions print the
// same figure and the same verdict.
package english

import (
	"strconv"
	"strings"
	"time"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// swapSeparators turns a Vietnamese number (decimal comma, thousands dot) into an
// English one (decimal point, thousands comma).
func swapSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}

// RatePrinted is a rate as the source printed it: 63.4, 95, 44.75.
func RatePrinted(v float64) string { return swapSeparators(vietnamese.RatePrinted(v)) }

// Score is an index score with at most two decimals: 88.62.
func Score(v float64) string { return swapSeparators(vietnamese.Score(v)) }

// Decimal is vietnamese.Decimal with English separators.
func Decimal(v float64, maxDecimals int) string {
	return swapSeparators(vietnamese.Decimal(v, maxDecimals))
}

// Int groups thousands with a comma: 139506 → "139,506".
func Int(n int64) string { return swapSeparators(vietnamese.Int(n)) }

// Date is "20 May 2024", "5 January 2024".
func Date(t time.Time) string {
	y, m, d := t.Date()
	return strconv.Itoa(d) + " " + m.String() + " " + strconv.Itoa(y)
}

// DayMonth is Date without the year: "21 September".
func DayMonth(t time.Time) string {
	_, m, d := t.Date()
	return strconv.Itoa(d) + " " + m.String()
}

// Label names a period in running text, lists and headings: "April 2024", "Q2 2024",
// "2024", "week 3 of 2024", "as of 25 July 2025", "21 September to 20 October 2025".
func Label(p model.Period) string {
	y := strconv.Itoa(p.Year)
	switch p.Kind {
	case model.Month:
		return time.Month(p.Month).String() + " " + y
	case model.Quarter:
		return "Q" + strconv.Itoa(p.Quarter) + " " + y
	case model.Year:
		return y
	case model.Week:
		return "week " + strconv.Itoa(p.Week) + " of " + y
	case model.Snapshot:
		return "as of " + Date(p.To)
	case model.Window:
		return windowFrom(p) + " to " + Date(p.To)
	}
	return y
}

// Short is the period's short form for tables and chart categories: "Apr 2024",
// "Q2 2024", "2024", "wk 3 2024", "to 25 Jul 2025", "21 Sep–20 Oct 2025".
func Short(p model.Period) string {
	y := strconv.Itoa(p.Year)
	switch p.Kind {
	case model.Month:
		return time.Month(p.Month).String()[:3] + " " + y
	case model.Week:
		return "wk " + strconv.Itoa(p.Week) + " " + y
	case model.Snapshot:
		return "to " + shortDate(p.To)
	case model.Window:
		from := shortDate(p.From)
		if p.From.Year() == p.To.Year() {
			from = strconv.Itoa(p.From.Day()) + " " + p.From.Month().String()[:3]
		}
		return from + "–" + shortDate(p.To)
	}
	return Label(p)
}

func shortDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + t.Month().String()[:3] + " " + strconv.Itoa(t.Year())
}

// windowFrom is a window's first day, without its year when the window ends in that year.
func windowFrom(p model.Period) string {
	if p.From.Year() == p.To.Year() {
		return DayMonth(p.From)
	}
	return Date(p.From)
}

// Ordinal is "second" as in "for the second month running"; beyond ten, "11th".
func Ordinal(n int) string {
	words := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n >= 1 && n < len(words) {
		return words[n]
	}
	return Nth(n)
}

// Money is an amount in đồng as English-language Vietnamese media write it, rounded to
// one decimal of its unit: 2634500000 → "VND 2.6 billion", 850500000 →
// "VND 850.5 million", 500000 → "VND 500,000" (the same rounding as the Vietnamese edition).
func Money(n int64) string {
	switch {
	case n >= 999_950_000:
		return "VND " + Decimal(float64(n)/1e9, 1) + " billion"
	case n >= 1_000_000:
		return "VND " + Decimal(float64(n)/1e6, 1) + " million"
	}
	return "VND " + Int(n)
}

// Nth is a rank as a numeral ordinal: 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
func Nth(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// ProvinceName is the English name of a province from its Vietnamese one: the name
// without marks, then "Province" ("tỉnh Đắk Lắk" → "Dak Lak Province") or, for a
// "thành phố" (at this level a city under the central government), "City" ("thành phố
// Đà Nẵng" → "Da Nang City"). The glossary (data/glossary.toml) overrides the rule, by
// the whole name or the name alone: "thành phố Hà Nội" or "Hà Nội" → "Hanoi".
func ProvinceName(vi string, glossary map[string]string) string {
	vi = strings.TrimSpace(vietnamese.NFC(vi))
	lower := strings.ToLower(vi)
	bare, suffix := vi, ""
	for _, k := range []struct{ prefix, suffix string }{{"tỉnh ", " Province"}, {"thành phố ", " City"}} {
		if strings.HasPrefix(lower, k.prefix) {
			bare, suffix = strings.TrimSpace(vi[len(k.prefix):]), k.suffix
			break
		}
	}
	for _, k := range []string{vi, lower, bare} {
		if e, ok := glossary[k]; ok && k != "" {
			return e
		}
	}
	return vietnamese.NoMarks(bare) + suffix
}

// ProvinceShort is the English of a province's short word: "tỉnh" → "province",
// "thành phố" → "city"; other words without their marks.
func ProvinceShort(vi string) string {
	switch strings.ToLower(strings.TrimSpace(vietnamese.NFC(vi))) {
	case "tỉnh":
		return "province"
	case "thành phố":
		return "city"
	}
	return vietnamese.NoMarks(vi)
}
