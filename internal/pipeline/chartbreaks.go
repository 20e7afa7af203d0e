package pipeline

import (
	"math"
	"slices"

	"chiso/internal/chart"
	"chiso/internal/model"
	"chiso/internal/write"
)

// seriesBreak is a period where a series over time stops being comparable with the one
// before: another province (a merger), or another set of administrative levels.
type seriesBreak struct {
	Report *model.Report
	Label  string
}

// breakAt adds a break to c before report r, the last category of c, when r's province or
// levels differ from the report before it. check is false for the first point.
func (b *builder) breakAt(l *chartLang, c *chart.Chart, d *seriesData, r *model.Report, check bool) error {
	if !check || r.Previous == nil {
		return nil
	}
	var label string
	var err error
	if r.Break() {
		label, err = l.w.Text("chart-break-entity", r)
	} else if ended, started := levelChange(r.Previous, r); len(ended)+len(started) > 0 {
		label, err = l.w.Text("chart-break-levels", struct{ Ended, Started []*model.Level }{ended, started})
	} else {
		return nil
	}
	if err != nil {
		return err
	}
	label = write.UpperFirst(label)
	c.Breaks = append(c.Breaks, chart.Break{Category: c.Categories[len(c.Categories)-1], Label: label})
	d.Breaks = append(d.Breaks, seriesBreak{Report: r, Label: label})
	return nil
}

// levelChange lists the levels reported before and not now, and now and not before. A
// report with no level breakdown at all (only whole-province rates) changes nothing.
func levelChange(prev, r *model.Report) (ended, started []*model.Level) {
	before, now := prev.Levels(), r.Levels()
	if len(before) == 0 || len(now) == 0 {
		return nil, nil
	}
	for _, l := range before {
		if !slices.Contains(now, l) {
			ended = append(ended, l)
		}
	}
	for _, l := range now {
		if !slices.Contains(before, l) {
			started = append(started, l)
		}
	}
	return ended, started
}

// targetSeries is the target of each result, a mark per indicator; nil where none.
func targetSeries(l *chartLang, results []*model.Result) chart.Series {
	t := chart.Series{Name: l.t("Mục tiêu"), Target: true}
	for _, res := range results {
		var v *float64
		if res.Target != nil {
			v = num(res.Target.Value)
		}
		t.Values = append(t.Values, v)
	}
	return t
}

// axisRange bounds a value axis to the values shown, widened to whole steps with half a
// step of room, and kept within lo–hi: a line of scores from 88 to 96 fills the plot.
func axisRange(series []chart.Series, step, lo, hi float64) (*float64, *float64) {
	least, most := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if v != nil {
				least, most = min(least, *v), max(most, *v)
			}
		}
	}
	if math.IsInf(least, 0) {
		return num(lo), num(hi)
	}
	a := max(lo, math.Floor((least-step/2)/step)*step)
	z := min(hi, math.Ceil((most+step/2)/step)*step)
	if a >= z {
		a, z = lo, hi
	}
	return num(a), num(z)
}
