// Package model is the domain the site reports on: indicators with targets set by legal
// documents, administrative levels that come and go, and one report per period with the
// results of every indicator, whole and by level, and the province's index score.
//
// Everything here is plain data plus the rules that derive from it (pooled rates, the
// target in force, met or not met, change since the previous period). Loading and wording
// live elsewhere.
package model

import (
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// Config is the site's own settings in config.toml. Who the site reports on, and under
// which name, tag and portal, changes over time: that is data/entities.toml (Entity).
type Config struct {
	Title       string // site title
	BaseURL     string // "https://binhdinh.gov.vn"
	BasePath    string // "/chi-so/"
	Language    string // "vi"
	Author      string // default author
	Licence     string // licence of the data, e.g. "CC-BY-4.0"
	IndexName   string // official name of the index being reported on
	IndexShort  string // its short name in titles, "Chỉ số phục vụ người dân, doanh nghiệp"
	JumpWarning float64
	Contact     string // the editors' address, "mailto:…" or a page URL; shown on every page
	ReportError string // where to report a wrong figure ("báo lỗi số liệu"); Contact when empty
	// The English edition's names (title_en, index_name_en, index_short_en); the
	// Vietnamese ones when the file gives none.
	TitleEn, IndexNameEn, IndexShortEn string
	// Glossary is data/glossary.toml: the official English of free text written in the
	// period files and documents (issuers, document types, source systems, classes).
	Glossary map[string]string
	// CorrectionsSince starts the corrections log: changes committed before that day (a
	// site's drafts before it went live) are not corrections. Zero: from the first commit.
	CorrectionsSince time.Time
	// ServerRules names the redirect files build writes for the portal's server
	// ("apache", "nginx", "iis", "netlify"; server_rules). A rules file the server cannot
	// read breaks the whole folder (IIS without URL Rewrite, Apache without AllowOverride
	// FileInfo answer 500), so those two are written only when asked for.
	ServerRules []string
	// Publish is what the site leaves out ([publish]); the zero value publishes everything.
	Publish Publish
}

// Publish is config.toml's [publish]: how much of the output a site makes (issue 9, the
// output's size). Each field's zero value is the default, the whole site.
type Publish struct {
	// EnglishArticles: english = "articles", the English edition without the twins of
	// the unit, ranking and unit-score pages (their links go to the Vietnamese pages).
	EnglishArticles bool
	// CardsArticles: share_cards = "articles", share cards drawn for the home page, the
	// articles and the summaries only; other pages show the home page's card.
	CardsArticles bool
	// NoEmbeds: embeds = false, no nhung/ pages and no embed links under the charts.
	NoEmbeds bool
}

// Document is a legal or administrative document: a resolution that sets targets, or
// the report a period's figures come from.
type Document struct {
	Key    string
	Type   string // "Nghị quyết", "Quyết định", "Báo cáo"
	Number string // "02/NQ-CP"
	Date   time.Time
	Issuer string // "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng UBND tỉnh"
	Title  string
	URL    string
	Pos    diag.Pos
}

// Target is the rate an indicator must reach while the target is in force.
type Target struct {
	Value        float64
	From, To     time.Time // To is zero when open-ended
	Basis        *Document
	Illustrative bool // a value assumed for the sample, not read from Basis
	Pos          diag.Pos
}

// InForce reports whether the target applies on day d.
func (t *Target) InForce(d time.Time) bool { return inForce(t.From, t.To, d) }

func inForce(from, to, d time.Time) bool {
	return !d.Before(from) && (to.IsZero() || !d.After(to))
}

// Indicator is one of the measured rates ("chỉ tiêu").
type Indicator struct {
	Key            string
	Name           string // official name as printed
	Short          string // short name for charts and tables
	NameEn         string // official English name (name_en); Name when not given
	ShortEn        string // short_en; ShortEn falls back to Short
	CountsEn       string // counts_en, "dossiers"
	DefinitionEn   string
	Counts         string // what is counted: "hồ sơ", "dịch vụ công", "thủ tục hành chính"
	Definition     string
	HigherIsBetter bool
	Targets        []*Target
	Order          int
	Pos            diag.Pos
}

// TargetOn is the target in force on day d, or nil.
func (i *Indicator) TargetOn(d time.Time) *Target {
	for _, t := range i.Targets {
		if t.InForce(d) {
			return t
		}
	}
	return nil
}

// Level is an administrative level results are broken down by.
type Level struct {
	Key      string
	Name     string // "Cấp tỉnh"
	NameEn   string // "Provincial level"; Name when not given
	From, To time.Time
	Order    int
	Pos      diag.Pos
	NamePos  diag.Pos // where the name is written, for spelling warnings
}

// InForce reports whether the level exists on day d.
func (l *Level) InForce(d time.Time) bool { return inForce(l.From, l.To, d) }

// Unit is a reporting unit: a provincial department (sở, ban, ngành), a district (until
// 30/6/2025) or a commune or ward. Units come and go; a merged unit names its successor.
type Unit struct {
	Code          string
	Name          string // "Sở Tư pháp", "huyện An Lão", "phường Quy Nhơn"
	NameEn        string // "Department of Justice"; Name when not given
	Level         *Level
	From, To      time.Time
	SuccessorCode string
	Successor     *Unit
	Entity        *Entity // the body it reports to; nil: the site's own (Entity.Own)
	Pos           diag.Pos
}

// InForce reports whether the unit exists on day d.
func (u *Unit) InForce(d time.Time) bool { return inForce(u.From, u.To, d) }

// Entity is the province (or other body) the site reports on, with the names and the
// portal it had while it existed. Provinces merge: Bình Định ends on 30/6/2025 and the
// new Gia Lai begins on 1/7/2025; every page about a period uses the entity of that period.
type Entity struct {
	Key          string
	Name         string // "tỉnh Bình Định", in "của tỉnh Bình Định"
	Short        string // "tỉnh", in "trên địa bàn tỉnh", "của cả tỉnh"
	NameEn       string // "Binh Dinh Province"; by rule from Name when not given (english.ProvinceName)
	ShortEn      string // "province", as in "the province as a whole"
	NoteEn       string
	SourceTag    string // "binhdinh.gov.vn", printed as "(binhdinh.gov.vn) -"
	Portal       string // "https://binhdinh.gov.vn", the entity's portal
	From, To     time.Time
	SuccessorKey string
	Successor    *Entity
	Note         string // what changed, printed where the series breaks
	Own          bool   // the site's own body: the first listed and its successors (entities.go)
	Pos          diag.Pos
}

// InForce reports whether the entity exists on day d.
func (e *Entity) InForce(d time.Time) bool { return inForce(e.From, e.To, d) }

// Count is a numerator over a denominator, when the report gives them.
type Count struct {
	Num, Den int64
}

// UnitResult is an indicator's counts at one unit.
type UnitResult struct {
	Unit  *Unit
	Count Count
	Rank  int // within its level, 1 = highest rate; ties share a rank
	// Where the file gives it (At): line and column, not a diag.Pos with the file's name
	// in each of a national site's millions of cells (40 bytes a cell, not 80).
	Line, Col int32
}

// Rate is the unit's rate, from its counts: a method, not a field, so that a national
// site's millions of cells are 40 bytes each, not 48.
func (u UnitResult) Rate() float64 { return u.Count.Rate() }

// At is where the unit's figures are, in file: its report's File.
func (u *UnitResult) At(file string) diag.Pos {
	return diag.Pos{File: file, Line: int(u.Line), Col: int(u.Col)}
}

// LevelResult is an indicator's rate at one level.
type LevelResult struct {
	Level   *Level
	Rate    float64
	Count   *Count
	UnitSum *Count // the sum of the level's units, when the file also gives the level
	Pos     diag.Pos
}

// Result is an indicator's outcome in one period.
type Result struct {
	Indicator *Indicator
	Whole     float64 // the whole-entity rate, in percent
	Computed  bool    // Whole was computed from counts (a pooled ratio)
	Count     *Count  // pooled counts, when every level gave them
	Levels    []LevelResult
	Units     []UnitResult // per-unit counts, when the file gives them
	Target    *Target      // nil when the indicator has no target: reported with no verdict
	Met       bool
	Previous  *Result // the same indicator in the previous report, if any
	Given     bool    // Whole was written in the file (not computed)
	Pos       diag.Pos
	WholePos  diag.Pos
}

// Change is Whole minus the previous period's Whole, in percentage points, between the
// values as printed so that the sentence adds up for the reader.
func (r *Result) Change() (float64, bool) {
	if r.Previous == nil {
		return 0, false
	}
	return vietnamese.RoundPrinted(r.Whole) - vietnamese.RoundPrinted(r.Previous.Whole), true
}

// Group is one group of the index score ("Công khai, minh bạch": 17,5 of 18), in the
// decision's five groups or the portal's six; its maximum and change are printed when the
// source gives them.
type Group struct {
	Name   string
	Score  float64
	Max    float64  // 0 when the source does not print it
	Change *float64 // change stated by the source, in points
	Pos    diag.Pos
}

// IndexScore is the entity's result in the national index of service to citizens and
// businesses (Quyết định 766/QĐ-TTg), published by the Government Office. Every fact is
// optional as sources print them: a rank alone is a report.
type IndexScore struct {
	Score           *float64 // nil when the source gives no total
	Rank            int      // 0 when not given
	RankOf          int      // 0 when the source writes "xếp thứ 5" without "of how many"
	Source          string   // "Văn phòng Chính phủ", when the report names it
	Groups          []Group
	GroupsValid     bool // groups sum to Score (within their printed precision), or no total
	NationalAverage *float64
	Class           string   // "xuất sắc", "tốt", … when given
	Lead            *float64 // points ahead of the next province ("hơn tỉnh xếp thứ hai 0,05 điểm")
	Stated          *StatedChange
	Previous        *IndexScore
	Pos             diag.Pos
	ScorePos        diag.Pos // where score and rank are written, for messages
	RankPos         diag.Pos
}

// StatedChange is the change the source states against a period the site may not hold
// ("tăng 11,3 điểm và tăng 4 bậc so với tháng 6"): printed as stated, never recomputed.
type StatedChange struct {
	Against *Period  // the period compared with; nil for "so với kỳ trước"
	Score   *float64 // points, signed
	Rank    *int     // places gained (positive) or lost
	KeptFor int      // "giữ nguyên vị trí tháng thứ hai liên tiếp": 2; 0 when not said
	Pos     diag.Pos
}

// HasScore and HasRank say which facts the source gave.
func (x *IndexScore) HasScore() bool { return x.Score != nil }

// HasRank reports whether the source gave a rank.
func (x *IndexScore) HasRank() bool { return x.Rank > 0 }

// SourceKind says where a report's figures come from, which decides its source sentence.
type SourceKind int

const (
	// SourceNone: the report names no source; the article has no source sentence.
	SourceNone SourceKind = iota
	// SourceSystem: the province's own procedure system ("trích xuất từ … VNPT iGate").
	SourceSystem
	// SourcePortal: the National Public Service Portal ("thống kê trên Cổng Dịch vụ công quốc gia").
	SourcePortal
)

// Report is one period's data file. Every part is optional as offices publish them:
// indicator rates (with or without targets), the index score and its facts, the report
// it is cited from, its source.
type Report struct {
	Period       Period
	Illustrative bool // figures made up to show the site working: said plainly on every page
	Entity       *Entity
	Source       SourceKind
	SourceSystem string    // "Hệ thống thông tin giải quyết thủ tục hành chính" (SourceSystem)
	SourceShort  string    // "VNPT – iGate"
	Document     *Document // the report cited, nil when there is none
	Author       string
	Results      []*Result
	Index        *IndexScore
	Dossiers     *Dossiers  // dossier and procedure statistics (dossier.go)
	UnitScores   UnitScores // the units' index scores and classes (unitscore.go)
	Previous     *Report    // the previous report of the same period kind
	File         string
	Pos          diag.Pos
}

// Empty reports whether the report holds no figures at all: neither rates nor the index,
// dossier figures nor unit scores. A new part of a report adds its own test here.
func (r *Report) Empty() bool {
	return len(r.Results) == 0 && r.Index == nil && r.Dossiers == nil && len(r.UnitScores) == 0
}

// Levels are the levels present in the report, in level order.
func (r *Report) Levels() []*Level {
	seen := map[*Level]bool{}
	var out []*Level
	for _, res := range r.Results {
		for _, lr := range res.Levels {
			if !seen[lr.Level] {
				seen[lr.Level] = true
				out = append(out, lr.Level)
			}
		}
	}
	sortLevels(out)
	return out
}

// Result finds the result of an indicator, or nil.
func (r *Report) Result(key string) *Result {
	for _, res := range r.Results {
		if res.Indicator.Key == key {
			return res
		}
	}
	return nil
}

// Page is an editor's Markdown page from content/.
type Page struct {
	Slug    string
	Title   string
	Summary string
	Weight  int
	Period  string // for content/bai-viet/2024-04.md: paragraphs added to that article
	Body    string // Markdown source
	File    string
	Line    int   // line where the body starts, for messages
	English *Page // content/en/SAME-NAME.md, the page's English text; nil when none
}

// Site is everything loaded and derived.
type Site struct {
	Config     Config
	Documents  []*Document
	Indicators []*Indicator
	Levels     []*Level
	Units      []*Unit
	Entities   []*Entity
	Reports    []*Report        // the site's own entities' reports, oldest first
	Others     []*Report        // other entities' reports (data/periods/ENTITY/), by period then entity
	National   []*NationalTable // national tables of index scores (data/national/), oldest first
	Pages      []*Page          // standalone pages
	Notes      map[string]*Page

	// Plans are the target assignments by year, oldest first (targetplan.go).
	Plans []*TargetPlan
}

// Current is the site's own entity in force now: the one with no end date, else the last
// one. The site's own header and footer use it; pages about a period use that period's entity.
func (s *Site) Current() *Entity {
	var last *Entity
	own := s.hasOwn()
	for _, e := range s.Entities {
		if own && !e.Own {
			continue
		}
		if e.To.IsZero() {
			return e
		}
		if last == nil || e.To.After(last.To) {
			last = e
		}
	}
	if last == nil {
		return &Entity{}
	}
	return last
}

// Latest is the newest report.
func (s *Site) Latest() *Report {
	if len(s.Reports) == 0 {
		return nil
	}
	return s.Reports[len(s.Reports)-1]
}

// Indicator finds an indicator by key.
func (s *Site) Indicator(key string) *Indicator {
	for _, i := range s.Indicators {
		if i.Key == key {
			return i
		}
	}
	return nil
}

// Illustrative reports whether any report's figures are illustrative.
func (s *Site) Illustrative() bool {
	for _, r := range s.Reports {
		if r.Illustrative {
			return true
		}
	}
	return false
}

// Unit finds a unit by code.
func (s *Site) Unit(code string) *Unit {
	for _, u := range s.Units {
		if u.Code == code {
			return u
		}
	}
	return nil
}

// Break reports whether r starts a new entity's series: the figures before it belong to
// another body and are not compared with it.
func (r *Report) Break() bool {
	return r.Previous != nil && r.Previous.Entity != r.Entity
}

// UnitsAt lists the unit results of one level, best first (ranked).
func (r *Result) UnitsAt(l *Level) []UnitResult {
	var out []UnitResult
	for _, u := range r.Units {
		if u.Unit.Level == l {
			out = append(out, u)
		}
	}
	return out
}

// Below lists the units whose rate, as printed, misses the target.
func (r *Result) Below() []UnitResult {
	if r.Target == nil {
		return nil
	}
	var out []UnitResult
	for _, u := range r.Units {
		if !Meets(u.Rate(), r.Target.Value, r.Indicator.HigherIsBetter) {
			out = append(out, u)
		}
	}
	return out
}

// Name is the source kind as written in data and compared in templates: "", "system", "portal".
func (k SourceKind) Name() string {
	switch k {
	case SourceSystem:
		return "system"
	case SourcePortal:
		return "portal"
	}
	return ""
}

// VietnameseOnly reports whether the page at path (under the site root, without en/) has
// no English twin: with english = "articles", a unit's page (don-vi/CODE/), a period's
// ranking (bai-viet/KEY/xep-hang/) and unit scores (bai-viet/KEY/diem-don-vi/), the
// site's own or another province's (under tinh/KEY/). By the path alone, so that a link
// written before those pages are laid out already knows.
func (p Publish) VietnameseOnly(path string) bool {
	if !p.EnglishArticles {
		return false
	}
	if rest, ok := strings.CutPrefix(path, "tinh/"); ok {
		if _, after, ok := strings.Cut(rest, "/"); ok {
			path = after
		}
	}
	seg := strings.Split(strings.TrimSuffix(path, "/"), "/")
	switch {
	case len(seg) == 2 && seg[0] == "don-vi" && seg[1] != "":
		return true
	case len(seg) == 3 && seg[0] == "bai-viet" && (seg[2] == "xep-hang" || seg[2] == "diem-don-vi"):
		return true
	}
	return false
}

// EnglishNearest is the English page a Vietnamese page without a twin switches to: its
// article for a ranking or unit scores, the units' list (or the province's page) for a
// unit; en/ for anything else.
func (p Publish) EnglishNearest(path string) string {
	dir := ""
	if rest, ok := strings.CutPrefix(path, "tinh/"); ok {
		if key, after, ok := strings.Cut(rest, "/"); ok {
			dir, path = "tinh/"+key+"/", after
		}
	}
	seg := strings.Split(strings.TrimSuffix(path, "/"), "/")
	switch {
	case len(seg) == 3 && seg[0] == "bai-viet":
		return "en/" + dir + "bai-viet/" + seg[1] + "/"
	case len(seg) == 2 && seg[0] == "don-vi" && dir == "":
		return "en/don-vi/"
	}
	return "en/" + dir
}
