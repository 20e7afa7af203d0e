package opendata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"time"

	"chiso/internal/vietnamese"

	"github.com/xuri/excelize/v2"
)

// guideSheet is the workbook's first sheet: what each sheet and column means.
const guideSheet = "Giải thích"

// Workbook writes the tables as one XLSX file: a sheet that explains every column, then
// one sheet per table named after it, numbers as numbers, dates as dates.
//
// Its bytes are the same for the same tables: excelize writes its zip entries in sorted
// order with a fixed modification time, and the document properties it would otherwise
// date (created, modified) are set to created, the data's own date.
func Workbook(title, creator string, created time.Time, tables []*Table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	stamp := created.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: creator, LastModifiedBy: creator, Created: stamp, Modified: stamp,
		Language: "vi-VN", Description: Conventions,
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "chiso"}); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14, CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", guideSheet); err != nil {
		return nil, err
	}
	guide := [][]any{{"Bảng", "Cột", "Kiểu", "Đơn vị", "Tên", "Giải thích"}}
	for _, t := range tables {
		guide = append(guide, []any{t.Name, "", "", "", t.Title, t.Description})
		for _, fl := range t.Fields {
			guide = append(guide, []any{t.Name, fl.Name, fl.Type, fl.Unit, fl.Title, fl.Description})
		}
		for i, name := range sheetNames(t)[1:] {
			guide = append(guide, []any{name, "", "", "", t.Title + " (tiếp theo)",
				fmt.Sprintf("Phần %d của bảng %s, cùng các cột: một trang tính chỉ chứa được %s dòng.", i+2, t.Name, vietnamese.Int(int64(SheetRows)))})
		}
	}
	if err := writeRows(f, guideSheet, guide[0], guide[1:], bold, nil, false); err != nil {
		return nil, err
	}
	for _, t := range tables {
		head := make([]any, len(t.Fields))
		for i, fl := range t.Fields {
			head[i] = fl.Name
		}
		for i, name := range sheetNames(t) {
			if _, err := f.NewSheet(name); err != nil {
				return nil, fmt.Errorf("sheet %s: %w", name, err)
			}
			rows := t.Rows[i*SheetRows : min(len(t.Rows), (i+1)*SheetRows)]
			if err := writeRows(f, name, head, rows, bold, func(col int, v any) any {
				if tm, ok := v.(time.Time); ok {
					return excelize.Cell{StyleID: dateStyle, Value: tm.UTC()}
				}
				return v
			}, true); err != nil {
				return nil, err
			}
		}
	}
	// The guide (the renamed Sheet1) is already the active sheet. SetActiveSheet would
	// read every streamed sheet back into memory and write it again.
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return canonicalZip(buf.Bytes())
}

// SheetRows is how many data rows one sheet holds: Excel's 1 048 576 rows less the header.
// A national dataset has millions of observations; its table goes on over sheets
// "ket-qua", "ket-qua-2", … (a variable so that a test can make it small).
var SheetRows = 1<<20 - 1

// sheetNames are the sheets a table takes: its name, then NAME-2, NAME-3, ….
func sheetNames(t *Table) []string {
	names := []string{t.Name}
	for i := 2; (i-1)*SheetRows < len(t.Rows); i++ {
		names = append(names, fmt.Sprintf("%s-%d", t.Name, i))
	}
	return names
}

// canonicalZip rewrites a zip with its entries in name order and a fixed time: excelize
// writes streamed sheets in map order, which would make two builds differ.
func canonicalZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range files {
		// Copy the compressed bytes as they are: only the order and the time change.
		hdr := zf.FileHeader
		hdr.Modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
		hdr.ModifiedTime, hdr.ModifiedDate = 0, 0
		hdr.Extra = nil
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			return nil, err
		}
		r, err := zf.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, r); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeRows streams a sheet: excelize's stream writer is many times faster than setting
// cells one by one, which matters for a dataset of hundreds of thousands of rows.
func writeRows(f *excelize.File, sheet string, head []any, rows [][]any, headStyle int, cell func(int, any) any, freeze bool) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if freeze {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	styled := make([]any, len(head))
	for i, h := range head {
		styled[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := sw.SetRow("A1", styled); err != nil {
		return err
	}
	buf := make([]any, len(head))
	for i, r := range rows {
		for j, v := range r {
			if cell != nil {
				v = cell(j, v)
			}
			buf[j] = v
		}
		name, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(name, buf[:len(r)]); err != nil {
			return fmt.Errorf("sheet %s row %d: %w", sheet, i+2, err)
		}
	}
	return sw.Flush()
}

func ptr[T any](v T) *T { return &v }
