package chart

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
)

// Kind is the chart type.
type Kind int

const (
	Bar  Kind = iota // vertical bars (horizontal with Chart.Horizontal)
	Line             // lines with a symbol per series
)

func (k Kind) String() string {
	switch k {
	case Bar:
		return "bar"
	case Line:
		return "line"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Chart describes one chart. All text is shown as given (normalise it to NFC first).
type Chart struct {
	// ID names the chart in the page: the figure's id, and the prefix of the ids
	// "{ID}-title", "{ID}-desc" and "{ID}-option". It must match ^[a-z][a-z0-9-]*$ and
	// be unique on its page. It is never generated, so builds stay identical.
	ID   string
	Kind Kind
	// Title is shown by the page as the figure caption and the table caption; it is not
	// drawn inside the chart.
	Title string
	// Description is the written summary for screen readers: the figure's visible
	// description and the chart's aria description.
	Description string
	// CategoryName heads the category column of the table ("Kỳ", "Chỉ tiêu"); optional.
	CategoryName string
	// Categories label the category axis: periods ("4/2024") or indicator names.
	Categories []string
	Series     []Series
	// Unit is appended to every formatted value: "%", " điểm" or "". A unit made of
	// letters (after its leading space) also names the value axis.
	Unit string
	// Format writes a value the Vietnamese way (63.4 → "63,4"); required. The package
	// never formats a number itself.
	Format func(float64) string
	// YMin and YMax bound the value axis when set.
	YMin, YMax *float64
	// Inverse turns the value axis upside down (ranks: 1 is best, at the top).
	Inverse bool
	// Tick is the distance between two value-axis ticks, when set (5: 85, 90, 95, 100).
	// Vertical axes only.
	Tick float64
	// WholeNumbers puts no tick between two whole numbers (ranks). Vertical axes only.
	WholeNumbers bool
	// Breaks mark categories where a series stops being comparable with what comes
	// before (a merged province, a level that ends): a vertical dashed line with a label,
	// and every line stops before it and starts again after it. Line charts only.
	Breaks []Break
	// Horizontal draws a Bar chart with the categories on the vertical axis, for long
	// names. Not allowed with Line.
	Horizontal bool
	// Highlight is a category to single out, such as the site's own province among all:
	// its bars get a colour of their own and a dark outline, and its name on the axis and
	// in the table is followed by HighlightNote (" (trang này)"), so that colour is not the
	// only cue. The chart's data (Categories) keeps the plain name. Bar only.
	Highlight, HighlightNote string
}

// labels are the categories as shown: the highlighted one with its note.
func (c *Chart) labels() []string {
	if c.Highlight == "" || c.HighlightNote == "" {
		return c.Categories
	}
	out := slices.Clone(c.Categories)
	if i := slices.Index(out, c.Highlight); i >= 0 {
		out[i] += c.HighlightNote
	}
	return out
}

// Break is a vertical marker before Category, labelled Label ("Gia Lai mới").
type Break struct {
	Category string
	Label    string
}

// Series is one named row of values, one per category.
type Series struct {
	Name string
	// Values holds one value per category; nil is a gap (no value for that category).
	Values []*float64
	// Target draws the series as a target, not a measured value: over periods a dashed
	// step line, which may change from one period to the next; on a horizontal bar chart
	// (categories that are separate indicators) a mark across each category's bars.
	Target bool
}

// idPattern is what an ID must look like: safe in HTML ids, CSS selectors and URLs.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// maxIDLen keeps ids readable; nothing depends on the exact figure.
const maxIDLen = 64

// Validate reports every problem with c, joined, or nil.
func (c Chart) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("chart %q: "+format, append([]any{c.ID}, args...)...))
	}
	if !idPattern.MatchString(c.ID) {
		bad("ID must match %s", idPattern)
	} else if len(c.ID) > maxIDLen {
		bad("ID is longer than %d bytes", maxIDLen)
	}
	for _, b := range c.Breaks {
		if c.Kind != Line {
			bad("Breaks are only for Line charts")
		}
		if !slices.Contains(c.Categories, b.Category) {
			bad("break at %q, which is not a category", b.Category)
		}
	}
	if c.Highlight != "" {
		if c.Kind != Bar {
			bad("Highlight is only for Bar charts")
		}
		if !slices.Contains(c.Categories, c.Highlight) {
			bad("highlight %q, which is not a category", c.Highlight)
		}
	}
	switch c.Kind {
	case Bar:
	case Line:
		if c.Horizontal {
			bad("Horizontal is only for Bar charts")
		}
	default:
		bad("unknown Kind %v", c.Kind)
	}
	if c.Title == "" {
		bad("Title is empty")
	}
	if c.Description == "" {
		bad("Description is empty (screen readers need it)")
	}
	if c.Format == nil {
		bad("Format is nil")
	}
	if len(c.Categories) == 0 {
		bad("no Categories")
	}
	if len(c.Series) == 0 {
		bad("no Series")
	}
	seen := make(map[string]bool, len(c.Series))
	for i, s := range c.Series {
		switch {
		case s.Name == "":
			bad("series %d has no Name", i)
		case seen[s.Name]:
			bad("series %d: Name %q is used twice (the legend toggles series by name)", i, s.Name)
		}
		seen[s.Name] = true
		if len(s.Values) != len(c.Categories) {
			bad("series %q has %d values for %d categories", s.Name, len(s.Values), len(c.Categories))
		}
		for j, v := range s.Values {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				bad("series %q, value %d is %v", s.Name, j, *v)
			}
		}
	}
	for _, b := range []struct {
		name string
		v    *float64
	}{{"YMin", c.YMin}, {"YMax", c.YMax}} {
		if b.v != nil && (math.IsNaN(*b.v) || math.IsInf(*b.v, 0)) {
			bad("%s is %v", b.name, *b.v)
		}
	}
	if math.IsNaN(c.Tick) || math.IsInf(c.Tick, 0) || c.Tick < 0 {
		bad("Tick is %v", c.Tick)
	}
	if c.YMin != nil && c.YMax != nil && !(*c.YMin < *c.YMax) {
		bad("YMin %v is not below YMax %v", *c.YMin, *c.YMax)
	}
	return errors.Join(errs...)
}
