package opendata

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"time"

	"chiso/internal/scratch"
	"chiso/internal/vietnamese"

	"github.com/xuri/excelize/v2"
)

// guideSheet is the workbook's first sheet: what each sheet and column means.
const guideSheet = "Giải thích"

// Workbook writes the tables as one XLSX file: a sheet that explains every column, then
// one sheet per table named after it, numbers as numbers, dates as dates.
//
// Its bytes are the same for the same tables: the zip's entries are written in name order
// with no modification time, and the document properties excelize would otherwise date
// (created, modified) are set to created, the data's own date.
func Workbook(title, creator string, created time.Time, tables []*Table) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, title, creator, created, tables); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteWorkbook writes the workbook (see Workbook) to out, its zip entries in name
// order, as it is made.
//
// excelize makes everything but the data rows: the document's parts and each sheet with
// its header row. The rows, most of the bytes, are written by sheetWriter straight from
// the table into the zip, in the XML excelize's stream writer writes (the same bytes):
// excelize built a cell value for every cell, held each sheet's XML in a buffer of up to
// 16–32 MB (then a temporary file) until the end, and wrote the whole zip out of order
// to be copied again in order.
func WriteWorkbook(out io.Writer, title, creator string, created time.Time, tables []*Table) error {
	return workbook(out, title, creator, created, tables)
}

func workbook(out io.Writer, title, creator string, created time.Time, tables []*Table) error {
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
	if err := writeRows(f, guideSheet, guide[0], guide[1:], bold); err != nil {
		return err
	}
	// Each table's sheets, with their header only: the rows are written into the zip.
	parts := map[string]sheetPart{} // sheet name → its rows
	for _, t := range tables {
		head := make([]any, len(t.Fields))
		for i, fl := range t.Fields {
			head[i] = fl.Name
		}
		for i, name := range sheetNames(t) {
			sw, err := startSheet(f, name, head, bold, true)
			if err != nil {
				return err
			}
			if err := sw.Flush(); err != nil {
				return err
			}
			parts[name] = sheetPart{table: t, from: i * SheetRows}
		}
	}
	// The guide (the renamed Sheet1) is already the active sheet. SetActiveSheet would
	// read every streamed sheet back into memory and write it again.
	byPath := make(map[string]sheetPart, len(parts))
	for id, name := range f.GetSheetMap() {
		if p, ok := parts[name]; ok {
			// The path excelize's NewSheet gives a sheet.
			byPath["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = p
		}
	}
	if len(byPath) != len(parts) {
		return fmt.Errorf("opendata: %d sheets, %d found in the workbook", len(parts), len(byPath))
	}
	entries := zipEntries{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return entries })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for name := range entries {
		names = append(names, name)
	}
	// Name order and no time: two builds make the same bytes.
	sort.Strings(names)
	bw := bufio.NewWriterSize(out, 64<<10)
	zw := zip.NewWriter(bw)
	sheet := newSheetWriter(dateStyle)
	// A table over several sheets (national scale) is read once, not once a sheet: its
	// sheets are compressed in turn into a temporary file, as their zip entries hold
	// them, and copied into the zip in name order.
	packed, tmp, err := packSplitTables(sheet, entries, byPath)
	if tmp != nil {
		defer scratch.Close(tmp)
	}
	if err != nil {
		return err
	}
	for _, name := range names {
		if pk, ok := packed[name]; ok {
			// The header CreateHeader makes, with the sizes and checksum known.
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8,
				CreatorVersion: 20, ReaderVersion: 20, CRC32: pk.crc, CompressedSize64: uint64(pk.size), UncompressedSize64: uint64(pk.raw)})
			if err == nil {
				_, err = io.Copy(w, io.NewSectionReader(tmp, pk.off, pk.size))
			}
			if err != nil {
				return err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		data := entries[name].Bytes()
		p, ok := byPath[name]
		if !ok {
			if _, err := w.Write(data); err != nil {
				return err
			}
			continue
		}
		head, tail, err := splitSheet(name, data)
		if err != nil {
			return err
		}
		if _, err := w.Write(head); err != nil {
			return err
		}
		if err := sheet.rows(w, p.table, p.from, p.from+SheetRows); err != nil {
			return err
		}
		if _, err := w.Write(tail); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// splitSheet cuts a sheet excelize wrote with its header row only where its data rows go.
func splitSheet(name string, data []byte) (head, tail []byte, err error) {
	end := bytes.LastIndex(data, []byte("</sheetData>"))
	if end < 0 {
		return nil, nil, fmt.Errorf("opendata: %s has no sheetData", name)
	}
	return data[:end], data[end:], nil
}

// packSplitTables compresses the sheets of each table that takes more than one into a
// temporary file (nil if there is none), by zip path.
func packSplitTables(sheet *sheetWriter, entries zipEntries, byPath map[string]sheetPart) (map[string]packedSheet, *os.File, error) {
	split := map[*Table][]string{} // a table's sheet paths, in row order
	for path, p := range byPath {
		if p.table.Len() > SheetRows {
			split[p.table] = append(split[p.table], path)
		}
	}
	if len(split) == 0 {
		return nil, nil, nil
	}
	tmp, err := scratch.File("chiso-sheets-*")
	if err != nil {
		return nil, nil, err
	}
	out := &countWriter{w: bufio.NewWriterSize(tmp, 64<<10)}
	packed := map[string]packedSheet{}
	tables := make([]*Table, 0, len(split))
	for t := range split {
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].Name < tables[j].Name })
	for _, t := range tables {
		paths := split[t]
		sort.Slice(paths, func(i, j int) bool { return byPath[paths[i]].from < byPath[paths[j]].from })
		parts := make([][2][]byte, len(paths))
		for j, path := range paths {
			head, tail, err := splitSheet(path, entries[path].Bytes())
			if err != nil {
				return nil, tmp, err
			}
			parts[j] = [2][]byte{head, tail}
		}
		packs, err := sheet.pack(out, t, parts)
		if err != nil {
			return nil, tmp, err
		}
		for j, path := range paths {
			packed[path] = packs[j]
		}
	}
	return packed, tmp, out.w.(*bufio.Writer).Flush()
}

// sheetPart is the rows one sheet holds: those of table from from on (at most SheetRows).
type sheetPart struct {
	table *Table
	from  int
}

// zipEntries is the zip excelize writes, kept in memory by name: with the rows left out,
// its entries are small.
type zipEntries map[string]*bytes.Buffer

func (z zipEntries) Create(name string) (io.Writer, error) {
	if _, ok := z[name]; ok {
		return nil, fmt.Errorf("opendata: %s twice in the workbook", name)
	}
	b := new(bytes.Buffer)
	z[name] = b
	return b, nil
}

func (z zipEntries) AddFS(fs.FS) error { return errors.New("opendata: AddFS in the workbook") }

func (z zipEntries) Close() error { return nil }

// SheetRows is how many data rows one sheet holds: Excel's 1 048 576 rows less the header.
// A national dataset has millions of observations; its table goes on over sheets
// "ket-qua", "ket-qua-2", … (a variable so that a test can make it small).
var SheetRows = 1<<20 - 1

// sheetNames are the sheets a table takes: its name, then NAME-2, NAME-3, ….
func sheetNames(t *Table) []string {
	names := []string{t.Name}
	for i, n := 2, t.Len(); (i-1)*SheetRows < n; i++ {
		names = append(names, fmt.Sprintf("%s-%d", t.Name, i))
	}
	return names
}

// writeRows streams a sheet: excelize's stream writer is many times faster than setting
// cells one by one, which matters for a dataset of hundreds of thousands of rows.
func writeRows(f *excelize.File, sheet string, head []any, rows [][]any, headStyle int) error {
	sw, err := startSheet(f, sheet, head, headStyle, false)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if err := setRow(sw, sheet, i, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// startSheet makes a sheet and writes its header row.
func startSheet(f *excelize.File, sheet string, head []any, headStyle int, fresh bool) (*excelize.StreamWriter, error) {
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
func setRow(sw *excelize.StreamWriter, sheet string, i int, row []any) error {
	name, _ := excelize.CoordinatesToCellName(1, i+2)
	if err := sw.SetRow(name, row); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", sheet, i+2, err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
