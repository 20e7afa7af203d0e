// Package corrections finds the figures corrected after publication, from the git history
// of the period files: which figure of which period changed, from what to what, in which
// commit and on which day.
//
// A period file's first version is its publication, not a correction, and so is a figure
// added later to a file. A figure whose printed value changed, or that was taken out, is
// a correction. Illustrative periods (illustrative = true) are examples, not published
// figures: their changes are not corrections, and a period stops being illustrative by
// being published.
//
// Each version is read with the project's loader against the site as it is now (its
// indicators, levels and units), so names are today's names. A version the loader
// refuses today (a unit since removed, a syntax error fixed in the next commit) cannot be
// compared: the change to or from it is left out rather than guessed.
//
// Without history (no git, not a work tree, a shallow clone, a source built in memory)
// the log is empty; it never fails a build. Output depends only on the commits, never on
// the clock.
package corrections

import (
	"bytes"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"

	"chiso/internal/load"
	"chiso/internal/model"
)

// Log is every correction found, by commit, newest first.
type Log struct {
	Commits []*Commit
}

// Commit is one commit that corrected published figures.
type Commit struct {
	Hash        string
	Short       string    // seven hex digits, as git prints it
	Date        time.Time // committer date
	Corrections []*Correction
}

// Correction is one figure of one period changed by one commit.
type Correction struct {
	Period model.Period
	File   string  // "data/periods/2024-04.toml"
	Figure         // Value is the value before the commit
	New    string  // the value after; "" when the figure was taken out
	NewNum float64 // the number New prints (Figure.Num)
	Short  string  // the commit, for the reader
	Date   time.Time
}

// PeriodCorrections are one period's corrections in one commit.
type PeriodCorrections struct {
	Period      model.Period
	Corrections []*Correction
}

// ByPeriod groups the commit's corrections by period, in the commit's order.
func (c *Commit) ByPeriod() []PeriodCorrections {
	var out []PeriodCorrections
	for _, x := range c.Corrections {
		if n := len(out); n == 0 || out[n-1].Period.Key() != x.Period.Key() {
			out = append(out, PeriodCorrections{Period: x.Period})
		}
		p := &out[len(out)-1]
		p.Corrections = append(p.Corrections, x)
	}
	return out
}

// Old is the value before the correction.
func (c *Correction) Old() string { return c.Value }

// Removed reports whether the figure was taken out rather than changed.
func (c *Correction) Removed() bool { return c.New == "" }

// ForPeriod lists the corrections of one period, newest first.
func (l *Log) ForPeriod(key string) []*Correction {
	var out []*Correction
	if l == nil {
		return nil
	}
	for _, c := range l.Commits {
		for _, x := range c.Corrections {
			if x.Period.Key() == key {
				out = append(out, x)
			}
		}
	}
	return out
}

// Read finds the corrections in the history of dir/data/periods. src is the same source
// as a file system (as the build reads it): the old versions are loaded against it.
// Commits before the day since (when not zero) set what was published but correct nothing.
func Read(dir string, src fs.FS, since time.Time) *Log {
	log := &Log{}
	if dir == "" || src == nil {
		return log
	}
	commits, blobs := history(dir)
	// Every version is loaded once, on all cores: a version costs a load of the site.
	type job struct{ file, id string }
	var jobs []job
	seen := map[string]bool{}
	for _, c := range commits {
		for _, f := range c.files {
			if !zero(f.new) && !seen[f.new] {
				seen[f.new] = true
				jobs = append(jobs, job{f.file, f.new})
			}
		}
	}
	loaded := make([]*model.Report, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		if data, ok := blobs[j.id]; ok {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				loaded[i] = loadVersion(src, j.file, data)
			}()
		}
	}
	wg.Wait()
	parsed := map[string]*model.Report{}
	for i, j := range jobs {
		parsed[j.id] = loaded[i]
	}
	version := func(id string) *model.Report { return parsed[id] }
	// published is each file's last version that readers saw: a later version is compared
	// with it, so a version the loader refuses in between hides no correction.
	published := map[string]*model.Report{}
	for _, c := range commits {
		out := &Commit{Hash: c.hash, Short: shortHash(c.hash), Date: c.date}
		files := append([]fileChange(nil), c.files...)
		sort.SliceStable(files, func(i, j int) bool { return files[i].file < files[j].file })
		for _, f := range files {
			if zero(f.new) {
				delete(published, f.file) // withdrawn as a whole: a later file is a new publication
				continue
			}
			after := version(f.new)
			if after == nil {
				continue // refused by the loader: wait for a version that loads
			}
			if after.Illustrative {
				delete(published, f.file)
				continue
			}
			before := published[f.file]
			published[f.file] = after
			if before == nil || before.Period.Key() != after.Period.Key() {
				continue // first publication of this period
			}
			if !since.IsZero() && c.date.Format(time.DateOnly) < since.Format(time.DateOnly) {
				continue // before the log starts: a draft, not a correction
			}
			for _, x := range compare(before, after) {
				x.File, x.Short, x.Date = f.file, out.Short, out.Date
				out.Corrections = append(out.Corrections, x)
			}
		}
		if len(out.Corrections) > 0 {
			log.Commits = append(log.Commits, out)
		}
	}
	// Newest first; commits of the same second keep git's order, reversed.
	for i, j := 0, len(log.Commits)-1; i < j; i, j = i+1, j-1 {
		log.Commits[i], log.Commits[j] = log.Commits[j], log.Commits[i]
	}
	sort.SliceStable(log.Commits, func(i, j int) bool { return log.Commits[i].Date.After(log.Commits[j].Date) })
	uniqueShorts(log.Commits)
	return log
}

// uniqueShorts lengthens short hashes that two listed commits share: each names an
// anchor on the log page.
func uniqueShorts(cs []*Commit) {
	for n := 7; n < 40; n++ {
		seen := map[string]int{}
		for _, c := range cs {
			seen[c.Short]++
		}
		clash := false
		for _, c := range cs {
			if seen[c.Short] > 1 {
				clash = true
				c.Short = c.Hash[:min(n+1, len(c.Hash))]
				for _, x := range c.Corrections {
					x.Short = c.Short
				}
			}
		}
		if !clash {
			return
		}
	}
}

// compare lists the figures of before that after prints differently or no longer has.
func compare(before, after *model.Report) []*Correction {
	now := map[string]Figure{}
	for _, f := range figures(after) {
		now[f.key()] = f
	}
	var out []*Correction
	for _, f := range figures(before) {
		v, ok := now[f.key()]
		if ok && v.Value == f.Value {
			continue
		}
		out = append(out, &Correction{Period: after.Period, Figure: f, New: v.Value, NewNum: v.Num})
	}
	return out
}

// loadVersion reads one version of a period file with the loader, in place of the
// current file and alone in data/periods/; nil when the loader finds an error.
func loadVersion(src fs.FS, file string, data []byte) *model.Report {
	// An illustrative version is never compared: a glance at its flag spares loading the
	// whole site for it (a file that does not decode is left to the loader to refuse).
	var flag struct {
		Illustrative bool `toml:"illustrative"`
	}
	if _, err := toml.Decode(string(data), &flag); err == nil && flag.Illustrative {
		return &model.Report{Illustrative: true}
	}
	site, probs := load.Site(overlay{base: src, file: file, data: data})
	if probs.HasErrors() || len(site.Reports) != 1 {
		return nil
	}
	return site.Reports[0]
}

// overlay is the source with data/periods/ holding one file of given content.
type overlay struct {
	base fs.FS
	file string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == periodsDir || strings.HasPrefix(name, periodsDir+"/") {
		return fstest.MapFS{o.file: {Data: bytes.Clone(o.data), Mode: 0o644}}.Open(name)
	}
	return o.base.Open(name)
}
