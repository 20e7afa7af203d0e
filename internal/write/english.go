package write

import (
	"fmt"
	"html/template"
	"strings"

	"chiso/internal/english"
	"chiso/internal/model"
)

// The English edition runs the same templates with functions of the same names that
// write English (package english): rate 63.4, int 139,506, date "20 May 2024", period
// "April 2024", sep "a, b and c". Two more functions exist in both editions:
//
//	en "Chính phủ" → the glossary's English ("the Government"); the text itself when the
//	  glossary has none, and always in the Vietnamese edition
//	t "Trang chủ" → the page's UI string in the edition's language (templates/ui-en.toml);
//	  the Vietnamese text itself in the Vietnamese edition. A key may carry a context after
//	  "|" when one Vietnamese text has two English ones ("Chỉ tiêu|cột bảng" → "Indicator",
//	  "Chỉ tiêu" → "Indicators"); the Vietnamese edition prints the text before "|".

// uiVietnamese is t in the Vietnamese edition: the text, without a context after "|".
func uiVietnamese(s string) string {
	s, _, _ = strings.Cut(s, "|")
	return s
}

// NoEnglish starts the error of t for a text that templates/ui-en.toml lacks.
const NoEnglish = "no English for"

// FuncsEn are Funcs for the English edition; ui is the UI-string table (Vietnamese → English).
func FuncsEn(cfg *model.Config, ui map[string]string) template.FuncMap {
	f := Funcs(cfg)
	f["rate"] = func(v any) string { return english.RatePrinted(deref(v)) }
	f["score"] = func(v any) string { return english.Score(deref(v)) }
	f["int"] = func(n int64) string { return english.Int(n) }
	f["count"] = func(c model.Count) string { return english.Int(c.Num) + "/" + english.Int(c.Den) }
	f["pad2"] = func(n int) string { return fmt.Sprint(n) }
	f["date"] = english.Date
	f["month"] = english.Short
	f["monthLong"] = english.Label
	f["period"] = english.Label
	f["periodLong"] = english.Label
	f["ordinal"] = english.Ordinal
	f["nth"] = english.Nth
	f["plural"] = func(n any, one, many string) string {
		if deref(n) == 1 {
			return one
		}
		return many
	}
	f["sep"] = SepEn
	f["size"] = func(n int) string { return strings.Replace(swapSize(FileSize(n)), "byte", "bytes", 1) }
	f["percent"] = func(v float64) string { return english.Decimal(v, 2) }
	f["money"] = english.Money
	f["en"] = func(s string) string { return Gloss(cfg, s) }
	f["embedCode"] = func(id, title string) string { // the English embed, en/nhung/{id}/
		return EmbedCode(cfg.BaseURL+cfg.BasePath+"en/nhung/"+id+"/", title)
	}
	for k, v := range nameFuncs(cfg, true) {
		f[k] = v
	}
	f["t"] = func(s string) (string, error) {
		if e, ok := ui[s]; ok {
			return e, nil
		}
		return "", fmt.Errorf("%s %q", NoEnglish, s) // worded for the editor by pipeline/templateerr.go
	}
	rowFuncs(f) // again, of the English functions
	return f
}

func swapSize(s string) string {
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

// Gloss is the glossary's English for s, or s.
func Gloss(cfg *model.Config, s string) string {
	if e, ok := cfg.Glossary[s]; ok {
		return e
	}
	if e, ok := cfg.Glossary[LowerFirst(s)]; ok { // "Xuất sắc" at the start of a value
		return e
	}
	return s
}

// SepEn is the separator before item i of n in an English list: "a, b and c".
func SepEn(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	}
	return ", "
}

// nameFuncs are the functions a layout prints the data's names with, so that one layout
// serves both editions:
//
//	name x → x.Name, or x.NameEn in English (an indicator, level, unit or province)
//	  or a comparison's model.Standing (StandingName)
//	short x → x.Short or x.ShortEn (an indicator, a province)
//	definition ind, counts ind → the indicator's definition, what it counts
//	note entity → what changed in an entity (note, note_en)
//	siteTitle → title, or title_en
//	link "chi-tieu/" → the edition's page: url, or url of en/… in English
func nameFuncs(cfg *model.Config, en bool) template.FuncMap {
	pick := func(vi, e string) string {
		if en {
			return e
		}
		return vi
	}
	return template.FuncMap{
		"name": func(v any) string {
			switch x := v.(type) {
			case *model.Indicator:
				return pick(x.Name, x.NameEn)
			case *model.Level:
				return pick(x.Name, x.NameEn)
			case *model.Unit:
				return pick(x.Name, x.NameEn)
			case *model.Entity:
				return pick(x.Name, x.NameEn)
			case model.Standing: // a province in a comparison: one of ours, or a national table's name
				return StandingName(cfg, x, en)
			case *model.Standing:
				return StandingName(cfg, *x, en)
			}
			return fmt.Sprint(v)
		},
		"short": func(v any) string {
			switch x := v.(type) {
			case *model.Indicator:
				return pick(x.Short, x.ShortEn)
			case *model.Entity:
				return pick(x.Short, x.ShortEn)
			}
			return fmt.Sprint(v)
		},
		"definition": func(i *model.Indicator) string { return pick(i.Definition, i.DefinitionEn) },
		"note":       func(e *model.Entity) string { return pick(e.Note, e.NoteEn) },
		"counts":     func(i *model.Indicator) string { return pick(i.Counts, i.CountsEn) },
		"siteTitle":  func() string { return pick(cfg.Title, cfg.TitleEn) },
		"link": func(p string) string {
			p = strings.TrimPrefix(p, "/")
			if en && cfg.Publish.VietnameseOnly(p) { // no English twin: the Vietnamese page (hreflang)
				return cfg.BasePath + p
			}
			return cfg.BasePath + pick("", "en/") + p
		},
		// hreflang marks a link (link p) that goes to a Vietnamese page from an English one:
		// ` hreflang="vi"`, after the href.
		"hreflang": func(p string) template.HTMLAttr {
			if en && cfg.Publish.VietnameseOnly(strings.TrimPrefix(p, "/")) {
				return ` hreflang="vi"`
			}
			return ""
		},
	}
}

// StandingName is the name of a province in a comparison: in English its entity's
// NameEn, else (a province known only from a national table) the English name by rule.
func StandingName(cfg *model.Config, s model.Standing, en bool) string {
	switch {
	case !en:
		return s.Name
	case s.Entity != nil:
		return s.Entity.NameEn
	}
	return english.ProvinceName(s.Name, cfg.Glossary)
}
