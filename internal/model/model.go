// Package model is the domain the site reports on: indicators with targets set by legal
// documents, administrative levels that come and go, and one report per period with the
// results of every indicator, whole and by level, and the province's index score.
//
// Everything here is plain data plus the rules that derive from it (pooled rates, the
// target in force, met or not met, change since the previous period). Loading and wording
// live elsewhere.
package model

import (
	"time"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// Config is the site's config.toml.
type Config struct {
	Title       string // site title
	Entity      string // "tỉnh Bình Định"
	EntityShort string // "tỉnh" as in "trên địa bàn tỉnh"
	SourceTag   string // "binhdinh.gov.vn", printed as "(binhdinh.gov.vn) -"
	BaseURL     string // "https://binhdinh.gov.vn"
	BasePath    string // "/chi-so/"
	Language    string // "vi"
	Author      string // default author
	Licence     string // licence of the data, e.g. "CC-BY-4.0"
	IndexName   string // official name of the index being reported on
	JumpWarning float64
	Contact     string // the editors' address, "mailto:…" or a page URL; shown on every page
	ReportError string // where to report a wrong figure ("báo lỗi số liệu"); Contact when empty
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
	Level         *Level
	From, To      time.Time
	SuccessorCode string
	Successor     *Unit
	Pos           diag.Pos
}

// InForce reports whether the unit exists on day d.
func (u *Unit) InForce(d time.Time) bool { return inForce(u.From, u.To, d) }

// Entity is the province (or other body) the site reports on. Provinces merge: Bình Định
// ends on 30/6/2025 and the new Gia Lai begins on 1/7/2025.
type Entity struct {
	Key          string
	Name         string // "tỉnh Bình Định"
	From, To     time.Time
	SuccessorKey string
	Successor    *Entity
	Note         string // what changed, printed where the series breaks
	Pos          diag.Pos
}

// InForce reports whether the entity exists on day d.
func (e *Entity) InForce(d time.Time) bool { return inForce(e.From, e.To, d) }

// Period is a reporting period: a calendar month, with an optional reporting window
// when the figures were extracted over other dates (e.g. 21/3–20/4).
type Period struct {
	Year, Month int
	From, To    time.Time // window; zero when the calendar month
}

// Key is "2024-04", used in file names and URLs.
func (p Period) Key() string {
	return time.Date(p.Year, time.Month(p.Month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
}

// End is the last day of the period, the day targets and levels are looked up on.
func (p Period) End() time.Time {
	if !p.To.IsZero() {
		return p.To
	}
	return time.Date(p.Year, time.Month(p.Month)+1, 0, 0, 0, 0, 0, time.UTC)
}

// Before orders periods.
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || p.Year == q.Year && p.Month < q.Month
}

// Count is a numerator over a denominator, when the report gives them.
type Count struct {
	Num, Den int64
}

// UnitResult is an indicator's counts at one unit.
type UnitResult struct {
	Unit  *Unit
	Count Count
	Rate  float64
	Rank  int // within its level, 1 = highest rate; ties share a rank
	Pos   diag.Pos
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
	Target    *Target
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
	return vietnamese.RoundRate(r.Whole) - vietnamese.RoundRate(r.Previous.Whole), true
}

// Group is one group of the index score ("Công khai, minh bạch": 17,5 of 18).
type Group struct {
	Name  string
	Score float64
	Max   float64
}

// IndexScore is the entity's result in the national index of service to citizens and
// businesses (Quyết định 766/QĐ-TTg), published by the Government Office.
type IndexScore struct {
	Score           float64
	Rank, RankOf    int
	Source          string // "Văn phòng Chính phủ"
	Groups          []Group
	GroupsValid     bool // groups sum to Score; otherwise they are not printed
	NationalAverage *float64
	Class           string // "xuất sắc", "tốt", … when given
	Previous        *IndexScore
	Pos             diag.Pos
	ScorePos        diag.Pos // where score and rank are written, for messages
	RankPos         diag.Pos
}

// Report is one period's data file: the results of every indicator and the index score.
type Report struct {
	Period       Period
	Illustrative bool // figures made up to show the site working: said plainly on every page
	Entity       *Entity
	SourceSystem string // "Hệ thống thông tin giải quyết thủ tục hành chính"
	SourceShort  string // "VNPT – iGate"
	Document     *Document
	Author       string
	Results      []*Result
	Index        *IndexScore
	Previous     *Report
	File         string
	Pos          diag.Pos
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
	Line    int // line where the body starts, for messages
}

// Site is everything loaded and derived.
type Site struct {
	Config     Config
	Documents  []*Document
	Indicators []*Indicator
	Levels     []*Level
	Units      []*Unit
	Entities   []*Entity
	Reports    []*Report // oldest first
	Pages      []*Page   // standalone pages
	Notes      map[string]*Page
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
		if !Meets(u.Rate, r.Target.Value, r.Indicator.HigherIsBetter) {
			out = append(out, u)
		}
	}
	return out
}
