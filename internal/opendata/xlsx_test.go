package opendata

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A table longer than a sheet can hold goes on over NAME-2, NAME-3, … with its header on
// each, every row once and in order, and the guide naming each part. (A national dataset
// has millions of rows; Excel stops at 1 048 576.)
func TestWorkbookSplitsLongTables(t *testing.T) {
	defer func(n int) { SheetRows = n }(SheetRows)
	SheetRows = 2
	tb := &Table{Name: "ket-qua", Title: "Kết quả", Fields: []Field{{Name: "period", Type: "string"}, {Name: "value", Type: "number"}}}
	for i := range 5 {
		tb.Rows = append(tb.Rows, []any{"2024-0" + string(rune('1'+i)), float64(i)})
	}
	data, err := Workbook("t", "c", time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC), []*Table{tb})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.GetSheetList(), []string{guideSheet, "ket-qua", "ket-qua-2", "ket-qua-3"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	var periods []string
	for _, sh := range []string{"ket-qua", "ket-qua-2", "ket-qua-3"} {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || rows[0][0] != "period" || rows[0][1] != "value" {
			t.Fatalf("sheet %s has no header: %v", sh, rows)
		}
		for _, r := range rows[1:] {
			periods = append(periods, r[0])
		}
	}
	if want := []string{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05"}; !slices.Equal(periods, want) {
		t.Errorf("rows %v, want %v", periods, want)
	}
	guide, _ := f.GetRows(guideSheet)
	found := false
	for _, r := range guide {
		if len(r) > 5 && r[0] == "ket-qua-3" && r[5] == "Phần 3 của bảng ket-qua, cùng các cột: một trang tính chỉ chứa được 2 dòng." {
			found = true
		}
	}
	if !found {
		t.Errorf("the guide does not explain ket-qua-3: %v", guide)
	}
}
