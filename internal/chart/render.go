package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// palette colours the measured series, in order: the first four Okabe–Ito colours,
// which keep a contrast of at least 3:1 on white (WCAG 1.4.11), then darker shades of its
// orange and yellow. Bars also get decal patterns (aria.decal) and lines a symbol each, so
// series differ without colour too. Okabe–Ito's black is the target's.
var palette = []string{
	"#0072B2", // blue 5.2:1
	"#D55E00", // vermillion 3.9:1
	"#009E73", // bluish green 3.4:1
	"#CC79A7", // reddish purple 3.1:1
	"#A66F00", // dark orange 4.3:1
	"#7A6F00", // dark yellow 5.1:1
}

// highlightColor fills the bars of Chart.Highlight (vermillion beside the first series'
// blue), outlined in targetColor.
const highlightColor = "#D55E00"

// targetColor draws target lines and ticks: near black (16:1), dashed.
const targetColor = "#1F1F1F"

// lineSymbols tell line series apart without colour.
var lineSymbols = []string{"circle", "rect", "triangle", "diamond", "roundRect", "emptyCircle", "emptyRect"}

const (
	labelColor  = "#333333"
	gridColor   = "#E0E0E0"
	missingCell = "–" // en dash: no value
	// Animation is kept short for slow phones; charts.js turns it off for readers who
	// prefer reduced motion.
	animationMS       = 300
	animationUpdateMS = 200
)

// Table holds the chart's figures as text, for an HTML table readable without JavaScript.
// Cells are formatted by Chart.Format with Chart.Unit, "–" where a value is missing.
type Table struct {
	Caption string
	Corner  string   // heads the category column (Chart.CategoryName)
	Columns []string // series names
	Rows    []Row    // one per category
}

// Row is one category: its name (a row header) and one cell per series.
type Row struct {
	Label string
	Cells []string
}

// Rendered is a chart ready for the page.
type Rendered struct {
	ID          string
	Title       string
	Description string
	// JSON is the envelope charts.js reads:
	// {"axisSuffix":"%","labels":[[…per category…],…per series…],"option":{…ECharts option…}}.
	// encoding/json has escaped < > & U+2028 U+2029, and no "__f__" marker is left.
	JSON  []byte
	Table Table
	// Inline: the page prints the chart's figures in its own table and offers no embed page
	// or CSV of its own (a ranking: the period's data is in the dataset).
	Inline bool
	// NoEmbed: the page offers the chart's CSV but no embed page (another province's unit:
	// nobody embeds those, and at ten provinces they were 92 % of the embed pages).
	NoEmbed bool
}

// envelope is what the page embeds; see Rendered.JSON.
type envelope struct {
	// AxisSuffix follows each value-axis tick ("%"), or is empty.
	AxisSuffix string `json:"axisSuffix"`
	// Labels[s][c] is series s at category c as Format and Unit wrote it; "" for a gap.
	Labels [][]string `json:"labels"`
	// Roles[s] colours series s: an index into the palette, or -1 for a target. charts.js
	// swaps in the page's own colours (high contrast) by role.
	Roles []int `json:"roles"`
	// Height is the canvas height in CSS pixels at the default font size, when the chart
	// needs more than the stylesheet's (a bar per indicator and level); 0 otherwise.
	Height int `json:"height,omitempty"`
	// The ECharts option follows, as "option" (envelopeJSON).
}

// Render validates c and builds its envelope JSON and table.
func Render(c Chart) (Rendered, error) { return render(c, false) }

// render is Render; withDefaults keeps in the option what charts.js puts back (DefaultsJSON,
// the description): the option as ECharts draws it, for tests.
func render(c Chart, withDefaults bool) (Rendered, error) {
	if err := c.Validate(); err != nil {
		return Rendered{}, err
	}
	labels := make([][]string, len(c.Series))
	for i, s := range c.Series {
		labels[i] = make([]string, len(s.Values))
		for j, v := range s.Values {
			if v != nil {
				labels[i][j] = c.Format(*v) + c.Unit
			}
		}
	}

	opt, drawn := option(&c, withDefaults)
	env := envelope{Height: height(&c)}
	env.Labels = make([][]string, len(drawn))
	env.Roles = make([]int, len(drawn))
	for i, d := range drawn {
		env.Roles[i] = d.role
		env.Labels[i] = make([]string, len(labels[d.series]))
		for j := d.from; j < d.to; j++ {
			env.Labels[i][j] = neutralise(labels[d.series][j])
		}
	}
	if axisSuffix(c.Unit) {
		env.AxisSuffix = neutralise(c.Unit)
	}
	out, err := envelopeJSON(env, opt)
	if err != nil {
		return Rendered{}, fmt.Errorf("chart %q: %w", c.ID, err)
	}
	if bytes.Contains(out, []byte(funcMarker)) { // cannot happen: every string went through neutralise
		return Rendered{}, fmt.Errorf("chart %q: %s marker left in option JSON", c.ID, funcMarker)
	}

	t := Table{Caption: c.Title, Corner: c.CategoryName, Columns: make([]string, len(c.Series))}
	for i, s := range c.Series {
		t.Columns[i] = s.Name
	}
	t.Rows = make([]Row, len(c.Categories))
	for j, cat := range c.labels() {
		cells := make([]string, len(c.Series))
		for i := range c.Series {
			cells[i] = labels[i][j]
			if cells[i] == "" {
				cells[i] = missingCell
			}
		}
		t.Rows[j] = Row{Label: cat, Cells: cells}
	}
	return Rendered{ID: c.ID, Title: c.Title, Description: c.Description, JSON: out, Table: t}, nil
}

// envelopeJSON writes env with opt as its "option", marshalled once. The option's keys are
// put in sorted order (sortKeys), as the pages have had them since the option was decoded
// and encoded again to leave the defaults out: go-echarts' structs write theirs in field order.
func envelopeJSON(env envelope, opt map[string]any) ([]byte, error) {
	head, err := json.Marshal(env)
	if err != nil {
		return nil, err
	}
	o, err := json.Marshal(opt)
	if err != nil {
		return nil, err
	}
	// head ends with the envelope's "}": the option goes before it, last, as a field would.
	out := make([]byte, 0, len(head)+len(`,"option":`)+len(o))
	out = append(out, head[:len(head)-1]...)
	out = append(out, `,"option":`...)
	out = sortKeys(out, o)
	return append(out, '}'), nil
}

// axisSuffix reports whether unit is a symbol to append to axis ticks ("%"), rather
// than a word (" điểm") that names the axis instead.
func axisSuffix(unit string) bool {
	u := strings.TrimSpace(unit)
	if u == "" {
		return false
	}
	for _, r := range u {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return unit == u
}

// funcMarker is what go-echarts' renderer turns into live JavaScript.
const funcMarker = "__f__"

// neutralise breaks every "__f__" in s with a zero-width space between its first two
// underscores, so no renderer can read it as a function, while it reads the same.
// Each pass removes one adjacent "__" pair and adds none, so the loop ends.
func neutralise(s string) string {
	for strings.Contains(s, funcMarker) {
		s = strings.ReplaceAll(s, funcMarker, "_\u200b_f__")
	}
	return s
}

func neutraliseAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = neutralise(s)
	}
	return out
}

// maxLabelledBars is the most bars that still get a value label each; beyond it labels
// crowd, and the tooltip and the table give the figures.
const maxLabelledBars = 24

// Legend icons drawn as paths (kept to their aspect by the legend): a dashed line for a
// target line, a short upright bar for target ticks.
const (
	dashedIcon = "path://M0,0H5V2H0ZM8,0H13V2H8ZM16,0H21V2H16Z"
	tickIcon   = "path://M0,0H2V10H0Z"
)

// legendItem is a legend entry with its own icon.
type legendItem struct {
	Name string `json:"name"`
	Icon string `json:"icon,omitempty"`
}

// drawnSeries is one ECharts series: the part of Chart.Series[series] between categories
// from and to (exclusive). A line is drawn as one such part per stretch between breaks,
// all with the series' name (the legend toggles them together), so that it is not joined
// across a change of province or level.
type drawnSeries struct {
	series, from, to int
	role             int // palette index, or -1 for a target
}

// segments splits the categories at the breaks: [0, b1), [b1, b2), …
func segments(c *Chart) [][2]int {
	from := 0
	var out [][2]int
	for j, cat := range c.Categories {
		if j > 0 && slices.ContainsFunc(c.Breaks, func(b Break) bool { return b.Category == cat }) {
			out = append(out, [2]int{from, j})
			from = j
		}
	}
	return append(out, [2]int{from, len(c.Categories)})
}

// option builds the ECharts option with go-echarts' typed API, and says which part of
// which series each of its series draws. Unless withDefaults, it leaves unset what
// charts.js puts back (DefaultsJSON, the description), so that go-echarts' omitempty
// leaves it out of the JSON.
func option(c *Chart, withDefaults bool) (map[string]any, []drawnSeries) {
	categories := neutraliseAll(c.labels())

	var rect *charts.RectChart
	var bar *charts.Bar
	var line *charts.Line
	var validate func()
	if c.Kind == Bar {
		bar = charts.NewBar()
		bar.SetXAxis(categories)
		if c.Horizontal {
			bar.XYReversal()
		}
		rect, validate = &bar.RectChart, bar.Validate
	} else {
		line = charts.NewLine()
		line.SetXAxis(categories)
		rect, validate = &line.RectChart, line.Validate
	}

	measured := 0
	for _, s := range c.Series {
		if !s.Target {
			measured++
		}
	}
	showLabels := c.Kind == Bar && measured*len(c.Categories) <= maxLabelledBars

	rect.SetGlobalOptions(globalOpts(c, showLabels, withDefaults)...)

	parts := [][2]int{{0, len(c.Categories)}}
	if c.Kind == Line {
		parts = segments(c)
	}
	var drawn []drawnSeries
	// Room for every series at once: go-echarts' series are 1,2 KB structs, which growing
	// the slice copied again and again.
	rect.MultiSeries = make(charts.MultiSeries, 0, len(c.Series)*len(parts))
	legend := make([]any, len(c.Series))
	colour := 0
	breaksDrawn := false
	for i, s := range c.Series {
		name := neutralise(s.Name)
		legend[i] = name
		if s.Target {
			for _, p := range parts {
				values := within(s.Values, p)
				if values == nil {
					continue
				}
				// A line series of its own, as Line.AddSeries makes it (without a Line to
				// overlap, whose base configuration took a tenth of Render to set up).
				t := charts.SingleSeries{Name: name, Type: types.ChartLine, Data: seriesData(values, -1)}
				t.ConfigureSeriesOpts(targetOpts(c.Horizontal, measured, withDefaults)...)
				rect.MultiSeries = append(rect.MultiSeries, t)
				drawn = append(drawn, drawnSeries{series: i, from: p[0], to: p[1], role: -1})
			}
			icon := dashedIcon
			if c.Horizontal {
				icon = tickIcon
			}
			legend[i] = legendItem{Name: name, Icon: icon}
			continue
		}
		k := colour
		colour++
		col := palette[k%len(palette)]
		if c.Kind == Bar {
			position := "top"
			if c.Horizontal {
				position = "right"
			}
			data := seriesData(s.Values, slices.Index(c.Categories, c.Highlight))
			label := opts.Label{Show: opts.Bool(showLabels), Position: position}
			seriesOpts := []charts.SeriesOpts{withData(data)}
			if withDefaults {
				label.Color, label.FontSize = labelColor, 11
				seriesOpts = append(seriesOpts,
					charts.WithItemStyleOpts(opts.ItemStyle{Color: col}),
					charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
					charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "48" }),
				)
			}
			bar.AddSeries(name, nil, append(seriesOpts, charts.WithLabelOpts(label))...)
			drawn = append(drawn, drawnSeries{series: i, from: 0, to: len(c.Categories), role: k})
			continue
		}
		for _, p := range parts {
			values := within(s.Values, p)
			if values == nil {
				continue
			}
			seriesOpts := []charts.SeriesOpts{}
			if !breaksDrawn && len(c.Breaks) > 0 {
				seriesOpts = breakOpts(c.Breaks, c.Inverse)
				breaksDrawn = true
			}
			lc := opts.LineChart{Symbol: lineSymbols[k%len(lineSymbols)]}
			seriesOpts = append(seriesOpts, withData(seriesData(values, -1)))
			if withDefaults {
				lc.SymbolSize, lc.ShowSymbol, lc.ConnectNulls = 7, opts.Bool(true), opts.Bool(false)
				seriesOpts = append(seriesOpts,
					charts.WithItemStyleOpts(opts.ItemStyle{Color: col}),
					charts.WithLineStyleOpts(opts.LineStyle{Color: col, Width: 2}))
			}
			line.AddSeries(name, nil, append(seriesOpts, charts.WithLineChartOpts(lc))...)
			drawn = append(drawn, drawnSeries{series: i, from: p[0], to: p[1], role: k})
		}
	}
	rect.Legend.Data = legend

	v := visitor{horizontal: c.Horizontal, tick: c.Tick, withDefaults: withDefaults}
	if c.Kind == Bar && !c.Horizontal {
		v.barCategories = len(c.Categories)
	}
	rect.Accept(v)
	validate()
	return map[string]any{
		"baseOption": rect.JSON(),
		"media":      media(c, withDefaults),
	}, drawn
}

// within keeps the values of categories p[0] to p[1] and blanks the others; nil when
// that stretch has no value at all (no empty series is drawn).
func within(vs []*float64, p [2]int) []*float64 {
	out := make([]*float64, len(vs))
	any := false
	for j := p[0]; j < p[1]; j++ {
		out[j] = vs[j]
		any = any || vs[j] != nil
	}
	if !any {
		return nil
	}
	return out
}

// Heights of a horizontal bar chart, in CSS pixels at the default font size.
const (
	barRow      = 16 // one bar and its gap
	categoryGap = 18 // between two categories
	axisRoom    = 40 // the value axis and the grid's margins
	// manySeries is the most series a chart of the stylesheet's height holds with its legend
	// on a phone; a chart with more asks for lineGraphRoom below the legend.
	manySeries    = 5
	lineGraphRoom = 240
)

// height is the canvas height a horizontal bar chart needs for every bar to be thick
// enough to read and every label to fit; 0 leaves the stylesheet's.
func height(c *Chart) int {
	// The narrow (vertical) legend is the taller one: size for it.
	legend := len(c.Series)*(legendItemH+legendGap) + 10
	if !c.Horizontal {
		if len(c.Series) > manySeries {
			return legend + gridTopMargin + lineGraphRoom // many lines: the plot below a long legend
		}
		return 0
	}
	bars := 0
	for _, s := range c.Series {
		if !s.Target {
			bars++
		}
	}
	n := len(c.Categories)
	room := axisRoom
	if !axisSuffix(c.Unit) && strings.TrimSpace(c.Unit) != "" {
		room += horizontalNameRoom // the value axis' name under its labels
	}
	return max(legend+gridTopMargin+n*(bars*barRow+categoryGap)+room, 240)
}

// Layout sizes, in CSS pixels, shared by the base option and the media rule.
const (
	legendRow    = 24 // a one-row legend, with its padding
	legendItemH  = 14 // ECharts' default legend itemHeight
	legendGap    = 6  // between rows of the narrow (vertical) legend
	axisNameRoom = 16 // a value-axis name above the plot
	// A horizontal chart's value-axis name, centred under the tick labels: its distance
	// from the axis line, and the room below the plot for it.
	horizontalNameGap  = 26
	horizontalNameRoom = 24
	gridTopMargin      = 16
	charWidth          = 7 // a 12px sans-serif character, generously
	legendIconRoom     = 25 + 5 + 10
	narrowLabelW       = 90  // category names on a narrow horizontal chart
	wideLabelW         = 140 // and on a wide one
	narrowWidth        = 480 // a phone
	wideMin            = 640 // the narrowest chart that gets the wide layout
	valueAxisRoom      = 64  // value-axis labels ("100%") and the grid's margins
)

// barLabelTiers: while a chart is at most maxWidth wide (and, the next tier taking over,
// at least minWidth), its category names get barLabelWidth(minWidth) and fontSize.
// ECharts applies every rule that matches, in order, so the narrowest matching tier wins.
var barLabelTiers = []struct{ maxWidth, minWidth, fontSize int }{
	{wideMin, narrowWidth, 0},
	{narrowWidth, 400, 11},
	{400, 340, 11},
	{340, 280, 11}, // 280: a 320 px screen less the page's margins
}

// barLabelWidth is the width of one category name under a vertical bar chart whose
// container is at least minWidth pixels wide: its share of the plot, less a gap.
func barLabelWidth(minWidth, categories int) int {
	w := (minWidth-valueAxisRoom)/categories - 4
	return max(w, 24)
}

// mediaRule is an ECharts media query: option applies while query holds.
type mediaRule struct {
	Query  mediaQuery     `json:"query"`
	Option map[string]any `json:"option"`
}

type mediaQuery struct {
	MaxWidth int `json:"maxWidth"`
}

type narrowLegend struct {
	Orient    string          `json:"orient"`
	Left      int             `json:"left"`
	Top       int             `json:"top"`
	ItemGap   int             `json:"itemGap"`
	TextStyle narrowLegendTxt `json:"textStyle"`
}

type narrowLegendTxt struct {
	Width    int    `json:"width"`
	Overflow string `json:"overflow"`
}

// media makes the layout responsive, in ECharts' own media queries, which it applies
// again on every resize. When the container is too narrow for the legend on one row:
// one legend item per row at the top left (long names cut; the tooltip and the table
// give them whole) and the plot below it. On a narrow horizontal chart: narrower
// category names and fewer value ticks.
func media(c *Chart, withDefaults bool) []mediaRule {
	n := len(c.Series)
	top := n*legendItemH + (n-1)*legendGap + 10 + gridTopMargin
	if valueAxisNamed(c) || len(c.Breaks) > 0 {
		top += axisNameRoom
	}
	// The narrow legend is all DefaultsJSON's "narrowLegend": charts.js fills the {} in.
	var legend any = struct{}{}
	if withDefaults {
		legend = narrowLegend{Orient: "vertical", Left: 8, Top: 0, ItemGap: legendGap,
			TextStyle: narrowLegendTxt{Width: 220, Overflow: "truncate"}}
	}
	rules := []mediaRule{{
		Query: mediaQuery{MaxWidth: legendWidth(c)},
		Option: map[string]any{
			"legend": legend,
			"grid":   []map[string]any{{"top": top}},
		},
	}}
	if c.Kind == Bar && !c.Horizontal {
		// Category names wrapped under the bars, narrower (and smaller on phones) as the
		// chart narrows, so that every name shows without overlapping its neighbours.
		for _, t := range barLabelTiers {
			label := map[string]any{"width": barLabelWidth(t.minWidth, len(c.Categories))}
			if t.fontSize > 0 {
				label["fontSize"] = t.fontSize
				label["lineHeight"] = t.fontSize + 2
			}
			rules = append(rules, mediaRule{
				Query:  mediaQuery{MaxWidth: t.maxWidth},
				Option: map[string]any{"xAxis": []map[string]any{{"axisLabel": label}}},
			})
		}
	}
	if c.Horizontal {
		rules = append(rules, mediaRule{
			Query: mediaQuery{MaxWidth: narrowWidth},
			Option: map[string]any{
				"yAxis": []map[string]any{{"axisLabel": map[string]any{"width": narrowLabelW}}},
				"xAxis": []map[string]any{{"splitNumber": 2}},
			},
		})
	}
	return rules
}

// legendWidth estimates the width of the legend on one row.
func legendWidth(c *Chart) int {
	w := 10 + 16 // padding, and a margin
	for _, s := range c.Series {
		w += legendIconRoom + charWidth*utf8.RuneCountInString(s.Name)
	}
	return w
}

func valueAxisNamed(c *Chart) bool {
	return !c.Horizontal && !axisSuffix(c.Unit) && strings.TrimSpace(c.Unit) != ""
}

// globalOpts sets everything but the series; withDefaults as for option.
func globalOpts(c *Chart, showLabels, withDefaults bool) []charts.GlobalOpts {
	valueAxisName := ""
	if !axisSuffix(c.Unit) {
		valueAxisName = neutralise(strings.TrimSpace(c.Unit))
	}
	// A value axis' defaults: not upside down, dashed grid lines.
	var splitLine *opts.SplitLine
	var inverse types.Bool
	if withDefaults || c.Inverse {
		inverse = opts.Bool(c.Inverse)
	}
	if withDefaults {
		splitLine = &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor, Type: "dashed"}}
	}
	var lo, hi any
	if c.YMin != nil {
		lo = *c.YMin
	}
	if c.YMax != nil {
		hi = *c.YMax
	}

	var minInterval float64
	if c.WholeNumbers {
		minInterval = 1
	}
	pointer := "line"
	if c.Kind == Bar {
		pointer = "shadow"
	}
	grid := opts.Grid{Top: gridTop(c)}
	if withDefaults {
		grid.ContainLabel, grid.Left, grid.Right, grid.Bottom = opts.Bool(true), "8", "24", "8"
	}
	if c.Horizontal && valueAxisName != "" {
		grid.Bottom = fmt.Sprint(horizontalNameRoom) // the axis name under the tick labels
	}
	if c.Horizontal && showLabels {
		grid.Right = "56" // room for the value labels right of the longest bar
	}
	if c.Kind == Line {
		grid.Right = "32" // room for the last period's name, centred under its point
	}
	tooltip := opts.Tooltip{AxisPointer: &opts.AxisPointer{Type: pointer}}
	// charts.js reads the description from the figure's description paragraph.
	aria := &opts.Aria{Label: &opts.AriaLabel{}}
	global := []charts.GlobalOpts{charts.WithGridOpts(grid)}
	if withDefaults {
		tooltip.Show, tooltip.Trigger = opts.Bool(true), "axis"
		aria = &opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: neutralise(c.Description)},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}
		global = append(global,
			charts.WithColorsOpts(opts.Colors(palette)),
			charts.WithAnimation(true),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "plain", Top: "top", Left: "center"}),
		)
	}
	global = append(global, charts.WithTooltipOpts(tooltip), charts.WithAriaOpts(aria))
	if c.Horizontal {
		x := opts.XAxis{Type: "value", Name: valueAxisName, Inverse: inverse, Min: lo, Max: hi, SplitLine: splitLine}
		if valueAxisName != "" {
			// Centred under the tick labels: at the axis' end ECharts' default, a phone's
			// width cut it ("điể…", "poi…"); the grid keeps room for it below.
			x.NameLocation, x.NameGap = "middle", horizontalNameGap
		}
		return append(global,
			charts.WithXAxisOpts(x),
			// Inverse: the first category at the top, as it reads in the table.
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		)
	}
	return append(global,
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisTick: &opts.AxisTick{AlignWithLabel: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: valueAxisName, Inverse: inverse,
			Min: lo, Max: hi, SplitLine: splitLine, MinInterval: minInterval}),
	)
}

// targetOpts draws a target series. Over categories in a row (periods), a dashed step
// line that changes level half-way between two categories, so each bar or point sits
// under its own target. On a horizontal chart, whose categories are separate indicators,
// a short upright tick per category instead, with no line joining them.
// breakOpts draws each break as a vertical dashed line at its category, labelled at
// the top, on the first measured series (a mark line belongs to a series in ECharts).
func breakOpts(breaks []Break, inverse bool) []charts.SeriesOpts {
	// The label sits above the plot: at the line's end, or its start when the axis is
	// upside down (ranks).
	position := "end"
	if inverse {
		position = "start"
	}
	items := make([]opts.MarkLineNameXAxisItem, len(breaks))
	for i, b := range breaks {
		items[i] = opts.MarkLineNameXAxisItem{Name: neutralise(b.Label), XAxis: neutralise(b.Category)}
	}
	return []charts.SeriesOpts{
		charts.WithMarkLineNameXAxisItemOpts(items...),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: position, Color: labelColor, FontSize: 11},
			LineStyle: &opts.LineStyle{Color: labelColor, Type: "dashed", Width: 1},
		}),
	}
}

func targetOpts(horizontal bool, bars int, withDefaults bool) []charts.SeriesOpts {
	var out []charts.SeriesOpts
	var colour string
	var connectNulls types.Bool
	if withDefaults {
		out = append(out, charts.WithItemStyleOpts(opts.ItemStyle{Color: targetColor}))
		colour, connectNulls = targetColor, opts.Bool(false)
	}
	if horizontal {
		// The mark spans the category's bars, a little beyond them.
		return append(out,
			charts.WithLineStyleOpts(opts.LineStyle{Color: colour, Width: 0, Opacity: opts.Float(0)}),
			charts.WithLineChartOpts(opts.LineChart{
				Symbol: "rect", SymbolSize: []int{3, bars*barRow + 6}, ShowSymbol: opts.Bool(true), ConnectNulls: connectNulls,
			}),
		)
	}
	return append(out,
		charts.WithLineStyleOpts(opts.LineStyle{Color: colour, Width: 2, Type: "dashed"}),
		charts.WithLineChartOpts(opts.LineChart{
			Step: "middle", Symbol: "none", ShowSymbol: opts.Bool(false), ConnectNulls: connectNulls,
		}),
	)
}

// gap is ECharts' "no value here": bars are left out, lines break.
const gap = "-"

// seriesData is one series' data points, each its value alone: ECharts reads 98.5 as
// {"value":98.5}, and a ranking chart of 140 units had 1,4 KB of wrappers per series.
// The point at highlight (-1: none) is a bar singled out.
func seriesData(vs []*float64, highlight int) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		var p any = gap
		if v != nil {
			p = *v
		}
		if i == highlight {
			p = opts.BarData{Value: p, ItemStyle: &opts.ItemStyle{Color: highlightColor, BorderColor: targetColor, BorderWidth: 2}}
		}
		out[i] = p
	}
	return out
}

// withData sets a series' data (go-echarts' SingleSeries.Data takes any JSON value), since
// AddSeries takes only objects ([]opts.BarData, []opts.LineData).
func withData(data []any) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = data })
}

// gridTop leaves room above the plot for a one-row legend and a named value axis.
func gridTop(c *Chart) string {
	top := legendRow + gridTopMargin
	if valueAxisNamed(c) || len(c.Breaks) > 0 {
		top += axisNameRoom // the axis name, or the breaks' labels above the plot
	}
	return fmt.Sprint(top)
}
