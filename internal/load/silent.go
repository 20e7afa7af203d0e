package load

import (
	"io/fs"
	"path"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Input that used to be accepted without a word although it changed what is published:
// each is now an error or a warning at its file and line.

// generatedPaths are the first segments of the pages the site makes itself; a content/
// page with one of these slugs would replace a generated index.
var generatedPaths = []string{"bai-viet", "chi-tieu", "don-vi", "luu-tru", "du-lieu", "tim-kiem", "tong-hop", "nhung", "assets", "index", "404", "so-sanh", "tinh"}

// silentlyAccepted runs after everything is read.
func (l *loader) silentlyAccepted() {
	l.wrongCaseFiles("data/periods", ".toml")
	l.wrongCaseFiles("content", ".md")
	l.wrongCaseFiles("content/bai-viet", ".md")
	l.pageSlugs()
	l.orphanNotes()
	l.reportDates()
	l.successions()
	l.entityOverlaps()
}

// entityOverlaps reports an entity in force on a day its predecessor still is: the chain
// of one body over time would hold two bodies at once. Different bodies (provinces side
// by side, or two that merge into one) may be in force together.
func (l *loader) entityOverlaps() {
	for _, a := range l.site.Entities {
		b := a.Successor
		if b == nil || b == a {
			continue
		}
		start := a.From
		if b.From.After(start) {
			start = b.From
		}
		if a.InForce(start) && b.InForce(start) {
			l.probs.Errorf(b.Pos, diag.EntityOverlap, b.Key, a.Key, vietnamese.Date(start))
		}
	}
}

// wrongCaseFiles reports data/periods/2024-06.TOML and the like, which the reader's
// "*.toml" never sees: the period vanished from the site.
func (l *loader) wrongCaseFiles(dir, ext string) {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		got := path.Ext(name)
		if got != ext && strings.EqualFold(got, ext) {
			l.probs.Errorf(diag.Pos{File: dir + "/" + name, Line: 1}, diag.IgnoredFile, dir+"/"+name, ext, strings.TrimSuffix(name, got)+ext)
		}
	}
}

// pageSlugs reports a content page at the address of a generated page, or of another
// content page: one of the two would silently replace the other.
func (l *loader) pageSlugs() {
	seen := map[string]string{}
	for _, s := range generatedPaths {
		seen[s] = ""
	}
	for _, p := range l.site.Pages {
		if p.Slug == "" { // a slug of punctuation only: the page would land on the home page
			l.probs.Errorf(diag.Pos{File: p.File, Line: 1}, diag.EmptySlug)
			continue
		}
		prev, taken := seen[p.Slug]
		switch {
		case taken && prev == "":
			l.probs.Errorf(diag.Pos{File: p.File, Line: 1}, diag.PageShadows, p.Slug, "do hệ thống tạo")
		case taken:
			l.probs.Errorf(diag.Pos{File: p.File, Line: 1}, diag.PageShadows, p.Slug, prev)
		default:
			seen[p.Slug] = p.File
		}
	}
}

// orphanNotes warns about content/bai-viet/X.md when there is no period X: the editor's
// paragraphs would be printed nowhere.
func (l *loader) orphanNotes() {
	periods := map[string]bool{}
	for _, r := range l.site.Reports {
		periods[r.Period.Key()] = true
	}
	for key, note := range l.site.Notes {
		if periods[key] {
			continue
		}
		// A period file that exists but failed to load is reported on its own.
		if _, err := fs.Stat(l.fsys, "data/periods/"+key+".toml"); err == nil {
			continue
		}
		l.probs.Warnf(diag.Pos{File: note.File, Line: 1}, diag.NoteWithoutPeriod, key)
	}
}

// reportDates warns about a report dated before its period ends: its figures cannot
// cover the period (most often the year or the month of the date is mistyped).
func (l *loader) reportDates() {
	for _, r := range l.site.Reports {
		d := r.Document
		if d == nil || d.Date.IsZero() || !d.Date.Before(r.Period.End()) {
			continue
		}
		l.probs.Warnf(d.Pos, diag.ReportBeforePeriod, vietnamese.Date(d.Date), vietnamese.Date(r.Period.End()))
	}
}

// successions reports a unit or entity that is its own successor, directly or through
// others: the series would never end, and charts would loop. A loop is reported once,
// at the first of its members met in file order.
func (l *loader) successions() {
	done := map[any]bool{}
	for _, u := range l.site.Units {
		if v := loopFrom(u, done, func(x any) any { return nilIfNone(x.(*model.Unit).Successor) }); v != nil {
			l.probs.Errorf(v.(*model.Unit).Pos, diag.SuccessionLoop, v.(*model.Unit).Code)
		}
	}
	for _, e := range l.site.Entities {
		if v := loopFrom(e, done, func(x any) any { return nilIfNone(x.(*model.Entity).Successor) }); v != nil {
			l.probs.Errorf(v.(*model.Entity).Pos, diag.SuccessionLoop, v.(*model.Entity).Key)
		}
	}
}

// nilIfNone turns a typed nil pointer into a plain nil.
func nilIfNone[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}

// loopFrom follows next from start and returns the member where the walk meets itself,
// or nil; nodes already walked from an earlier start are not walked again.
func loopFrom(start any, done map[any]bool, next func(any) any) any {
	onPath := map[any]bool{}
	var found any
	for s := start; s != nil && !done[s]; s = next(s) {
		if onPath[s] {
			found = s
			break
		}
		onPath[s] = true
	}
	for s := range onPath {
		done[s] = true
	}
	return found
}
