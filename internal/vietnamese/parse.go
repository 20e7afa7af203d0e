package vietnamese

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	thousandsDot   = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	thousandsSpace = regexp.MustCompile(`^\d{1,3}( \d{3})+$`)
	plainDigits    = regexp.MustCompile(`^\d+$`)
	pointDecimal   = regexp.MustCompile(`^\d+\.\d+$`)
)

// ParseNumber reads a number written the Vietnamese way, as editors type it in
// spreadsheets and exports: decimal comma and thousands dot ("63,4", "139.506",
// "1.234,5"), an optional trailing % and spaces as thousands separators. A point that
// cannot be a thousands dot ("63.4": not followed by groups of three digits) is read as
// a decimal point, as machine exports write it. "139.506" is always 139506.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(NFC(s), "\u00a0", " "))
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	neg := false
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "−"):
		neg = true
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−"))
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	}
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "" || !plainDigits.MatchString(frac)) {
		return 0, false
	}
	switch {
	case plainDigits.MatchString(intPart):
	case thousandsDot.MatchString(intPart):
		intPart = strings.ReplaceAll(intPart, ".", "")
	case thousandsSpace.MatchString(intPart):
		intPart = strings.ReplaceAll(intPart, " ", "")
	case !hasComma && pointDecimal.MatchString(intPart):
		intPart, frac, hasComma = strings.Cut(intPart, ".")
	default:
		return 0, false
	}
	text := intPart
	if hasComma {
		text += "." + frac
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
