package load

import (
	"path"
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/english"
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
		// Without name_en, the English name by rule (english.ProvinceName), not the Vietnamese.
		e.NameEn = or(row.String("name_en", false), english.ProvinceName(e.Name, l.site.Config.Glossary))
		e.ShortEn = or(row.String("short_en", false), english.ProvinceShort(e.Short))
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
	// The site's own: the first listed and its successors in turn (a loop is reported later).
	if len(l.site.Entities) > 0 {
		for e := l.site.Entities[0]; e != nil && !e.Own; e = e.Successor {
			e.Own = true
		}
	}
	t.Done()
}

// entityOn is the site's own entity in force on day d.
func (l *loader) entityOn(d time.Time) *model.Entity {
	for _, e := range l.site.Entities {
		if e.Own && e.InForce(d) {
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
		if key := row.String("entity", false); key != "" {
			if u.Entity = l.entity(key); u.Entity == nil && !l.broken["data/entities.toml"] {
				l.probs.Errorf(row.PosOf("entity"), diag.UnknownUnitEntity, key, suggest(key, l.entityKeys()))
			}
		}
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
	seen := make(map[string]*table, len(rows))
	sums := map[string]*model.Count{}
	var order []string
	res.Units = make([]model.UnitResult, 0, len(rows))
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
			l.probs.Errorf(row.PosOf("unit"), diag.DuplicateUnit, u.Name, first.Pos().Line)
			continue
		}
		seen[code] = row
		// Positions are looked up only for a count checkCount will refuse.
		if !(num >= 0 && den > 0 && num <= den) && l.checkCount(entry{Key: "numerator", Value: float64(num), Pos: row.PosOf("numerator")},
			entry{Key: code, Value: float64(den), Pos: row.PosOf("denominator")}) < 0 {
			continue
		}
		c := model.Count{Num: num, Den: den}
		pos := row.Pos()
		res.Units = append(res.Units, model.UnitResult{Unit: u, Count: c, Line: int32(pos.Line), Col: int32(pos.Col)})
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

func (l *loader) entity(key string) *model.Entity {
	for _, e := range l.site.Entities {
		if e.Key == key {
			return e
		}
	}
	return nil
}

func (l *loader) entityKeys() []string {
	keys := make([]string, len(l.site.Entities))
	for i, e := range l.site.Entities {
		keys[i] = e.Key
	}
	return keys
}

// periodOwner is the entity whose folder holds a period file: nil for data/periods/KEY.toml
// (the site's own), else the entity named by data/periods/ENTITY/. ok is false when the
// folder names no entity, or the site's own.
func (l *loader) periodOwner(name string) (*model.Entity, bool) {
	dir := path.Dir(name)
	if dir == "data/periods" {
		return nil, true
	}
	key := path.Base(dir)
	e := l.entity(key)
	pos := diag.Pos{File: name, Line: 1}
	switch {
	case e == nil:
		example := "ten-tinh"
		if len(l.site.Entities) > 0 {
			example = l.site.Entities[len(l.site.Entities)-1].Key
		}
		l.probs.Errorf(pos, diag.PeriodDirEntity, key, example)
		return nil, false
	case e.Own:
		l.probs.Errorf(pos, diag.PeriodDirOwn, key, "data/periods/"+path.Base(name))
		return nil, false
	}
	return e, true
}

// unitsBelong reports a unit that belongs to another entity than the report's.
func (l *loader) unitsBelong(r *model.Report) {
	say := func(u *model.Unit, pos diag.Pos) {
		owner := "tỉnh của trang này"
		if u.Entity != nil {
			owner = u.Entity.Name
		}
		l.probs.Errorf(pos, diag.UnitOtherEntity, u.Name, owner, r.Entity.Name)
	}
	for _, res := range r.Results {
		for _, ur := range res.Units {
			if !ur.Unit.BelongsTo(r.Entity) {
				say(ur.Unit, ur.At(r.File))
			}
		}
	}
	for _, us := range r.UnitScores {
		if !us.Unit.BelongsTo(r.Entity) {
			say(us.Unit, us.Pos)
		}
	}
}
