package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// visitor adds the few options go-echarts' structs lack, through its own extension
// point (charts.ConfigurationVisitor), and drops the empty title and toolbox.
type visitor struct {
	charts.BaseConfigurationVisitor
	horizontal bool
	// barCategories is the number of categories of a vertical bar chart (0 otherwise): their
	// names are wrapped under each bar instead of being thinned out by ECharts.
	barCategories int
	// tick is the value axis' interval on a vertical chart (Chart.Tick), 0 for ECharts' own.
	tick float64
	// withDefaults: as for option; otherwise what charts.js puts back is left out.
	withDefaults bool
}

// tooltip adds confine, which keeps the tooltip inside the chart on narrow screens.
type tooltip struct {
	opts.Tooltip
	Confine bool `json:"confine"`
}

func (v visitor) VisitTooltipOpt(t opts.Tooltip) any {
	if !v.withDefaults {
		return t
	}
	return tooltip{Tooltip: t, Confine: true}
}

// categoryLabel wraps long category names on a vertical category axis.
type categoryLabel struct {
	Width      int    `json:"width"`
	Overflow   string `json:"overflow"`
	LineHeight int    `json:"lineHeight"`
	Interval   int    `json:"interval"` // 0: show every name
}

type yAxis struct {
	opts.YAxis
	AxisLabel *categoryLabel `json:"axisLabel,omitempty"`
	Interval  float64        `json:"interval,omitempty"`
}

func (v visitor) VisitYAxis(axes []opts.YAxis) any {
	if !v.horizontal && v.tick == 0 {
		return axes
	}
	out := make([]yAxis, len(axes))
	for i, a := range axes {
		out[i].YAxis = a
		if a.Type == "value" && !v.horizontal {
			out[i].Interval = v.tick
		}
		if a.Type == "category" {
			out[i].AxisLabel = &categoryLabel{Width: wideLabelW, Overflow: "break", LineHeight: 14}
		}
	}
	return out
}

type xAxis struct {
	opts.XAxis
	AxisLabel *categoryLabel `json:"axisLabel,omitempty"`
}

// VisitXAxis shows every category name of a vertical bar chart (indicator names), wrapped
// to the width of its bar; the media rules narrow them on small screens (barLabelWidth).
func (v visitor) VisitXAxis(axes []opts.XAxis) any {
	if v.horizontal || v.barCategories == 0 {
		return axes
	}
	out := make([]xAxis, len(axes))
	for i, a := range axes {
		out[i].XAxis = a
		if a.Type == "category" {
			out[i].AxisLabel = &categoryLabel{Width: barLabelWidth(wideMin, v.barCategories), Overflow: "break", LineHeight: 14}
		}
	}
	return out
}

func (v visitor) Visit(o map[string]any) {
	delete(o, "title") // the page shows the title as HTML
	delete(o, "toolbox")
	if !v.withDefaults {
		delete(o, "color") // go-echarts' palette; charts.js sets ours
		return
	}
	o["animationDuration"] = animationMS
	o["animationDurationUpdate"] = animationUpdateMS
}
