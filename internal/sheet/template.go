package sheet

// The spreadsheet template of a period (`chiso new`): what the clerk fills in instead of
// typing TOML. Header cells first (report number and date, issuer, author, score and
// rank), each labelled in Vietnamese in column A with its value in column B; then one row
// per indicator and level or unit, in the long form `import` reads. Input cells have a
// yellow fill; cells not to fill in the figure columns are grey. The same grid is written
// as CSV (without colours) for offices that work in CSV.

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/internal/model"
	"chiso/internal/periodfile"
	"chiso/internal/vietnamese"
)

// TemplateSheet is the name of the template's sheet.
const TemplateSheet = "Số liệu"

// Header labels, as printed in column A; read back by folding (see headerFields).
const (
	labelPeriod   = "Kỳ báo cáo"
	labelNumber   = "Số báo cáo"
	labelDate     = "Ngày báo cáo"
	labelIssuer   = "Cơ quan ban hành báo cáo"
	labelAuthor   = "Tác giả bài viết"
	labelScore    = "Điểm Chỉ số phục vụ"
	labelRank     = "Xếp hạng"
	labelRankOf   = "Trên tổng số tỉnh, thành phố"
	labelClass    = "Xếp loại"
	labelAverage  = "Điểm bình quân cả nước"
	labelGroup    = "Điểm nhóm: "
	labelWholeRow = "Toàn tỉnh"
)

// tcell is one cell of the template grid.
type tcell struct {
	text  string
	input bool   // to fill in: yellow
	none  bool   // a figure column not used on this row: grey
	note  string // a comment on the cell (XLSX only)
	bold  bool
}

// Template is the grid of period f's spreadsheet.
type Template struct {
	rows   [][]tcell
	inputs int
	table  int // index of the table's header row
}

// Inputs counts the cells to fill in.
func (t *Template) Inputs() int { return t.inputs }

// NewTemplate lays out the template of the drafted period file f.
func NewTemplate(s *model.Site, f *periodfile.File) *Template {
	t := &Template{}
	p := f.Period
	t.add(tcell{text: "Số liệu tháng " + vietnamese.MonthYear(p.Year, p.Month) + " — điền các ô nền vàng, lưu tệp, rồi chạy: chiso import data/periods/" + p.Key() + ".xlsx", bold: true})
	t.add(tcell{text: "Số viết như trong báo cáo (63,4; 139.506); tỷ lệ theo phần trăm; ngày viết ngày/tháng/năm (20/5/2024). Không sửa các ô không tô màu."})
	t.add()
	t.add(tcell{text: labelPeriod, bold: true}, tcell{text: p.Key()})
	in := func(label, value, note string) {
		t.add(tcell{text: label, bold: true}, tcell{text: value, input: true, note: note})
		t.inputs++
	}
	in(labelNumber, plain(f.Report.Number), "Số hiệu của báo cáo nguồn, ví dụ 364/BC-VPUBND")
	in(labelDate, plain(f.Report.Date), "Ngày ký báo cáo, ví dụ 20/5/2024")
	in(labelIssuer, plain(f.Report.Issuer), "Cơ quan ban hành, ví dụ Văn phòng UBND tỉnh")
	author := plain(f.Author)
	if author == "" {
		author = s.Config.Author
	}
	in(labelAuthor, author, "Tên in ở cuối bài viết")
	if x := f.Index; x != nil {
		in(labelScore, plain(x.Score), "Điểm của tỉnh trên Cổng Dịch vụ công quốc gia, ví dụ 88,62")
		in(labelRank, plain(x.Rank), "Thứ hạng của tỉnh, ví dụ 5")
		in(labelRankOf, plain(x.RankOf), "Số tỉnh, thành phố được xếp hạng: 63 đến 6/2025, 34 từ 7/2025")
		if x.Class != "" {
			in(labelClass, plain(x.Class), "Ví dụ xuất sắc, tốt, khá; để trống nếu báo cáo không ghi")
		}
		if x.NationalAverage != "" {
			in(labelAverage, plain(x.NationalAverage), "Để trống nếu báo cáo không ghi")
		}
		for _, g := range x.Groups {
			in(labelGroup+plain(g.Name), plain(g.Score), "Điểm nhóm, tối đa "+plain(g.Max))
		}
	}
	t.add()
	t.table = len(t.rows)
	t.add(tcell{text: "Chỉ tiêu", bold: true}, tcell{text: "Cấp", bold: true}, tcell{text: "Đơn vị", bold: true},
		tcell{text: "Tử số", bold: true, note: "Số hồ sơ đạt (số nguyên)"},
		tcell{text: "Mẫu số", bold: true, note: "Tổng số hồ sơ (số nguyên)"},
		tcell{text: "Tỷ lệ (%)", bold: true, note: "Theo phần trăm, ví dụ 63,4"})
	levelName := map[string]string{}
	for _, lv := range s.Levels {
		levelName[lv.Key] = lv.Name
	}
	figures := func(name, level, unit string, counts bool) {
		num := tcell{none: !counts, input: counts}
		den := num
		rate := tcell{none: counts, input: !counts}
		if counts {
			t.inputs += 2
		} else {
			t.inputs++
		}
		t.add(tcell{text: name}, tcell{text: level}, tcell{text: unit}, num, den, rate)
	}
	for _, r := range f.Results {
		name := r.Name
		if ind := s.Indicator(r.Indicator); ind != nil {
			name = ind.Name
		}
		if r.Whole != "" {
			figures(name, labelWholeRow, "", false)
		}
		for _, c := range r.Rates {
			figures(name, levelName[c.Key], "", false)
		}
		for _, c := range r.Nums {
			figures(name, levelName[c.Key], "", true)
		}
		for _, u := range r.Units {
			lv := ""
			if su := s.Unit(u.Code); su != nil && su.Level != nil {
				lv = su.Level.Name
			}
			figures(name, lv, u.Name, true)
		}
	}
	return t
}

func (t *Template) add(cells ...tcell) { t.rows = append(t.rows, cells) }

// plain is the text a TOML value shows in a cell: "?" and "" are empty, strings
// unquoted, dates as d/m/yyyy.
func plain(v string) string {
	switch {
	case v == periodfile.Missing || v == "":
		return ""
	case strings.HasPrefix(v, `"`):
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
		return strings.Trim(v, `"`)
	}
	if d, err := timeParse(v); err == nil {
		return vietnamese.Date(d)
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		return vietnamese.Decimal(n, 6)
	}
	return v
}

// CSV is the grid as CSV for Excel: UTF-8 with a BOM, commas, CRLF.
func (t *Template) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, row := range t.rows {
		rec := make([]string, 6)
		for j, c := range row {
			rec[j] = c.text
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// XLSX is the grid as a workbook, input cells yellow with notes on the header cells.
func (t *Template) XLSX() ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return nil, err
	}
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	input, err := x.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Border: border, NumFmt: 49, Protection: &excelize.Protection{Locked: false}}) // 49: text, so 20/5/2024 stays as typed
	if err != nil {
		return nil, err
	}
	figure, err := x.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Border: border, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return nil, err
	}
	none, err := x.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}, Border: border})
	if err != nil {
		return nil, err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for i, row := range t.rows {
		for j, c := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if c.text != "" {
				if err := x.SetCellStr(TemplateSheet, cell, c.text); err != nil {
					return nil, err
				}
			}
			style := 0
			switch {
			case c.input && i > t.table:
				style = figure
			case c.input:
				style = input
			case c.none:
				style = none
			case c.bold:
				style = bold
			}
			if style != 0 {
				x.SetCellStyle(TemplateSheet, cell, cell, style)
			}
			if c.note != "" {
				x.AddComment(TemplateSheet, excelize.Comment{Cell: cell, Author: "chiso", Paragraph: []excelize.RichTextRun{{Text: c.note}}})
			}
		}
	}
	// No data validation: Excel reads "63,4" as a number or as text depending on the
	// computer's locale, and would refuse what import reads well; import checks each row.
	x.SetColWidth(TemplateSheet, "A", "A", 48)
	x.SetColWidth(TemplateSheet, "B", "B", 24)
	x.SetColWidth(TemplateSheet, "C", "C", 36)
	x.SetColWidth(TemplateSheet, "D", "F", 12)
	top, _ := excelize.CoordinatesToCellName(1, t.table+2)
	x.SetPanes(TemplateSheet, &excelize.Panes{Freeze: true, YSplit: t.table + 1, TopLeftCell: top, ActivePane: "bottomLeft"})
	buf, err := x.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func timeParse(v string) (time.Time, error) { return time.Parse("2006-01-02", v) }
