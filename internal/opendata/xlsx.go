package opendata

import (
	"bytes"
	"fmt"
	"time"

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
	}
	if err := writeRows(f, guideSheet, guide, bold); err != nil {
		return nil, err
	}
	for _, t := range tables {
		if _, err := f.NewSheet(t.Name); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", t.Name, err)
		}
		rows := make([][]any, 0, len(t.Rows)+1)
		head := make([]any, len(t.Fields))
		for i, fl := range t.Fields {
			head[i] = fl.Name
		}
		rows = append(rows, head)
		for _, r := range t.Rows {
			out := make([]any, len(r))
			for i, v := range r {
				if tm, ok := v.(time.Time); ok {
					out[i] = tm.UTC()
				} else {
					out[i] = v
				}
			}
			rows = append(rows, out)
		}
		if err := writeRows(f, t.Name, rows, bold); err != nil {
			return nil, err
		}
		if err := f.SetPanes(t.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
		for i, fl := range t.Fields {
			if fl.Type == "date" && len(t.Rows) > 0 {
				from, _ := excelize.CoordinatesToCellName(i+1, 2)
				to, _ := excelize.CoordinatesToCellName(i+1, len(t.Rows)+1)
				if err := f.SetCellStyle(t.Name, from, to, dateStyle); err != nil {
					return nil, err
				}
			}
		}
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeRows(f *excelize.File, sheet string, rows [][]any, headStyle int) error {
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return fmt.Errorf("sheet %s row %d: %w", sheet, i+1, err)
		}
	}
	if len(rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(rows[0]), 1)
		return f.SetCellStyle(sheet, "A1", end, headStyle)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
