package build

import (
	"html/template"
	"unicode"
	"unicode/utf8"

	"chiso/internal/model"
	"chiso/internal/write"
)

// upperFirst capitalises the first letter: a unit or province name that starts a
// heading or a label ("Phường Quy Nhơn", "Tỉnh Gia Lai"); the data keep it in lower case
// for running text ("của phường Quy Nhơn").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// funcs are the template functions: the writer's, and the page templates' own.
func funcs(cfg *model.Config) template.FuncMap {
	f := write.Funcs(cfg)
	f["upperFirst"] = upperFirst
	return f
}
