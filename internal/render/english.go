package render

import (
	"errors"
	"html/template"
	"io/fs"

	"github.com/BurntSushi/toml"

	"chiso/internal/diag"
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

// UIStrings reads UIFile; a site without it has no English edition (nil, nil).
func UIStrings(fsys fs.FS) (map[string]string, error) {
	src, err := fs.ReadFile(fsys, UIFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, unreadable(UIFile, err)
	}
	m := map[string]string{}
	if _, err := toml.Decode(string(src), &m); err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: UIFile, Line: 1}, Code: diag.Syntax, Args: []any{err.Error(), "mỗi dòng một cặp: \"chữ tiếng Việt\" = \"English\""}}}
	}
	return m, nil
}
