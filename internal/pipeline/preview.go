package pipeline

// Pages on request, for the preview (internal/preview): the site's model laid out as in a
// build, but only the page asked for is given its body and rendered. A build lays out and
// renders every page; the page kinds call want before the costly part of a page (its
// charts), so a preview's pass skips all but one page and costs milliseconds, not the
// build's seconds.

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"chiso/internal/corrections"
	"chiso/internal/diag"
	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/publish"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// Pages renders the pages of one loaded, valid site on request.
type Pages struct {
	opts     Options
	base     *builder // templates, wording and articles, shared by every pass
	mu       sync.Mutex
	routes   map[string]bool   // page files seen by a pass; nil before the first
	rendered map[string][]byte // cache of the pages rendered
	written  map[*model.Report]written
}

// written are a report's articles, with what they were written from besides the report:
// an article reads its report, the one before it (the changes) and the editor's paragraphs
// of its period (write.Writer.Data), and the site's settings, which a reload of one file
// keeps.
type written struct {
	previous *model.Report
	note     *model.Page
	vi, en   *write.Article
}

// only is a preview's pass: the one page file to lay out, and every page file seen.
type only struct {
	file   string
	routes map[string]bool
}

// NewPages prepares the pages of site, loaded and checked from opts.Source (Check), as
// Site would build them. reuse, when not nil, are the pages of the same site before a
// change that touched no template: its parsed templates are kept. The problems are those
// of the templates and the wording.
func NewPages(opts Options, site *model.Site, reuse *Pages) (*Pages, diag.List) {
	b := &builder{site: site, echarts: EChartsPath(opts.ECharts),
		corrections: corrections.Read(opts.Dir, opts.Source, site.Config.CorrectionsSince)}
	if reuse != nil && reuse.base.site == site {
		r := reuse.base
		b.tmpl = r.tmpl
		if r.en != nil {
			b.en = &english{tmpl: r.en.tmpl, w: write.NewEn(site, r.en.tmpl.Text), ui: r.en.ui, byPath: map[string]*render.Page{}}
		}
	} else {
		tmpl, err := render.Parse(opts.Source, write.Funcs(&site.Config))
		if err != nil {
			return nil, diag.List{renderProblem(opts.Source, err)}
		}
		b.tmpl = tmpl
		if err := b.setupEnglish(opts.Source); err != nil {
			return nil, diag.List{renderProblem(opts.Source, err)}
		}
	}
	b.w = write.New(site, b.tmpl.Text)
	ps := &Pages{opts: opts, base: b, rendered: map[string][]byte{}, written: map[*model.Report]written{}}
	var before map[*model.Report]written
	if reuse != nil && reuse.base.site == site {
		before = reuse.written
	}
	if err := ps.writeArticles(before); err != nil {
		return nil, diag.List{renderProblem(opts.Source, err)}
	}
	return ps, nil
}

// writeArticles is the build's writeArticles, and the English edition's, keeping the
// articles written before of a report that did not change, nor its inputs.
func (ps *Pages) writeArticles(before map[*model.Report]written) error {
	b := ps.base
	b.byPeriod = map[string]*write.Article{}
	for _, r := range b.site.Reports {
		wr, ok := before[r]
		if note := b.site.Notes[r.Period.Key()]; !ok || wr.previous != r.Previous || wr.note != note {
			wr = written{previous: r.Previous, note: note}
			var err error
			if wr.vi, err = b.w.Article(r); err != nil {
				return fmt.Errorf("%s (kỳ %s): %w", r.File, r.Period.Key(), err)
			}
			if b.en != nil {
				if wr.en, err = b.en.w.Article(r); err != nil {
					return fmt.Errorf("%s (kỳ %s, bản tiếng Anh): %w", r.File, r.Period.Key(), err)
				}
			}
		}
		ps.written[r] = wr
		b.articles = append(b.articles, wr.vi)
		b.byPeriod[r.Period.Key()] = wr.vi
		if b.en != nil {
			b.en.articles = append(b.en.articles, wr.en)
		}
	}
	return nil
}

// Render lays out and renders the page published at file ("bai-viet/2024-04/index.html").
// ok is false when no page kind of this pass makes that file (an embed, the data or search
// page, which only a build makes); the problems are those of rendering it.
func (ps *Pages) Render(file string) (page []byte, ok bool, probs diag.List) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if out, ok := ps.rendered[file]; ok {
		return out, true, nil
	}
	if ps.routes != nil && !ps.routes[file] {
		return nil, false, nil
	}
	b := ps.pass(file)
	job, err := b.layOut()
	if ps.routes == nil {
		ps.routes = b.only.routes
	}
	if err == nil && job == nil {
		return nil, false, nil
	}
	if err == nil {
		t := b.tmpl
		if job.page.Lang == "en" {
			t = b.en.tmpl
		}
		if page, err = t.Render(job.page); err != nil {
			err = fmt.Errorf("%s: %w", job.file, err)
		}
	}
	if err != nil {
		return nil, true, diag.List{renderProblem(ps.opts.Source, err)}
	}
	ps.rendered[file] = page
	return page, true, nil
}

// ToDir builds the whole site into out as ToDir does, from the model and templates the
// pages were prepared from: the preview's full build neither loads the sources nor parses
// the templates again, and holds one model, not two. The articles are written again by
// the build's own writers, so pages render alongside it. The caller must not change the
// model until it returns; the problems are the build's own (a redirect to no page).
func (ps *Pages) ToDir(out string) (Stats, diag.List, error) {
	return buildToDir(out, func(to *toDir) (publish.Files, diag.List, error) {
		opts, base := ps.opts, ps.base
		opts.out = to
		b := &builder{site: base.site, tmpl: base.tmpl, w: write.New(base.site, base.tmpl.Text), files: publish.Files{},
			echarts: base.echarts, corrections: base.corrections}
		if e := base.en; e != nil {
			b.en = &english{tmpl: e.tmpl, w: write.NewEn(base.site, e.tmpl.Text), ui: e.ui, byPath: map[string]*render.Page{}}
		}
		return b.build(opts, nil)
	})
}

// pass is a builder for one page, sharing what NewPages prepared.
func (ps *Pages) pass(file string) *builder {
	base := ps.base
	b := &builder{site: base.site, tmpl: base.tmpl, w: base.w, echarts: base.echarts, corrections: base.corrections,
		files: publish.Files{}, articles: base.articles, byPeriod: base.byPeriod,
		only: &only{file: file, routes: map[string]bool{}}}
	if e := base.en; e != nil {
		b.en = &english{tmpl: e.tmpl, w: e.w, ui: e.ui, articles: e.articles, byPath: map[string]*render.Page{}}
	}
	return b
}

// layOut runs the page kinds of run and returns the job of the page asked for, if any.
func (b *builder) layOut() (*pageJob, error) {
	for _, step := range b.pageSteps() {
		if err := step(); err != nil {
			return nil, err
		}
	}
	var job *pageJob
	for i, j := range b.jobs {
		b.only.routes[j.file] = true
		if j.file == b.only.file {
			job = &b.jobs[i]
		}
	}
	return job, nil
}

// cellArticles are the articles whose results the unit pages index: none in a preview's
// pass for another page.
func (b *builder) cellArticles() []*write.Article {
	if b.only != nil && !strings.HasPrefix(strings.TrimPrefix(b.only.file, EnglishDir), "don-vi/") {
		return nil
	}
	return b.articles
}

// want says whether the page at path is to be laid out: always in a build; in a preview's
// pass (which notes every path it meets), only the page asked for, and for an English
// page its Vietnamese twin, which gives it its alternates (english.go).
func (b *builder) want(path string) bool {
	if b.only == nil {
		return true
	}
	file := pageFile(path)
	b.only.routes[file] = true
	if b.en != nil { // its English twin, if the English edition has one, is laid out with it
		b.only.routes[EnglishDir+file] = true
	}
	return file == b.only.file || EnglishDir+file == b.only.file
}

// Recheck is Check for a site its caller loaded (load.Site, then load.Reload): loaded are
// load's problems.
func Recheck(src fs.FS, site *model.Site, loaded diag.List) diag.List {
	probs := append(diag.List{}, loaded...)
	probs = append(probs, validate.Site(site)...)
	_, rp := load.Redirects(src)
	probs = append(probs, rp...)
	probs = withoutCascade(probs)
	probs.Sort()
	return probs
}
