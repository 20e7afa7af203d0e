package load

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// Placeholder is what `chiso new` writes where the editor has a figure to type: valid
// TOML (a string), read as "not entered yet" wherever a value is expected.
const Placeholder = "?"

func errorCount(l diag.List) int {
	n, _ := l.Count()
	return n
}

// pending reports a placeholder left by `chiso new` in place of a value.
func (t *table) pending(k string, v any, example string) bool {
	if s, ok := v.(string); !ok || strings.TrimSpace(s) != Placeholder {
		return false
	}
	if e, ok := examples[k]; ok {
		example = e
	} else if strings.HasSuffix(t.path, "numerators") || strings.HasSuffix(t.path, "denominators") {
		example = "1234"
	}
	t.f.probs.Errorf(t.PosOf(k), diag.NotEntered, k, example)
	return true
}

// examples are the values suggested for a key still to be typed.
var examples = map[string]string{
	"number": `"364/BC-VPUBND"`, "score": "88.62", "rank": "5", "rank_of": "34", "class": `"xuất sắc"`,
	"national_average": "84.54", "max": "18", "value": "50", "numerator": "1234", "denominator": "1300", "issuer": `"Văn phòng UBND tỉnh"`,
}

// rawHas reports whether sub-table k has key, whatever its value: a count that failed
// to read is not also "missing its pair".
func (t *table) rawHas(k, key string) bool {
	m, ok := t.m[k].(map[string]any)
	if !ok {
		return false
	}
	for raw := range m {
		if vietnamese.NFC(raw) == key {
			return true
		}
	}
	return false
}

// loneCounts reports numerators without any denominators (or the reverse) once, at the
// table given, instead of once per level.
func (l *loader) loneCounts(t *table, nums, dens int) bool {
	switch {
	case nums > 0 && dens == 0 && !t.has("denominators"):
		l.probs.Errorf(t.PosOf("numerators"), diag.MissingKey, "denominators", "denominators")
	case dens > 0 && nums == 0 && !t.has("numerators"):
		l.probs.Errorf(t.PosOf("denominators"), diag.MissingKey, "numerators", "numerators")
	default:
		return false
	}
	return true
}

// numberExample is the value to suggest for a number typed as text.
func numberExample(v any, integer bool, fallback string) string {
	if s, ok := v.(string); ok {
		if h := numberHint(s, integer); h != "" {
			return h
		}
	}
	return fallback
}

var slashDay = regexp.MustCompile(`^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$`)

// dateHint says how to write the date the editor meant, when it can be read.
func dateHint(k, s string) string {
	if m := slashDay.FindStringSubmatch(s); m != nil {
		if d, ok := realDate(m[3], m[2], m[1]); ok {
			return fmt.Sprintf("viết năm-tháng-ngày, không có dấu ngoặc kép: %s = %s", k, d)
		}
	}
	if d, ok := looseDate(s); ok {
		return fmt.Sprintf("viết năm-tháng-ngày, không có dấu ngoặc kép: %s = %s", k, d)
	}
	return fmt.Sprintf("viết năm-tháng-ngày, không có dấu ngoặc kép, ví dụ %s = %s", k, time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
}

// nearKey is the key the program reads that k most likely misspells, or "".
func (t *table) nearKey(k string) string {
	known := append([]string(nil), t.used...)
	sort.Strings(known)
	best, bestD := "", 3
	for _, u := range known {
		limit := 2
		if len(u) <= 4 {
			limit = 1
		}
		if d := vietnamese.Distance(k, u); d > 0 && d <= limit && d < bestD {
			best, bestD = u, d
		}
	}
	return best
}

// misspelt reports key k as a slip for near; when near was required and reported
// missing, that line is replaced, so the editor reads one problem, not two.
func (t *table) misspelt(k, near string) {
	d := diag.Diagnostic{Pos: t.PosOf(k), Severity: diag.Error, Code: diag.MisspeltKey, Args: []any{k, near}}
	if i, ok := t.missed[near]; ok && i < len(*t.f.probs) {
		(*t.f.probs)[i] = d
		return
	}
	*t.f.probs = append(*t.f.probs, d)
}
