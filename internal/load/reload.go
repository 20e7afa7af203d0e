package load

import (
	"io/fs"
	"path"
	"strings"

	"chiso/internal/diag"
	"chiso/internal/model"
)

// Reloading one file into a site already loaded, for the preview (internal/preview): a
// saved period file or Markdown page is read against the site's registries instead of
// loading every file again. The caller splices the result in and derives the site again;
// anything this cannot decide alone (a file that is new, gone or in error) is left to a
// full Site.

// Reload reads the saved file name into site in place and derives the site again. It
// handles a period file or a Markdown page that the site already holds, read without
// errors and, for a period, still of the same period; ok is false for anything else (a new
// or removed file, an error, another kind of file), which needs a full Site. probs are the
// file's own problems, to put in place of the ones it had.
func Reload(fsys fs.FS, site *model.Site, name string) (ok bool, probs diag.List) {
	switch {
	case strings.HasPrefix(name, "data/periods/") && strings.HasSuffix(name, ".toml"):
		list := &site.Reports
		i := reportIndex(*list, name)
		if i < 0 {
			list = &site.Others
			if i = reportIndex(*list, name); i < 0 {
				return false, nil
			}
		}
		var r *model.Report
		r, probs = Report(fsys, name, site)
		if r == nil || probs.HasErrors() || r.Period.Key() != (*list)[i].Period.Key() || r.Entity != (*list)[i].Entity {
			return false, probs
		}
		(*list)[i] = r
		site.Rederive(r)
		return true, probs
	case path.Dir(name) == "content/bai-viet" && strings.HasSuffix(name, ".md"):
		period := strings.TrimSuffix(path.Base(name), ".md")
		if site.Notes[period] == nil {
			return false, nil
		}
		var p *model.Page
		p, probs = Page(fsys, name, site)
		if p == nil || probs.HasErrors() {
			return false, probs
		}
		site.Notes[period] = p
	case path.Dir(name) == "content" && strings.HasSuffix(name, ".md"):
		i := -1
		for j, p := range site.Pages {
			if p.File == name {
				i = j
			}
		}
		if i < 0 {
			return false, nil
		}
		var p *model.Page
		p, probs = Page(fsys, name, site)
		// A new slug or weight moves the page in the menu: left to a full load.
		if p == nil || probs.HasErrors() || p.Slug != site.Pages[i].Slug || p.Weight != site.Pages[i].Weight {
			return false, probs
		}
		p.English = site.Pages[i].English
		site.Pages[i] = p
	default:
		return false, nil
	}
	return true, probs // a page derives nothing
}

func reportIndex(rs []*model.Report, name string) int {
	for i, r := range rs {
		if r.File == name {
			return i
		}
	}
	return -1
}

// Report reads one period file, data/periods/NAME.toml or data/periods/ENTITY/NAME.toml,
// against site's indicators, levels, units and entities. The report is nil when the file
// has errors; the problems are the file's own, as Site reports them.
func Report(fsys fs.FS, name string, site *model.Site) (*model.Report, diag.List) {
	var probs diag.List
	l := reloader(fsys, site, &probs)
	t, ok := l.open(name, true)
	if !ok {
		return nil, probs
	}
	owner, ok := l.periodOwner(name)
	if !ok {
		return nil, probs
	}
	r := l.report(name, t, owner)
	if r != nil && owner == nil { // the one check of silent.go about a report alone
		one := &loader{site: &model.Site{Reports: []*model.Report{r}}, probs: &probs}
		one.reportDates()
	}
	collapseRepeated(&probs)
	return r, probs
}

// Page reads one Markdown page, content/NAME.md or content/bai-viet/PERIOD.md.
func Page(fsys fs.FS, name string, site *model.Site) (*model.Page, diag.List) {
	var probs diag.List
	l := reloader(fsys, site, &probs)
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		readFailed(l.probs, name, err)
		return nil, probs
	}
	p := l.page(name, src)
	if p != nil && strings.HasPrefix(name, "content/bai-viet/") {
		p.Period = strings.TrimSuffix(path.Base(name), ".md")
	}
	return p, probs
}

// reloader is a loader whose registries are those of a loaded site.
func reloader(fsys fs.FS, site *model.Site, probs *diag.List) *loader {
	l := &loader{fsys: fsys, probs: probs, site: site, keys: registry{},
		docs: map[string]*model.Document{}, lvls: map[string]*model.Level{},
		inds: map[string]*model.Indicator{}, units: map[string]*model.Unit{}}
	for _, d := range site.Documents {
		l.docs[d.Key] = d
	}
	for _, lv := range site.Levels {
		l.lvls[lv.Key] = lv
	}
	for _, ind := range site.Indicators {
		l.inds[ind.Key] = ind
	}
	for _, u := range site.Units {
		l.units[u.Code] = u
		l.keys["unit\x00"+u.Code] = u.Pos
	}
	return l
}
