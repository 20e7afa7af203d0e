// Package write turns the model into words: the template functions that print numbers,
// dates and citations the Vietnamese way, the editor's Markdown, and the article of each
// period, whose wording lives in templates/text.html so editors can change it.
package write

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Funcs are the template functions, the whole list:
//
//	rate 22.33 → "22,33" (as the source printed it)       score 88.62 → "88,62"
//	int 139506 → "139.506"      pad2 7 → "07"              date t → "20/5/2024"
//	count {1200 1500} → "1.200/1.500" (one call where a table row printed two ints)
//	period p → "tháng 4/2024", "quý II/2024", "năm 2024", "tuần 3/2024",
//	  "tính đến ngày 25/7/2025", "từ ngày 21/9 đến ngày 20/10/2025"
//	periodLong p → "tháng 4 năm 2024", "quý II năm 2024", … (titles)
//	month p → "4/2024", "quý II/2024", … (short: tables, charts)   monthLong = periodLong
//	ordinal 2 → "hai" (as in "tháng thứ hai liên tiếp")    abs, sign (-1, 0, 1 as printed)
//	rate and score also take a number that may be absent (*float64)
//	lowerFirst "Cấp tỉnh" → "cấp tỉnh"                     sep i n → "", ", " or " và "
//	url "bai-viet/2024-04/" → base path + path             absURL → with base URL
//	slug "Cấp huyện" → "cap-huyen"                         fold → search form (no marks, đ→d)
//	embedCode id title → <iframe> of nhung/{id}/ (embed.go)  size 12600 → "12,3 KB"
//	percent 24.0701 → "24,07"   money 2634500000 → "2,6 tỷ đồng" (dossier.go)
//	unitRow, periodRow: a table row's link, label, rate and count at once (Row)
//	t, en, name, short, definition, counts, siteTitle, link: one layout for both editions
//	  (english.go, where FuncsEn gives the same names in English)
func Funcs(cfg *model.Config) template.FuncMap {
	f := template.FuncMap{
		"rate":       func(v any) string { return vietnamese.RatePrinted(deref(v)) },
		"score":      func(v any) string { return vietnamese.Score(deref(v)) },
		"int":        func(n int64) string { return vietnamese.Int(n) },
		"count":      func(c model.Count) string { return vietnamese.Int(c.Num) + "/" + vietnamese.Int(c.Den) },
		"pad2":       vietnamese.Pad2,
		"date":       vietnamese.Date,
		"month":      func(p model.Period) string { return p.Short() },
		"monthLong":  model.Period.Long,
		"period":     model.Period.Label,
		"periodLong": model.Period.Long,
		"ordinal":    vietnamese.Ordinal,
		"abs":        func(v any) float64 { return math.Abs(deref(v)) },
		"absInt": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		"sign":       func(d any) int { return vietnamese.Direction(deref(d)) },
		"lowerFirst": LowerFirst,
		"upperFirst": UpperFirst,
		"sep":        Sep,
		"url":        func(p string) string { return cfg.BasePath + strings.TrimPrefix(p, "/") },
		"absURL":     func(p string) string { return cfg.BaseURL + cfg.BasePath + strings.TrimPrefix(p, "/") },
		"slug":       vietnamese.Slug,
		"fold":       vietnamese.Fold,
		"iso":        func(t time.Time) string { return t.Format("2006-01-02") },
		"add":        func(a, b int) int { return a + b },
		"embedCode":  func(id, title string) string { return EmbedCode(cfg.BaseURL+cfg.BasePath+"nhung/"+id+"/", title) },
		"size":       FileSize,
		"percent":    Percent, // dossier.go
		"money":      Money,
		"en":         func(s string) string { return s }, // english.go
		"t":          uiVietnamese,
	}
	for k, v := range nameFuncs(cfg, false) { // english.go
		f[k] = v
	}
	rowFuncs(f)
	return f
}

// Row is the figures of a table row formatted in one call, where the long tables (a
// ranking's rows, a unit's periods) called five functions a row: each call from a
// template costs a reflected call, and those were most of a page's rendering. The
// template still prints (and escapes) every field.
type Row struct {
	Href  string // the row's link
	Label string // its unit's name, capitalised, or its period (month)
	Rate  string
	Count string // count
	Rank  string // the unit's rank in its level (resultRow, periodResultRow only)
}

// rowFuncs adds, from f's own functions (Vietnamese or English), the row functions:
//
//	unitRow unit rate count → Row{link unit.Path, upperFirst (name unit), rate, count}
//	periodRow article rate count → Row{url article.Path, month article's period, rate, count}
//	resultRow result, periodResultRow article result: the same, with the rank, from a
//	  unit's result (a ranking's row: resultRow .UnitResult); the result's own fields,
//	  reached through the cell that embeds it, cost a template a reflected search each
func rowFuncs(f template.FuncMap) {
	link, url := f["link"].(func(string) string), f["url"].(func(string) string)
	name, upper := f["name"].(func(any) string), f["upperFirst"].(func(string) string)
	month := f["month"].(func(model.Period) string)
	rate, count := f["rate"].(func(any) string), f["count"].(func(model.Count) string)
	f["unitRow"] = func(u *model.Unit, r any, c model.Count) Row {
		return Row{Href: link(u.Path()), Label: upper(name(u)), Rate: rate(r), Count: count(c)}
	}
	f["periodRow"] = func(a *Article, r any, c model.Count) Row {
		return Row{Href: url(a.Path()), Label: month(a.Report.Period), Rate: rate(r), Count: count(c)}
	}
	f["resultRow"] = func(r *model.UnitResult) Row {
		u := r.Unit
		return Row{Href: link(u.Path()), Label: upper(name(u)), Rate: rate(r.Rate()), Count: count(r.Count), Rank: strconv.Itoa(r.Rank)}
	}
	f["periodResultRow"] = func(a *Article, r *model.UnitResult) Row {
		return Row{Href: url(a.Path()), Label: month(a.Report.Period), Rate: rate(r.Rate()), Count: count(r.Count), Rank: strconv.Itoa(r.Rank)}
	}
}

// deref reads a number a template passes, which may be an optional one (*float64).
func deref(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case *float64:
		if n != nil {
			return *n
		}
	case int:
		return float64(n)
	case int64:
		return float64(n)
	}
	return 0
}

// LowerFirst lower-cases the first letter: a level's name inside a sentence. A name that
// opens with an acronym ("UBND các xã") is left as it is.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirst capitalises the first letter: a name that starts a heading or a label
// ("Phường Quy Nhơn"); the data keep it as running text needs it ("của phường Quy Nhơn").
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Sep is the separator before item i of n in a Vietnamese list: "a, b và c".
func Sep(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " và "
	}
	return ", "
}
