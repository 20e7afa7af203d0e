package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Markers of DefaultsJSON in templates/static/charts.js: `var DEFAULTS = {…}; // END DEFAULTS`.
const scriptStart, scriptEnd = "var DEFAULTS = ", "; // END DEFAULTS"

// ScriptHasDefaults reports whether a charts.js holds DefaultsJSON (as JSON: spacing
// aside) between its markers, and its withDefaults: one that does not would draw every
// chart without the styling Render leaves out.
func ScriptHasDefaults(src []byte) bool {
	i := bytes.Index(src, []byte(scriptStart))
	j := bytes.Index(src, []byte(scriptEnd))
	if i < 0 || j < i || !bytes.Contains(src, []byte("withDefaults(env)")) {
		return false
	}
	var got, want any
	if decode(src[i+len(scriptStart):j], &got) != nil || decode([]byte(DefaultsJSON), &want) != nil {
		return false
	}
	return reflect.DeepEqual(got, want)
}

// DefaultsJSON is the styling every chart shares (issue 9: it was a third of each chart's
// JSON, repeated in every chart of every page). Render leaves these values out of the
// envelope; templates/static/charts.js holds the same object (a test compares them) and
// puts them back before ECharts sees the option, so the chart drawn is the same.
//
//   - "option": the top level of baseOption;
//   - "grid": each grid; "axis": each xAxis and yAxis, by its type;
//   - "series": each series, by its type, or "target" for a series whose role is -1;
//   - "narrowLegend": the legend of each media rule that has one (one item a row).
//
// A measured series' colours (itemStyle.color, and lineStyle.color for a line) also go:
// they are option.color at the series' role, as charts.js sets them.
//
// Render leaves them out by not setting them on go-echarts' options (option, withDefaults).
// Merging only adds a key that is missing, going into objects both sides have (never into
// arrays). So a value listed here must be one every chart of that shape sets: a key some
// charts leave out would be added to them. The tests' stripDefaults refuses such an option.
const DefaultsJSON = `{
  "option": {
    "animation": true,
    "animationDuration": 300,
    "animationDurationUpdate": 200,
    "aria": {"enabled": true, "label": {"enabled": true}, "decal": {"show": true}},
    "color": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A66F00", "#7A6F00"],
    "legend": {"type": "plain", "show": true, "left": "center", "top": "top"},
    "tooltip": {"show": true, "trigger": "axis", "confine": true}
  },
  "grid": {"left": "8", "right": "24", "bottom": "8", "containLabel": true},
  "narrowLegend": {"orient": "vertical", "left": 8, "top": 0, "itemGap": 6, "textStyle": {"width": 220, "overflow": "truncate"}},
  "axis": {
    "value": {"inverse": false, "splitLine": {"show": true, "lineStyle": {"color": "#E0E0E0", "type": "dashed"}}}
  },
  "series": {
    "bar": {"barMaxWidth": "48", "label": {"color": "#333333", "fontSize": 11}, "labelLayout": {"hideOverlap": true}},
    "line": {"animation": true, "connectNulls": false, "showSymbol": true, "symbolSize": 7, "lineStyle": {"width": 2}},
    "target": {"connectNulls": false, "itemStyle": {"color": "#1F1F1F"}, "lineStyle": {"color": "#1F1F1F"}}
  }
}`

// chartDefaults is DefaultsJSON decoded, numbers as json.Number (as options are decoded).
type chartDefaults struct {
	Option map[string]any            `json:"option"`
	Grid   map[string]any            `json:"grid"`
	Narrow map[string]any            `json:"narrowLegend"`
	Axis   map[string]map[string]any `json:"axis"`
	Series map[string]map[string]any `json:"series"`
}

var defaults = func() chartDefaults {
	var d chartDefaults
	if err := decode([]byte(DefaultsJSON), &d); err != nil {
		panic("chart: DefaultsJSON: " + err.Error())
	}
	return d
}()

func decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // numbers keep their text: 98.30 stays what it was
	return dec.Decode(v)
}

// seriesDefaults are the defaults of series s drawn in role (a palette index, or -1 for a
// target): its type's, with its colour.
func seriesDefaults(s map[string]any, role int) map[string]any {
	if role < 0 {
		return defaults.Series["target"]
	}
	kind, _ := s["type"].(string)
	d := map[string]any{}
	for k, v := range defaults.Series[kind] {
		d[k] = v
	}
	palette, _ := defaults.Option["color"].([]any)
	if len(palette) == 0 {
		return d
	}
	col := palette[role%len(palette)]
	d["itemStyle"] = map[string]any{"color": col}
	if kind == "line" {
		ls := map[string]any{"color": col}
		if m, ok := d["lineStyle"].(map[string]any); ok {
			for k, v := range m {
				ls[k] = v
			}
		}
		d["lineStyle"] = ls
	}
	return d
}

// walkDefaults calls f(object, its defaults, where) for every part of base that has
// defaults: base itself, each grid, axis and series.
func walkDefaults(base map[string]any, roles []int, f func(o, d map[string]any, where string) error) error {
	if err := f(base, defaults.Option, "option"); err != nil {
		return err
	}
	for i, g := range list(base["grid"]) {
		if err := f(g, defaults.Grid, fmt.Sprintf("grid %d", i)); err != nil {
			return err
		}
	}
	for _, axis := range []string{"xAxis", "yAxis"} {
		for i, a := range list(base[axis]) {
			kind, _ := a["type"].(string)
			if d := defaults.Axis[kind]; d != nil {
				if err := f(a, d, fmt.Sprintf("%s %d", axis, i)); err != nil {
					return err
				}
			}
		}
	}
	for i, s := range list(base["series"]) {
		role := 0
		if i < len(roles) {
			role = roles[i]
		}
		if err := f(s, seriesDefaults(s, role), fmt.Sprintf("series %d", i)); err != nil {
			return err
		}
	}
	return nil
}

// list is v's objects, v being an array of objects or one object (as ECharts takes both).
func list(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// mediaLegends are the legends of media's rules (option.media: [{query, option}]).
func mediaLegends(media any) []map[string]any {
	var out []map[string]any
	for _, rule := range list(media) {
		if o, ok := rule["option"].(map[string]any); ok {
			if l, ok := o["legend"].(map[string]any); ok {
				out = append(out, l)
			}
		}
	}
	return out
}

// fillDefaults is charts.js's withDefaults in Go: it puts the defaults back into base.
// Tests read options through it.
func fillDefaults(base map[string]any, roles []int) {
	walkDefaults(base, roles, func(o, d map[string]any, _ string) error {
		fill(o, d)
		return nil
	})
}

func fill(o, d map[string]any) {
	for k, dv := range d {
		v, ok := o[k]
		if !ok {
			o[k] = clone(dv)
			continue
		}
		if om, ok := v.(map[string]any); ok {
			if dm, ok := dv.(map[string]any); ok {
				fill(om, dm)
			}
		}
	}
}

func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = clone(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = clone(e)
		}
		return s
	}
	return v
}

// Expand returns envelope JSON with the defaults and the chart's description put back, as
// charts.js gives it to ECharts: for tests that read an option as drawn.
func Expand(envelope []byte, description string) ([]byte, error) {
	var env map[string]any
	if err := decode(envelope, &env); err != nil {
		return nil, err
	}
	var roles []int
	for _, r := range asSlice(env["roles"]) {
		n, _ := r.(json.Number).Int64()
		roles = append(roles, int(n))
	}
	if opt, ok := env["option"].(map[string]any); ok {
		if base, ok := opt["baseOption"].(map[string]any); ok {
			fillDefaults(base, roles)
			if aria, ok := base["aria"].(map[string]any); ok {
				if label, ok := aria["label"].(map[string]any); ok {
					if _, ok := label["description"]; !ok {
						label["description"] = neutralise(description)
					}
				}
			}
		}
		for _, l := range mediaLegends(opt["media"]) {
			fill(l, defaults.Narrow)
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(env); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}
