package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"chiso/internal/golden"
)

// defaultsCharts are charts of every shape: bars, lines, horizontal bars with target marks,
// breaks, a highlight, more series than colours, hostile strings, English.
func defaultsCharts() map[string]Chart {
	hl := horizontalChart()
	hl.Highlight, hl.HighlightNote = "Thanh toán trực tuyến", " (trang này)"
	brk := Chart{ID: "xu-huong", Kind: Line, Title: "T", Description: "D", Unit: "%", Format: viRate, Inverse: true,
		Categories: []string{"5/2025", "6/2025", "7/2025", "8/2025"},
		Series: []Series{
			{Name: "Cả tỉnh", Values: []*float64{f(90), f(91), f(80), f(81)}},
			{Name: "Cấp huyện", Values: []*float64{f(70), f(71), nil, nil}},
			{Name: "Mục tiêu", Target: true, Values: []*float64{f(50), f(50), f(60), f(60)}},
		},
		Breaks: []Break{{Category: "7/2025", Label: "Tỉnh Gia Lai"}}}
	many := Chart{ID: "nhieu", Kind: Line, Title: "T", Description: "D", Unit: " điểm", Format: viScore, WholeNumbers: true,
		Categories: []string{"1/2025", "2/2025"}}
	for i := range 8 {
		many.Series = append(many.Series, Series{Name: fmt.Sprint("S", i), Values: []*float64{f(float64(i)), nil}})
	}
	return map[string]Chart{"bar": barChart(), "line": lineChart(), "horizontal": horizontalChart(),
		"en-bar": enBar(), "en-line": enLine(), "en-horizontal": enHorizontal(), "hostile": hostileChart(),
		"highlight": hl, "breaks": brk, "many": many}
}

func plainJSON(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := decode(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Issue 9: leaving the defaults out and putting them back (as charts.js does) gives the
// option as it was with them, for every shape of chart; and it saves a good part of it.
// testdata/NAME.full.json is the option with the defaults, for the Node test of charts.js
// (templates/static/charts_defaults.test.mjs).
func TestDefaultsRoundTrip(t *testing.T) {
	for name, c := range defaultsCharts() {
		t.Run(name, func(t *testing.T) {
			full, err := render(c, true)
			if err != nil {
				t.Fatal(err)
			}
			short, err := Render(c)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Expand(short.JSON, c.Description)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(plainJSON(t, back), plainJSON(t, full.JSON)) {
				t.Errorf("defaults put back give another option:\n%s\nwant\n%s", back, full.JSON)
			}
			if bytes.Contains(short.JSON, []byte(`"containLabel"`)) {
				t.Errorf("the defaults are still in the option: %s", short.JSON)
			}
			t.Logf("%d → %d bytes", len(full.JSON), len(short.JSON))
			if name == "bar" || name == "line" || name == "horizontal" {
				var b bytes.Buffer
				if err := json.Indent(&b, full.JSON, "", "  "); err != nil {
					t.Fatal(err)
				}
				b.WriteByte('\n')
				golden.Check(t, filepath.Join("testdata", name+".full.json"), b.Bytes(), *update)
			}
		})
	}
}

// charts.js holds DefaultsJSON (as JSON) between its DEFAULTS markers.
func TestChartsJSDefaults(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "templates", "static", "charts.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !ScriptHasDefaults(src) {
		t.Errorf("templates/static/charts.js: its DEFAULTS differ from chart.DefaultsJSON, or it has no withDefaults")
	}
	changed := bytes.Replace(src, []byte(`"barMaxWidth": "48"`), []byte(`"barMaxWidth": "40"`), 1)
	if bytes.Equal(changed, src) || ScriptHasDefaults(changed) {
		t.Error("a charts.js with other defaults passes")
	}
	if ScriptHasDefaults([]byte("(function () { 'use strict'; })();")) {
		t.Error("a charts.js without defaults passes")
	}
}
