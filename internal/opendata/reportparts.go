package opendata

import (
	"chiso/internal/diag"
	"chiso/internal/model"
)

// Tables of the optional parts of a report and of the target plans, one table each, in
// the simplest normalised form: one row per period and level (dossiers), per period and
// unit (unit scores), per year, group and indicator (assigned targets).
const (
	DossierStats = "ho-so"         // dossier and procedure counts per period, whole and by level
	UnitScores   = "diem-don-vi"   // the units' index scores, ranks and classes per period
	Plans        = "muc-tieu-giao" // the targets assigned for a year, per group of units
)

// ReportPartTables are the tables of this file that have rows; a site without dossiers,
// unit scores or plans publishes none of them.
func ReportPartTables(s *model.Site) []*Table {
	var out []*Table
	for _, t := range []*Table{DossiersTable(s), UnitScoresTable(s), PlansTable(s)} {
		if len(t.Rows) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// DossiersTable holds the dossier counts as written: sums that do not close are kept.
func DossiersTable(s *model.Site) *Table {
	count := func(key, desc string) Field {
		return Field{Name: key, Type: "integer", Title: "Hồ sơ " + diag.DossierFigures[key], Unit: "hồ sơ", Description: desc}
	}
	t := &Table{Name: DossierStats, Title: "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính",
		Description: "Số hồ sơ theo kỳ, của toàn tỉnh (level trống) và từng cấp, đúng như văn bản nguồn ghi; các tổng có thể không khớp. Ô trống: văn bản không ghi.",
		Fields: []Field{
			periodField(s), entityField,
			{Name: "level", Type: "string", Title: "Mã cấp", Description: "Trống: toàn tỉnh; tên ở bảng cap."},
			count("received", "Hồ sơ tiếp nhận trong kỳ (trực tuyến và trực tiếp), không gồm hồ sơ kỳ trước chuyển sang."),
			count("online", "Trong số hồ sơ tiếp nhận: trực tuyến."),
			count("direct", "Trong số hồ sơ tiếp nhận: trực tiếp, qua bưu chính."),
			count("carried_over", "Hồ sơ kỳ trước chuyển sang."),
			count("resolved", "Hồ sơ đã giải quyết."),
			count("on_time", "Trong số hồ sơ đã giải quyết: đúng hạn."),
			count("late", "Trong số hồ sơ đã giải quyết: quá hạn."),
			count("pending", "Hồ sơ đang giải quyết."),
			{Name: "payments", Type: "integer", Title: "Giao dịch thanh toán trực tuyến", Unit: "giao dịch"},
			{Name: "payment_amount", Type: "integer", Title: "Số tiền thanh toán trực tuyến", Unit: "đồng"},
			{Name: "procedures", Type: "integer", Title: "Thủ tục hành chính được công bố, công khai", Unit: "thủ tục"},
		},
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities), fk("level", Levels)}}
	for _, r := range s.AllReports() {
		if r.Dossiers == nil {
			continue
		}
		for _, c := range append([]*model.DossierCounts{r.Dossiers.Whole()}, r.Dossiers.Levels...) {
			var level any
			if c.Level != nil {
				level = c.Level.Key
			}
			row := []any{r.Period.Key(), entityKey(r), level}
			for _, key := range model.DossierKeys {
				var v any
				if n := c.Figure(key); n != nil {
					v = *n
				}
				row = append(row, v)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// UnitScoresTable holds the units' index results; a rank or class not written in the file
// is the one the site derived, and says so.
func UnitScoresTable(s *model.Site) *Table {
	t := &Table{Name: UnitScores, Title: "Điểm, thứ hạng và xếp loại Chỉ số của các đơn vị",
		Description: "Điểm (0–100) của từng sở, ngành, huyện, xã theo kỳ; thứ hạng trong cấp của đơn vị; xếp loại (xuất sắc từ 90, tốt từ 80 điểm; các xếp loại thấp hơn theo văn bản nguồn).",
		Fields: []Field{
			periodField(s), entityField, unitField,
			{Name: "score", Type: "number", Title: "Điểm", Unit: "điểm"},
			{Name: "rank", Type: "integer", Title: "Thứ hạng trong cấp", Description: "1 là cao nhất."},
			{Name: "rank_of", Type: "integer", Title: "Số đơn vị cùng cấp được xếp hạng"},
			{Name: "rank_given", Type: "boolean", Title: "Thứ hạng do văn bản ghi", Description: "false: thứ hạng tính từ điểm các đơn vị được liệt kê."},
			{Name: "class", Type: "string", Title: "Xếp loại"},
			{Name: "class_given", Type: "boolean", Title: "Xếp loại do văn bản ghi", Description: "false: xếp loại suy ra từ thang điểm đã công bố."},
		},
		PrimaryKey:  []string{"period", "entity", "unit"},
		ForeignKeys: []ForeignKey{fk("period", Periods), fk("entity", Entities), fk("unit", Units)}}
	for _, r := range s.AllReports() {
		for _, l := range r.UnitScores.ByLevel() {
			for _, us := range l.Ranked {
				t.Rows = append(t.Rows, []any{r.Period.Key(), entityKey(r), us.Unit.Code, us.Score,
					int64(us.Rank), int64(us.RankOf), us.RankGiven, orNil(us.Class), us.ClassGiven})
			}
		}
	}
	return t
}

// PlansTable holds the targets assigned for each year, with the document that assigns them.
func PlansTable(s *model.Site) *Table {
	t := &Table{Name: Plans, Title: "Chỉ tiêu được giao theo năm",
		Description: "Tỷ lệ mỗi nhóm đơn vị phải đạt trong năm (data/targets/NĂM.toml) và văn bản giao; group trống là toàn tỉnh.",
		Fields: []Field{
			{Name: "year", Type: "integer", Title: "Năm"},
			{Name: "group", Type: "string", Title: "Nhóm đơn vị", Description: "Trống: toàn tỉnh."},
			indicatorField,
			{Name: "target", Type: "number", Title: "Mục tiêu", Unit: "%"},
			documentField,
			{Name: "illustrative", Type: "boolean", Title: "Mục tiêu minh họa"},
			sourceFile,
		},
		ForeignKeys: []ForeignKey{fk("indicator", Indicators), fk("document", Documents)}}
	for _, p := range s.Plans {
		for _, g := range p.Groups {
			for _, pt := range g.Targets {
				t.Rows = append(t.Rows, []any{int64(p.Year), orNil(g.Name), pt.Indicator.Key, pt.Value,
					orNil(DocumentKey(nil, pt.Basis)), p.Illustrative, p.File})
			}
		}
	}
	return t
}
