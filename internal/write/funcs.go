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
//	rate 63.4 → "63,4"          score 88.62 → "88,62"     int 139506 → "139.506"
//	pad2 7 → "07"               date t → "20/5/2024"       month period → "4/2024"
//	monthLong period → "tháng 4 năm 2024"                  abs, sign (-1, 0, 1 as printed)
//	lowerFirst "Cấp tỉnh" → "cấp tỉnh"                     sep i n → "", ", " or " và "
//	url "bai-viet/2024-04/" → base path + path             absURL → with base URL
//	slug "Cấp huyện" → "cap-huyen"                         fold → search form (no marks, đ→d)
//	embedCode id title → <iframe> of nhung/{id}/ (embed.go)  size 12600 → "12,3 KB"
func Funcs(cfg *model.Config) template.FuncMap {
	return template.FuncMap{
		"rate":      vietnamese.Rate,
		"score":     vietnamese.Score,
		"int":       func(n int64) string { return vietnamese.Int(n) },
		"pad2":      vietnamese.Pad2,
		"date":      vietnamese.Date,
		"month":     func(p model.Period) string { return vietnamese.MonthYear(p.Year, p.Month) },
		"monthLong": MonthLong,
		"abs":       math.Abs,
		"absInt": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		"sign":       func(d float64) int { return vietnamese.Direction(d) },
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
	}
}

// MonthLong is "tháng 4 năm 2024", as in the seed's title.
func MonthLong(p model.Period) string {
	return "tháng " + itoa(p.Month) + " năm " + itoa(p.Year)
}

func itoa(n int) string { return strconv.Itoa(n) }

// LowerFirst lower-cases the first letter: a level's name inside a sentence.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
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
