package sheet_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/pipeline"
	"chiso/internal/sheet"
)

// site is the corpus' minimal site: four indicators, levels tinh, huyen (until
// 30/6/2025) and xa, periods 2024-04 and 2024-05.
func site(t *testing.T) *model.Site {
	t.Helper()
	s, probs := pipeline.Check(os.DirFS("../pipeline/testdata/minimal"))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return s
}

var june = model.Period{Year: 2024, Month: 6}

func read(t *testing.T, name string, data []byte) ([]*periodfile.Result, sheet.Problems) {
	t.Helper()
	var tbl *sheet.Table
	var err error
	if strings.HasSuffix(name, ".xlsx") {
		tbl, err = sheet.ReadXLSX(name, bytes.NewReader(data), "")
	} else {
		tbl, err = sheet.ReadCSV(name, data)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sheet.Read(site(t), tbl, nil, june)
}

func render(rs []*periodfile.Result) string {
	f := &periodfile.File{Period: june, Results: rs}
	s := string(f.Bytes())
	return s[strings.Index(s, "[[result]]"):]
}

// TestVietnameseNumbersInCSV: decimal comma, thousands dot, % and a semicolon
// separator, as Excel writes CSV on a Vietnamese system.
func TestVietnameseNumbersInCSV(t *testing.T) {
	csv := "\ufeffChỉ tiêu;Cấp;Tử số;Mẫu số;Tỷ lệ (%)\n" +
		"ho-so-truc-tuyen;Cấp tỉnh;3.845;4.020;95,6%\n" +
		"ho-so-truc-tuyen;Cấp huyện;8.211;8.470;\n" +
		"ho-so-truc-tuyen;Cấp xã;11.946;12.701;\n" +
		"Thanh toán trực tuyến;Tỉnh;;;63,4\n" +
		"Thanh toán trực tuyến;Huyện;;;54\n" +
		"Thanh toán trực tuyến;Xã;;;97\n" +
		"Thanh toán trực tuyến;Toàn tỉnh;;;76\n"
	rs, probs := read(t, "xuat.csv", []byte(csv))
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", probs)
	}
	want := `[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { tinh = 3845, huyen = 8211, xa = 11946 }
denominators = { tinh = 4020, huyen = 8470, xa = 12701 }

# Thanh toán trực tuyến
[[result]]
indicator = "thanh-toan-truc-tuyen"
whole = 76
levels = { tinh = 63.4, huyen = 54, xa = 97 }
`
	if got := render(rs); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// xlsx builds a workbook shaped like the province's export: a title row, headers in
// row 3, rates formatted as percentages (stored 0.956), counts as numbers.
func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	f.SetCellValue(sh, "A1", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU THÁNG 6/2024")
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range append([][]any{{"STT", "Chỉ tiêu", "Cấp", "Tử số", "Mẫu số", "Tỷ lệ"}}, rows...) {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+3)
			if err := f.SetCellValue(sh, cell, v); err != nil {
				t.Fatal(err)
			}
			if j == 5 && i > 0 {
				if _, isNum := v.(float64); isNum {
					f.SetCellStyle(sh, cell, cell, pct)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSX(t *testing.T) {
	data := xlsx(t, [][]any{
		{1, "Hồ sơ dịch vụ công trực tuyến", "Cấp tỉnh", 3845, 4020, 0.956},
		{2, "Hồ sơ dịch vụ công trực tuyến", "Cấp huyện", 8211, 8470, nil},
		{3, "Hồ sơ dịch vụ công trực tuyến", "Cấp xã", 11946, 12701, nil},
		{4, "DVC có hồ sơ", "Cấp tỉnh", nil, nil, "99,0"},
		{5, "DVC có hồ sơ", "Cấp huyện", nil, nil, 0.976},
		{6, "DVC có hồ sơ", "Cấp xã", nil, nil, 0.988},
		{7, "DVC có hồ sơ", "Toàn tỉnh", nil, nil, 0.983},
	})
	rs, probs := read(t, "xuat.xlsx", data)
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", probs)
	}
	got := render(rs)
	for _, want := range []string{
		"numerators = { tinh = 3845, huyen = 8211, xa = 11946 }",
		"whole = 98.3\nlevels = { tinh = 99, huyen = 97.6, xa = 98.8 }",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestRejectedRows: each wrong row is named by its row number in the workbook (header
// in row 3, so the first data row is row 4), and nothing is returned to write.
func TestRejectedRows(t *testing.T) {
	data := xlsx(t, [][]any{
		{1, "Hồ sơ trực tuyến", "Cấp tỉnh", 3845, 4020, nil},         // row 4: fine
		{2, "Hồ sơ trực tuyến", "Cấp huyện", 8471, 8470, nil},        // row 5: numerator above denominator
		{3, "Hồ sơ trực tuyến", "Cấp phường", 11946, 12701, nil},     // row 6: unknown level
		{4, "Ho so truc tuyn", "Cấp xã", 11946, 12701, nil},          // row 7: unknown indicator, suggestion
		{5, "Thanh toán trực tuyến", "Cấp tỉnh", nil, nil, "63.4.1"}, // row 8: not a number
		{6, "Thanh toán trực tuyến", "Cấp tỉnh", nil, nil, "64"},     // row 9: fine, but no whole for the indicator
		{7, "Thanh toán trực tuyến", "Cấp tỉnh", nil, nil, "65"},     // row 10: duplicate of row 9
		{8, "Số hóa hồ sơ", "Cấp xã", "12.100", 0, nil},              // row 11: zero denominator
		{9, "Số hóa hồ sơ", "Cấp tỉnh", "3.923", "4.020", "90"},      // row 12: rate disagrees with counts
		{10, "Số hóa hồ sơ", "Cấp huyện", nil, nil, "99.125"},        // row 13: thousands dot
		{"Ghi chú: số liệu trích xuất ngày 05/7/2024"},               // row 14: note, skipped
	})
	rs, probs := read(t, "xuat.xlsx", data)
	if rs != nil {
		t.Errorf("results returned despite errors")
	}
	want := []string{
		"xuat.xlsx:dòng 5: lỗi: tử số 8.471 lớn hơn mẫu số 8.470 — tử số (số đạt) không thể lớn hơn mẫu số (tổng số); kiểm tra lại hai ô",
		"xuat.xlsx:dòng 6: lỗi: không có cấp “Cấp phường” (có phải “Cấp xã”?) — dùng một trong: “Cấp tỉnh”, “Cấp huyện”, “Cấp xã”, “Toàn tỉnh”; hoặc thêm vào [levels] của tệp mapping",
		"xuat.xlsx:dòng 7: lỗi: không có chỉ tiêu “Ho so truc tuyn” — sửa tên hoặc mã chỉ tiêu cho khớp data/indicators.toml (có phải “ho-so-truc-tuyen”?), hoặc thêm vào [indicators] của tệp mapping",
		"xuat.xlsx:dòng 8: lỗi: tỷ lệ “63.4.1” không phải là số — viết số, ví dụ 63,4 hoặc 139.506",
		"xuat.xlsx:dòng 9: lỗi: chỉ tiêu “thanh-toan-truc-tuyen” không có tỷ lệ toàn tỉnh — thêm một dòng Cấp = “Toàn tỉnh”, hoặc nhập tử số/mẫu số cho mọi cấp để tự tính",
		"xuat.xlsx:dòng 10: lỗi: “thanh-toan-truc-tuyen” – Cấp tỉnh đã có ở dòng 9 — mỗi chỉ tiêu chỉ có một dòng cho mỗi cấp hoặc đơn vị; xóa dòng thừa",
		"xuat.xlsx:dòng 11: lỗi: mẫu số bằng 0: không tính được tỷ lệ — bỏ dòng này nếu kỳ này không phát sinh hồ sơ",
		"xuat.xlsx:dòng 12: lỗi: tỷ lệ ghi 90% nhưng tính từ tử số/mẫu số được 97,6% — sửa tỷ lệ hoặc tử số/mẫu số cho khớp, hoặc để trống ô tỷ lệ",
		"xuat.xlsx:dòng 13: lỗi: tỷ lệ “99.125” được đọc là 99125, ngoài khoảng 0–100: dấu chấm là dấu phân cách hàng nghìn — viết tỷ lệ với dấu phẩy thập phân, ví dụ 99,125",
		"xuat.xlsx:dòng 14: cảnh báo: bỏ qua dòng không có số liệu: “Ghi chú: số liệu trích xuất ngày 05/7/2024”",
	}
	got := strings.Split(strings.TrimSpace(probs.String()), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWideForm: one column per indicator (named by key, name or short name), one row
// per level, cells are rates.
func TestWideForm(t *testing.T) {
	csv := "Cấp,Hồ sơ trực tuyến,DVC có hồ sơ\n" +
		"Toàn tỉnh,95,98.3\n" +
		"Cấp tỉnh,95,99\n" +
		"Cấp huyện,97,97.6\n" +
		"Cấp xã,93,98.8\n"
	rs, probs := read(t, "rong.csv", []byte(csv))
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", probs)
	}
	got := render(rs)
	for _, want := range []string{
		"indicator = \"ho-so-truc-tuyen\"\nwhole = 95\nlevels = { tinh = 95, huyen = 97, xa = 93 }",
		"indicator = \"dvc-phat-sinh-ho-so\"\nwhole = 98.3\nlevels = { tinh = 99, huyen = 97.6, xa = 98.8 }",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestShares: a column of shares (0,956) would be published as 1%: refused.
func TestShares(t *testing.T) {
	csv := "Cấp;Hồ sơ trực tuyến\nToàn tỉnh;0,95\nCấp tỉnh;0,95\nCấp huyện;0,97\nCấp xã;0,93\n"
	_, probs := read(t, "ty-le.csv", []byte(csv))
	if !probs.HasErrors() || !strings.Contains(probs.String(), "ty-le.csv:dòng 1: lỗi: mọi tỷ lệ đều không quá 1") {
		t.Errorf("shares accepted:\n%s", probs)
	}
}

func TestMapping(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/mapping.toml", []byte(`
[columns]
indicator = "Nội dung"
level = "Đơn vị thực hiện"
rate = "Kết quả (%)"
[indicators]
"Tỷ lệ hồ sơ nộp trực tuyến" = "ho-so-truc-tuyen"
[levels]
"Sở, ban, ngành" = "tinh"
"UBND cấp huyện" = "huyen"
"UBND cấp xã" = "xa"
"Chung toàn tỉnh" = "toan-tinh"
`), 0o644)
	m, probs := sheet.LoadMapping(dir + "/mapping.toml")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tbl, _ := sheet.ReadCSV("bao-cao.csv", []byte("Nội dung;Đơn vị thực hiện;Kết quả (%)\n"+
		"Tỷ lệ hồ sơ nộp trực tuyến;Sở, ban, ngành;95\nTỷ lệ hồ sơ nộp trực tuyến;UBND cấp huyện;97\n"+
		"Tỷ lệ hồ sơ nộp trực tuyến;UBND cấp xã;93\nTỷ lệ hồ sơ nộp trực tuyến;Chung toàn tỉnh;95\n"))
	rs, probs := sheet.Read(site(t), tbl, m, june)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if got := render(rs); !strings.Contains(got, "whole = 95\nlevels = { tinh = 95, huyen = 97, xa = 93 }") {
		t.Errorf("got:\n%s", got)
	}
	os.WriteFile(dir+"/bad.toml", []byte("[columns]\nindicatr = \"Nội dung\"\n[levels]\n\"Xã\" = \"phuong\"\n"), 0o644)
	if _, probs := sheet.LoadMapping(dir + "/bad.toml"); !strings.Contains(probs.String(), "bad.toml: lỗi: khóa “columns.indicatr” không dùng được trong tệp mapping") {
		t.Errorf("misspelt column field not reported:\n%s", probs)
	}
}

func TestNotUTF8CSV(t *testing.T) {
	_, err := sheet.ReadCSV("cu.csv", []byte("Chỉ tiêu,Cấp,Tỷ lệ\nho-so-truc-tuyen,C\xe1p t\xecnh,95\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "cu.csv:dòng 2: lỗi: tệp CSV không được mã hóa UTF-8") {
		t.Errorf("got %v", err)
	}
}
