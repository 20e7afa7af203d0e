package opendata

import (
	"time"

	"chiso/internal/model"
	"chiso/internal/vietnamese"
)

// Resource names: the file stems under du-lieu/ and the names in datapackage.json. The
// observations table holds codes only; every name, citation and label is in one lookup
// table, once.
const (
	Results    = "ket-qua"     // the observations: one number per period, entity, indicator and level or unit
	Indicators = "chi-tieu"    // lookup: indicators and their definitions
	Levels     = "cap"         // lookup: administrative levels
	Units      = "don-vi"      // lookup: departments, districts, communes
	Entities   = "dia-phuong"  // lookup: the provinces (or other entities) reported on
	Documents  = "van-ban"     // lookup: the documents cited (targets' bases, reports)
	Periods    = "ky"          // lookup: the periods and their dates
	Reports    = "ky-bao-cao"  // one row per report: period, entity, document, source system
	Targets    = "muc-tieu"    // targets and the documents that set them
	Scores     = "diem-chi-so" // the index score and rank per period
	Groups     = "diem-nhom"   // the index score's groups per period
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
	for _, r := range s.AllReports() {
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

// periodField is the period column of every table: "yearmonth" while every report is a
// month, "string" once the site also holds quarters, years, weeks, snapshots or windows.
func periodField(s *model.Site) Field {
	f := Field{Name: "period", Type: "yearmonth", Title: "Kỳ báo cáo", Description: "Mã kỳ, dạng YYYY-MM; tên và ngày của kỳ ở bảng ky."}
	for _, r := range s.AllReports() {
		if r.Period.Kind != model.Month {
			f.Type = "string"
			f.Description = "Mã kỳ: 2024-04 (tháng), 2024-q2 (quý), 2024 (năm), 2024-w03 (tuần), 2025-07-25 (lũy kế đến ngày), 2025-09-21--2025-10-20 (khoảng ngày); tên và ngày của kỳ ở bảng ky."
			break
		}
	}
	return f
}

// Codes of the lookups, as the other tables name them.
var (
	entityField    = Field{Name: "entity", Type: "string", Title: "Mã địa phương", Description: "Tỉnh (hoặc đơn vị hành chính) mà số liệu nói về; tên ở bảng dia-phuong."}
	indicatorField = Field{Name: "indicator", Type: "string", Title: "Mã chỉ tiêu", Description: "Như trong data/indicators.toml và trong địa chỉ chi-tieu/{mã}/; tên ở bảng chi-tieu."}
	levelField     = Field{Name: "level", Type: "string", Title: "Mã cấp", Description: "Cấp hành chính; tên ở bảng cap."}
	unitField      = Field{Name: "unit", Type: "string", Title: "Mã đơn vị", Description: "Sở, ngành, huyện hoặc xã; tên và cấp ở bảng don-vi."}
	documentField  = Field{Name: "document", Type: "string", Title: "Mã văn bản", Description: "Trích dẫn, ngày và địa chỉ ở bảng van-ban."}
	illustrative   = Field{Name: "illustrative", Type: "boolean", Title: "Số liệu minh họa", Description: "true khi số liệu được tạo ra để minh họa, không phải số liệu chính thức."}
	sourceFile     = Field{Name: "source_file", Type: "string", Title: "Tệp dữ liệu", Description: "Tệp dữ liệu của trang mà dòng này được đọc từ."}
)

// Foreign keys to the lookups, by column name.
func fk(field, resource string) ForeignKey {
	return ForeignKey{Fields: field, Resource: resource, Ref: lookupKey[resource]}
}

// lookupKey is each lookup's key column.
var lookupKey = map[string]string{
	Indicators: "indicator", Levels: "level", Units: "unit", Entities: "entity", Documents: "document", Periods: "period",
}

// DocumentKey is a document's code in van-ban: its key in data/documents.toml, or, for a
// period's own report (which needs no key), "bao-cao-" and the period (and entity).
func DocumentKey(r *model.Report, d *model.Document) string {
	if d == nil {
		return ""
	}
	if d.Key != "" || r == nil {
		return d.Key
	}
	k := "bao-cao-" + r.Period.Key()
	if r.Entity != nil {
		k += "-" + r.Entity.Key
	}
	return k
}

func entityKey(r *model.Report) any {
	if r.Entity == nil {
		return nil
	}
	return r.Entity.Key
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
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

// ResultsTable is the one normalised table: every figure of every period in long
// ("tidy") form, codes only. One row for the whole entity (level and unit empty), one
// per level (unit empty) and one per unit (level empty: the unit's level is in don-vi),
// for each indicator and period.
func ResultsTable(s *model.Site) *Table {
	t := &Table{Name: Results, Title: "Kết quả các chỉ tiêu theo kỳ, cấp và đơn vị",
		Description: "Mỗi dòng là một tỷ lệ: của cả tỉnh (level và unit trống), của một cấp (unit trống) hoặc của một đơn vị (level trống), trong một kỳ báo cáo. Chỉ có mã; tên, trích dẫn và ngày ở các bảng tra cứu.",
		Fields: []Field{
			periodField(s), entityField, indicatorField,
			{Name: "level", Type: "string", Title: "Mã cấp", Description: "Ở dòng theo cấp; tên ở bảng cap."},
			{Name: "unit", Type: "string", Title: "Mã đơn vị", Description: "Ở dòng theo đơn vị; tên và cấp ở bảng don-vi."},
			{Name: "value", Type: "number", Title: "Tỷ lệ", Unit: "%", Description: "Tỷ lệ phần trăm (0–100), dấu chấm thập phân. Tỷ lệ cả tỉnh là tỷ lệ gộp (tổng tử số ÷ tổng mẫu số), không phải trung bình các cấp."},
			{Name: "numerator", Type: "integer", Title: "Tử số", Description: "Số đạt (ví dụ số hồ sơ nộp trực tuyến), khi báo cáo có."},
			{Name: "denominator", Type: "integer", Title: "Mẫu số", Description: "Tổng số (ví dụ tổng số hồ sơ đã tiếp nhận), khi báo cáo có."},
			{Name: "computed", Type: "boolean", Title: "Tự tính", Description: "true khi tỷ lệ cả tỉnh được tính từ tử số và mẫu số thay vì chép từ báo cáo; chỉ ở dòng cả tỉnh."},
			{Name: "target", Type: "number", Title: "Mục tiêu", Unit: "%", Description: "Tỷ lệ phải đạt theo văn bản giao (bảng muc-tieu), áp dụng cho cả tỉnh và từng đơn vị; trống ở dòng theo cấp."},
			{Name: "met", Type: "boolean", Title: "Đạt mục tiêu", Description: "true khi tỷ lệ, như khi in, đạt mục tiêu; trống ở dòng theo cấp và khi không có mục tiêu."},
			{Name: "rank", Type: "integer", Title: "Thứ hạng trong cấp", Description: "Thứ hạng của đơn vị trong cấp của nó ở kỳ này, 1 là tỷ lệ cao nhất; chỉ ở dòng theo đơn vị."},
		},
		// No primaryKey: level and unit are empty on some rows, and a key may not be.
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities), fk("indicator", Indicators),
			fk("level", Levels), fk("unit", Units)},
	}
	// Made again for each file, not held: see Table.rows.
	t.n = -1
	t.rows = func(yield func([]any)) {
		row := make([]any, 12)
		for _, r := range s.AllReports() {
			// Boxed once a report and indicator, not on every row made (the rows are made
			// again for each file and sheet).
			period, entity := any(r.Period.Key()), entityKey(r)
			for _, res := range r.Results {
				var target, met any
				if res.Target != nil {
					target, met = res.Target.Value, res.Met
				}
				ind := res.Indicator
				key := any(ind.Key)
				clear(row)
				row[0], row[1], row[2], row[5], row[8], row[9], row[10] = period, entity, key, res.Whole, res.Computed, target, met
				if c := res.Count; c != nil {
					row[6], row[7] = c.Num, c.Den
				}
				yield(row)
				for _, lr := range res.Levels {
					clear(row)
					row[0], row[1], row[2], row[3], row[5] = period, entity, key, lr.Level.Key, lr.Rate
					if c := lr.Count; c != nil {
						row[6], row[7] = c.Num, c.Den
					}
					yield(row)
				}
				for _, ur := range res.Units {
					clear(row)
					row[0], row[1], row[2], row[4], row[5], row[6], row[7], row[11] = period, entity, key, ur.Unit.Code, ur.Rate(), ur.Count.Num, ur.Count.Den, positive(ur.Rank)
					if res.Target != nil {
						row[9], row[10] = target, model.Meets(ur.Rate(), res.Target.Value, ind.HigherIsBetter)
					}
					yield(row)
				}
			}
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
			sourceFile,
		},
		PrimaryKey: []string{"indicator"}}
	for _, ind := range s.Indicators {
		t.Rows = append(t.Rows, []any{ind.Key, ind.Name, ind.Short, ind.Counts, ind.Definition, ind.HigherIsBetter, orNil(ind.Pos.File)})
	}
	return t
}

// LevelsTable lists the administrative levels.
func LevelsTable(s *model.Site) *Table {
	t := &Table{Name: Levels, Title: "Danh mục cấp hành chính",
		Fields: []Field{
			{Name: "level", Type: "string", Title: "Mã cấp"},
			{Name: "name", Type: "string", Title: "Tên cấp"},
			{Name: "from", Type: "date", Title: "Có từ ngày", Description: "Trống: từ trước mọi kỳ."},
			{Name: "to", Type: "date", Title: "Có đến ngày", Description: "Trống: vẫn còn."},
		},
		PrimaryKey: []string{"level"}}
	for _, l := range s.Levels {
		t.Rows = append(t.Rows, []any{l.Key, l.Name, dateOrNil(l.From), dateOrNil(l.To)})
	}
	return t
}

// UnitsTable lists the units with their level and successor.
func UnitsTable(s *model.Site) *Table {
	t := &Table{Name: Units, Title: "Danh mục đơn vị",
		Fields: []Field{
			{Name: "unit", Type: "string", Title: "Mã đơn vị"},
			{Name: "name", Type: "string", Title: "Tên đơn vị"},
			levelField,
			{Name: "from", Type: "date", Title: "Có từ ngày", Description: "Trống: từ trước mọi kỳ."},
			{Name: "to", Type: "date", Title: "Có đến ngày", Description: "Trống: vẫn còn."},
			{Name: "successor", Type: "string", Title: "Đơn vị kế thừa", Description: "Mã đơn vị nhận lại nhiệm vụ khi đơn vị này sáp nhập."},
		},
		PrimaryKey:  []string{"unit"},
		ForeignKeys: []ForeignKey{fk("level", Levels), {Fields: "successor", Resource: Units, Ref: "unit"}}}
	for _, u := range s.Units {
		var level, succ any
		if u.Level != nil {
			level = u.Level.Key
		}
		if u.Successor != nil {
			succ = u.Successor.Code
		}
		t.Rows = append(t.Rows, []any{u.Code, u.Name, level, dateOrNil(u.From), dateOrNil(u.To), succ})
	}
	return t
}

// EntitiesTable lists the entities reported on: the province, and the one it merged into.
func EntitiesTable(s *model.Site) *Table {
	t := &Table{Name: Entities, Title: "Danh mục địa phương",
		Fields: []Field{
			{Name: "entity", Type: "string", Title: "Mã địa phương"},
			{Name: "name", Type: "string", Title: "Tên"},
			{Name: "from", Type: "date", Title: "Có từ ngày"},
			{Name: "to", Type: "date", Title: "Có đến ngày"},
			{Name: "successor", Type: "string", Title: "Địa phương kế thừa"},
		},
		PrimaryKey:  []string{"entity"},
		ForeignKeys: []ForeignKey{{Fields: "successor", Resource: Entities, Ref: "entity"}}}
	for _, e := range s.Entities {
		var succ any
		if e.Successor != nil {
			succ = e.Successor.Key
		}
		t.Rows = append(t.Rows, []any{e.Key, e.Name, dateOrNil(e.From), dateOrNil(e.To), succ})
	}
	return t
}

// DocumentsTable lists every document cited: the keyed ones of data/documents.toml, then
// each report's own document.
func DocumentsTable(s *model.Site) *Table {
	t := &Table{Name: Documents, Title: "Văn bản",
		Description: "Văn bản giao mục tiêu và báo cáo số liệu từng kỳ.",
		Fields: []Field{
			{Name: "document", Type: "string", Title: "Mã văn bản"},
			{Name: "citation", Type: "string", Title: "Trích dẫn", Description: "Loại, số hiệu, ngày, cơ quan ban hành, như trang in."},
			{Name: "type", Type: "string", Title: "Loại văn bản"},
			{Name: "number", Type: "string", Title: "Số hiệu"},
			{Name: "date", Type: "date", Title: "Ngày ban hành"},
			{Name: "issuer", Type: "string", Title: "Cơ quan ban hành"},
			{Name: "title", Type: "string", Title: "Trích yếu"},
			{Name: "url", Type: "string", Title: "Địa chỉ văn bản"},
		},
		PrimaryKey: []string{"document"}}
	seen := map[string]bool{}
	add := func(key string, d *model.Document) {
		if d == nil || key == "" || seen[key] {
			return
		}
		seen[key] = true
		t.Rows = append(t.Rows, []any{key, Citation(d), orNil(d.Type), orNil(d.Number), dateOrNil(d.Date), orNil(d.Issuer), orNil(d.Title), orNil(d.URL)})
	}
	for _, d := range s.Documents {
		add(d.Key, d)
	}
	// Targets and plans may cite a document that is not in documents.toml's list.
	for _, ind := range s.Indicators {
		for _, tg := range ind.Targets {
			add(DocumentKey(nil, tg.Basis), tg.Basis)
		}
	}
	for _, p := range s.Plans {
		for _, g := range p.Groups {
			for _, pt := range g.Targets {
				add(DocumentKey(nil, pt.Basis), pt.Basis)
			}
		}
	}
	for _, r := range s.AllReports() {
		add(DocumentKey(r, r.Document), r.Document)
	}
	return t
}

// PeriodsTable lists the periods once each, with their names and dates.
func PeriodsTable(s *model.Site) *Table {
	t := &Table{Name: Periods, Title: "Các kỳ",
		Fields: []Field{
			periodField(s),
			{Name: "label", Type: "string", Title: "Tên kỳ", Description: "Như trang in: “tháng 4/2024”."},
			{Name: "start", Type: "date", Title: "Từ ngày", Description: "Ngày đầu của khoảng lấy số liệu."},
			{Name: "end", Type: "date", Title: "Đến ngày", Description: "Ngày cuối của khoảng lấy số liệu; mục tiêu và cấp hành chính được xét theo ngày này."},
		},
		PrimaryKey: []string{"period"}}
	t.Fields[0].Description = ""
	seen := map[string]bool{}
	for _, r := range s.AllReports() {
		k := r.Period.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		t.Rows = append(t.Rows, []any{k, r.Period.Label(), r.Period.Start(), r.Period.End()})
	}
	return t
}

// ReportsTable lists the reports: for each period and entity, the document and the
// system its figures come from.
func ReportsTable(s *model.Site) *Table {
	t := &Table{Name: Reports, Title: "Các kỳ báo cáo và nguồn số liệu",
		Description: "Mỗi kỳ và địa phương: văn bản báo cáo, hệ thống trích xuất số liệu và tệp dữ liệu của trang.",
		Fields: []Field{
			periodField(s), entityField, documentField,
			{Name: "source_system", Type: "string", Title: "Hệ thống nguồn", Description: "Hệ thống mà số liệu được trích xuất từ."},
			{Name: "author", Type: "string", Title: "Tác giả bài viết"},
			illustrative, sourceFile,
		},
		PrimaryKey:  []string{"period", "entity"},
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities), fk("document", Documents)}}
	for _, r := range s.AllReports() {
		sys := r.SourceSystem
		if r.SourceShort != "" {
			sys += " (" + r.SourceShort + ")"
		}
		t.Rows = append(t.Rows, []any{r.Period.Key(), entityKey(r), orNil(DocumentKey(r, r.Document)), orNil(sys), orNil(r.Author), r.Illustrative, r.File})
	}
	return t
}

// TargetsTable is every target with its period of force and the document that sets it.
func TargetsTable(s *model.Site) *Table {
	t := &Table{Name: Targets, Title: "Mục tiêu được giao",
		Description: "Tỷ lệ mỗi chỉ tiêu phải đạt trong từng thời kỳ và văn bản giao.",
		Fields: []Field{
			indicatorField,
			{Name: "target", Type: "number", Title: "Mục tiêu", Unit: "%"},
			{Name: "from", Type: "date", Title: "Áp dụng từ"},
			{Name: "to", Type: "date", Title: "Áp dụng đến", Description: "Trống khi chưa có ngày kết thúc."},
			documentField,
			{Name: "illustrative", Type: "boolean", Title: "Mục tiêu giả định", Description: "true khi mục tiêu được giả định cho trang mẫu, không đọc từ văn bản."},
			sourceFile,
		},
		PrimaryKey:  []string{"indicator", "from"},
		ForeignKeys: []ForeignKey{fk("indicator", Indicators), fk("document", Documents)}}
	for _, ind := range s.Indicators {
		for _, tg := range ind.Targets {
			t.Rows = append(t.Rows, []any{ind.Key, tg.Value, tg.From, dateOrNil(tg.To), orNil(DocumentKey(nil, tg.Basis)),
				tg.Illustrative, orNil(tg.Pos.File)})
		}
	}
	return t
}

// ScoresTable is the index score, rank and class of each period that reports one.
func ScoresTable(s *model.Site) *Table {
	t := &Table{Name: Scores, Title: "Điểm và thứ hạng Chỉ số phục vụ người dân, doanh nghiệp",
		Description: "Điểm (0–100) và thứ hạng của tỉnh theo Bộ chỉ số của Quyết định số 766/QĐ-TTg ngày 23/6/2022, do Văn phòng Chính phủ công bố; không tính từ các tỷ lệ ở ket-qua.",
		Fields: []Field{
			periodField(s), entityField,
			{Name: "score", Type: "number", Title: "Điểm", Unit: "điểm", Description: "Điểm tổng, thang 100."},
			{Name: "rank", Type: "integer", Title: "Thứ hạng", Description: "1 là cao nhất."},
			{Name: "rank_of", Type: "integer", Title: "Số tỉnh được xếp hạng", Description: "63 đến tháng 6/2025, 34 từ tháng 7/2025."},
			{Name: "class", Type: "string", Title: "Xếp loại", Description: "Xếp loại khi văn bản nguồn có ghi (xuất sắc, tốt, …)."},
			{Name: "national_average", Type: "number", Title: "Điểm trung bình cả nước", Unit: "điểm"},
			{Name: "source", Type: "string", Title: "Cơ quan công bố"},
		},
		PrimaryKey:  []string{"period", "entity"},
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities)}}
	for _, r := range s.AllReports() {
		x := r.Index
		if x == nil {
			continue
		}
		t.Rows = append(t.Rows, []any{r.Period.Key(), entityKey(r), optional(x.Score), positive(x.Rank), positive(x.RankOf),
			orNil(x.Class), optional(x.NationalAverage), orNil(x.Source)})
	}
	return t
}

// GroupsTable is the index score's groups, for the periods whose groups add up to the
// score (the site prints no others, and neither do we).
func GroupsTable(s *model.Site) *Table {
	t := &Table{Name: Groups, Title: "Điểm thành phần của Chỉ số theo nhóm",
		Description: "Điểm từng nhóm tiêu chí và điểm tối đa của nhóm; chỉ các kỳ có tổng các nhóm bằng điểm tổng.",
		Fields: []Field{
			periodField(s), entityField,
			{Name: "group", Type: "string", Title: "Nhóm tiêu chí"},
			{Name: "score", Type: "number", Title: "Điểm", Unit: "điểm"},
			{Name: "max", Type: "number", Title: "Điểm tối đa", Unit: "điểm"},
		},
		PrimaryKey:  []string{"period", "entity", "group"},
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities)}}
	for _, r := range s.AllReports() {
		if r.Index == nil || !r.Index.GroupsValid {
			continue
		}
		for _, g := range r.Index.Groups {
			t.Rows = append(t.Rows, []any{r.Period.Key(), entityKey(r), g.Name, g.Score, positive(g.Max)})
		}
	}
	return t
}
