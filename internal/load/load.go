// Package load reads a site's source — config.toml, the data files under data/ and the
// Markdown pages under content/ — into the model, reporting every problem at its file,
// line and column.
//
// Layout of a site:
//
//	config.toml               site settings
//	data/documents.toml       legal documents that set targets ([[document]])
//	data/indicators.toml      indicators and their targets ([[indicator]], [[indicator.target]])
//	data/levels.toml          administrative levels with validity dates ([[level]])
//	data/units.toml           reporting units, optional ([[unit]]: sở, huyện, xã, phường)
//	data/entities.toml        the reporting body over time, optional ([[entity]]: mergers)
//	data/periods/*.toml       one report per period ([[result]], [index], [dossiers], [[unit_score]])
//	data/periods/ENTITY/*.toml  another entity's reports, optional (a national site, neighbours)
//	data/national/*.toml      every province's index score of a period, optional ([[province]])
//	data/targets/*.toml       the targets assigned for a year, optional ([[target]], [[group]])
//	content/*.md              pages (TOML front matter between +++ lines)
//	content/bai-viet/*.md     the editor's own paragraphs for the article of a period
package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"chiso/internal/diag"
	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Site loads everything under fsys. The site is returned even with errors, as far as it
// could be read, so `check` can report all problems at once.
func Site(fsys fs.FS) (*model.Site, diag.List) {
	var probs diag.List
	s := &model.Site{Notes: map[string]*model.Page{}}
	l := &loader{fsys: fsys, probs: &probs, site: s, keys: registry{}}
	l.config()
	l.documents()
	l.glossary()
	l.levels()
	l.entities()
	l.unitRegistry()
	l.indicators()
	l.plans()
	l.reports()
	l.nationalTables()
	l.pendingSheets()
	l.pages()
	l.silentlyAccepted()
	s.Derive()
	collapseRepeated(&probs)
	return s, probs
}

type loader struct {
	fsys  fs.FS
	probs *diag.List
	site  *model.Site
	docs  map[string]*model.Document
	lvls  map[string]*model.Level
	inds  map[string]*model.Indicator
	units map[string]*model.Unit
	keys  registry
	// broken holds the files that could not be parsed: what refers to them is not
	// checked against their absence, so one slip gives one error.
	broken map[string]bool
}

// registry remembers where each key of a kind (indicator, level, unit, …) was first
// written, so a second row with the same key is reported against the first.
type registry map[string]diag.Pos

// add records key for kind, or reports it as taken at the row's field; an empty key
// (already reported as missing) is not added.
func (r registry) add(l *loader, row *table, field, kind, key string) bool {
	if key == "" {
		return false
	}
	if prev, dup := r[kind+"\x00"+key]; dup {
		l.probs.Errorf(row.PosOf(field), diag.DuplicateKey, key, prev.String())
		return false
	}
	r[kind+"\x00"+key] = row.Pos()
	return true
}

// open reads and parses one TOML file. ok is false when the file is missing (and not
// required) or broken.
func (l *loader) open(name string, required bool) (*table, bool) {
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !required {
			return nil, false
		}
		readFailed(l.probs, name, err)
		l.markBroken(name)
		return nil, false
	}
	t, ok := l.parse(name, src)
	if !ok {
		l.markBroken(name)
	}
	return t, ok
}

func (l *loader) markBroken(name string) {
	if l.broken == nil {
		l.broken = map[string]bool{}
	}
	l.broken[name] = true
}

func (l *loader) parse(name string, src []byte) (*table, bool) {
	if len(src) > MaxFileSize {
		readFailed(l.probs, name, ErrTooLarge)
		return nil, false
	}
	if !utf8.Valid(src) {
		l.probs.Errorf(notUTF8(name, src), diag.NotUTF8)
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text := string(src)
	if p, deep := tooDeep(name, text); deep {
		l.probs.Errorf(p, diag.TooDeep, strconv.Itoa(MaxDepth))
		return nil, false
	}
	m, pos, fast := fastDecode(text)
	if fast { // within the limits already
		return (&file{name: name, pos: pos, probs: l.probs}).root(m), true
	}
	m = map[string]any{}
	if _, err := toml.Decode(text, &m); err != nil {
		p := diag.Pos{File: name, Line: 1}
		msg, line := err.Error(), ""
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, msg = pe.Position.Line, pe.Message
			if p.Line >= 1 {
				lines := strings.Split(text, "\n")
				if p.Line <= len(lines) {
					line = lines[p.Line-1]
				}
				if p.Line <= len(lines) && pe.Position.Col >= 1 {
					p.Col = utf8.RuneCountInString(safePrefix(lines[p.Line-1], pe.Position.Col-1)) + 1
				}
			}
		}
		p.Line, p.Col = stringOpening(text, msg, max(p.Line, 1), p.Col)
		what, todo := explainSyntax(msg, line)
		l.probs.Errorf(p, diag.Syntax, what, todo)
		return nil, false
	}
	f := &file{name: name, pos: locate(text), probs: l.probs}
	if !f.limits(m) {
		return nil, false
	}
	return f.root(m), true
}

func safePrefix(s string, n int) string {
	if n > len(s) {
		return s
	}
	return s[:n]
}

var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// alsoAsSlug files a row whose key is malformed ("nq 02 2024", "Hồ sơ trực tuyến") under
// the key it was meant to be as well, so the rows that refer to it by the right key are
// not reported as unknown: the malformed key is the one error.
func alsoAsSlug[T any](m map[string]T, key string, v T) {
	if keyPattern.MatchString(key) {
		return
	}
	if s := vietnamese.Slug(key); s != "" {
		if _, taken := m[s]; !taken {
			m[s] = v
		}
	}
}

func (l *loader) checkKey(t *table, k string) string {
	v := t.String(k, true)
	if v != "" && !keyPattern.MatchString(v) {
		l.probs.Errorf(t.PosOf(k), diag.BadKey, v, vietnamese.Slug(v))
	}
	return v
}

func (l *loader) config() {
	t, ok := l.open("config.toml", true)
	c := &l.site.Config
	c.Language, c.BasePath, c.JumpWarning = "vi", "/", 20
	if !ok {
		return
	}
	// The province's name, short name and tag were once site settings; they now change
	// over time with the entity (data/entities.toml). Say where each one went.
	for _, moved := range [][2]string{{"entity", "name"}, {"entity_short", "short"}, {"source_tag", "source_tag"}} {
		if t.has(moved[0]) {
			l.probs.Errorf(t.PosOf(moved[0]), diag.MovedToEntities, moved[0], moved[1])
			delete(t.m, moved[0])
		}
	}
	c.Title = t.String("title", true)
	c.BaseURL = strings.TrimRight(t.String("base_url", true), "/")
	if bp := t.String("base_path", false); bp != "" {
		c.BasePath = bp
		if !strings.HasPrefix(bp, "/") || !strings.HasSuffix(bp, "/") || strings.ContainsAny(bp, " \"'<>?#\\") {
			l.probs.Errorf(t.PosOf("base_path"), diag.BadBasePath, bp)
			c.BasePath = "/"
		}
	}
	if lang := t.String("language", false); lang != "" {
		c.Language = lang
	}
	c.Author = t.String("author", false)
	c.Licence = t.String("licence", false)
	c.IndexName = t.String("index_name", true)
	c.IndexShort = t.String("index_short", false)
	if c.IndexShort == "" {
		c.IndexShort = c.IndexName
	}
	c.TitleEn = or(t.String("title_en", false), c.Title)
	c.IndexNameEn = or(t.String("index_name_en", false), c.IndexName)
	c.IndexShortEn = or(t.String("index_short_en", false), c.IndexNameEn)
	if j, ok := t.Number("jump_warning", false); ok {
		c.JumpWarning = j
	}
	c.CorrectionsSince, _ = t.Date("corrections_since", false)
	l.serverRules(t)
	l.publish(t)
	l.siteAddress(t)
	c.Contact = t.String("contact", false)
	c.ReportError = t.String("report_error", false)
	if c.ReportError == "" {
		c.ReportError = c.Contact
	}
	t.Done()
}

func (l *loader) documents() {
	l.docs = map[string]*model.Document{}
	t, ok := l.open("data/documents.toml", true)
	if !ok {
		return
	}
	for _, row := range t.Rows("document") {
		d := l.document(row, true)
		if !l.keys.add(l, row, "key", "document", d.Key) {
			continue
		}
		l.docs[d.Key] = d
		alsoAsSlug(l.docs, d.Key, d)
		l.site.Documents = append(l.site.Documents, d)
	}
	t.Done()
}

// document reads a document's fields; keyed is false for a period's own report, which
// needs no key.
func (l *loader) document(t *table, keyed bool) *model.Document {
	d := &model.Document{Pos: t.Pos()}
	if keyed {
		d.Key = l.checkKey(t, "key")
	}
	d.Type = t.String("type", true)
	// A target's basis is cited by number and date; a period's own report may have neither.
	d.Number = t.String("number", keyed)
	d.Date, _ = t.Date("date", keyed)
	d.Issuer = t.String("issuer", true)
	d.Title = t.String("title", false)
	d.URL = t.String("url", false)
	t.Done()
	return d
}

// validity reads from/to dates and checks their order.
func (l *loader) validity(t *table, fromRequired bool) (from, to time.Time) {
	from, _ = t.Date("from", fromRequired)
	to, _ = t.Date("to", false)
	if !to.IsZero() && to.Before(from) {
		l.probs.Errorf(t.PosOf("to"), diag.DateOrder, vietnamese.Date(from), vietnamese.Date(to))
	}
	return from, to
}

func (l *loader) levels() {
	l.lvls = map[string]*model.Level{}
	t, ok := l.open("data/levels.toml", true)
	if !ok {
		return
	}
	for i, row := range t.Rows("level") {
		lv := &model.Level{Key: l.checkKey(row, "key"), Name: row.String("name", true), Order: i, Pos: row.Pos(), NamePos: row.PosOf("name")}
		lv.NameEn = or(row.String("name_en", false), lv.Name)
		lv.From, lv.To = l.validity(row, false)
		row.Done()
		if !l.keys.add(l, row, "key", "level", lv.Key) {
			continue
		}
		l.lvls[lv.Key] = lv
		alsoAsSlug(l.lvls, lv.Key, lv)
		l.site.Levels = append(l.site.Levels, lv)
	}
	t.Done()
}

func (l *loader) indicators() {
	l.inds = map[string]*model.Indicator{}
	t, ok := l.open("data/indicators.toml", true)
	if !ok {
		return
	}
	for i, row := range t.Rows("indicator") {
		ind := &model.Indicator{
			Key:        l.checkKey(row, "key"),
			Name:       row.String("name", true),
			Short:      row.String("short", true),
			Counts:     row.String("counts", true),
			Definition: row.String("definition", true),
			Order:      i,
			Pos:        row.Pos(),
		}
		ind.NameEn = or(row.String("name_en", false), ind.Name)
		ind.ShortEn = or(row.String("short_en", false), ind.Short)
		ind.CountsEn = or(row.String("counts_en", false), ind.Counts)
		ind.DefinitionEn = or(row.String("definition_en", false), ind.Definition)
		ind.HigherIsBetter = true
		if row.has("higher_is_better") {
			ind.HigherIsBetter = row.Bool("higher_is_better")
		} else {
			row.get("higher_is_better")
		}
		for _, tr := range row.Rows("target") {
			tg := &model.Target{Pos: tr.Pos()}
			tg.Value, _ = tr.Number("value", true)
			if tg.Value < 0 || tg.Value > 100 {
				l.probs.Errorf(tr.PosOf("value"), diag.RateRange, vietnamese.Rate(tg.Value))
			}
			tg.From, tg.To = l.validity(tr, true)
			tg.Illustrative = tr.Bool("illustrative")
			if key := tr.String("basis", true); key != "" {
				if tg.Basis = l.docs[key]; tg.Basis == nil && !l.broken["data/documents.toml"] {
					l.probs.Errorf(tr.PosOf("basis"), diag.UnknownDocument, key)
				}
			}
			tr.Done()
			ind.Targets = append(ind.Targets, tg)
		}
		row.Done()
		if !l.keys.add(l, row, "key", "indicator", ind.Key) {
			continue
		}
		l.inds[ind.Key] = ind
		alsoAsSlug(l.inds, ind.Key, ind)
		l.site.Indicators = append(l.site.Indicators, ind)
	}
	t.Done()
}

func (l *loader) reports() {
	names, _ := fs.Glob(l.fsys, "data/periods/*.toml")
	if len(names) == 0 {
		l.probs.Errorf(diag.Pos{File: "data/periods/"}, diag.NoPeriods)
	}
	// Other entities' reports, one folder per entity (entities.go).
	others, _ := fs.Glob(l.fsys, "data/periods/*/*.toml")
	names = append(names, others...)
	sort.Strings(names)
	// Periods refer to levels, units, indicators and provinces: while one of those files
	// cannot be read, periods are only parsed, so that every syntax error shows in one
	// run but no figure is reported as unknown because of another file's slip.
	foundation := l.broken["data/levels.toml"] || l.broken["data/units.toml"] ||
		l.broken["data/indicators.toml"] || l.broken["data/entities.toml"]
	// Each file stands alone and what it refers to is read already: parse and read the
	// files on all cores, each into its own list of problems, then take the reports in
	// name order so diagnostics keep their order.
	type period struct {
		report *model.Report
		owner  *model.Entity
		probs  diag.List
	}
	periods := make([]period, len(names))
	var wg sync.WaitGroup
	var carry diag.Carry
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			defer carry.Catch()
			p := &periods[i]
			// The loader's maps are only read from here on; a broken period file is not
			// one a later check asks about.
			sub := *l
			sub.probs, sub.broken = &p.probs, nil
			t, _ := sub.open(name, true)
			if t == nil || foundation {
				return
			}
			owner, ok := sub.periodOwner(name)
			if !ok {
				return
			}
			p.report, p.owner = sub.report(name, t, owner), owner
		}()
	}
	wg.Wait()
	carry.Raise()
	seen := map[string]*model.Report{}
	for _, p := range periods {
		*l.probs = append(*l.probs, p.probs...)
		r, owner := p.report, p.owner
		if r == nil {
			continue
		}
		key := r.Period.Key()
		if owner != nil {
			key = owner.Key + "\x00" + key
		}
		if prev, dup := seen[key]; dup {
			l.probs.Errorf(r.Pos, diag.DuplicatePeriod, r.Period.Key(), prev.File)
			continue
		}
		seen[key] = r
		if owner == nil {
			l.site.Reports = append(l.site.Reports, r)
		} else {
			l.site.Others = append(l.site.Others, r)
		}
	}
}

func (l *loader) report(name string, t *table, owner *model.Entity) *model.Report {
	r := &model.Report{File: name, Pos: t.PosOf("period")}
	errs := errorCount(*l.probs)
	ps := t.String("period", true)
	p, ok := model.ParsePeriod(ps)
	if ps != "" && !ok {
		l.probs.Errorf(t.PosOf("period"), diag.BadPeriod, ps)
	}
	r.Period = p
	// A file named like a period must hold that period: 2024-05.toml is not April.
	if base := strings.TrimSuffix(path.Base(name), ".toml"); ok {
		if named, isPeriod := model.ParsePeriod(base); isPeriod && named.Key() != p.Key() {
			l.probs.Errorf(t.PosOf("period"), diag.PeriodFileName, path.Base(name), ps, base)
		}
	}
	// A month or a quarter is often extracted over a window of other dates.
	if w := t.Table("window"); w != nil {
		from, to := l.validity(w, true)
		if p.Kind == model.Snapshot || p.Kind == model.Window {
			// These kinds are dates already: a second pair would change the key.
			t.wrong("window", "khoảng ngày của một kỳ tháng, quý, năm hoặc tuần (kỳ này đã có ngày: bỏ mục [window])", "{ from = 2024-03-21, to = 2024-04-20 }")
		} else {
			r.Period.From, r.Period.To = from, to
		}
		w.Done()
	}
	r.Illustrative = t.Bool("illustrative")
	r.SourceSystem = t.String("source_system", false)
	r.SourceShort = t.String("source_short", false)
	r.Source = l.sourceKind(t, r.SourceSystem != "")
	r.Author = t.String("author", false)
	if r.Author == "" {
		r.Author = l.site.Config.Author
	}
	if doc := t.Table("report"); doc != nil {
		r.Document = l.document(doc, false)
	}
	if x := t.Table("index"); x != nil {
		r.Index = l.index(x)
	}
	if d := t.Table("dossiers"); d != nil {
		r.Dossiers = l.dossiers(d)
	}
	r.UnitScores = l.unitScores(t.Rows("unit_score"))
	seen := map[string]*table{}
	for _, row := range t.Rows("result") {
		res := l.result(row)
		if res == nil {
			continue
		}
		if first, dup := seen[res.Indicator.Key]; dup {
			l.probs.Errorf(row.PosOf("indicator"), diag.DuplicateResult, res.Indicator.Key, first.Pos().Line)
			continue
		}
		seen[res.Indicator.Key] = row
		r.Results = append(r.Results, res)
	}
	t.Done()
	// A report says something: rates, the index, dossier figures or unit scores (Report.Empty).
	if r.Empty() && errorCount(*l.probs) == errs {
		l.probs.Errorf(r.Pos, diag.EmptyReport, ps)
	}
	// A file that could not be read as written is not checked further: later checks would
	// only repeat the slip in other words (a mistyped whole read as 0 is no 95-point jump).
	if !ok || errorCount(*l.probs) > errs {
		return nil
	}
	if owner != nil {
		r.Entity = owner
		if !owner.InForce(r.Period.End()) {
			l.probs.Errorf(r.Pos, diag.EntityNotInForce, owner.Key, r.Period.Key())
		}
	} else if r.Entity = l.entityOn(r.Period.End()); r.Entity == nil {
		l.probs.Errorf(r.Pos, diag.NoEntity, r.Period.Key())
		return r
	}
	l.unitsBelong(r)
	return r
}

// sourceKind reads source = "system" | "portal": the province's own procedure system
// (the default when source_system names it) or the National Public Service Portal.
func (l *loader) sourceKind(t *table, hasSystem bool) model.SourceKind {
	switch v := t.String("source", false); v {
	case "":
		if hasSystem {
			return model.SourceSystem
		}
		return model.SourceNone
	case "system":
		if !hasSystem {
			t.missing("source_system")
		}
		return model.SourceSystem
	case "portal":
		if hasSystem {
			t.wrong("source", "\"system\" khi đã ghi source_system (hệ thống của tỉnh); bỏ source_system nếu số liệu lấy từ Cổng Dịch vụ công quốc gia", `"system"`)
		}
		return model.SourcePortal
	default:
		t.wrong("source", "\"system\" (hệ thống của tỉnh) hoặc \"portal\" (Cổng Dịch vụ công quốc gia)", `"portal"`)
		return model.SourceNone
	}
}

func (l *loader) index(t *table) *model.IndexScore {
	x := &model.IndexScore{Pos: t.Pos(), ScorePos: t.PosOf("score"), RankPos: t.PosOf("rank")}
	x.Score = l.optNumber(t, "score")
	if !t.has("score") {
		x.ScorePos = x.Pos
	}
	if !t.has("rank") {
		x.RankPos = x.Pos
	}
	rank, _ := t.Int("rank", false)
	of, _ := t.Int("rank_of", false)
	x.Rank, x.RankOf = int(rank), int(of)
	x.Source = t.String("source", false)
	x.Class = t.String("class", false)
	x.NationalAverage = l.optNumber(t, "national_average")
	x.Lead = l.optNumber(t, "lead")
	if c := t.Table("change"); c != nil {
		x.Stated = l.statedChange(c)
	}
	for _, g := range t.Rows("group") {
		grp := model.Group{Name: g.String("name", true), Pos: g.Pos()}
		grp.Score, _ = g.Number("score", true)
		grp.Max, _ = g.Number("max", false)
		grp.Change = l.optNumber(g, "change")
		g.Done()
		x.Groups = append(x.Groups, grp)
	}
	t.Done()
	// An index needs one fact of its own; the national average and the lead are said
	// about a score, so they need one.
	if !t.has("score") && (!t.has("rank") && !t.has("class") && !t.has("group") || t.has("national_average")) {
		t.missing("score")
	}
	return x
}

// statedChange reads [index.change]: what the source says changed, against a period
// the site may not hold.
func (l *loader) statedChange(t *table) *model.StatedChange {
	c := &model.StatedChange{Pos: t.Pos()}
	if s := t.String("against", false); s != "" {
		p, ok := model.ParsePeriod(s)
		if !ok {
			l.probs.Errorf(t.PosOf("against"), diag.BadPeriod, s)
		}
		c.Against = &p
	}
	c.Score = l.optNumber(t, "score")
	if r, ok := t.Int("rank", false); ok {
		n := int(r)
		c.Rank = &n
	}
	if k, ok := t.Int("kept_for", false); ok {
		c.KeptFor = int(k)
		// "giữ nguyên vị trí … liên tiếp" is a rank change of 0; with a rank that moved it
		// would contradict itself.
		if c.KeptFor < 2 || c.Rank != nil && *c.Rank != 0 {
			t.wrong("kept_for", "số kỳ liên tiếp giữ nguyên vị trí (từ 2), chỉ ghi khi rank = 0 hoặc không ghi rank", "2")
		}
	}
	t.Done()
	return c
}

// optNumber reads an optional number, nil when absent.
func (l *loader) optNumber(t *table, k string) *float64 {
	v, ok := t.Number(k, false)
	if !ok {
		return nil
	}
	return &v
}

// result reads one [[result]] row; rates are checked later by package validate, which
// needs the period and the levels in force.
func (l *loader) result(t *table) *model.Result {
	res := &model.Result{Pos: t.Pos()}
	errs := errorCount(*l.probs)
	key := t.String("indicator", true)
	if key != "" {
		if res.Indicator = l.inds[key]; res.Indicator == nil {
			l.probs.Errorf(t.PosOf("indicator"), diag.UnknownIndicator, key, l.suggestIndicator(key))
		}
	}
	whole, hasWhole := t.Number("whole", false)
	rates := t.Numbers("levels", false)
	nums := t.Numbers("numerators", true)
	dens := t.Numbers("denominators", true)
	unitRows := t.Rows("units")
	t.Done()
	if res.Indicator == nil {
		return nil
	}
	byLevel := map[string]*model.LevelResult{}
	level := func(e entry) *model.LevelResult {
		lv := l.lvls[e.Key]
		if lv == nil {
			l.probs.Errorf(e.Pos, diag.UnknownLevel, e.Key, l.levelKeys())
			return nil
		}
		lr := byLevel[e.Key]
		if lr == nil {
			res.Levels = append(res.Levels, model.LevelResult{Level: lv, Pos: e.Pos})
			lr = &res.Levels[len(res.Levels)-1]
			byLevel[e.Key] = lr
		}
		return lr
	}
	// Pointers into res.Levels stay valid only while it does not grow: size it first.
	res.Levels = make([]model.LevelResult, 0, len(rates)+len(nums)+len(dens)+len(l.site.Levels))
	for _, e := range rates {
		if lr := level(e); lr != nil {
			lr.Rate = e.Value
		}
	}
	denOf := map[string]entry{}
	for _, e := range dens {
		denOf[e.Key] = e
	}
	lone := l.loneCounts(t, len(nums), len(dens))
	for _, e := range nums {
		d, ok := denOf[e.Key]
		if !ok {
			if !lone && !t.rawHas("denominators", e.Key) {
				l.probs.Errorf(e.Pos, diag.CountPair, e.Key)
			}
			continue
		}
		delete(denOf, e.Key)
		lr := level(e)
		if lr == nil {
			continue
		}
		lr.Count = &model.Count{Num: int64(e.Value), Den: int64(d.Value)}
		countRate := l.checkCount(e, d)
		if countRate >= 0 {
			if _, given := rateOf(rates, e.Key); !given {
				lr.Rate = countRate
			}
		}
	}
	for _, d := range denOf {
		if !lone && !t.rawHas("numerators", d.Key) {
			l.probs.Errorf(d.Pos, diag.CountPair, d.Key)
		}
	}
	l.unitResults(res, unitRows, byLevel, level)
	res.Whole, res.Given, res.WholePos = whole, hasWhole, t.PosOf("whole")
	if !hasWhole || len(nums) > 0 {
		var counts []model.Count
		for _, lr := range res.Levels {
			if lr.Count != nil && lr.Count.Den > 0 {
				counts = append(counts, *lr.Count)
			}
		}
		if len(counts) == len(res.Levels) && len(counts) > 0 {
			if rate, sum, ok := model.PooledRate(counts); ok {
				res.Count = &sum
				res.Computed = !hasWhole
				if !hasWhole {
					res.Whole = rate
				}
			}
		}
	}
	if !hasWhole && !res.Computed && errorCount(*l.probs) == errs {
		l.probs.Errorf(t.Pos(), diag.NoWhole, key)
	}
	return res
}

// checkCount reports impossible counts and returns the rate they give, or -1.
func (l *loader) checkCount(num, den entry) float64 {
	switch {
	case num.Value < 0:
		l.probs.Errorf(num.Pos, diag.CountNegative, vietnamese.Int(int64(num.Value)))
	case den.Value < 0:
		l.probs.Errorf(den.Pos, diag.CountNegative, vietnamese.Int(int64(den.Value)))
	case den.Value == 0:
		l.probs.Errorf(den.Pos, diag.ZeroDenominator, den.Key)
	case num.Value > den.Value:
		l.probs.Errorf(num.Pos, diag.CountAbove, vietnamese.Int(int64(num.Value)), vietnamese.Int(int64(den.Value)))
	default:
		return model.Count{Num: int64(num.Value), Den: int64(den.Value)}.Rate()
	}
	return -1
}

func rateOf(es []entry, key string) (float64, bool) {
	for _, e := range es {
		if e.Key == key {
			return e.Value, true
		}
	}
	return 0, false
}

func (l *loader) levelKeys() string {
	keys := make([]string, 0, len(l.site.Levels))
	for _, lv := range l.site.Levels {
		keys = append(keys, lv.Key)
	}
	return strings.Join(keys, ", ")
}

// suggestIndicator names the closest known key when a key is one or two letters off.
func (l *loader) suggestIndicator(key string) string {
	keys := make([]string, len(l.site.Indicators))
	for i, ind := range l.site.Indicators {
		keys[i] = ind.Key
	}
	return suggest(key, keys)
}

// suggest words "did you mean" for the known key closest to key, within two letters.
func suggest(key string, known []string) string {
	best, dist := "", 3
	for _, k := range known {
		if d := vietnamese.Distance(key, k); d < dist {
			best, dist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return diag.Suggestion(best)
}

// pages reads content/*.md and content/bai-viet/*.md.
func (l *loader) pages() {
	names, _ := fs.Glob(l.fsys, "content/*.md")
	notes, _ := fs.Glob(l.fsys, "content/bai-viet/*.md")
	for _, name := range append(names, notes...) {
		src, err := fs.ReadFile(l.fsys, name)
		if err != nil {
			readFailed(l.probs, name, err)
			continue
		}
		p := l.page(name, src)
		if p == nil {
			continue
		}
		if strings.HasPrefix(name, "content/bai-viet/") {
			p.Period = strings.TrimSuffix(path.Base(name), ".md")
			l.site.Notes[p.Period] = p
			continue
		}
		l.site.Pages = append(l.site.Pages, p)
	}
	l.englishPages()
	sort.SliceStable(l.site.Pages, func(i, j int) bool {
		a, b := l.site.Pages[i], l.site.Pages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Slug < b.Slug
	})
}

// page splits TOML front matter (between +++ lines) from the Markdown body, keeping the
// line numbers of both.
func (l *loader) page(name string, src []byte) *model.Page {
	if !utf8.Valid(src) {
		l.probs.Errorf(notUTF8(name, src), diag.NotUTF8)
		return nil
	}
	text := vietnamese.NFC(strings.TrimPrefix(string(src), "\ufeff"))
	p := &model.Page{File: name, Slug: strings.TrimSuffix(path.Base(name), ".md"), Line: 1}
	if strings.HasPrefix(text, "+++\n") || strings.HasPrefix(text, "+++\r\n") {
		rest := text[strings.Index(text, "\n")+1:]
		end := strings.Index(rest, "\n+++")
		if end < 0 {
			l.probs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, diag.FrontMatter, "thiếu dòng +++ kết thúc")
			return nil
		}
		front := rest[:end+1]
		body := rest[end+len("\n+++"):]
		if i := strings.Index(body, "\n"); i >= 0 {
			body = body[i+1:]
		} else {
			body = ""
		}
		// Pad so the TOML parser's line numbers are the file's line numbers.
		t, ok := l.parse(name, []byte("\n"+front))
		if !ok {
			return nil
		}
		p.Title = t.String("title", !strings.HasPrefix(name, "content/bai-viet/"))
		p.Summary = t.String("summary", false)
		if w, ok := t.Int("weight", false); ok {
			p.Weight = int(w)
		}
		if s := t.String("slug", false); s != "" {
			p.Slug = s
		}
		t.Done()
		p.Line = strings.Count(text[:len(text)-len(body)], "\n") + 1
		p.Body = body
	} else {
		p.Body = text
	}
	p.Slug = vietnamese.Slug(p.Slug)
	return p
}
