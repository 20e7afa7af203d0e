package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// new-year drafts each target that ended with the last year, and a new document; check
// then lists exactly the values to confirm; once typed, the new year's months check.
func TestNewYear(t *testing.T) {
	dir := minimal(t)
	code, out, errs := runCmd("new-year", "--source", dir, "2025")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "Đã thêm mục tiêu năm 2025 cho 3 chỉ tiêu") || !strings.Contains(out, "Đã thêm văn bản “nq-02-2025”") ||
		!strings.Contains(out, "Còn 5 ô \"?\" cần nhập theo văn bản năm 2025") {
		t.Errorf("output:\n%s", out)
	}
	code, out, _ = runCmd("check", "--source", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 6 || lines[5] != "5 lỗi, 0 cảnh báo: sửa các dòng “lỗi” ở trên rồi chạy lại chiso check; trang chưa dựng được." {
		t.Fatalf("check after new-year: exit %d\n%s", code, out)
	}
	for _, l := range lines[:5] {
		if !strings.Contains(l, "lỗi: chưa nhập số liệu") {
			t.Errorf("unexpected line %q", l)
		}
	}
	// A second run finds nothing to add.
	if _, out, _ := runCmd("new-year", "--source", dir, "2025"); !strings.Contains(out, "Không có gì để thêm") {
		t.Errorf("second run: %s", out)
	}
	// The clerk types the values (last year's, kept in the comment) and the document.
	ind := filepath.Join(dir, "data/indicators.toml")
	data, _ := os.ReadFile(ind)
	data = regexp.MustCompile(`value = "\?"   # năm 2024: (\S+)`).ReplaceAll(data, []byte("value = $1"))
	os.WriteFile(ind, data, 0o644)
	replaceIn(t, filepath.Join(dir, "data/documents.toml"), `number = "?"`, `number = "02/NQ-CP"`)
	replaceIn(t, filepath.Join(dir, "data/documents.toml"), `date = "?"`, `date = 2025-01-08`)
	if code, out, _ := runCmd("check", "--source", dir); code != 0 {
		t.Fatalf("after typing: exit %d\n%s", code, out)
	}
	if code, out, errs := runCmd("new", "--toml", "--source", dir, "--period", "2025-01"); code != 0 || strings.Contains(out, "chưa có mục tiêu") {
		t.Errorf("a 2025 month still lacks targets: %s%s", out, errs)
	}
}

func TestNewYearNeedsAYear(t *testing.T) {
	if code, _, errs := runCmd("new-year", "--source", minimal(t)); code != 2 || !strings.Contains(errs, "cần đúng một năm, ví dụ: chiso new-year 2026") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// A year skipped: the targets end with 2024, so 2026 has nothing to follow; new-year names
// the year to draft first instead of saying there is nothing to do.
func TestNewYearSkipped(t *testing.T) {
	dir := minimal(t)
	code, out, errs := runCmd("new-year", "--source", dir, "2026")
	if code != 1 || !strings.Contains(errs, "chưa có mục tiêu năm 2025 — chạy chiso new-year 2025 trước, điền giá trị, rồi chạy lại chiso new-year 2026") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "data/indicators.toml")); strings.Contains(string(data), `"?"`) {
		t.Error("new-year 2026 wrote targets")
	}
}
