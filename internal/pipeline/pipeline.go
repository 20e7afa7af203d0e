// Package pipeline runs the site's build in named phases — load, validate, write, chart, render,
// publish — and turns every problem into one list of diagnostics for the editor.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"chiso/internal/cardcache"
	"chiso/internal/corrections"
	"chiso/internal/diag"
	"chiso/internal/echarts"
	"chiso/internal/load"
	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/publish"
	"chiso/internal/render"
	"chiso/internal/validate"
	"chiso/internal/write"
)

// Options say where the site comes from and where it goes.
type Options struct {
	// out is where ToDir has the files written as they are made (stream.go); nil for Site.
	out *toDir

	Source  fs.FS  // the site's source: config.toml, data/, content/, templates/
	ECharts []byte // the ECharts build, served as assets/vendor/echarts-HASH.min.js
	// Dir is Source's folder on disk, whose git history gives the corrections log; empty
	// for a source built in memory, which then has no corrections.
	Dir string
	// Cards keeps the share cards drawn from one build to the next; nil draws them all.
	Cards *cardcache.Cache
}

// ErrInvalid is returned when the diagnostics hold errors.
var ErrInvalid = errors.New("dữ liệu có lỗi")

// Stats describe a build for the closing line and benchmarks.
type Stats struct {
	Pages, Files int
	Bytes        int64
	Duration     time.Duration
}

// Check loads and validates without building.
func Check(src fs.FS) (*model.Site, diag.List) {
	site, probs := load.Site(src)
	probs = append(probs, validate.Site(site)...)
	_, rp := load.Redirects(src)
	probs = append(probs, rp...)
	probs = withoutCascade(probs)
	probs.Sort()
	return site, probs
}

// Validate is what a plain `chiso check` reports: Check, plus what can be found without
// laying out a page — templates that do not parse and unreadable static files. Only a
// render (Site, `check --full`) finds a template that fails on the data, a redirect that
// shadows or misses a page, and a share card's wording that fails.
func Validate(src fs.FS) diag.List {
	site, probs := Check(src)
	if _, err := render.Parse(src, write.Funcs(&site.Config)); err != nil {
		probs = append(probs, renderProblem(src, err))
	}
	if ui, ps := load.UIStrings(src); len(ps) > 0 { // the English edition (english.go)
		probs = append(probs, ps...)
	} else if ui != nil {
		if _, err := render.ParseEn(src, write.FuncsEn(&site.Config, ui)); err != nil {
			probs = append(probs, renderProblem(src, err))
		}
	}
	probs = append(probs, render.CheckStatic(src)...)
	probs.Sort()
	return probs
}

// Site builds every file of the site in memory.
func Site(opts Options) (publish.Files, diag.List, error) {
	site, probs := Check(opts.Source)
	if probs.HasErrors() {
		return nil, probs, ErrInvalid
	}
	tmpl, err := render.Parse(opts.Source, write.Funcs(&site.Config))
	if err != nil {
		probs = append(probs, renderProblem(opts.Source, err))
		return nil, probs, ErrInvalid
	}
	b := &builder{site: site, tmpl: tmpl, w: write.New(site, tmpl.Text), files: publish.Files{}, echarts: EChartsPath(opts.ECharts),
		corrections: corrections.Read(opts.Dir, opts.Source, site.Config.CorrectionsSince)}
	if err := b.setupEnglish(opts.Source); err != nil {
		probs = append(probs, renderProblem(opts.Source, err))
		return nil, probs, ErrInvalid
	}
	return b.build(opts, probs)
}

// build runs every step of b, made for a valid site; probs are those found before.
func (b *builder) build(opts Options, probs diag.List) (publish.Files, diag.List, error) {
	if err := b.run(opts); err != nil {
		probs = append(probs, renderProblem(opts.Source, err))
		return nil, probs, ErrInvalid
	}
	if len(b.probs) > 0 {
		probs = append(probs, b.probs...)
		probs.Sort()
		if b.probs.HasErrors() {
			return nil, probs, ErrInvalid
		}
	}
	return b.files, probs, nil
}

// EChartsPath names the library after its content: assets/vendor/echarts-1a2b3c4d5e6f.min.js.
func EChartsPath(lib []byte) string {
	sum := sha256.Sum256(lib)
	return "assets/vendor/echarts-" + hex.EncodeToString(sum[:6]) + ".min.js"
}

type builder struct {
	out      *toDir       // where files go as they are made (stream.go); nil builds in memory
	rendered []pageRecord // what later steps read of the pages rendered so far (stream.go)
	// The records and errors of queued pages rendered before the rest (renderReady), by
	// place in b.jobs; enCharted is how many of b.jobs englishCharts has looked at.
	recs      []pageRecord
	jobErrs   []error
	enCharted int
	rendering *renderBatch // the pages rendering in the background (renderJobs)
	// keepQueued keeps every page queued with its body until renderPages (tests read them).
	keepQueued bool
	// ahead: entityPages lays out each other entity's English twins beside its Vietnamese
	// pages and renders both, so that one entity's bodies are alive at a time, not every
	// entity's until englishEdition. Their records and published entries go where
	// enEntities would have queued them (aheadAt, aheadPages), so the output is the same.
	ahead      bool
	aheadAt    int
	aheadPages []publishedPage

	site        *model.Site
	tmpl        *render.Templates
	w           *write.Writer
	files       publish.Files
	articles    []*write.Article // oldest first, as site.Reports
	byPeriod    map[string]*write.Article
	summaryList []*model.Summary
	jobs        []pageJob
	open        openData  // charts and pages recorded for the open-data step (opendata.go)
	openEn      openData  // the English edition's charts (english_charts.go)
	probs       diag.List // problems found while building (a redirect to no page)
	echarts     string    // path of the ECharts file under assets/vendor/
	cards       []cardJob // share cards to draw (sharecards.go)
	cardErr     error     // the first error in a card's wording
	cardCache   *cardcache.Cache
	dataset     *opendata.Dataset
	workbook    *opendata.PendingWorkbook // the dataset's workbook, made from the start of run
	en          *english                  // the English edition (english.go); nil without templates/ui-en.toml
	corrections *corrections.Log
	compared    []*model.Comparison // the comparisons of entities by period (comparison.go)
	own         []*model.Unit       // the units of the site's own entities (entities.go)
	only        *only               // a preview's pass for one page (preview.go); nil builds all
	// The cells of each result's units (unitCells), shared by the unit pages and the
	// rankings; let go once those are laid out.
	cells   map[*model.Result][]UnitCell
	cellsMu sync.Mutex
}

func (b *builder) run(opts Options) error {
	b.out, b.cardCache = opts.out, opts.Cards
	ph := newPhases()
	if b.only == nil {
		// The workbook reads the model only: made from the start, on the core the page
		// steps leave idle now and then, it is ready by the open-data step (mid site: 4 s
		// of one core's work the build waited for there).
		b.dataset = opendata.NewDataset(b.site)
		wb, err := opendata.StartWorkbook(b.site, b.dataset)
		if err != nil {
			return err
		}
		b.workbook = wb
		defer wb.Close()
	}
	defer func() { // a failed step leaves no page rendering into the folder it removes
		if b.rendering != nil {
			<-b.rendering.done
		}
	}()
	if err := b.writeArticles(); err != nil {
		return err
	}
	ph.done("writeArticles")
	for _, step := range b.pageSteps() {
		if err := step(); err != nil {
			return err
		}
		ph.doneStep(step)
	}
	if err := b.renderPages(); err != nil {
		return err
	}
	ph.done("renderPages")
	// Pages are written already; the few files steps wrote beside them are kept for the
	// data page, which gives their sizes.
	if err := b.flush(false); err != nil {
		return err
	}
	ph.done("flush")
	if err := b.openData(opts.Source); err != nil {
		return err
	}
	ph.done("openData")
	// Nothing after this reads what is already made.
	if err := b.flush(true); err != nil {
		return err
	}
	if err := b.renderPages(); err != nil {
		return err
	}
	ph.done("renderPages2")
	// No page is laid out after this: the page kinds (~10 MB of templates at province
	// scale) go before the share cards are drawn. The writers keep the wording.
	b.tmpl = nil
	if b.en != nil {
		b.en.tmpl = nil
	}
	if err := b.flush(true); err != nil {
		return err
	}
	if b.out != nil {
		// What the open-data step and the last pages let go goes back to the system before
		// the cards are drawn: kept, the cards' buffers came on top of it (province: peak
		// 114 → 107 MB).
		debug.FreeOSMemory()
	}
	ph.done("flush2")
	if err := b.drawCards(); err != nil {
		return err
	}
	if err := b.flush(true); err != nil {
		return err
	}
	ph.done("drawCards")
	err := b.assets(opts)
	ph.done("assets")
	return err
}

// pageSteps are the page kinds that lay out the pages from the model, in order; the preview
// runs them too, for one page (preview.go).
func (b *builder) pageSteps() []func() error {
	return []func() error{b.home, b.articlePages, b.indicatorPages, b.unitPages, b.rankingPages, b.unitScorePages, b.planPages, b.summaries, b.archive, b.correctionsPage, b.pages, b.notFound, b.entityPages, b.comparisonPages, b.englishEdition, b.englishCharts}
}

func (b *builder) writeArticles() error {
	b.byPeriod = map[string]*write.Article{}
	for _, r := range b.site.Reports {
		a, err := b.w.Article(r)
		if err != nil {
			return fmt.Errorf("%s (kỳ %s): %w", r.File, r.Period.Key(), err)
		}
		b.articles = append(b.articles, a)
		b.byPeriod[r.Period.Key()] = a
	}
	return nil
}

// newest returns the articles newest first.
func (b *builder) newest() []*write.Article {
	out := make([]*write.Article, len(b.articles))
	for i, a := range b.articles {
		out[len(b.articles)-1-i] = a
	}
	return out
}

func (b *builder) featured() []*write.Article {
	n := b.newest()
	if len(n) > 3 {
		n = n[:3]
	}
	return n
}

const illustrativeText = "Số liệu trên trang này được tạo ra để minh họa cách trình bày, không phải số liệu chính thức."

func (b *builder) page(kind, path, title, desc, section string, illustrative bool, body any) error {
	if !b.want(path) {
		return nil
	}
	p := &render.Page{
		ECharts: b.echarts,
		Site:    b.site, Kind: kind, Path: path, Title: title, Description: desc,
		Illustrative: illustrative, IllustrativeText: illustrativeText,
		Featured: b.featured(), Body: body,
	}
	p.Nav = []render.NavItem{
		{Label: "Trang chủ", Path: "", Current: section == "home"},
		{Label: "Chỉ tiêu", Path: "chi-tieu/", Current: section == "indicators"},
	}
	if len(b.ownUnits()) > 0 {
		p.Nav = append(p.Nav, render.NavItem{Label: "Đơn vị", Path: "don-vi/", Current: section == "units"})
	}
	if len(b.comparisons()) > 0 && len(b.site.Others) > 0 { // a national table alone: linked from home
		p.Nav = append(p.Nav, render.NavItem{Label: "So sánh các tỉnh", Path: ComparisonDir, Current: section == "comparisons"})
	}
	p.Nav = append(p.Nav, render.NavItem{Label: "Lưu trữ", Path: "luu-tru/", Current: section == "archive"},
		render.NavItem{Label: "Dữ liệu", Path: DataDir, Current: section == "data"},
		render.NavItem{Label: "Tìm kiếm", Path: SearchDir, Current: section == "search"})
	for _, pg := range b.site.Pages {
		p.Nav = append(p.Nav, render.NavItem{Label: pg.Title, Path: pg.Slug + "/", Current: section == "page:"+pg.Slug})
	}
	p.HasCharts = hasCharts(body)
	p.Lang = b.site.Config.Language
	if b.en != nil { // the English home, until englishEdition finds the page's own twin
		p.Switch = &render.Alternate{Lang: "en", Path: b.enSwitch(path), Label: "English"}
	}
	p.Updated = b.updated(p)
	b.share(p)
	b.open.published(p, b.lastmod(p))
	file := path + "index.html"
	if strings.HasSuffix(path, ".html") { // a page with a file name of its own, like 404.html
		file = path
	}
	b.jobs = append(b.jobs, pageJob{file: file, page: p})
	return nil
}

// pageJob is a page waiting for its template: pages are laid out in parallel at the end.
type pageJob struct {
	file  string
	page  *render.Page
	ahead bool // queued ahead of its place by entityPages: its record goes to b.aheadAt
}

// renderPages executes every page's template on all cores; the output is a map keyed
// by file, so the order of work does not change the result. Building to a folder, each
// page is written as soon as it is made and only its record is kept (stream.go). Pages
// renderReady made already keep the records it took, in the order of the queue.
func (b *builder) renderPages() error {
	if b.en != nil {
		// Every twin is queued: no page rendered now is looked up again (the data and
		// search pages, queued later, are added as they are). Held here, the Vietnamese
		// pages' bodies would outlive their rendering.
		b.en.byPath = map[string]*render.Page{}
	}
	b.cells = nil // the bodies that show them hold them
	b.renderJobs(func(*render.Page) bool { return true })
	b.renderWait()
	b.inPlace()
	for i, job := range b.jobs {
		if b.jobErrs[i] != nil {
			return fmt.Errorf("%s: %w", job.file, b.jobErrs[i])
		}
	}
	b.rendered = append(b.rendered, b.recs...)
	b.jobs, b.recs, b.jobErrs, b.enCharted = nil, nil, nil, 0
	return nil
}

// inPlace moves the jobs queued ahead (b.ahead), with their records and errors, to where
// enEntities would have queued them: the order of the records is the order of the queue.
func (b *builder) inPlace() {
	var before, ahead, after []int
	for i, j := range b.jobs {
		switch {
		case j.ahead:
			ahead = append(ahead, i)
		case i < b.aheadAt:
			before = append(before, i)
		default:
			after = append(after, i)
		}
	}
	if len(ahead) == 0 {
		return
	}
	order := append(append(before, ahead...), after...)
	jobs, recs, errs := make([]pageJob, len(order)), make([]pageRecord, len(order)), make([]error, len(order))
	for k, i := range order {
		jobs[k], recs[k], errs[k] = b.jobs[i], b.recs[i], b.jobErrs[i]
	}
	b.jobs, b.recs, b.jobErrs = jobs, recs, errs
}

// renderJobs renders, on all cores, the queued pages not rendered yet that ready accepts,
// and lets go of them. It returns once they are on their way: they render in the
// background (renderBatch) while the build lays out the next pages on the core the
// templates leave idle; renderWait collects their records and errors into b.recs and
// b.jobErrs, by place in the queue. One batch renders at a time: renderJobs waits for the
// one before, so that no more than two steps' bodies are alive.
func (b *builder) renderJobs(ready func(*render.Page) bool) {
	b.renderWait()
	bt := &renderBatch{done: make(chan struct{})}
	for i, j := range b.jobs {
		if j.page != nil && ready(j.page) {
			bt.idx = append(bt.idx, i)
			bt.jobs = append(bt.jobs, j)
			if b.en != nil && j.page.Lang != "en" && b.en.byPath[j.page.Path] == j.page {
				delete(b.en.byPath, j.page.Path)
			}
			b.jobs[i].page = nil // the batch holds it until it is rendered
		}
	}
	n := len(bt.idx)
	bt.recs, bt.out, bt.errs = make([]pageRecord, n), make([][]byte, n), make([]error, n)
	b.rendering = bt
	go func() {
		defer close(bt.done)
		defer bt.carry.Catch() // raised by renderWait, in the build's goroutine
		onAllCores(n, func(k int) {
			bt.recs[k], bt.out[k], bt.errs[k] = b.renderPage(bt.jobs[k])
			bt.jobs[k].page = nil // its body (figures, tables) can go
		})
	}()
}

// renderBatch is the pages renderJobs renders in the background: each worker writes
// only its own slots, read by renderWait once all are done.
type renderBatch struct {
	idx   []int // places in b.jobs
	jobs  []pageJob
	recs  []pageRecord
	out   [][]byte
	errs  []error
	carry diag.Carry
	done  chan struct{}
}

// renderWait waits for the pages renderJobs sent to render and puts their records and
// errors in b.recs and b.jobErrs, sized to the queue, and their bytes (building in
// memory) in b.files.
func (b *builder) renderWait() {
	if n := len(b.jobs) - len(b.recs); n > 0 {
		b.recs = append(b.recs, make([]pageRecord, n)...)
		b.jobErrs = append(b.jobErrs, make([]error, n)...)
	}
	bt := b.rendering
	if bt == nil {
		return
	}
	b.rendering = nil
	<-bt.done
	bt.carry.Raise()
	for k, i := range bt.idx {
		b.recs[i], b.jobErrs[i] = bt.recs[k], bt.errs[k]
		if bt.out[k] != nil {
			b.files[bt.jobs[k].file] = bt.out[k]
		}
	}
}

// HomeBody is the home page's data.
type HomeBody struct {
	Latest      *write.Article
	Charts      []Figure
	Index       string
	IndexCharts []Figure
	Articles    []*write.Article
	Place       *EntityPlace // the site's place among all in the latest period compared
}

func (b *builder) home() error {
	body := &HomeBody{Articles: b.newest()}
	for cs, i := b.comparisons(), len(b.comparisons())-1; i >= 0 && body.Place == nil; i-- {
		if own := model.Own(cs[i].Scores); own != nil && own.Entity != nil {
			body.Place = placeIn(cs[i], own.Entity)
		}
	}
	desc := b.site.Config.Title + " – " + b.site.Current().Name
	illustrative := false
	if latest := b.latestOfSeries(); latest != nil {
		body.Latest = latest
		illustrative = body.Latest.Report.Illustrative
		desc = body.Latest.Summary
		var err error
		if body.Charts, err = b.latestCharts(body.Latest); err != nil {
			return err
		}
		if d, _ := b.w.Data(body.Latest.Report); d != nil && d.Index != nil {
			body.Index, _ = b.w.Text("index-sentence", d)
			body.Index += "."
		}
		if body.IndexCharts, err = b.scoreCharts(); err != nil {
			return err
		}
	}
	return b.page("home", "", b.site.Config.Title, desc, "home", illustrative, body)
}

// latestOfSeries is the newest article of the site's main period kind (model.Site.Series)
// that has rates: the home page's table and chart compare it with its targets. A year's
// result or an index-only item is listed in the news, not set in that table.
func (b *builder) latestOfSeries() *write.Article {
	series := b.site.Series()
	for i := len(series) - 1; i >= 0; i-- {
		if len(series[i].Results) > 0 {
			return b.byPeriod[series[i].Period.Key()]
		}
	}
	if n := len(b.articles); n > 0 {
		return b.articles[n-1]
	}
	return nil
}

// ArticleBody is an article page's data.
type ArticleBody struct {
	Article *write.Article
	Charts  []Figure
	Related []*write.Article
	Ranking string // path of the period's unit ranking, when units were reported
	// Corrections are the article's figures corrected after publication (corrections.go).
	Corrections *ArticleCorrections
	Place       *EntityPlace // the entity's place among all in the period's comparison
}

func (b *builder) articlePages() error {
	for i, a := range b.articles {
		if !b.want(a.Path()) {
			continue
		}
		charts, err := b.articleCharts(a)
		if err != nil {
			return err
		}
		body := &ArticleBody{Article: a, Charts: charts, Related: b.related(i), Corrections: b.articleCorrections(a)}
		if hasUnits(a.Report) {
			body.Ranking = RankingPath(a)
		}
		if c := b.comparisonOf(a.Report.Period.Key()); c != nil {
			body.Place = placeIn(c, a.Report.Entity)
		}
		if err := b.page("article", a.Path(), a.Title, a.Summary, "", a.Report.Illustrative, body); err != nil {
			return err
		}
	}
	return nil
}

// related lists the neighbouring periods first, then the rest of the same year.
func (b *builder) related(i int) []*write.Article {
	var out []*write.Article
	seen := map[int]bool{i: true}
	add := func(j int) {
		if j >= 0 && j < len(b.articles) && !seen[j] {
			seen[j] = true
			out = append(out, b.articles[j])
		}
	}
	add(i - 1)
	add(i + 1)
	year := b.articles[i].Report.Period.Year
	for j := len(b.articles) - 1; j >= 0 && len(out) < 6; j-- {
		if b.articles[j].Report.Period.Year == year {
			add(j)
		}
	}
	return out
}

// IndicatorBody is an indicator page's data.
type IndicatorBody struct {
	Indicator *model.Indicator
	Levels    []*model.Level
	Rows      []IndicatorRow
	Charts    []Figure
	Breaks    []*model.Report // reports that start a new entity's series
	LevelEnds []*model.Level  // levels that ended within the series
}

// IndicatorRow is one period of an indicator's table; Levels align with the body's.
type IndicatorRow struct {
	Article    *write.Article
	Result     *model.Result
	Levels     []*model.LevelResult
	BreakAfter *model.Report // the next (newer) report starts another entity's series
}

func (b *builder) indicatorPages() error {
	for _, ind := range b.site.Indicators {
		if !b.want("chi-tieu/" + ind.Key + "/") {
			continue
		}
		body, illustrative := b.indicatorBody(ind, b.articles)
		var err error
		if body.Charts, err = b.trendCharts(ind, body.Levels); err != nil {
			return err
		}
		if err := b.page("indicator", "chi-tieu/"+ind.Key+"/", ind.Name, ind.Definition, "indicators", illustrative, body); err != nil {
			return err
		}
	}
	return b.page("indicators", "chi-tieu/", "Các chỉ tiêu", "Danh sách các chỉ tiêu, định nghĩa và mục tiêu được giao.", "indicators", false, b.site.Indicators)
}

// indicatorBody is an indicator's table of every period, from the articles of one edition.
func (b *builder) indicatorBody(ind *model.Indicator, articles []*write.Article) (*IndicatorBody, bool) {
	body := &IndicatorBody{Indicator: ind}
	seen := map[*model.Level]bool{}
	illustrative := false
	for _, a := range articles {
		res := a.Report.Result(ind.Key)
		if res == nil {
			continue
		}
		illustrative = illustrative || a.Report.Illustrative
		for _, lr := range res.Levels {
			if !seen[lr.Level] {
				seen[lr.Level] = true
				body.Levels = append(body.Levels, lr.Level)
			}
		}
	}
	sort.SliceStable(body.Levels, func(i, j int) bool { return body.Levels[i].Order < body.Levels[j].Order })
	if latest := b.site.Latest(); latest != nil {
		for _, lv := range body.Levels {
			if !lv.InForce(latest.Period.End()) {
				body.LevelEnds = append(body.LevelEnds, lv)
			}
		}
	}
	// Rows of every period kind, newest first; a line marks where the entity changes.
	var newer *model.Report
	for i := len(articles) - 1; i >= 0; i-- {
		a := articles[i]
		res := a.Report.Result(ind.Key)
		if res == nil {
			continue
		}
		row := IndicatorRow{Article: a, Result: res}
		if a.Report.Break() {
			body.Breaks = append(body.Breaks, a.Report)
		}
		if newer != nil && newer.Entity != a.Report.Entity {
			row.BreakAfter = newer
		}
		newer = a.Report
		for _, lv := range body.Levels {
			var found *model.LevelResult
			for k := range res.Levels {
				if res.Levels[k].Level == lv {
					found = &res.Levels[k]
				}
			}
			row.Levels = append(row.Levels, found)
		}
		body.Rows = append(body.Rows, row)
	}
	return body, illustrative
}

// ArchiveBody is the archive's data: all years, or one.
type ArchiveBody struct {
	Year      int
	Articles  []*write.Article
	Years     []ArchiveBody
	Summaries []*model.Summary
}

func (b *builder) archive() error {
	var years []ArchiveBody
	for _, a := range b.newest() {
		y := a.Report.Period.Year
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, ArchiveBody{Year: y})
		}
		years[len(years)-1].Articles = append(years[len(years)-1].Articles, a)
	}
	for i := range years {
		for _, s := range b.summaryList {
			if s.Reports[0].Period.Year == years[i].Year {
				years[i].Summaries = append(years[i].Summaries, s)
			}
		}
	}
	for _, y := range years {
		title := fmt.Sprintf("Tin bài năm %d", y.Year)
		if err := b.page("archive", fmt.Sprintf("luu-tru/%d/", y.Year), title, title, "archive", false, &y); err != nil {
			return err
		}
	}
	return b.page("archive", "luu-tru/", "Lưu trữ theo năm", "Tin bài về kết quả các chỉ tiêu, theo năm.", "archive", false, &ArchiveBody{Years: years})
}

func (b *builder) pages() error {
	for _, pg := range b.site.Pages {
		html, err := write.Markdown(pg.Body)
		if err != nil {
			return fmt.Errorf("%s: %w", pg.File, err)
		}
		desc := pg.Summary
		if desc == "" {
			desc = pg.Title
		}
		if err := b.page("page", pg.Slug+"/", pg.Title, desc, "page:"+pg.Slug, false, html); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) notFound() error {
	return b.page("404", "404.html", "Không tìm thấy trang", "Không tìm thấy trang", "", false, nil)
}

// assets copies templates/static/ to assets/ and adds ECharts with its licence note.
func (b *builder) assets(opts Options) error {
	err := fs.WalkDir(opts.Source, "templates/static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(opts.Source, p)
		if err != nil {
			return err
		}
		b.files["assets/"+strings.TrimPrefix(p, "templates/static/")] = data
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	b.probs = append(b.probs, render.CheckStatic(opts.Source)...)
	if opts.ECharts != nil {
		b.files[b.echarts] = opts.ECharts
		b.files["assets/vendor/ECHARTS-LICENSE.txt"] = []byte(echarts.Licence)
	}
	return nil
}
