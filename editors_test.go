package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chiso/internal/sitetest"
)

// minimal is the corpus' minimal site (periods 2024-04 and 2024-05) with templates.
func minimal(t *testing.T) string { return sitetest.Minimal(t) }

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
}

func runCmd(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := run(args, &out, &errs)
	return code, out.String(), errs.String()
}

type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func TestCheckJSON(t *testing.T) {
	dir := minimal(t)
	code, out, errs := runCmd("check", "--json", "--source", dir)
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("clean site: exit %d, %q\n%s", code, out, errs)
	}
	if !strings.Contains(errs, "0 lỗi, 0 cảnh báo") {
		t.Errorf("no summary on stderr: %q", errs)
	}

	// A rate of 176% (error) and one of 95,555% (warning).
	p := filepath.Join(dir, "data/periods/2024-04.toml")
	replaceIn(t, p, "whole = 76", "whole = 176")
	replaceIn(t, p, "whole = 95\n", "whole = 95.555\n")
	code, out, _ = runCmd("check", "--json", "--source", dir)
	if code != 1 {
		t.Errorf("exit %d with an error, want 1", code)
	}
	var got []jsonDiag
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	want := []jsonDiag{
		{"data/periods/2024-04.toml", 19, 1, "warning", "too-many-decimals", "tỷ lệ 95,555 có quá hai chữ số thập phân", "ghi tỷ lệ như văn bản gốc (một hoặc hai chữ số thập phân), hoặc khai báo tử số/mẫu số"},
		{"data/periods/2024-04.toml", 24, 1, "error", "rate-range", "tỷ lệ 176% nằm ngoài khoảng 0–100", "kiểm tra lại số liệu; tỷ lệ viết theo phần trăm, ví dụ 63.4 cho 63,4%"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostic %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}

	// Warnings only: exit 0, and the text form ends with the summary.
	replaceIn(t, p, "whole = 176", "whole = 76")
	code, out, _ = runCmd("check", "--source", dir)
	if code != 0 {
		t.Errorf("exit %d with warnings only, want 0", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "0 lỗi, 1 cảnh báo: dựng được trang; nên xem lại các cảnh báo." {
		t.Errorf("summary line %q", last)
	}
}

func TestNewTOML(t *testing.T) {
	dir := minimal(t)
	code, out, errs := runCmd("new", "--toml", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	file := filepath.Join(dir, "data/periods/2024-06.toml")
	created, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Đã tạo data/periods/2024-06.toml từ data/periods/2024-05.toml: 04 chỉ tiêu; cấp tỉnh, cấp huyện, cấp xã.") {
		t.Errorf("output:\n%s", out)
	}
	// check lists every value still to type, and exits 1 until they are.
	code, out, _ = runCmd("check", "--source", dir)
	if code != 1 || !strings.Contains(out, "data/periods/2024-06.toml:12:1: lỗi: chưa nhập số liệu “number”") {
		t.Errorf("check after new: exit %d\n%s", code, out)
	}
	// Never overwritten.
	code, _, errs = runCmd("new", "--toml", "--source", dir, "--period", "2024-06")
	if code != 1 || !strings.Contains(errs, "đã có") {
		t.Errorf("second new: exit %d, %q", code, errs)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, created) {
		t.Error("the file was overwritten")
	}
	if code, _, errs = runCmd("new", "--source", dir, "--period", "2024-13"); code != 2 || !strings.Contains(errs, "kỳ “2024-13” không hợp lệ") {
		t.Errorf("bad period: exit %d, %q", code, errs)
	}
}

// The clerk's month: new writes the spreadsheet (the site still builds meanwhile), the
// filled sheet is imported without --period, and check passes.
func TestNewSheetThenImport(t *testing.T) {
	dir := minimal(t)
	code, out, errs := runCmd("new", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	xlsx := filepath.Join(dir, "data/periods/2024-06.xlsx")
	for _, want := range []string{
		"Đã tạo bảng tính " + xlsx + " (và 2024-06.csv, cùng nội dung) từ data/periods/2024-05.toml: 04 chỉ tiêu; cấp tỉnh, cấp huyện, cấp xã.",
		"Điền 31 ô nền vàng",
		"chiso import --source " + dir + " " + xlsx,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(xlsx); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCmd("check", "--source", dir); code != 0 {
		t.Errorf("an unfilled sheet must not stop the site: exit %d\n%s", code, out)
	}
	if code, _, errs := runCmd("new", "--source", dir); code != 1 || !strings.Contains(errs, "đã có bảng tính") {
		t.Errorf("second new: exit %d, %q", code, errs)
	}
	// Fill the CSV as a clerk would: Vietnamese numbers, d/m/yyyy.
	csvPath := filepath.Join(dir, "data/periods/2024-06.csv")
	data, _ := os.ReadFile(csvPath)
	text := strings.Replace(string(data), "Số báo cáo,,", "Số báo cáo,450/BC-VPUBND,", 1)
	text = strings.Replace(text, "Ngày báo cáo,,", "Ngày báo cáo,18/7/2024,", 1)
	text = strings.Replace(text, "Điểm Chỉ số phục vụ,,", "Điểm Chỉ số phục vụ,\"89,1\",", 1)
	text = strings.Replace(text, "Xếp hạng,,", "Xếp hạng,2,", 1)
	text = strings.ReplaceAll(text, ",,,\r\n", ",812,1.000,\r\n")
	os.WriteFile(csvPath, []byte(text), 0o644)
	code, out, errs = runCmd("import", "--source", dir, csvPath)
	if code != 0 || !strings.Contains(out, "Đã ghi data/periods/2024-06.toml: 04 chỉ tiêu") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := runCmd("check", "--source", dir); code != 0 {
		t.Errorf("check after import: exit %d\n%s", code, out)
	}
	// A later month leaves a gap: named.
	_, _, errs = runCmd("new", "--source", dir, "--period", "2024-09")
	if !strings.Contains(errs, "Cảnh báo: chưa có số liệu 7/2024 và 8/2024 (giữa kỳ 6/2024 đã có và kỳ 9/2024)") {
		t.Errorf("no gap warning: %q", errs)
	}
}

// export writes an XLSX shaped like the province's: a title row, headers in row 2.
func export(t *testing.T, file string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	f.SetCellValue(sh, "A1", "KẾT QUẢ THÁNG 6/2024")
	for i, row := range append([][]any{{"Chỉ tiêu", "Cấp", "Tử số", "Mẫu số", "Tỷ lệ (%)"}}, rows...) {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			f.SetCellValue(sh, cell, v)
		}
	}
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
}

func TestImportCommand(t *testing.T) {
	dir := minimal(t)
	xlsx := filepath.Join(t.TempDir(), "xuat-vnpt.xlsx")
	rows := [][]any{
		{"Hồ sơ trực tuyến", "Cấp tỉnh", 3845, 4020, nil},
		{"Hồ sơ trực tuyến", "Cấp huyện", 8211, 8470, nil},
		{"Hồ sơ trực tuyến", "Cấp xã", 11946, 12701, nil},
		{"Thanh toán trực tuyến", "Cấp tỉnh", nil, nil, "63,4"},
		{"Thanh toán trực tuyến", "Cấp huyện", nil, nil, "154"}, // row 7
		{"Thanh toán trực tuyến", "Cấp xã", nil, nil, 97},
		{"Thanh toán trực tuyến", "Toàn tỉnh", nil, nil, 76},
	}
	export(t, xlsx, rows)
	file := filepath.Join(dir, "data/periods/2024-06.toml")
	code, _, errs := runCmd("import", "--source", dir, "--period", "2024-06", xlsx)
	if code != 1 || !strings.Contains(errs, "xuat-vnpt.xlsx:dòng 7: lỗi: tỷ lệ 154% nằm ngoài khoảng 0–100") {
		t.Errorf("bad row: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(file); err == nil {
		t.Fatal("a file was written despite the error")
	}

	rows[4][4] = "54"
	export(t, xlsx, rows)
	code, out, errs := runCmd("import", xlsx, "--period", "2024-06", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	text, _ := os.ReadFile(file)
	for _, want := range []string{
		"numerators = { tinh = 3845, huyen = 8211, xa = 11946 }",
		"whole = 76\nlevels = { tinh = 63.4, huyen = 54, xa = 97 }",
		`number = "?"`,
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("written file lacks %q:\n%s", want, text)
		}
	}
	// What is left is what the spreadsheet could not hold: the report's number and
	// date, the index.
	_, out, _ = runCmd("check", "--source", dir)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, ": lỗi: ") && !strings.Contains(line, "chưa nhập số liệu") {
			t.Errorf("unexpected: %s", line)
		}
	}
	// A second import does not replace the file unless asked.
	if code, _, errs = runCmd("import", "--source", dir, "--period", "2024-06", xlsx); code != 1 || !strings.Contains(errs, "--replace") {
		t.Errorf("second import: exit %d\n%s", code, errs)
	}
	replaceIn(t, file, `number = "?"`, `number = "450/BC-VPUBND"`)
	if code, out, errs = runCmd("import", "--source", dir, "--period", "2024-06", "--replace", xlsx); code != 0 {
		t.Fatalf("--replace: exit %d\n%s%s", code, out, errs)
	}
	if text, _ := os.ReadFile(file); !strings.Contains(string(text), `number = "450/BC-VPUBND"`) {
		t.Errorf("--replace lost the header:\n%s", text)
	}
}

func TestHelpNamesEveryCommand(t *testing.T) {
	_, out, _ := runCmd("help")
	for _, cmd := range []string{"chiso build", "chiso check", "chiso new", "chiso import", "chiso serve"} {
		if !strings.Contains(out, cmd) {
			t.Errorf("help lacks %s", cmd)
		}
	}
}

// A spreadsheet that is not there: the editor's line in Vietnamese, exit 2 (a slip in the
// command), never Go's "open …: no such file or directory".
func TestImportMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "khong-co.xlsx")
	code, _, errs := runCmd("import", "--source", minimal(t), "--period", "2024-06", missing)
	if code != 2 || errs != missing+": lỗi: không đọc được tệp: không có tệp hoặc thư mục này — kiểm tra lại tên và đường dẫn\n" {
		t.Errorf("exit %d, %q", code, errs)
	}
}
