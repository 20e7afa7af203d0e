package validate

import (
	"chiso/internal/diag"
	"chiso/internal/model"
)

// distinctNames reports two levels, indicators or units printed under the same name
// (names are NFC already, so one typed in NFD is the same name): charts toggle series
// by name and tables would show two identical rows.
func distinctNames(l *diag.List, s *model.Site) {
	levels := map[string]diag.Pos{}
	for _, lv := range s.Levels {
		once(l, levels, lv.Name, lv.NamePos)
	}
	indicators := map[string]diag.Pos{}
	for _, ind := range s.Indicators {
		once(l, indicators, ind.Name, ind.Pos)
	}
}

func once(l *diag.List, seen map[string]diag.Pos, name string, at diag.Pos) {
	if name == "" {
		return
	}
	if prev, dup := seen[name]; dup {
		l.Errorf(at, diag.DuplicateName, name, prev.String())
		return
	}
	seen[name] = at
}
