package load

import (
	"io/fs"
	"path"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
)

// pendingSheets warns of a spreadsheet in data/periods/ (written by `chiso new`) that has
// no period file yet: a month filled in but not imported would otherwise be missing from
// the site without a word.
func (l *loader) pendingSheets() {
	var sheets []string
	for _, pat := range []string{"data/periods/*.xlsx", "data/periods/*.csv"} {
		names, _ := fs.Glob(l.fsys, pat)
		sheets = append(sheets, names...)
	}
	seen := map[string]bool{}
	for _, name := range sheets {
		base := strings.TrimSuffix(name, path.Ext(name))
		if _, ok := model.ParsePeriod(path.Base(base)); seen[base] || !ok {
			continue
		}
		seen[base] = true
		if _, err := fs.Stat(l.fsys, base+".toml"); err == nil {
			continue
		}
		l.probs.Warnf(diag.Pos{File: name, Line: 1}, diag.SheetNotImported, name)
	}
}
