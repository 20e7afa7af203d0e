package load

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"

	"chiso/internal/diag"
	"chiso/internal/model"
)

var planFile = regexp.MustCompile(`^(\d{4})\.toml$`)

// plans reads data/targets/YYYY.toml, the targets assigned for a year:
//
//	year = 2026
//	title = "…"                 # optional
//	basis = "nq-02-2026"        # a key of data/documents.toml, for every target below
//	illustrative = true         # optional
//
//	[[target]]                  # targets of the whole province
//	indicator = "ho-so-truc-tuyen"
//	value = 60
//
//	[[group]]                   # targets of a group of units
//	name = "Các sở, ban, ngành"
//	basis = "qd-15-2026"        # optional: the group's own document
//	  [[group.target]]
//	  indicator = "ho-so-truc-tuyen"
//	  value = 80
//	  basis = "…"               # optional: the target's own document
func (l *loader) plans() {
	names, _ := fs.Glob(l.fsys, "data/targets/*.toml")
	sort.Strings(names)
	for _, name := range names {
		t, ok := l.open(name, true)
		if !ok {
			continue
		}
		if p := l.plan(name, t); p != nil {
			l.site.Plans = append(l.site.Plans, p)
		}
	}
}

func (l *loader) plan(name string, t *table) *model.TargetPlan {
	p := &model.TargetPlan{File: name, Pos: t.PosOf("year")}
	errs := errorCount(*l.probs)
	year, _ := t.Int("year", true)
	p.Year = int(year)
	m := planFile.FindStringSubmatch(path.Base(name))
	if m == nil || m[1] != strconv.Itoa(p.Year) {
		l.probs.Errorf(t.PosOf("year"), diag.PlanFileName, path.Base(name), p.Year)
	}
	p.Title = t.String("title", false)
	p.Basis = l.basis(t)
	p.Illustrative = t.Bool("illustrative")
	whole := &model.TargetGroup{Basis: p.Basis, Pos: t.Pos()}
	l.plannedTargets(t, whole, p.Basis)
	if len(whole.Targets) > 0 {
		p.Groups = append(p.Groups, whole)
	}
	for _, row := range t.Rows("group") {
		g := &model.TargetGroup{Name: row.String("name", true), Pos: row.Pos()}
		g.Basis = l.basis(row)
		if g.Basis == nil {
			g.Basis = p.Basis
		}
		l.plannedTargets(row, g, g.Basis)
		row.Done()
		p.Groups = append(p.Groups, g)
	}
	if len(p.Groups) == 0 {
		t.missing("target")
	}
	t.Done()
	if errorCount(*l.probs) > errs {
		return nil
	}
	return p
}

// basis reads an optional basis key.
func (l *loader) basis(t *table) *model.Document {
	key := t.String("basis", false)
	if key == "" {
		return nil
	}
	d := l.docs[key]
	if d == nil {
		l.probs.Errorf(t.PosOf("basis"), diag.UnknownDocument, key)
	}
	return d
}

// plannedTargets reads the [[target]] rows of t into g; a target without a document of its
// own takes def, and one with none at all is an error: a target is cited with its basis.
func (l *loader) plannedTargets(t *table, g *model.TargetGroup, def *model.Document) {
	seen := map[string]diag.Pos{}
	for _, row := range t.Rows("target") {
		pt := &model.PlannedTarget{Pos: row.Pos(), ValuePos: row.PosOf("value")}
		key := row.String("indicator", true)
		pt.Value, _ = row.Number("value", true)
		pt.Basis = l.basis(row)
		unknownBasis := row.has("basis") && pt.Basis == nil
		row.Done()
		pt.Own = pt.Basis != nil && pt.Basis != def
		if pt.Basis == nil {
			pt.Basis = def
		}
		if pt.Basis == nil && !unknownBasis {
			l.probs.Errorf(row.Pos(), diag.PlanNoBasis, key)
		}
		if key == "" {
			continue
		}
		if pt.Indicator = l.inds[key]; pt.Indicator == nil {
			l.probs.Errorf(row.PosOf("indicator"), diag.UnknownIndicator, key, l.suggestIndicator(key))
			continue
		}
		if first, dup := seen[key]; dup {
			l.probs.Errorf(row.PosOf("indicator"), diag.DuplicatePlanned, key, first.Line)
			continue
		}
		seen[key] = row.Pos()
		g.Targets = append(g.Targets, pt)
	}
}
