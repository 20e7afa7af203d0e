package render

import (
	"html/template"
	"io/fs"
)

// UIFile is the English edition's table of page strings: each Vietnamese text a layout
// passes to t, with its English. Layouts are shared; only this table and the wording of
// templates/wording/en/ differ between the editions.
const UIFile = "templates/ui-en.toml"

// ParseEn reads the templates for the English edition: the same layouts, with
// templates/wording/en/*.html over the Vietnamese wording; funcs are write.FuncsEn.
func ParseEn(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	return parse(fsys, funcs, true)
}
