package vietnamese

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C.
func NFC(s string) string { return norm.NFC.String(s) }

// Slug returns a URL path segment for s: lower-case ASCII letters and digits,
// with tone and vowel marks removed, đ mapped to d, and every run of other
// characters replaced by a single "-", trimmed at both ends.
// "Cấp huyện" → "cap-huyen", "Tháng 4/2024" → "thang-4-2024".
// NFC and NFD spellings give the same slug. The result may be empty.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range stripMarks(s) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// Fold returns a key for search and fuzzy matching: NFC, lower-case, marks
// removed, đ mapped to d, runs of white space collapsed to one space and
// trimmed; other characters are kept. "Đạt  95%" → "dat 95%".
func Fold(s string) string {
	return strings.Join(strings.Fields(stripMarks(s)), " ")
}

// NoMarks is s without tone and vowel marks, đ and Đ as d and D, its case kept:
// "Đắk Lắk" → "Dak Lak", the way Vietnamese place names are written in English.
func NoMarks(s string) string {
	d := norm.NFD.String(NFC(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(r)
		}
	}
	return NFC(b.String())
}

// stripMarks lower-cases s, removes nonspacing marks after NFD, maps đ to d and returns
// the result in NFC (what NFD split apart and is still there, e.g. Hangul, recomposed).
func stripMarks(s string) string { return NoMarks(strings.ToLower(NFC(s))) }

// Distance returns the Levenshtein distance between a and b counted in runes
// after NFC normalisation: "Cấp huyệt" and "Cấp huyện" are 1 apart.
func Distance(a, b string) int {
	a, b = NFC(a), NFC(b)
	if a == b {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(rb) == 0 {
		return len(ra)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
