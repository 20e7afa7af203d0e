package opendata

import (
	"time"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Resource names: the file stems under du-lieu/ and the names in datapackage.json.
const (
	Results    = "ket-qua"     // every figure, long format
	Scores     = "diem-chi-so" // the index score and rank per period
	Groups     = "diem-nhom"   // the index score's groups per period
	Targets    = "muc-tieu"    // targets and the documents that set them
	Indicators = "chi-tieu"    // the indicators and their definitions
	Reports    = "ky-bao-cao"  // the periods: report, source system, data file
)

// Citation names a document the way the site prints it: "Nghị quyết số 02/NQ-CP ngày
// 05/01/2024 của Chính phủ".
func Citation(d *model.Document) string {
	if d == nil {
		return ""
	}
	s := d.Type + " số " + d.Number + " ngày " + vietnamese.Date(d.Date)
	if d.Issuer != "" {
		s += " của " + d.Issuer
	}
	return s
}

// Created is the date the data speaks for, used where a file wants a creation date: the
// newest report document's date, or the end of the newest period when reports carry no
// document. It comes from the data, never the clock, so two builds of the same files are
// byte-identical.
func Created(s *model.Site) time.Time {
	var t time.Time
	for _, r := range s.Reports {
		d := r.Period.End()
		if r.Document != nil && !r.Document.Date.IsZero() {
			d = r.Document.Date
		}
		if d.After(t) {
			t = d
		}
	}
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Published is when an article of report r appeared: its report's date, or the end of
// its period.
func Published(r *model.Report) time.Time {
	if r.Document != nil && !r.Document.Date.IsZero() {
		return r.Document.Date
	}
	return r.Period.End()
}

func periodStart(p model.Period) time.Time { return p.Start() }

// periodFields types the period column: "yearmonth" while every report is a month,
// "string" once the site also holds quarters, years, weeks, snapshots or windows.
func periodFields(s *model.Site, fields []Field) []Field {
	for _, r := range s.Reports {
		if r.Period.Kind != model.Month {
			out := append([]Field(nil), fields...)
			for i, f := range out {
				if f.Name == "period" {
					out[i].Type = "string"
					out[i].Description = "Kỳ báo cáo: 2024-04 (tháng), 2024-q2 (quý), 2024 (năm), 2024-w03 (tuần), 2025-07-25 (lũy kế đến ngày), 2025-09-21--2025-10-20 (khoảng ngày)."
				}
			}
			return out
		}
	}
	return fields
}

// optional is an optional number as a cell: empty when the source did not give it.
func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// positive is a rank, a total or a maximum as a cell: empty when not given (0).
func positive[N int | float64](n N) any {
	if n <= 0 {
		return nil
	}
	if i, ok := any(n).(int); ok {
		return int64(i)
	}
	return n
}

func entityName(r *model.Report) any {
	if r.Entity == nil {
		return nil
	}
	return r.Entity.Name
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var resultFields = []Field{
	{Name: "period", Type: "yearmonth", Title: "Kỳ báo cáo", Description: "Tháng báo cáo, dạng YYYY-MM."},
	{Name: "period_start", Type: "date", Title: "Từ ngày", Description: "Ngày đầu của khoảng lấy số liệu (ngày 1 của tháng, trừ khi báo cáo ghi khoảng khác)."},
	{Name: "period_end", Type: "date", Title: "Đến ngày", Description: "Ngày cuối của khoảng lấy số liệu; mục tiêu và cấp hành chính được xét theo ngày này."},
	{Name: "entity", Type: "string", Title: "Đơn vị báo cáo", Description: "Tỉnh (hoặc đơn vị hành chính) mà số liệu nói về."},
	{Name: "indicator", Type: "string", Title: "Mã chỉ tiêu", Description: "Mã chỉ tiêu, như trong data/indicators.toml và trong địa chỉ chi-tieu/{mã}/."},
	{Name: "indicator_name", Type: "string", Title: "Tên chỉ tiêu"},
	{Name: "level", Type: "string", Title: "Mã cấp", Description: "Cấp hành chính (tinh, huyen, xa); để trống ở dòng của cả tỉnh."},
	{Name: "level_name", Type: "string", Title: "Tên cấp"},
	{Name: "unit", Type: "string", Title: "Mã đơn vị", Description: "Mã sở, ngành, huyện hoặc xã; chỉ có ở dòng theo đơn vị, trống ở dòng cả tỉnh và dòng theo cấp."},
	{Name: "unit_name", Type: "string", Title: "Tên đơn vị"},
	{Name: "value", Type: "number", Title: "Tỷ lệ", Unit: "%", Description: "Tỷ lệ phần trăm (0–100), dấu chấm thập phân. Tỷ lệ cả tỉnh là tỷ lệ gộp (tổng tử số ÷ tổng mẫu số), không phải trung bình các cấp."},
	{Name: "numerator", Type: "integer", Title: "Tử số", Description: "Số đạt (ví dụ số hồ sơ nộp trực tuyến), khi báo cáo có; trống nếu báo cáo chỉ ghi tỷ lệ."},
	{Name: "denominator", Type: "integer", Title: "Mẫu số", Description: "Tổng số (ví dụ tổng số hồ sơ đã tiếp nhận), khi báo cáo có."},
	{Name: "computed", Type: "boolean", Title: "Tự tính", Description: "true khi tỷ lệ cả tỉnh được tính từ tử số và mẫu số thay vì chép từ báo cáo."},
	{Name: "target", Type: "number", Title: "Mục tiêu", Unit: "%", Description: "Tỷ lệ phải đạt theo văn bản giao, áp dụng cho cả tỉnh và từng đơn vị; trống ở dòng theo cấp."},
	{Name: "basis", Type: "string", Title: "Văn bản giao mục tiêu", Description: "Trích dẫn văn bản giao mục tiêu: loại, số hiệu, ngày, cơ quan ban hành."},
	{Name: "met", Type: "boolean", Title: "Đạt mục tiêu", Description: "true khi tỷ lệ, như khi in (một hoặc hai chữ số thập phân như văn bản nguồn), đạt mục tiêu; trống ở dòng theo cấp và khi không có mục tiêu."},
	{Name: "rank", Type: "integer", Title: "Thứ hạng trong cấp", Description: "Thứ hạng của đơn vị trong cấp của nó ở kỳ này, 1 là tỷ lệ cao nhất; chỉ có ở dòng theo đơn vị."},
	{Name: "illustrative", Type: "boolean", Title: "Số liệu minh họa", Description: "true khi số liệu của kỳ được tạo ra để minh họa, không phải số liệu chính thức."},
	{Name: "source_file", Type: "string", Title: "Tệp dữ liệu", Description: "Tệp dữ liệu của trang mà dòng này được đọc từ, ví dụ data/periods/2024-04.toml."},
}

// ResultsTable is every figure of every period in long ("tidy") form: one row for the
// whole entity, one per level and one per unit, for each indicator and period.
func ResultsTable(s *model.Site) *Table {
	t := &Table{Name: Results, Title: "Kết quả các chỉ tiêu theo kỳ, cấp và đơn vị",
		Description: "Mỗi dòng là một tỷ lệ: của cả tỉnh (level trống), của một cấp, hoặc của một đơn vị, trong một kỳ báo cáo.",
		Fields:      periodFields(s, resultFields)}
	for _, r := range s.Reports {
		for _, res := range r.Results {
			var target, basis, met any
			if res.Target != nil {
				target, met = res.Target.Value, res.Met
				basis = orNil(Citation(res.Target.Basis))
			}
			ind := res.Indicator
			row := func(level *model.Level, unit *model.Unit, value float64, c *model.Count) []any {
				out := []any{
					r.Period.Key(), periodStart(r.Period), r.Period.End(), entityName(r),
					ind.Key, ind.Name, nil, nil, nil, nil,
					value, nil, nil, nil, nil, nil, nil, nil,
					r.Illustrative, r.File,
				}
				if level != nil {
					out[6], out[7] = level.Key, level.Name
				}
				if unit != nil {
					out[8], out[9] = unit.Code, unit.Name
				}
				if c != nil {
					out[11], out[12] = c.Num, c.Den
				}
				return out
			}
			whole := row(nil, nil, res.Whole, res.Count)
			whole[13], whole[14], whole[15], whole[16] = res.Computed, target, basis, met
			t.Rows = append(t.Rows, whole)
			for _, lr := range res.Levels {
				t.Rows = append(t.Rows, row(lr.Level, nil, lr.Rate, lr.Count))
			}
			for _, ur := range res.Units {
				c := ur.Count
				u := row(ur.Unit.Level, ur.Unit, ur.Rate, &c)
				if res.Target != nil {
					u[14], u[15] = target, basis
					u[16] = model.Meets(ur.Rate, res.Target.Value, ind.HigherIsBetter)
				}
				if ur.Rank > 0 {
					u[17] = int64(ur.Rank)
				}
				t.Rows = append(t.Rows, u)
			}
		}
	}
	return t
}

// ForIndicator is the results of one indicator: du-lieu/chi-tieu/{key}.csv. byIndicator
// is all.IndexBy("indicator").
func ForIndicator(all *Table, byIndicator Index, ind *model.Indicator) *Table {
	return &Table{Name: Results + "-" + ind.Key, Title: "Kết quả chỉ tiêu “" + ind.Name + "” qua các kỳ",
		Description: "Mọi kỳ của chỉ tiêu: cả tỉnh, từng cấp và từng đơn vị, với mục tiêu, văn bản giao và đánh giá.",
		Fields:      all.Fields, Rows: byIndicator[ind.Key]}
}

// ForPeriod is the results of one period: du-lieu/ky/{period}.csv. byPeriod is
// all.IndexBy("period").
func ForPeriod(all *Table, byPeriod Index, r *model.Report) *Table {
	key := r.Period.Key()
	return &Table{Name: Results + "-" + key, Title: "Kết quả các chỉ tiêu, " + r.Period.Label(),
		Description: "Số liệu của bài viết kỳ " + key + ", đọc từ " + r.File + ".",
		Fields:      all.Fields, Rows: byPeriod[key]}
}

// ForUnit is the results of one unit: du-lieu/don-vi/{code}.csv. byUnit is
// all.IndexBy("unit").
func ForUnit(all *Table, byUnit Index, u *model.Unit) *Table {
	return &Table{Name: Results + "-" + u.Code, Title: "Kết quả các chỉ tiêu của " + u.Name + " qua các kỳ",
		Fields: all.Fields, Rows: byUnit[u.Code]}
}

// ScoresTable is the index score, rank and class of each period that reports one.
func ScoresTable(s *model.Site) *Table {
	t := &Table{Name: Scores, Title: "Điểm và thứ hạng Chỉ số phục vụ người dân, doanh nghiệp",
		Description: "Điểm (0–100) và thứ hạng của tỉnh theo Bộ chỉ số của Quyết định số 766/QĐ-TTg ngày 23/6/2022, do Văn phòng Chính phủ công bố; không tính từ các tỷ lệ ở ket-qua.",
		Fields: periodFields(s, []Field{
			{Name: "period", Type: "yearmonth", Title: "Kỳ báo cáo"},
			{Name: "entity", Type: "string", Title: "Đơn vị báo cáo"},
			{Name: "score", Type: "number", Title: "Điểm", Unit: "điểm", Description: "Điểm tổng, thang 100."},
			{Name: "rank", Type: "integer", Title: "Thứ hạng", Description: "1 là cao nhất."},
			{Name: "rank_of", Type: "integer", Title: "Số tỉnh được xếp hạng", Description: "63 đến tháng 6/2025, 34 từ tháng 7/2025."},
			{Name: "class", Type: "string", Title: "Xếp loại", Description: "Xếp loại khi văn bản nguồn có ghi (xuất sắc, tốt, …)."},
			{Name: "national_average", Type: "number", Title: "Điểm trung bình cả nước", Unit: "điểm"},
			{Name: "source", Type: "string", Title: "Cơ quan công bố"},
			{Name: "illustrative", Type: "boolean", Title: "Số liệu minh họa"},
			{Name: "source_file", Type: "string", Title: "Tệp dữ liệu"},
		})}
	for _, r := range s.Reports {
		x := r.Index
		if x == nil {
			continue
		}
		var avg any
		if x.NationalAverage != nil {
			avg = *x.NationalAverage
		}
		t.Rows = append(t.Rows, []any{r.Period.Key(), entityName(r), optional(x.Score), positive(x.Rank), positive(x.RankOf),
			orNil(x.Class), avg, orNil(x.Source), r.Illustrative, r.File})
	}
	return t
}

// GroupsTable is the index score's groups, for the periods whose groups add up to the
// score (the site prints no others, and neither do we).
func GroupsTable(s *model.Site) *Table {
	t := &Table{Name: Groups, Title: "Điểm thành phần của Chỉ số theo nhóm",
		Description: "Điểm từng nhóm tiêu chí và điểm tối đa của nhóm; chỉ các kỳ có tổng các nhóm bằng điểm tổng.",
		Fields: periodFields(s, []Field{
			{Name: "period", Type: "yearmonth", Title: "Kỳ báo cáo"},
			{Name: "group", Type: "string", Title: "Nhóm tiêu chí"},
			{Name: "score", Type: "number", Title: "Điểm", Unit: "điểm"},
			{Name: "max", Type: "number", Title: "Điểm tối đa", Unit: "điểm"},
			{Name: "illustrative", Type: "boolean", Title: "Số liệu minh họa"},
			{Name: "source_file", Type: "string", Title: "Tệp dữ liệu"},
		})}
	for _, r := range s.Reports {
		if r.Index == nil || !r.Index.GroupsValid {
			continue
		}
		for _, g := range r.Index.Groups {
			t.Rows = append(t.Rows, []any{r.Period.Key(), g.Name, g.Score, positive(g.Max), r.Illustrative, r.File})
		}
	}
	return t
}

// TargetsTable is every target with its period of force and the document that sets it.
func TargetsTable(s *model.Site) *Table {
	t := &Table{Name: Targets, Title: "Mục tiêu được giao",
		Description: "Tỷ lệ mỗi chỉ tiêu phải đạt trong từng thời kỳ và văn bản giao.",
		Fields: []Field{
			{Name: "indicator", Type: "string", Title: "Mã chỉ tiêu"},
			{Name: "indicator_name", Type: "string", Title: "Tên chỉ tiêu"},
			{Name: "target", Type: "number", Title: "Mục tiêu", Unit: "%"},
			{Name: "from", Type: "date", Title: "Áp dụng từ"},
			{Name: "to", Type: "date", Title: "Áp dụng đến", Description: "Trống khi chưa có ngày kết thúc."},
			{Name: "basis", Type: "string", Title: "Văn bản giao"},
			{Name: "basis_url", Type: "string", Title: "Địa chỉ văn bản", Description: "Đường dẫn tới văn bản, khi có."},
			{Name: "illustrative", Type: "boolean", Title: "Mục tiêu giả định", Description: "true khi mục tiêu được giả định cho trang mẫu, không đọc từ văn bản."},
			{Name: "source_file", Type: "string", Title: "Tệp dữ liệu"},
		}}
	for _, ind := range s.Indicators {
		for _, tg := range ind.Targets {
			var to, url any
			if !tg.To.IsZero() {
				to = tg.To
			}
			if tg.Basis != nil {
				url = orNil(tg.Basis.URL)
			}
			t.Rows = append(t.Rows, []any{ind.Key, ind.Name, tg.Value, tg.From, to, orNil(Citation(tg.Basis)), url,
				tg.Illustrative, orNil(tg.Pos.File)})
		}
	}
	return t
}

// IndicatorsTable lists the indicators and what they count.
func IndicatorsTable(s *model.Site) *Table {
	t := &Table{Name: Indicators, Title: "Danh mục chỉ tiêu",
		Fields: []Field{
			{Name: "indicator", Type: "string", Title: "Mã chỉ tiêu"},
			{Name: "name", Type: "string", Title: "Tên chỉ tiêu"},
			{Name: "short", Type: "string", Title: "Tên ngắn"},
			{Name: "counts", Type: "string", Title: "Đơn vị đếm"},
			{Name: "definition", Type: "string", Title: "Định nghĩa"},
			{Name: "higher_is_better", Type: "boolean", Title: "Càng cao càng tốt"},
			{Name: "source_file", Type: "string", Title: "Tệp dữ liệu"},
		}}
	for _, ind := range s.Indicators {
		t.Rows = append(t.Rows, []any{ind.Key, ind.Name, ind.Short, ind.Counts, ind.Definition, ind.HigherIsBetter, orNil(ind.Pos.File)})
	}
	return t
}

// ReportsTable lists the periods with the report and system their figures come from.
func ReportsTable(s *model.Site) *Table {
	t := &Table{Name: Reports, Title: "Các kỳ báo cáo và nguồn số liệu",
		Description: "Mỗi kỳ: văn bản báo cáo, hệ thống trích xuất số liệu và tệp dữ liệu của trang.",
		Fields: periodFields(s, []Field{
			{Name: "period", Type: "yearmonth", Title: "Kỳ báo cáo"},
			{Name: "period_start", Type: "date", Title: "Từ ngày"},
			{Name: "period_end", Type: "date", Title: "Đến ngày"},
			{Name: "entity", Type: "string", Title: "Đơn vị báo cáo"},
			{Name: "report", Type: "string", Title: "Báo cáo nguồn", Description: "Văn bản báo cáo số liệu của kỳ: loại, số hiệu, ngày, cơ quan."},
			{Name: "report_url", Type: "string", Title: "Địa chỉ văn bản", Description: "Đường dẫn tới văn bản, khi có."},
			{Name: "source_system", Type: "string", Title: "Hệ thống nguồn", Description: "Hệ thống mà số liệu được trích xuất từ."},
			{Name: "author", Type: "string", Title: "Tác giả bài viết"},
			{Name: "illustrative", Type: "boolean", Title: "Số liệu minh họa"},
			{Name: "source_file", Type: "string", Title: "Tệp dữ liệu"},
		})}
	for _, r := range s.Reports {
		var url any
		if r.Document != nil {
			url = orNil(r.Document.URL)
		}
		sys := r.SourceSystem
		if r.SourceShort != "" {
			sys += " (" + r.SourceShort + ")"
		}
		t.Rows = append(t.Rows, []any{r.Period.Key(), periodStart(r.Period), r.Period.End(), entityName(r),
			orNil(Citation(r.Document)), url, orNil(sys), orNil(r.Author), r.Illustrative, r.File})
	}
	return t
}
