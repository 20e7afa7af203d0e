package opendata

// The workbook as excelize alone made it before xlsx.go wrote the data rows itself: the
// reference the new writer's bytes are compared with.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"time"

	"chiso/internal/vietnamese"

	"github.com/xuri/excelize/v2"
)

// refWorkbook is the old Workbook: excelize's zip, rewritten in name order.
func refWorkbook(title, creator string, created time.Time, tables []*Table) ([]byte, error) {
	var zipped bytes.Buffer
	if err := refWorkbookTo(&zipped, title, creator, created, tables); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err := refCanonicalZip(&out, bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	return out.Bytes(), err
}

func refWorkbookTo(out io.Writer, title, creator string, created time.Time, tables []*Table) error {
	f := excelize.NewFile()
	defer f.Close()
	stamp := created.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: creator, LastModifiedBy: creator, Created: stamp, Modified: stamp,
		Language: "vi-VN", Description: Conventions,
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "chiso"}); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14, CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", guideSheet); err != nil {
		return err
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
	if err := refWriteRows(f, guideSheet, guide[0], guide[1:], bold); err != nil {
		return err
	}
	date := func(v any) any {
		if tm, ok := v.(time.Time); ok {
			return excelize.Cell{StyleID: dateStyle, Value: tm.UTC()}
		}
		return v
	}
	for _, t := range tables {
		if err := refWriteTable(f, t, bold, date); err != nil {
			return err
		}
	}
	// The guide (the renamed Sheet1) is already the active sheet. SetActiveSheet would
	// read every streamed sheet back into memory and write it again.
	// excelize makes its zip in a buffer, the whole workbook in memory, then copies it to
	// out: its zip writer writes to out itself instead, the same bytes (the fix-up of
	// entries over 4 GiB it applies to the buffer cannot arise: a sheet has SheetRows).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(out) })
	_, err = f.WriteTo(io.Discard)
	return err
}

// canonicalZip rewrites a zip with its entries in name order and a fixed time: excelize
// writes streamed sheets in map order, which would make two builds differ.
func refCanonicalZip(out io.Writer, data io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(data, size)
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	bw := bufio.NewWriterSize(out, 64<<10)
	zw := zip.NewWriter(bw)
	for _, zf := range files {
		// Copy the compressed bytes as they are: only the order and the time change.
		hdr := zf.FileHeader
		hdr.Modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
		hdr.ModifiedTime, hdr.ModifiedDate = 0, 0
		hdr.Extra = nil
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		r, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeRows streams a sheet: excelize's stream writer is many times faster than setting
// cells one by one, which matters for a dataset of hundreds of thousands of rows.
func refWriteRows(f *excelize.File, sheet string, head []any, rows [][]any, headStyle int) error {
	sw, err := refStartSheet(f, sheet, head, headStyle, false)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if err := refSetRow(sw, sheet, i, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeTable streams a table onto its sheets (sheetNames), a row at a time.
func refWriteTable(f *excelize.File, t *Table, headStyle int, cell func(any) any) error {
	head := make([]any, len(t.Fields))
	for i, fl := range t.Fields {
		head[i] = fl.Name
	}
	names := sheetNames(t)
	sw, err := refStartSheet(f, names[0], head, headStyle, true)
	if err != nil {
		return err
	}
	buf := make([]any, len(head))
	i, sheet := 0, 0
	t.Each(func(r []any) {
		if err != nil {
			return
		}
		if i == SheetRows {
			if err = sw.Flush(); err != nil {
				return
			}
			i, sheet = 0, sheet+1
			if sw, err = refStartSheet(f, names[sheet], head, headStyle, true); err != nil {
				return
			}
		}
		for j, v := range r {
			buf[j] = cell(v)
		}
		err = refSetRow(sw, names[sheet], i, buf[:len(r)])
		i++
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// startSheet makes a sheet and writes its header row.
func refStartSheet(f *excelize.File, sheet string, head []any, headStyle int, fresh bool) (*excelize.StreamWriter, error) {
	if fresh {
		if _, err := f.NewSheet(sheet); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if fresh { // a data sheet: the header stays in view
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	styled := make([]any, len(head))
	for i, h := range head {
		styled[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	return sw, sw.SetRow("A1", styled)
}

// setRow writes data row i (0-based, under the header).
func refSetRow(sw *excelize.StreamWriter, sheet string, i int, row []any) error {
	name, _ := excelize.CoordinatesToCellName(1, i+2)
	if err := sw.SetRow(name, row); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", sheet, i+2, err)
	}
	return nil
}
