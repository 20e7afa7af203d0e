package opendata

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// trickyTable has the cells whose XML excelize writes with care: ends that are spaces,
// escapes, _xHHHH_ sequences, text over Excel's limit, invalid UTF-8, numbers past 15
// digits, infinities, dates before and after 1900's leap day, every cell type.
func trickyTable() *Table {
	strs := []string{"", " lead", "trail ", "\tTab", "a\nb", "x\r\n", `<&>"'`, "_x0041_", "a_x005F_x0041_b",
		"_x005F_", "_x12G4_", "Thành phố Hồ Chí Minh", "\x00\x01ctl", "bad\xffutf8", strings.Repeat("ả", 40000),
		strings.Repeat("😀", 20000), "=1+1", "-", "\u2028sep", "_x0041__x0042_",
		"__x0041_", "_x0041", "x_x00e9_y_x00E9_"}
	nums := []any{0.0, -0.0, 63.4, 1e21, 1e-7, 123456789012345678.0, 0.12345678901234567, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), int64(-3), int64(math.MaxInt64), 7, true, false}
	days := []time.Time{time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(1899, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 4, 30, 13, 30, 0, 0, time.FixedZone("ICT", 7*3600)), time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 31, 6, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	t := &Table{Name: "kho", Title: "Khó", Fields: []Field{{Name: "s"}, {Name: "n"}, {Name: "d"}, {Name: "nil"}}}
	for i := range max(len(strs), len(nums), len(days)) {
		t.Rows = append(t.Rows, []any{strs[i%len(strs)], nums[i%len(nums)], days[i%len(days)], nil})
	}
	return t
}

// The workbook's bytes are those excelize alone made (refWorkbook), for every kind of
// cell and a table split over sheets.
func TestWorkbookAsExcelize(t *testing.T) {
	defer func(n int) { SheetRows = n }(SheetRows)
	created := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	long := &Table{Name: "ket-qua", Title: "Kết quả", Fields: []Field{{Name: "period"}, {Name: "value"}}}
	for i := range 25 {
		long.Rows = append(long.Rows, []any{"2024-0" + string(rune('1'+i%9)), float64(i) / 3})
	}
	for _, rows := range []int{1<<20 - 1, 7} {
		SheetRows = rows
		sample, hostile := sampleTable(), hostileTable()
		sample.Name, hostile.Name = "mau", "doc" // a sheet a table
		tables := []*Table{long, sample, hostile, trickyTable(), {Name: "trong", Title: "Trống", Fields: []Field{{Name: "a"}}}}
		for i := range 12 { // sheet10.xml sorts before sheet2.xml
			tables = append(tables, &Table{Name: "t" + string(rune('a'+i)), Fields: []Field{{Name: "x"}}, Rows: [][]any{{int64(i)}}})
		}
		got, err := Workbook("Chỉ số", "Ban biên tập", created, tables)
		if err != nil {
			t.Fatal(err)
		}
		want, err := refWorkbook("Chỉ số", "Ban biên tập", created, tables)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			diffEntries(t, got, want)
			t.Fatalf("SheetRows %d: workbook differs from excelize's (%d bytes, want %d)", rows, len(got), len(want))
		}
	}
}

// diffEntries reports the first entry whose content differs.
func diffEntries(t *testing.T, got, want []byte) {
	t.Helper()
	read := func(data []byte) map[string]string {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range zr.File {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			m[f.Name] = string(b)
		}
		return m
	}
	g, w := read(got), read(want)
	for name, wb := range w {
		gb := g[name]
		if gb == wb {
			continue
		}
		i := 0
		for i < len(gb) && i < len(wb) && gb[i] == wb[i] {
			i++
		}
		lo := max(0, i-200)
		t.Errorf("%s differs at %d:\n got %q\nwant %q", name, i, gb[lo:min(len(gb), i+200)], wb[lo:min(len(wb), i+200)])
		return
	}
}

// Every cell reads back as excelize reads the cells it wrote itself.
func TestWorkbookCellsReadBack(t *testing.T) {
	created := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	tables := []*Table{sampleTable(), trickyTable()}
	got, err := Workbook("t", "c", created, tables)
	if err != nil {
		t.Fatal(err)
	}
	want, err := refWorkbook("t", "c", created, tables)
	if err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	w, err := excelize.OpenReader(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range w.GetSheetList() {
		wr, err := w.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		gr, err := g.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(gr) != len(wr) {
			t.Fatalf("%s: %d rows, want %d", sheet, len(gr), len(wr))
		}
		for i := range wr {
			if strings.Join(gr[i], "\x00") != strings.Join(wr[i], "\x00") {
				t.Errorf("%s row %d: %q, want %q", sheet, i+1, gr[i], wr[i])
			}
		}
	}
}

// A literal run naming a lone surrogate (_xD800_) is escaped like any other and read back
// as it was. (excelize's own writer drops such a run from the text, and its reader drops
// it unescaped, which is why trickyTable, compared with excelize byte for byte, holds none.)
func TestSurrogateRunsReadBack(t *testing.T) {
	texts := []string{"_xD800_", "a_xDFFF_b", "_x005F_xDBFF_", "_xD800__x0041_"}
	tbl := &Table{Name: "lo", Title: "Lẻ", Fields: []Field{{Name: "s"}}}
	for _, s := range texts {
		tbl.Rows = append(tbl.Rows, []any{s})
	}
	data, err := Workbook("Chỉ số", "Ban biên tập", time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC), []*Table{tbl})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(tbl.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(texts)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(texts)+1)
	}
	for i, want := range texts {
		if got := rows[i+1][0]; got != want {
			t.Errorf("row %d: read back %q, want %q", i+2, got, want)
		}
	}
}
