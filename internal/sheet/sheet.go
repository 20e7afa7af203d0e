// Package sheet reads the spreadsheets editors receive — CSV or XLSX exports of a
// period's results — into the results of a period file (`chiso import`).
//
// Two shapes are understood. Long: one row per level (or unit) and indicator, with
// columns Chỉ tiêu, Cấp (or Đơn vị), Tử số, Mẫu số, Tỷ lệ. Wide: one row per level, one
// column per indicator, each cell a rate. Headers are matched after folding (no marks,
// lower case), so "Tỷ lệ (%)", "TỶ LỆ" and "ty le" are the same column; a mapping file
// names other headers, indicators, levels and units.
//
// Numbers typed as text are read the Vietnamese way (63,4; 139.506); XLSX number cells
// are read as stored, and a cell formatted as a percentage (0,634 shown as 63,4%) is
// read as 63.4. Every row that cannot be used is reported with its row number, and
// nothing is returned for writing when any row is wrong.
package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chiso/internal/vietnamese"
)

// Table is a spreadsheet as rows of cells.
type Table struct {
	Name string   // file name, for messages
	Rows []Row    // in file order
	Cols []string // column letters for XLSX ("A", "B", …); nil for CSV
}

// Row is one row and its number in the file (1-based, as the spreadsheet shows it).
type Row struct {
	Line  int
	Cells []Cell
}

// Cell is one cell: its text, and for an XLSX number cell its value as stored (already
// multiplied by 100 when the cell is formatted as a percentage).
type Cell struct {
	Text     string
	Number   float64
	IsNumber bool
}

func (c Cell) empty() bool { return strings.TrimSpace(c.Text) == "" && !c.IsNumber }

// Open reads a .csv or .xlsx file; sheet names the XLSX sheet ("" for the first).
func Open(path, sheet string) (*Table, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return ReadCSV(filepath.Base(path), data)
	case ".xlsx", ".xlsm":
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadXLSX(filepath.Base(path), f, sheet)
	}
	return nil, &Problem{File: filepath.Base(path), What: "không đọc được loại tệp này",
		Todo: "dùng tệp .csv hoặc .xlsx (trong Excel: Lưu dưới dạng → Sổ làm việc Excel hoặc CSV UTF-8)"}
}

// ReadCSV reads CSV text in UTF-8 (with or without BOM), separated by commas,
// semicolons (as Excel writes where the decimal mark is a comma) or tabs.
func ReadCSV(name string, data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &Problem{File: name, Line: line, What: "tệp CSV không được mã hóa UTF-8",
			Todo: "trong Excel chọn Lưu dưới dạng → “CSV UTF-8 (Phân cách bằng dấu phẩy)”, hoặc dùng tệp .xlsx"}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := &Table{Name: name}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			if pe, ok := err.(*csv.ParseError); ok {
				line = pe.Line
			}
			return nil, &Problem{File: name, Line: line, What: "dòng CSV không đọc được (dấu ngoặc kép chưa đóng?)",
				Todo: "mở tệp trong Excel và lưu lại dạng CSV UTF-8"}
		}
		line, _ := r.FieldPos(0)
		row := Row{Line: line}
		for _, s := range rec {
			row.Cells = append(row.Cells, Cell{Text: vietnamese.NFC(strings.TrimSpace(s))})
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// separator picks the most frequent of , ; and tab on the first line with any.
func separator(data []byte) rune {
	for _, line := range bytes.Split(data, []byte("\n")) {
		best, n := ',', 0
		for _, sep := range []rune{',', ';', '\t'} {
			if c := bytes.Count(line, []byte(string(sep))); c > n {
				best, n = sep, c
			}
		}
		if n > 0 {
			return best
		}
	}
	return ','
}

// ReadXLSX reads one sheet of a workbook.
func ReadXLSX(name string, r io.Reader, sheet string) (*Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &Problem{File: name, What: "không mở được sổ làm việc Excel",
			Todo: "kiểm tra tệp không bị hỏng và không đặt mật khẩu; hoặc lưu lại dạng .xlsx"}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheet == "" && len(sheets) > 0 {
		sheet = sheets[0]
	}
	found := false
	for _, s := range sheets {
		found = found || s == sheet
	}
	if !found {
		return nil, &Problem{File: name, What: fmt.Sprintf("không có trang tính “%s”", sheet),
			Todo: "các trang tính trong tệp: " + strings.Join(sheets, ", ") + "; sửa sheet trong tệp mapping"}
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &Problem{File: name, What: "không đọc được trang tính " + sheet, Todo: "lưu lại tệp trong Excel rồi thử lại"}
	}
	t := &Table{Name: name}
	width := 0
	for i, rec := range rows {
		row := Row{Line: i + 1}
		for j, raw := range rec {
			c := Cell{Text: vietnamese.NFC(strings.TrimSpace(raw))}
			axis, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if typ, _ := f.GetCellType(sheet, axis); typ != excelize.CellTypeSharedString &&
				typ != excelize.CellTypeInlineString && c.Text != "" {
				if v, err := strconv.ParseFloat(c.Text, 64); err == nil {
					c.Number, c.IsNumber = v, true
					if percentStyle(f, sheet, axis) {
						c.Number = v * 100
					}
					c.Text = strconv.FormatFloat(c.Number, 'f', -1, 64)
				}
			}
			row.Cells = append(row.Cells, c)
		}
		width = max(width, len(rec))
		t.Rows = append(t.Rows, row)
	}
	for j := 0; j < width; j++ {
		col, _ := excelize.ColumnNumberToName(j + 1)
		t.Cols = append(t.Cols, col)
	}
	return t, nil
}

func percentStyle(f *excelize.File, sheet, axis string) bool {
	id, err := f.GetCellStyle(sheet, axis)
	if err != nil || id == 0 {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return true
	}
	return st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")
}
