package opendata

import (
	"strings"

	"chiso/internal/chart"
)

// ChartTable is a chart's exact figures: one row per category, one column per series,
// in the order and with the names of the table printed under the chart. Values are the
// numbers the chart was drawn from, unrounded.
func ChartTable(c chart.Chart) *Table {
	corner := c.CategoryName
	if corner == "" {
		corner = "Hạng mục"
	}
	unit := strings.TrimSpace(c.Unit)
	t := &Table{Name: c.ID, Title: c.Title, Description: c.Description}
	t.Fields = append(t.Fields, Field{Name: corner, Type: "string", Title: corner})
	for _, s := range c.Series {
		f := Field{Name: s.Name, Type: "number", Title: s.Name, Unit: unit}
		if s.Target {
			f.Description = "Mục tiêu được giao"
		}
		t.Fields = append(t.Fields, f)
	}
	for j, cat := range c.Categories {
		row := []any{cat}
		for _, s := range c.Series {
			var v any
			if j < len(s.Values) && s.Values[j] != nil {
				v = *s.Values[j]
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
