package vietnamese

import (
	"math"
	"strconv"
	"strings"
)

// Maximum number of decimals shown by Rate and Score.
const (
	rateDecimals  = 1
	scoreDecimals = 2
)

// Rate formats a percentage value for display: at most one decimal, decimal
// comma, thousands dot, trailing zeros dropped, no % sign.
// 63.4 → "63,4", 95.04 → "95", 99.96 → "100", 1234.5 → "1.234,5".
func Rate(v float64) string { return Decimal(v, rateDecimals) }

// RoundRate returns the value Rate displays, for comparisons with targets.
func RoundRate(v float64) float64 { return roundValue(v, rateDecimals) }

// printedDecimals is the most decimals a source prints a rate with ("24,07%"); rates
// given in a data file are kept as printed, rates computed from counts have one.
const printedDecimals = 2

// RatePrinted formats a rate as the source printed it: 22.33 → "22,33", 63.4 → "63,4",
// 95 → "95". A rate computed from counts is already rounded to one decimal.
func RatePrinted(v float64) string { return Decimal(v, printedDecimals) }

// RoundPrinted returns the value RatePrinted displays: the verdict compares it with the
// target, so it never contradicts the figure beside it.
func RoundPrinted(v float64) float64 { return roundValue(v, printedDecimals) }

// Decimals is the number of decimals of v's shortest form, as the source printed it
// (trailing zeros dropped): 17.9 → 1, 88.62 → 2, 18 → 0.
func Decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// Score formats an index score: at most two decimals, trailing zeros dropped.
// 88.62 → "88,62", 88.6 → "88,6", 90 → "90".
func Score(v float64) string { return Decimal(v, scoreDecimals) }

// RoundScore returns the value Score displays.
func RoundScore(v float64) float64 { return roundValue(v, scoreDecimals) }

// PointsChange formats the size of a score change, as in "tăng 14,5 điểm":
// Score of the absolute value. Use Direction for tăng / giảm.
func PointsChange(delta float64) string { return Score(math.Abs(delta)) }

// Direction returns -1, 0 or 1 by the sign of delta as displayed by Score,
// so a change that rounds to 0 is 0.
func Direction(delta float64) int {
	switch r := RoundScore(delta); {
	case r > 0:
		return 1
	case r < 0:
		return -1
	}
	return 0
}

// Decimal formats v with at most maxDecimals decimals (negative counts as 0),
// rounding half away from zero on the shortest decimal representation of v
// (strconv 'f', -1), with a decimal comma and a thousands dot, and trailing
// zeros after the comma dropped. A value that rounds to zero prints "0",
// never "-0". NaN and infinities print as strconv does ("NaN", "+Inf", "-Inf").
func Decimal(v float64, maxDecimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	neg, intPart, frac := roundDigits(v, maxDecimals)
	var b strings.Builder
	b.Grow(len(intPart) + len(intPart)/3 + len(frac) + 2)
	if neg {
		b.WriteByte('-')
	}
	writeGrouped(&b, intPart)
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats an integer with a thousands dot: 139506 → "139.506".
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	b.Grow(len(s) + len(s)/3)
	if s[0] == '-' {
		b.WriteByte('-')
		s = s[1:]
	}
	writeGrouped(&b, s)
	return b.String()
}

// Pad2 formats a count for an administrative heading, zero-padded below 10:
// 7 → "07", 10 → "10". Negative numbers are not padded.
func Pad2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// writeGrouped writes the decimal digits ds with a dot every three digits
// from the right.
func writeGrouped(b *strings.Builder, ds string) {
	first := len(ds) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(ds[:first])
	for i := first; i < len(ds); i += 3 {
		b.WriteByte('.')
		b.WriteString(ds[i : i+3])
	}
}

// roundValue returns v rounded as Decimal displays it.
func roundValue(v float64, maxDecimals int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	neg, intPart, frac := roundDigits(v, maxDecimals)
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	r, err := strconv.ParseFloat(s, 64)
	if err != nil { // cannot happen: s is a plain decimal number
		panic("vietnamese: rounding produced " + strconv.Quote(s))
	}
	if neg {
		r = -r
	}
	return r
}

// roundDigits rounds the finite v to at most maxDecimals decimals, half away
// from zero, working on the digits of its shortest decimal representation.
// It returns the sign (false for a result of zero), the integer digits
// (no leading zeros, "0" for zero) and the fraction digits with trailing
// zeros removed (possibly empty).
func roundDigits(v float64, maxDecimals int) (neg bool, intPart, frac string) {
	if maxDecimals < 0 {
		maxDecimals = 0
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	intPart, frac, _ = strings.Cut(s, ".")
	if len(frac) > maxDecimals {
		roundUp := frac[maxDecimals] >= '5'
		frac = frac[:maxDecimals]
		if roundUp {
			// Add one unit in the last kept place, carrying leftwards.
			digits := []byte(intPart + frac)
			i := len(digits) - 1
			for ; i >= 0; i-- {
				if digits[i] != '9' {
					digits[i]++
					break
				}
				digits[i] = '0'
			}
			if i < 0 {
				digits = append([]byte{'1'}, digits...)
			}
			n := len(digits) - len(frac)
			intPart, frac = string(digits[:n]), string(digits[n:])
		}
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" && strings.Trim(intPart, "0") == "" {
		intPart, neg = "0", false
	}
	return neg, intPart, frac
}
