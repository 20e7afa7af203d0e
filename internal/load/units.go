package load

import (
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/model"
)

// entities reads data/entities.toml: who the site reports on, under which name, tag and
// portal, over time.
func (l *loader) entities() {
	t, ok := l.open("data/entities.toml", true)
	if !ok {
		return
	}
	byKey := map[string]*model.Entity{}
	for _, row := range t.Rows("entity") {
		e := &model.Entity{Key: l.checkKey(row, "key"), Name: row.String("name", true), Pos: row.Pos()}
		e.Short = row.String("short", true)
		e.SourceTag = row.String("source_tag", false)
		e.Portal = strings.TrimRight(row.String("portal", false), "/")
		e.From, e.To = l.validity(row, false)
		e.SuccessorKey = row.String("successor", false)
		e.Note = row.String("note", false)
		e.NameEn = or(row.String("name_en", false), e.Name)
		e.ShortEn = or(row.String("short_en", false), e.Short)
		e.NoteEn = or(row.String("note_en", false), e.Note)
		row.Done()
		if !l.keys.add(l, row, "key", "entity", e.Key) {
			continue
		}
		byKey[e.Key] = e
		l.site.Entities = append(l.site.Entities, e)
	}
	for _, e := range l.site.Entities {
		if e.SuccessorKey != "" {
			if e.Successor = byKey[e.SuccessorKey]; e.Successor == nil {
				l.probs.Errorf(e.Pos, diag.UnknownEntity, e.SuccessorKey)
			}
		}
	}
	t.Done()
}

func (l *loader) entityOn(d time.Time) *model.Entity {
	for _, e := range l.site.Entities {
		if e.InForce(d) {
			return e
		}
	}
	return nil
}

// units reads data/units.toml, the registry of reporting units.
func (l *loader) unitRegistry() {
	l.units = map[string]*model.Unit{}
	t, ok := l.open("data/units.toml", false)
	if !ok {
		return
	}
	for _, row := range t.Rows("unit") {
		u := &model.Unit{Code: l.checkKey(row, "code"), Name: row.String("name", true), Pos: row.Pos()}
		if key := row.String("level", true); key != "" {
			if u.Level = l.lvls[key]; u.Level == nil && !l.broken["data/levels.toml"] {
				l.probs.Errorf(row.PosOf("level"), diag.UnknownLevel, key, l.levelKeys())
			}
		}
		u.From, u.To = l.validity(row, false)
		u.SuccessorCode = row.String("successor", false)
		u.NameEn = or(row.String("name_en", false), u.Name)
		row.Done()
		// A unit whose level is unknown is declared all the same: that one error is
		// enough, its figures in the periods are not "unknown units" too.
		if !l.keys.add(l, row, "code", "unit", u.Code) || u.Level == nil {
			continue
		}
		l.units[u.Code] = u
		alsoAsSlug(l.units, u.Code, u)
		l.site.Units = append(l.site.Units, u)
	}
	for _, u := range l.site.Units {
		if u.SuccessorCode != "" {
			if u.Successor = l.units[u.SuccessorCode]; u.Successor == nil {
				l.probs.Errorf(u.Pos, diag.UnknownUnit, u.SuccessorCode, "")
			}
		}
	}
	t.Done()
}

// unitResults reads units = [{ unit = "…", numerator = …, denominator = … }, …] and adds
// their counts up by level. A level the file also gives directly is checked against the
// sum later (package validate); a level given only through units takes the sum.
func (l *loader) unitResults(res *model.Result, rows []*table, byLevel map[string]*model.LevelResult,
	level func(entry) *model.LevelResult) {
	if len(rows) == 0 {
		return
	}
	seen := map[string]diag.Pos{}
	sums := map[string]*model.Count{}
	var order []string
	for _, row := range rows {
		code := row.String("unit", true)
		num, okN := row.Int("numerator", true)
		den, okD := row.Int("denominator", true)
		row.Done()
		if code == "" || !okN || !okD {
			continue
		}
		u := l.units[code]
		if u == nil {
			if _, declared := l.keys["unit\x00"+code]; !declared {
				l.probs.Errorf(row.PosOf("unit"), diag.UnknownUnit, code, l.suggestUnit(code))
			}
			continue
		}
		if first, dup := seen[code]; dup {
			l.probs.Errorf(row.PosOf("unit"), diag.DuplicateUnit, u.Name, first.Line)
			continue
		}
		seen[code] = row.Pos()
		if l.checkCount(entry{Key: "numerator", Value: float64(num), Pos: row.PosOf("numerator")},
			entry{Key: code, Value: float64(den), Pos: row.PosOf("denominator")}) < 0 {
			continue
		}
		c := model.Count{Num: num, Den: den}
		res.Units = append(res.Units, model.UnitResult{Unit: u, Count: c, Rate: c.Rate(), Pos: row.Pos()})
		key := u.Level.Key
		if sums[key] == nil {
			sums[key] = &model.Count{}
			order = append(order, key)
		}
		sums[key].Num += num
		sums[key].Den += den
	}
	for _, key := range order {
		sum := sums[key]
		lr := byLevel[key]
		if lr != nil {
			// The file gives this level too: remember the units' sum for the agreement check.
			lr.UnitSum = &model.Count{Num: sum.Num, Den: sum.Den}
			continue
		}
		if lr = level(entry{Key: key, Pos: res.Pos}); lr != nil {
			lr.Count = &model.Count{Num: sum.Num, Den: sum.Den}
			lr.Rate = lr.Count.Rate()
		}
	}
}

func (l *loader) suggestUnit(code string) string {
	codes := make([]string, len(l.site.Units))
	for i, u := range l.site.Units {
		codes[i] = u.Code
	}
	return suggest(code, codes)
}
