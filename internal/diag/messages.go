package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// Code names a kind of problem; the message table below words it.
type Code string

// message is one row of the table: what is wrong, and what to do. Both are fmt formats
// over the diagnostic's arguments.
type message struct{ what, todo string }

func (m message) say(args []any) string  { return sprintf(m.what, args) }
func (m message) hint(args []any) string { return sprintf(m.todo, args) }

// sprintf uses only as many arguments as the format asks for, so a hint may reuse fewer
// arguments than its message, or pick later ones with an explicit index (%[2]s).
func sprintf(format string, args []any) string {
	if format == "" {
		return ""
	}
	n, next := 0, 0
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			if i+1 < len(format) && format[i+1] == '%' {
				i++
				continue
			}
			next++
			if i+1 < len(format) && format[i+1] == '[' {
				if j := strings.IndexByte(format[i:], ']'); j > 2 {
					if k, err := strconv.Atoi(format[i+2 : i+j]); err == nil {
						next = k
					}
				}
			}
			n = max(n, next)
		}
	}
	if n > len(args) {
		n = len(args)
	}
	return fmt.Sprintf(format, args[:n]...)
}

const (
	ReadFailed       Code = "read-failed"
	NotUTF8          Code = "not-utf8"
	Syntax           Code = "syntax"
	UnknownKey       Code = "unknown-key"
	MissingKey       Code = "missing-key"
	WrongType        Code = "wrong-type"
	BadDate          Code = "bad-date"
	BadPeriod        Code = "bad-period"
	BadKey           Code = "bad-key"
	DuplicateKey     Code = "duplicate-key"
	DuplicatePeriod  Code = "duplicate-period"
	UnknownIndicator Code = "unknown-indicator"
	UnknownLevel     Code = "unknown-level"
	UnknownDocument  Code = "unknown-document"
	UnknownRepeated  Code = "unknown-repeated"
	DateOrder        Code = "date-order"
	RateRange        Code = "rate-range"
	CountNegative    Code = "count-negative"
	CountAbove       Code = "count-above"
	CountPair        Code = "count-pair"
	ZeroDenominator  Code = "zero-denominator"
	CountsDisagree   Code = "counts-disagree"
	NoTarget         Code = "no-target"
	TargetOverlap    Code = "target-overlap"
	LevelNotInForce  Code = "level-not-in-force"
	LevelMissing     Code = "level-missing"
	LevelUnused      Code = "level-unused"
	NoWhole          Code = "no-whole"
	WholeOutside     Code = "whole-outside"
	ResultMissing    Code = "result-missing"
	DuplicateResult  Code = "duplicate-result"
	Jump             Code = "jump"
	JumpAcrossGap    Code = "jump-across-gap"
	NearName         Code = "near-name"
	ScoreRange       Code = "score-range"
	RankRange        Code = "rank-range"
	GroupSum         Code = "group-sum"
	TooManyDecimals  Code = "too-many-decimals"
	NoPeriods        Code = "no-periods"
	SheetNotImported Code = "sheet-not-imported"
	FrontMatter      Code = "front-matter"
	Template         Code = "template"
	NoECharts        Code = "no-echarts"
	BadBasePath      Code = "bad-base-path"
	BadRedirect      Code = "bad-redirect"
	RedirectShadows  Code = "redirect-shadows"
	RedirectMissing  Code = "redirect-missing"
	UnknownUnit      Code = "unknown-unit"
	DuplicateUnit    Code = "duplicate-unit"
	UnitNotInForce   Code = "unit-not-in-force"
	UnitsDisagree    Code = "units-disagree"
	UnknownEntity    Code = "unknown-entity"
	NoEntity         Code = "no-entity"
	MisspeltKey      Code = "misspelt-key"
	NotEntered       Code = "not-entered"
	PeriodFileName   Code = "period-file-name"
)

var messages = map[Code]message{
	ReadFailed:       {"không đọc được tệp: %s", "kiểm tra tệp có tồn tại và có quyền đọc"},
	NotUTF8:          {"tệp không được mã hóa UTF-8 (chữ đầu tiên bị lỗi ở đây)", "lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8) rồi gõ lại các chữ có dấu bị lỗi"},
	Syntax:           {"sai cú pháp TOML: %s", "%[2]s"},
	UnknownKey:       {"khóa “%s” không được dùng ở đây", "sửa lại chính tả hoặc xóa dòng này; các khóa hợp lệ: %[2]s"},
	MisspeltKey:      {"khóa “%s” không được dùng ở đây", "có phải “%[2]s”? Sửa lại chính tả cho đúng"},
	MissingKey:       {"thiếu khóa “%s”", "thêm dòng %s = … vào mục này"},
	WrongType:        {"“%s” phải là %s", "sửa giá trị, ví dụ: %[1]s = %[3]s"},
	BadDate:          {"ngày “%s” không hợp lệ", "%[2]s"},
	BadPeriod:        {"kỳ báo cáo “%s” không hợp lệ", "viết kỳ theo dạng \"năm-tháng\", ví dụ period = \"2024-04\""},
	BadKey:           {"mã “%s” không hợp lệ", "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang: viết \"%[2]s\""},
	DuplicateKey:     {"mã “%s” đã được dùng ở %s", "đặt cho mỗi mục một mã riêng"},
	DuplicatePeriod:  {"kỳ %s đã có trong tệp %s", "mỗi kỳ báo cáo chỉ có một tệp; xóa hoặc gộp một trong hai tệp"},
	UnknownIndicator: {"không có chỉ tiêu mã “%s” trong data/indicators.toml", "sửa mã cho đúng hoặc khai báo chỉ tiêu này trong data/indicators.toml%[2]s"},
	UnknownLevel:     {"không có cấp mã “%s” trong data/levels.toml", "dùng một trong các mã cấp: %[2]s"},
	UnknownDocument:  {"không có văn bản mã “%s” trong data/documents.toml", "sửa mã cho đúng hoặc khai báo văn bản này trong data/documents.toml"},
	DateOrder:        {"ngày bắt đầu %s sau ngày kết thúc %s", "đổi lại hai ngày from và to cho đúng thứ tự"},
	RateRange:        {"tỷ lệ %s%% nằm ngoài khoảng 0–100", "kiểm tra lại số liệu; tỷ lệ viết theo phần trăm, ví dụ 63.4 cho 63,4%%"},
	CountNegative:    {"số “%s” không được âm", "kiểm tra lại số liệu trích xuất"},
	CountAbove:       {"tử số %s lớn hơn mẫu số %s", "tử số (số đạt) không thể lớn hơn mẫu số (tổng số); kiểm tra lại hai số"},
	CountPair:        {"có tử số mà thiếu mẫu số (hoặc ngược lại) cho “%s”", "khai báo cả numerators và denominators cho cùng các cấp"},
	ZeroDenominator:  {"mẫu số bằng 0 cho “%s”: không tính được tỷ lệ", "bỏ cấp này khỏi numerators/denominators nếu kỳ này không phát sinh"},
	CountsDisagree:   {"tỷ lệ ghi %s%% nhưng tính từ số liệu được %s%%", "sửa tỷ lệ cho khớp với tử số/mẫu số, hoặc bỏ tỷ lệ để hệ thống tự tính"},
	NoTarget:         {"chỉ tiêu “%s” không có mục tiêu áp dụng cho kỳ %s", "thêm một [[indicator.target]] có from/to bao trùm kỳ này trong data/indicators.toml (năm mới: chạy chiso new-year NĂM)"},
	TargetOverlap:    {"hai mục tiêu của chỉ tiêu “%s” cùng áp dụng cho ngày %s", "sửa from/to để các mục tiêu không chồng lên nhau"},
	LevelNotInForce:  {"cấp “%s” không còn (hoặc chưa) áp dụng trong kỳ %s", "bỏ cấp này khỏi kỳ báo cáo hoặc sửa thời hạn của cấp trong data/levels.toml"},
	LevelMissing:     {"thiếu số liệu “%s” cho chỉ tiêu “%s”", "thêm giá trị của cấp này (levels hoặc numerators/denominators)"},
	LevelUnused:      {"cấp “%s” (mã %s) không có số liệu trong kỳ nào", "kiểm tra mã cấp: các tệp kỳ dùng mã nào thì khai báo đúng mã đó; nếu cấp này không dùng thì xóa"},
	NoWhole:          {"chỉ tiêu “%s” không có tỷ lệ toàn tỉnh", "ghi whole = … hoặc khai báo numerators/denominators của mọi cấp để hệ thống tự tính"},
	WholeOutside:     {"tỷ lệ toàn tỉnh %s%% nằm ngoài khoảng tỷ lệ các cấp (%s%%–%s%%)", "tỷ lệ chung là tỷ lệ gộp nên phải nằm giữa các cấp; kiểm tra lại số liệu"},
	ResultMissing:    {"kỳ %s thiếu chỉ tiêu “%s”", "thêm một [[result]] cho chỉ tiêu này nếu có số liệu"},
	DuplicateResult:  {"chỉ tiêu “%s” đã có ở dòng %d", "mỗi chỉ tiêu chỉ có một [[result]] trong một kỳ"},
	Jump:             {"tỷ lệ “%s” %s %s điểm phần trăm so với kỳ %s (%s%% → %s%%)", "mức cảnh báo là %[7]s điểm (jump_warning trong config.toml); kiểm tra lại số liệu, nếu đúng thì bỏ qua cảnh báo này"},
	JumpAcrossGap:    {"tỷ lệ “%s” %s %s điểm phần trăm so với kỳ %s, kỳ gần nhất trước đó có số liệu (%s%% → %s%%); không có số liệu %[8]s", "mức cảnh báo là %[7]s điểm (jump_warning trong config.toml); nếu thiếu tệp kỳ thì thêm vào data/periods/, nếu số liệu đúng thì bỏ qua cảnh báo này"},
	UnknownRepeated:  {"%s (cùng mã này còn ở %d chỗ khác, không liệt kê)", "%[3]s; nếu mã được đổi hoặc gõ sai ở tệp khai báo thì sửa ở đó một lần"},
	NearName:         {"“%s” gần giống “%s”", "có phải là “%[2]s”? Sửa lại chính tả nếu nhầm"},
	ScoreRange:       {"điểm %s nằm ngoài khoảng 0–100", "kiểm tra lại điểm chỉ số"},
	RankRange:        {"thứ hạng %d/%d không hợp lệ", "thứ hạng phải từ 1 đến số tỉnh, thành phố được xếp hạng (rank_of)"},
	GroupSum:         {"tổng điểm các nhóm là %s, khác điểm tổng %s", "kiểm tra lại điểm từng nhóm; các nhóm sẽ không được in cho đến khi khớp"},
	TooManyDecimals:  {"tỷ lệ %s có quá một chữ số thập phân", "làm tròn đến một chữ số thập phân như văn bản gốc, hoặc khai báo tử số/mẫu số"},
	SheetNotImported: {"bảng tính %s chưa được nhập: tháng này chưa có trên trang", "điền bảng tính rồi chạy chiso import %[1]s; nếu không dùng nữa thì xóa tệp"},
	NoPeriods:        {"không có tệp kỳ báo cáo nào trong data/periods/", "tạo một tệp, ví dụ data/periods/2024-04.toml"},
	FrontMatter:      {"phần đầu trang (front matter) sai: %s", "phần đầu nằm giữa hai dòng +++ và viết theo cú pháp TOML"},
	Template:         {"mẫu trang lỗi: %s", "%[2]s"},
	NoECharts:        {"không đọc được tệp thư viện ECharts (%s)", "kiểm tra đường dẫn sau --echarts, hoặc bỏ --echarts để dùng thư viện có sẵn trong chương trình"},
	UnknownUnit:      {"không có đơn vị mã “%s” trong data/units.toml", "sửa mã đơn vị cho đúng hoặc khai báo đơn vị trong data/units.toml%[2]s"},
	DuplicateUnit:    {"đơn vị “%s” đã có ở dòng %d của chỉ tiêu này", "mỗi đơn vị chỉ có một dòng trong một chỉ tiêu; xóa dòng thừa"},
	UnitNotInForce:   {"đơn vị “%s” không còn (hoặc chưa) hoạt động trong kỳ %s", "dùng đơn vị kế thừa hoặc sửa thời hạn của đơn vị trong data/units.toml"},
	UnitsDisagree:    {"%s ghi %s/%s nhưng tổng các đơn vị là %s/%s", "sửa số liệu của cấp cho khớp với các đơn vị, hoặc bỏ số liệu cấp để hệ thống tự cộng"},
	UnknownEntity:    {"không có đơn vị báo cáo mã “%s” trong data/entities.toml", "sửa mã successor cho đúng"},
	NoEntity:         {"không có đơn vị báo cáo (tỉnh) nào có hiệu lực trong kỳ %s", "thêm hoặc sửa from/to của [[entity]] trong data/entities.toml"},
	NotEntered:       {"chưa nhập số liệu “%s”", "thay dấu \"?\" bằng giá trị đúng, ví dụ %[1]s = %[2]s"},
	PeriodFileName:   {"tệp %s ghi kỳ %s", "sửa thành period = \"%[3]s\" cho khớp tên tệp (hoặc đổi tên tệp thành %[2]s.toml)"},
	BadBasePath:      {"base_path “%s” không hợp lệ", "base_path bắt đầu và kết thúc bằng “/”, ví dụ \"/chi-so/\""},
	BadRedirect:      {"đường dẫn chuyển hướng “%s” không hợp lệ", "viết đường dẫn trong trang, không có “/” ở đầu, kết thúc bằng “/” (hoặc .html), chỉ gồm chữ thường không dấu, số, “-”, “_”, “.” và “/”, ví dụ from = \"tin-cu/thang-4/\""},
	RedirectShadows:  {"“%s” là một trang đang có của site: chuyển hướng sẽ thay mất trang này", "xóa mục [[redirect]] này, hoặc sửa from thành đường dẫn cũ không còn dùng"},
	RedirectMissing:  {"chuyển hướng từ “%s” tới “%s”, nhưng site không có trang này", "sửa to thành đường dẫn của một trang có thật, ví dụ to = \"bai-viet/2024-04/\""},
}

// Suggestion is the "did you mean" clause added to a hint: " (có phải “x”?)".
func Suggestion(known string) string { return " (có phải “" + known + "”?)" }

// Known reports whether the table words a code; tests use it to keep the table whole.
func Known(c Code) bool { _, ok := messages[c]; return ok }
