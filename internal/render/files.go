package render

import (
	"errors"
	"io/fs"

	"chiso/internal/chart"
	"chiso/internal/diag"
)

// Template files the editor can delete or save wrongly are reported as the editor's
// problem, at the file, as a diag.List (which is an error): not as "báo cho người quản trị".

func missingFile(name string) error {
	return diag.List{{Pos: diag.Pos{File: name}, Code: diag.TemplateMissing, Args: []any{name}}}
}

func unreadable(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return missingFile(name)
	}
	what, todo := diag.OSReason(err)
	return diag.List{{Pos: diag.Pos{File: name, Line: 1}, Code: diag.ReadFailed, Args: []any{what, todo}}}
}

// RequiredStatic are the files under templates/static/ that every page loads: without
// one the site builds but its charts, styles or scripts are broken.
var RequiredStatic = []string{"charts.js", "site.css", "site.js", "search.js"}

// CheckStatic reports the required static files missing from fsys, and a charts.js that
// does not put back the chart defaults (an older one kept by the site).
func CheckStatic(fsys fs.FS) diag.List {
	var l diag.List
	for _, name := range RequiredStatic {
		p := "templates/static/" + name
		if name == "charts.js" {
			if src, err := fs.ReadFile(fsys, p); err == nil && !chart.ScriptHasDefaults(src) {
				l = append(l, diag.Diagnostic{Pos: diag.Pos{File: p, Line: 1}, Code: diag.ChartsScriptOld, Args: []any{p}})
				continue
			}
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				l = append(l, diag.Diagnostic{Pos: diag.Pos{File: p}, Code: diag.TemplateMissing, Args: []any{p}})
			} else {
				l = append(l, diag.List(unreadable(p, err).(diag.List))...)
			}
		}
	}
	return l
}
