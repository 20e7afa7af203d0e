package load

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// table reads one TOML table decoded into a generic map, with typed getters that report
// wrong or missing values at the key's own line, and an unknown-key check at the end.
// Reading the generic map ourselves (instead of decoding into structs) is what lets every
// error inside a [[row]] point at that row.
type table struct {
	f      *file
	path   string
	m      map[string]any
	used   usedKeys
	missed map[string]int // required keys reported missing → index in the list
}

// file is one source file being read.
type file struct {
	name  string
	pos   positions
	probs *diag.List
}

func (f *file) root(m map[string]any) *table {
	return &table{f: f, m: m}
}

// at locates a key path in the file; it falls back to the enclosing table's line.
func (f *file) at(path string) diag.Pos {
	for p := path; ; {
		if lc, ok := f.pos[p]; ok {
			return diag.Pos{File: f.name, Line: lc[0], Col: lc[1]}
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return diag.Pos{File: f.name, Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

func (t *table) key(k string) string { return join(t.path, k) }

// Pos is where the table itself starts (its [[header]] line for a row).
func (t *table) Pos() diag.Pos { return t.f.at(t.path) }

// PosOf is where key k is written, or the table's start when it is absent.
func (t *table) PosOf(k string) diag.Pos { return t.f.at(t.key(k)) }

// usedKeys is the set of keys the program asked a table for: a few, so a slice (a map
// per row of a period file was a tenth of loading it).
type usedKeys []string

func (t *table) use(k string) {
	if t.used.has(k) {
		return
	}
	if t.used == nil {
		t.used = make(usedKeys, 0, len(t.m)+1)
	}
	t.used = append(t.used, k)
}

func (u usedKeys) has(k string) bool {
	for _, x := range u {
		if x == k {
			return true
		}
	}
	return false
}

func (t *table) get(k string) (any, bool) {
	t.use(k)
	v, ok := t.m[k]
	return v, ok
}

func (t *table) missing(k string) {
	if t.missed == nil {
		t.missed = map[string]int{}
	}
	t.missed[k] = len(*t.f.probs)
	t.f.probs.Errorf(t.Pos(), diag.MissingKey, k, k)
}

func (t *table) wrong(k, want, example string) {
	t.f.probs.Errorf(t.PosOf(k), diag.WrongType, k, want, example)
}

func (t *table) has(k string) bool { _, ok := t.m[k]; return ok }

// String reads a text value, normalised to NFC.
func (t *table) String(k string, required bool) string {
	v, ok := t.get(k)
	if !ok {
		if required {
			t.missing(k)
		}
		return ""
	}
	if t.pending(k, v, `"…"`) {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.wrong(k, "một chuỗi trong dấu ngoặc kép", `"…"`)
		return ""
	}
	s = strings.TrimSpace(vietnamese.NFC(s))
	if s == "" && required {
		t.missing(k)
	}
	return s
}

// Number reads an integer or a decimal value.
func (t *table) Number(k string, required bool) (float64, bool) {
	v, ok := t.get(k)
	if !ok {
		if required {
			t.missing(k)
		}
		return 0, false
	}
	return t.number(k, v)
}

func (t *table) number(k string, v any) (float64, bool) {
	if t.pending(k, v, "63.4") {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			break
		}
		return n, true
	}
	t.wrong(k, "một số (dùng dấu chấm thập phân, không có dấu ngoặc kép)", numberExample(v, false, "63.4"))
	return 0, false
}

// Int reads a whole number.
func (t *table) Int(k string, required bool) (int64, bool) {
	v, ok := t.get(k)
	if !ok {
		if required {
			t.missing(k)
		}
		return 0, false
	}
	return t.integer(k, v)
}

func (t *table) integer(k string, v any) (int64, bool) {
	if t.pending(k, v, "1234") {
		return 0, false
	}
	if n, ok := v.(int64); ok {
		return n, true
	}
	if f, ok := v.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int64(f), true
	}
	t.wrong(k, "một số nguyên, không có dấu chấm phân cách hàng nghìn", numberExample(v, true, "139506"))
	return 0, false
}

// Strings reads a list of texts, each normalised to NFC; ok is false when k is absent.
func (t *table) Strings(k string) (out []string, ok bool) {
	v, ok := t.get(k)
	if !ok {
		return nil, false
	}
	list, isList := v.([]any)
	if !isList {
		t.wrong(k, "một danh sách chuỗi trong ngoặc vuông", `["…", "…"]`)
		return nil, true
	}
	for _, e := range list {
		s, isString := e.(string)
		if !isString {
			t.wrong(k, "một danh sách chuỗi trong ngoặc vuông", `["…", "…"]`)
			return nil, true
		}
		out = append(out, strings.TrimSpace(vietnamese.NFC(s)))
	}
	return out, true
}

// Bool reads true or false.
func (t *table) Bool(k string) bool {
	v, ok := t.get(k)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.wrong(k, "true hoặc false", "true")
	}
	return b
}

// Date reads a TOML local date (2024-05-20), also accepted in quotes.
func (t *table) Date(k string, required bool) (time.Time, bool) {
	v, ok := t.get(k)
	if !ok {
		if required {
			t.missing(k)
		}
		return time.Time{}, false
	}
	if t.pending(k, v, "2024-05-20") {
		return time.Time{}, false
	}
	switch d := v.(type) {
	case time.Time:
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), true
	case string:
		if p, err := time.Parse("2006-01-02", strings.TrimSpace(d)); err == nil {
			return p, true
		}
		t.f.probs.Errorf(t.PosOf(k), diag.BadDate, d, dateHint(k, d))
	default:
		t.f.probs.Errorf(t.PosOf(k), diag.BadDate, fmt.Sprint(v), dateHint(k, fmt.Sprint(v)))
	}
	return time.Time{}, false
}

// Table reads a sub-table (or inline table); nil when absent.
func (t *table) Table(k string) *table {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.wrong(k, "một bảng", "{ … }")
		return nil
	}
	return &table{f: t.f, path: t.key(k), m: m}
}

// Rows reads an array of tables ([[k]] or k = [{…}, {…}]).
func (t *table) Rows(k string) []*table {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	var maps []map[string]any
	switch rows := v.(type) {
	case []map[string]any:
		maps = rows
	case []any:
		for _, r := range rows {
			m, ok := r.(map[string]any)
			if !ok {
				t.wrong(k, "một danh sách bảng [[…]]", "[[…]]")
				return nil
			}
			maps = append(maps, m)
		}
	default:
		t.wrong(k, "một danh sách bảng [[…]]", "[[…]]")
		return nil
	}
	out := make([]*table, len(maps))
	rows := make([]table, len(maps))
	base := t.key(k)
	for i, m := range maps {
		rows[i] = table{f: t.f, path: base + "[" + strconv.Itoa(i) + "]", m: m}
		out[i] = &rows[i]
	}
	return out
}

// Entry is one key = number pair of a table such as levels = { tinh = 95 }.
type entry struct {
	Key   string
	Value float64
	Pos   diag.Pos
}

// Numbers reads a table of numbers keyed by code, in key order for determinism.
func (t *table) Numbers(k string, integers bool) []entry {
	sub := t.Table(k)
	if sub == nil {
		return nil
	}
	keys := make([]string, 0, len(sub.m))
	for key := range sub.m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	var out []entry
	for _, key := range keys {
		sub.use(key)
		var v float64
		var ok bool
		if integers {
			var n int64
			n, ok = sub.integer(key, sub.m[key])
			v = float64(n)
		} else {
			v, ok = sub.number(key, sub.m[key])
		}
		if ok {
			out = append(out, entry{Key: vietnamese.NFC(key), Value: v, Pos: sub.PosOf(key)})
		}
	}
	return out
}

// Done reports keys the program did not read: misspelt or misplaced.
func (t *table) Done(known ...string) {
	var unknown []string
	for k := range t.m {
		if !t.used.has(k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		if near := t.nearKey(k); near != "" {
			t.misspelt(k, near)
			continue
		}
		valid := append([]string(nil), t.used...)
		sort.Strings(valid)
		t.f.probs.Errorf(t.PosOf(k), diag.UnknownKey, k, strings.Join(valid, ", "))
	}
}
