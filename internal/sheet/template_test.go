package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chiso/internal/periodfile"
	"chiso/internal/sheet"
)

// The template `chiso new` writes, filled in Excel as a clerk would (a date cell typed
// as text, Vietnamese numbers, an Excel number cell), reads back into the period file:
// header cells and every row.
func TestTemplateRoundTrip(t *testing.T) {
	s := site(t)
	f := periodfile.Draft(s, periodfile.Base(s, june), june)
	tpl := sheet.NewTemplate(s, f)
	data, err := tpl.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(sheet.TemplateSheet)
	inputs, table := 0, 0
	for i, row := range rows {
		cell := func(col int) string {
			name, _ := excelize.CoordinatesToCellName(col+1, i+1)
			return name
		}
		yellow := func(col int) bool {
			id, _ := x.GetCellStyle(sheet.TemplateSheet, cell(col))
			st, _ := x.GetStyle(id)
			return st != nil && len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FFF2CC"
		}
		set := func(col int, v any) {
			if !yellow(col) {
				t.Fatalf("row %d col %d is not marked as an input cell", i+1, col+1)
			}
			inputs++
			x.SetCellValue(sheet.TemplateSheet, cell(col), v)
		}
		if len(row) == 0 {
			continue
		}
		switch row[0] {
		case "Số báo cáo":
			set(1, "450/BC-VPUBND")
		case "Ngày báo cáo":
			set(1, "18/7/2024")
		case "Điểm Chỉ số phục vụ":
			set(1, "89,1")
		case "Xếp hạng":
			set(1, 2)
		case "Trên tổng số tỉnh, thành phố":
			inputs++ // prefilled 63
		case "Cơ quan ban hành báo cáo", "Tác giả bài viết":
			inputs++ // prefilled
		case "Chỉ tiêu":
			table = i
		default:
			if table == 0 {
				continue
			}
			if yellow(5) {
				set(5, "95,5")
			} else {
				set(3, 812)
				set(4, "1.000")
			}
		}
	}
	if inputs != tpl.Inputs() {
		t.Errorf("filled %d cells, template says %d inputs", inputs, tpl.Inputs())
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tbl, err := sheet.ReadXLSX("2024-06.xlsx", &buf, "")
	if err != nil {
		t.Fatal(err)
	}
	h := sheet.ReadHeader(tbl)
	if h == nil {
		t.Fatal("no template header found")
	}
	if p, ok := h.Period(); !ok || p != june {
		t.Fatalf("period %v %v, want 2024-06", p, ok)
	}
	results, probs := sheet.Read(s, tbl, nil, june)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	f.Results = results
	if probs := h.Apply(f); len(probs) > 0 {
		t.Fatal(probs)
	}
	text := string(f.Bytes())
	for _, want := range []string{`number = "450/BC-VPUBND"`, "date = 2024-07-18", "score = 89.1", "rank = 2\n", "rank_of = 63", "numerators = { tinh = 812, huyen = 812, xa = 812 }"} {
		if !strings.Contains(text, want) {
			t.Errorf("period file lacks %q:\n%s", want, text)
		}
	}
	if f.Missing() != 0 {
		t.Errorf("%d values left \"?\":\n%s", f.Missing(), text)
	}
}

// A template row left empty is an error at its row, not a row skipped in silence; an
// unreadable date and an empty report number are named at their rows.
func TestTemplateRowsMustBeFilled(t *testing.T) {
	s := site(t)
	f := periodfile.Draft(s, periodfile.Base(s, june), june)
	csv := string(sheet.NewTemplate(s, f).CSV())
	csv = strings.Replace(csv, "Ngày báo cáo,", "Ngày báo cáo,31/6/2024", 1)
	tbl, err := sheet.ReadCSV("2024-06.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	_, probs := sheet.Read(s, tbl, nil, june)
	if !probs.HasErrors() || !strings.Contains(probs[0].String(), "dòng 14: lỗi: dòng chưa điền số liệu (Hồ sơ trực tuyến – Cấp tỉnh)") {
		t.Fatalf("want an unfilled row error first, got:\n%s", probs)
	}
	got := sheet.ReadHeader(tbl).Apply(f).String()
	for _, want := range []string{
		"2024-06.csv:dòng 5: cảnh báo: ô “Số báo cáo” để trống",
		"2024-06.csv:dòng 6: lỗi: ngày báo cáo “31/6/2024” không đọc được — viết ngày/tháng/năm, ví dụ 20/5/2024",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
}
