package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"chiso/internal/diag"
	"chiso/internal/pipeline"
	"chiso/internal/targetyear"
)

// cmdNewYear is `chiso new-year 2026`: the year's targets drafted from the last year's.
func cmdNewYear(args []string, stdout, stderr io.Writer) int {
	fs := flags("new-year", stderr)
	source := fs.String("source", ".", "thư mục nguồn của trang")
	rest, err := parseAll(fs, args)
	if err != nil {
		return 2
	}
	year := 0
	if len(rest) == 1 {
		year, _ = strconv.Atoi(rest[0])
	}
	if len(rest) != 1 || year < 2000 || year > 2100 {
		fmt.Fprintln(stderr, "chiso new-year: cần đúng một năm, ví dụ: chiso new-year 2026")
		return 2
	}
	site, probs := pipeline.Check(os.DirFS(*source))
	for _, p := range probs {
		if p.Severity == diag.Error && p.Code != diag.NotEntered && (p.Pos.File == "data/indicators.toml" || p.Pos.File == "data/documents.toml") {
			fmt.Fprint(stderr, probs.String())
			fmt.Fprintln(stderr, "chiso new-year: sửa các lỗi trong data/indicators.toml, data/documents.toml ở trên trước (chạy chiso check)")
			return 1
		}
	}
	d := targetyear.Plan(site, year)
	if len(d.Indicators) == 0 {
		// A year skipped: the targets end before year-1, so year has nothing to follow.
		// Name the year to draft first instead of saying there is nothing to do.
		skipped := 0
		for y := year - 1; y > year-10; y-- {
			if len(targetyear.Plan(site, y).Indicators) > 0 {
				skipped = y
			}
		}
		if skipped != 0 {
			fmt.Fprintf(stderr, "chiso new-year: chưa có mục tiêu năm %d — chạy chiso new-year %d trước, điền giá trị, rồi chạy lại chiso new-year %d\n", skipped, skipped, year)
			return 1
		}
		fmt.Fprintf(stdout, "Không có gì để thêm: không chỉ tiêu nào có mục tiêu kết thúc cuối năm %d mà chưa có mục tiêu năm %d.\n", year-1, year)
		if len(d.Done) > 0 {
			fmt.Fprintf(stdout, "Đã có mục tiêu năm %d: %s.\n", year, targetyear.Names(d.Done))
		}
		return 0
	}
	indPath := filepath.Join(*source, "data", "indicators.toml")
	docPath := filepath.Join(*source, "data", "documents.toml")
	indSrc, err := os.ReadFile(indPath)
	if err != nil {
		fmt.Fprintf(stderr, "chiso new-year: không đọc được %s: %v\n", indPath, err)
		return 1
	}
	docSrc, err := os.ReadFile(docPath)
	if err != nil {
		fmt.Fprintf(stderr, "chiso new-year: không đọc được %s: %v\n", docPath, err)
		return 1
	}
	indText, err := d.IndicatorsText(string(indSrc), site)
	if err != nil {
		fmt.Fprintf(stderr, "chiso new-year: %v — sửa tệp bằng tay theo hướng dẫn docs/editors.md\n", err)
		return 1
	}
	// Documents first: a target citing a document not yet written would be an error.
	if err := replaceFile(docPath, []byte(d.DocumentsText(string(docSrc)))); err != nil {
		fmt.Fprintf(stderr, "chiso new-year: không ghi được %s: %v\n", docPath, err)
		return 1
	}
	if err := replaceFile(indPath, []byte(indText)); err != nil {
		fmt.Fprintf(stderr, "chiso new-year: không ghi được %s: %v\n", indPath, err)
		return 1
	}
	fmt.Fprintf(stdout, "Đã thêm mục tiêu năm %d cho %d chỉ tiêu vào %s: giá trị để \"?\", bên cạnh ghi giá trị năm %d.\n",
		year, len(d.Indicators), indPath, year-1)
	for _, doc := range d.Documents {
		fmt.Fprintf(stdout, "Đã thêm văn bản “%s” vào %s theo %s số %s: số và ngày để \"?\".\n", doc.Key, docPath, doc.Prev.Type, doc.Prev.Number)
	}
	if len(d.Kept) > 0 {
		fmt.Fprintf(stdout, "Giữ nguyên (mục tiêu không có ngày kết thúc): %s.\n", targetyear.Names(d.Kept))
	}
	fmt.Fprintf(stdout, "Còn %d ô \"?\" cần nhập theo văn bản năm %d. Chạy chiso check%s để xem từng dòng.\n", d.Missing(), year, sourceFlag(*source))
	return 0
}

// replaceFile writes a complete temporary file and renames it over path, so a reader
// never sees half a file.
func replaceFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
