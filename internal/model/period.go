package model

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"chiso/internal/vietnamese"
)

// PeriodKind is the span a report covers. Offices report by month, quarter, year and
// week, as a snapshot to a date (cumulative since the year began) and over reporting
// windows that are not calendar spans; one site may hold several kinds.
type PeriodKind int

// The kinds; a Period written without a kind is a month, as every period once was.
const (
	Month PeriodKind = iota
	Quarter
	Year
	Week
	Snapshot
	Window
)

// order lists reports ending on the same day: the shorter span first, so that a year's
// result follows its December and its fourth quarter.
func (k PeriodKind) order() int {
	return [...]int{Month: 1, Quarter: 3, Year: 5, Week: 0, Snapshot: 4, Window: 2}[k]
}

// Name is the kind's key in data and in templates ("month", "quarter", …).
func (k PeriodKind) Name() string {
	switch k {
	case Week:
		return "week"
	case Month:
		return "month"
	case Window:
		return "window"
	case Quarter:
		return "quarter"
	case Snapshot:
		return "snapshot"
	case Year:
		return "year"
	}
	return "?"
}

// Period is a reporting period. Only the fields of its kind are set: Month for a month,
// Quarter for a quarter, Week for a week; To for a snapshot (the date) and for a window
// (with From). A month or a quarter may also carry a reporting window (From, To) when
// its figures were extracted over other dates (e.g. 21/3–20/4).
type Period struct {
	Kind     PeriodKind
	Year     int
	Month    int
	Quarter  int
	Week     int
	From, To time.Time
}

// The ways a period is written in a data file; the key (and the file name) is the same
// with "--" for the "/" of a window.
var (
	monthPattern    = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	quarterPattern  = regexp.MustCompile(`^(\d{4})-[qQ]([1-4])$`)
	yearPattern     = regexp.MustCompile(`^(\d{4})$`)
	weekPattern     = regexp.MustCompile(`^(\d{4})-[wW](\d{2})$`)
	snapshotPattern = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})$`)
	windowPattern   = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:/|--)(\d{4}-\d{2}-\d{2})$`)
)

// ParsePeriod reads a period as written in a data file: "2024-04" (month), "2024-q2"
// (quarter), "2024" (year), "2024-w03" (ISO week), "2025-07-25" (to that date, since
// the year began), "2025-09-21/2025-10-20" (a reporting window).
func ParsePeriod(s string) (Period, bool) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	date := func(s string) (time.Time, bool) {
		t, err := time.Parse("2006-01-02", s)
		return t, err == nil
	}
	if m := monthPattern.FindStringSubmatch(s); m != nil {
		p := Period{Kind: Month, Year: atoi(m[1]), Month: atoi(m[2])}
		return p, p.Month >= 1 && p.Month <= 12
	}
	if m := quarterPattern.FindStringSubmatch(s); m != nil {
		return Period{Kind: Quarter, Year: atoi(m[1]), Quarter: atoi(m[2])}, true
	}
	if m := yearPattern.FindStringSubmatch(s); m != nil {
		return Period{Kind: Year, Year: atoi(m[1])}, true
	}
	if m := weekPattern.FindStringSubmatch(s); m != nil {
		p := Period{Kind: Week, Year: atoi(m[1]), Week: atoi(m[2])}
		_, last := time.Date(p.Year, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		return p, p.Week >= 1 && p.Week <= last
	}
	if m := snapshotPattern.FindStringSubmatch(s); m != nil {
		to, ok := date(m[1])
		return Period{Kind: Snapshot, Year: to.Year(), To: to}, ok
	}
	if m := windowPattern.FindStringSubmatch(s); m != nil {
		from, ok1 := date(m[1])
		to, ok2 := date(m[2])
		return Period{Kind: Window, Year: to.Year(), From: from, To: to}, ok1 && ok2 && !to.Before(from)
	}
	return Period{}, false
}

// Key names the period in file names and URLs: "2024-04", "2024-q2", "2024",
// "2024-w03", "2025-07-25", "2025-09-21--2025-10-20". Keys never change once published.
func (p Period) Key() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%04d-q%d", p.Year, p.Quarter)
	case Year:
		return fmt.Sprintf("%04d", p.Year)
	case Week:
		return fmt.Sprintf("%04d-w%02d", p.Year, p.Week)
	case Snapshot:
		return p.To.Format("2006-01-02")
	case Window:
		return p.From.Format("2006-01-02") + "--" + p.To.Format("2006-01-02")
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
}

// Windowed reports whether a calendar period carries its own reporting window.
func (p Period) Windowed() bool {
	return p.Kind != Window && p.Kind != Snapshot && !p.From.IsZero()
}

// Start is the first day the figures cover: a snapshot counts from the year's first day.
func (p Period) Start() time.Time {
	if !p.From.IsZero() {
		return p.From
	}
	switch p.Kind {
	case Month:
		return day(p.Year, p.Month, 1)
	case Quarter:
		return day(p.Year, 3*p.Quarter-2, 1)
	case Week:
		return weekMonday(p.Year, p.Week)
	}
	return day(p.Year, 1, 1)
}

// End is the last day of the period, the day targets, levels and the entity in force are
// looked up on.
func (p Period) End() time.Time {
	if !p.To.IsZero() {
		return p.To
	}
	switch p.Kind {
	case Month:
		return day(p.Year, p.Month+1, 0)
	case Quarter:
		return day(p.Year, 3*p.Quarter+1, 0)
	case Week:
		return weekMonday(p.Year, p.Week).AddDate(0, 0, 6)
	}
	return day(p.Year, 12, 31)
}

// Before orders periods by their last day, then the shorter span first, then by kind and
// key, so that the order never depends on the order files were read in.
func (p Period) Before(q Period) bool {
	if a, b := p.End(), q.End(); !a.Equal(b) {
		return a.Before(b)
	}
	if a, b := p.Start(), q.Start(); !a.Equal(b) {
		return a.After(b)
	}
	if p.Kind != q.Kind {
		return p.Kind.order() < q.Kind.order()
	}
	return p.Key() < q.Key()
}

// Months is the number of whole months a snapshot covers when it ends on a month's last
// day ("lũy kế 10 tháng năm 2024"), else 0.
func (p Period) Months() int {
	if p.Kind != Snapshot || p.To.AddDate(0, 0, 1).Day() != 1 {
		return 0
	}
	return int(p.To.Month())
}

// Label names the period in running text, tables and lists: "tháng 4/2024",
// "quý II/2024", "năm 2024", "tuần 3/2024", "tính đến ngày 25/7/2025",
// "từ ngày 21/9 đến ngày 20/10/2025". The article's own wording is in the templates.
func (p Period) Label() string {
	switch p.Kind {
	case Month:
		return "tháng " + p.Short()
	case Snapshot:
		return "tính đến ngày " + vietnamese.Date(p.To)
	case Window:
		return "từ ngày " + p.fromDate() + " đến ngày " + vietnamese.Date(p.To)
	}
	return p.Short()
}

// Long names the period in titles, as the seed does: "tháng 4 năm 2024",
// "quý II năm 2024", "năm 2024", "tuần 3 năm 2024"; a snapshot and a window as Label.
func (p Period) Long() string {
	y := strconv.Itoa(p.Year)
	switch p.Kind {
	case Month:
		return "tháng " + strconv.Itoa(p.Month) + " năm " + y
	case Quarter:
		return "quý " + vietnamese.Roman(p.Quarter) + " năm " + y
	case Week:
		return "tuần " + strconv.Itoa(p.Week) + " năm " + y
	}
	return p.Label()
}

// Short is the period's short form for chart categories: "4/2024", "quý II/2024",
// "năm 2024", "tuần 3/2024", "đến 25/7/2025", "21/9–20/10/2025".
func (p Period) Short() string {
	switch p.Kind {
	case Quarter:
		return "quý " + vietnamese.Roman(p.Quarter) + "/" + strconv.Itoa(p.Year)
	case Year:
		return "năm " + strconv.Itoa(p.Year)
	case Week:
		return "tuần " + strconv.Itoa(p.Week) + "/" + strconv.Itoa(p.Year)
	case Snapshot:
		return "đến " + vietnamese.Date(p.To)
	case Window:
		return WindowLabel(p.From, p.To)
	}
	return vietnamese.MonthYear(p.Year, p.Month)
}

// fromDate is a window's first day, without its year when the window ends in the same year.
func (p Period) fromDate() string {
	if p.From.Year() == p.To.Year() {
		return vietnamese.DayMonth(p.From)
	}
	return vietnamese.Date(p.From)
}

// WindowLabel is "21/9–20/10/2025", with the first year only when the window spans two.
func WindowLabel(from, to time.Time) string {
	if from.Year() == to.Year() {
		return vietnamese.DayMonth(from) + "–" + vietnamese.Date(to)
	}
	return vietnamese.Date(from) + "–" + vietnamese.Date(to)
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// weekMonday is the Monday of ISO week w: week 1 holds the year's first Thursday.
func weekMonday(year, w int) time.Time {
	jan4 := day(year, 1, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

// Series is the reports of the site's main period kind, oldest first: the kind it holds
// most of (the shorter span on a tie). Charts over time draw only these, so that a year
// is never a point on a monthly line.
func (s *Site) Series() []*Report {
	count := map[PeriodKind]int{}
	best := PeriodKind(-1)
	for _, r := range s.Reports {
		k := r.Period.Kind
		count[k]++
		if best < 0 || count[k] > count[best] || count[k] == count[best] && k.order() < best.order() {
			best = k
		}
	}
	var out []*Report
	for _, r := range s.Reports {
		if r.Period.Kind == best {
			out = append(out, r)
		}
	}
	return out
}
