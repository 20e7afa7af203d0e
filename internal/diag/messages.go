package diag

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
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
	BadBaseURL       Code = "bad-base-url"
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
	MovedToEntities  Code = "moved-to-entities"
	EmptyReport      Code = "empty-report"

	// The command line and the disk (internal/publish, main.go).
	OutIsSource    Code = "out-is-source"
	OutHoldsSource Code = "out-holds-source"
	OutInsideInput Code = "out-inside-input"
	OutNotFolder   Code = "out-not-folder"
	OutNotOurs     Code = "out-not-ours"
	OutUnreadable  Code = "out-unreadable"
	OutBusy        Code = "out-busy"
	WriteFailed    Code = "write-failed"
	BuildFailed    Code = "build-failed" // the system refused a write while pages were made

	// Size limits (internal/load/limits.go).
	TemplateMissing    Code = "template-missing"
	ChartsScriptOld    Code = "charts-script-old"
	Internal           Code = "internal"
	IgnoredFile        Code = "ignored-file"
	PageShadows        Code = "page-shadows"
	NoteWithoutPeriod  Code = "note-without-period"
	ReportBeforePeriod Code = "report-before-period"
	SuccessionLoop     Code = "succession-loop"
	EmptySlug          Code = "empty-slug"
	EntityOverlap      Code = "entity-overlap"
	BadLanguage        Code = "bad-language"
	BadServerRule      Code = "bad-server-rule"
	NotASite           Code = "not-a-site"
	BadJumpWarning     Code = "bad-jump-warning"
	BadPublish         Code = "bad-publish"
	DuplicateName      Code = "duplicate-name"
	FileTooLarge       Code = "file-too-large"
	StringTooLong      Code = "string-too-long"
	TooDeep            Code = "too-deep"

	// Many entities in one site (data/entities.toml, data/periods/ENTITY/, data/national/).
	UnknownUnitEntity Code = "unknown-unit-entity"
	PeriodDirEntity   Code = "period-dir-entity"
	PeriodDirOwn      Code = "period-dir-own"
	EntityNotInForce  Code = "entity-not-in-force"
	UnitOtherEntity   Code = "unit-other-entity"
	NationalDuplicate Code = "national-duplicate"
	NationalDisagrees Code = "national-disagrees"
)

// Dossier statistics, unit scores and target plans (shapes C, D and E of REPORTS.md).
const (
	DossierIdentity    Code = "dossier-identity"
	DossierLevelSum    Code = "dossier-level-sum"
	DuplicateLevelRow  Code = "duplicate-level-row"
	DuplicateUnitScore Code = "duplicate-unit-score"
	UnitRankRange      Code = "unit-rank-range"
	UnknownClass       Code = "unknown-class"
	ClassMismatch      Code = "class-mismatch"
	PlanFileName       Code = "plan-file-name"
	PlanNoBasis        Code = "plan-no-basis"
	DuplicatePlanned   Code = "duplicate-planned"
	UnitRankOrder      Code = "unit-rank-order"
)

// DossierFigures name the figures of a [dossiers] table in messages.
var DossierFigures = map[string]string{
	"received": "tiếp nhận", "online": "trực tuyến", "direct": "trực tiếp", "carried_over": "kỳ trước chuyển sang",
	"resolved": "đã giải quyết", "on_time": "đúng hạn", "late": "quá hạn", "pending": "đang giải quyết",
	"payments": "thanh toán trực tuyến", "payment_amount": "số tiền thanh toán", "procedures": "thủ tục công bố",
}

var messages = map[Code]message{
	ReadFailed:         {"không đọc được tệp: %s", "%[2]s"},
	FileTooLarge:       {"tệp lớn hơn %s MB", "một tệp dữ liệu chỉ vài chục KB; kiểm tra có dán nhầm nội dung khác vào tệp không"},
	StringTooLong:      {"đoạn chữ dài hơn %s ký tự", "rút gọn đoạn chữ này; bài viết dài đặt trong content/ dưới dạng Markdown"},
	TooDeep:            {"giá trị lồng nhau quá %s tầng", "kiểm tra các dấu [ ] và { } có đóng đủ và đúng chỗ không"},
	NotUTF8:            {"tệp không được mã hóa UTF-8 (chữ đầu tiên bị lỗi ở đây)", "lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8) rồi gõ lại các chữ có dấu bị lỗi"},
	Syntax:             {"sai cú pháp TOML: %s", "%[2]s"},
	UnknownKey:         {"khóa “%s” không được dùng ở đây", "sửa lại chính tả hoặc xóa dòng này; các khóa hợp lệ: %[2]s"},
	MisspeltKey:        {"khóa “%s” không được dùng ở đây", "có phải “%[2]s”? Sửa lại chính tả cho đúng"},
	MissingKey:         {"thiếu khóa “%s”", "thêm dòng %s = … vào mục này"},
	WrongType:          {"“%s” phải là %s", "sửa giá trị, ví dụ: %[1]s = %[3]s"},
	BadDate:            {"ngày “%s” không hợp lệ", "%[2]s"},
	BadPeriod:          {"kỳ báo cáo “%s” không hợp lệ", "viết kỳ theo một trong các dạng: tháng \"2024-04\", quý \"2024-q2\", năm \"2024\", tuần \"2024-w03\", đến ngày \"2025-07-25\", khoảng \"2025-09-21/2025-10-20\""},
	BadKey:             {"mã “%s” không hợp lệ", "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang: viết \"%[2]s\""},
	DuplicateKey:       {"mã “%s” đã được dùng ở %s", "đặt cho mỗi mục một mã riêng"},
	DuplicatePeriod:    {"kỳ %s đã có trong tệp %s", "mỗi kỳ báo cáo chỉ có một tệp; xóa hoặc gộp một trong hai tệp"},
	UnknownIndicator:   {"không có chỉ tiêu mã “%s” trong data/indicators.toml", "sửa mã cho đúng hoặc khai báo chỉ tiêu này trong data/indicators.toml%[2]s"},
	UnknownLevel:       {"không có cấp mã “%s” trong data/levels.toml", "dùng một trong các mã cấp: %[2]s"},
	UnknownDocument:    {"không có văn bản mã “%s” trong data/documents.toml", "sửa mã cho đúng hoặc khai báo văn bản này trong data/documents.toml"},
	DateOrder:          {"ngày bắt đầu %s sau ngày kết thúc %s", "đổi lại hai ngày from và to cho đúng thứ tự"},
	RateRange:          {"tỷ lệ %s%% nằm ngoài khoảng 0–100", "kiểm tra lại số liệu; tỷ lệ viết theo phần trăm, ví dụ 63.4 cho 63,4%%"},
	CountNegative:      {"số “%s” không được âm", "kiểm tra lại số liệu trích xuất"},
	CountAbove:         {"tử số %s lớn hơn mẫu số %s", "tử số (số đạt) không thể lớn hơn mẫu số (tổng số); kiểm tra lại hai số"},
	CountPair:          {"có tử số mà thiếu mẫu số (hoặc ngược lại) cho “%s”", "khai báo cả numerators và denominators cho cùng các cấp"},
	ZeroDenominator:    {"mẫu số bằng 0 cho “%s”: không tính được tỷ lệ", "bỏ cấp này khỏi numerators/denominators nếu kỳ này không phát sinh"},
	CountsDisagree:     {"tỷ lệ ghi %s%% nhưng tính từ số liệu được %s%%", "sửa tỷ lệ cho khớp với tử số/mẫu số, hoặc bỏ tỷ lệ để hệ thống tự tính"},
	NoTarget:           {"chỉ tiêu “%s” không có mục tiêu áp dụng cho kỳ %s", "thêm một [[indicator.target]] có from/to bao trùm kỳ này trong data/indicators.toml (năm mới: chạy chiso new-year NĂM)"},
	TargetOverlap:      {"hai mục tiêu của chỉ tiêu “%s” cùng áp dụng cho ngày %s", "sửa from/to để các mục tiêu không chồng lên nhau"},
	LevelNotInForce:    {"cấp “%s” không còn (hoặc chưa) áp dụng trong kỳ %s", "bỏ cấp này khỏi kỳ báo cáo hoặc sửa thời hạn của cấp trong data/levels.toml"},
	LevelMissing:       {"thiếu số liệu “%s” cho chỉ tiêu “%s”", "thêm giá trị của cấp này (levels hoặc numerators/denominators)"},
	NoWhole:            {"chỉ tiêu “%s” không có tỷ lệ toàn tỉnh", "ghi whole = … hoặc khai báo numerators/denominators của mọi cấp để hệ thống tự tính"},
	WholeOutside:       {"tỷ lệ toàn tỉnh %s%% nằm ngoài khoảng tỷ lệ các cấp (%s%%–%s%%)", "tỷ lệ chung là tỷ lệ gộp nên phải nằm giữa các cấp; kiểm tra lại số liệu"},
	ResultMissing:      {"kỳ %s thiếu chỉ tiêu “%s”", "thêm một [[result]] cho chỉ tiêu này nếu có số liệu"},
	DuplicateResult:    {"chỉ tiêu “%s” đã có ở dòng %d", "mỗi chỉ tiêu chỉ có một [[result]] trong một kỳ"},
	Jump:               {"tỷ lệ “%s” %s %s điểm phần trăm so với kỳ %s (%s%% → %s%%)", "mức cảnh báo là %[7]s điểm (jump_warning trong config.toml); kiểm tra lại số liệu, nếu đúng thì bỏ qua cảnh báo này"},
	JumpAcrossGap:      {"tỷ lệ “%s” %s %s điểm phần trăm so với kỳ %s, kỳ gần nhất trước đó có số liệu (%s%% → %s%%); không có số liệu %[8]s", "mức cảnh báo là %[7]s điểm (jump_warning trong config.toml); nếu thiếu tệp kỳ thì thêm vào data/periods/, nếu số liệu đúng thì bỏ qua cảnh báo này"},
	NearName:           {"“%s” gần giống “%s”", "có phải là “%[2]s”? Sửa lại chính tả nếu nhầm"},
	ScoreRange:         {"điểm %s nằm ngoài khoảng 0–100", "kiểm tra lại điểm chỉ số"},
	RankRange:          {"thứ hạng %d/%d không hợp lệ", "thứ hạng phải từ 1 đến số tỉnh, thành phố được xếp hạng (rank_of)"},
	GroupSum:           {"tổng điểm các nhóm là %s, khác điểm tổng %s", "kiểm tra lại điểm từng nhóm; các nhóm sẽ không được in cho đến khi khớp"},
	TooManyDecimals:    {"tỷ lệ %s có quá hai chữ số thập phân", "ghi tỷ lệ như văn bản gốc (một hoặc hai chữ số thập phân), hoặc khai báo tử số/mẫu số"},
	NoPeriods:          {"không có tệp kỳ báo cáo nào trong data/periods/", "tạo một tệp, ví dụ data/periods/2024-04.toml"},
	FrontMatter:        {"phần đầu trang (front matter) sai: %s", "phần đầu nằm giữa hai dòng +++ và viết theo cú pháp TOML"},
	Template:           {"mẫu trang lỗi: %s", "%[2]s"},
	NoECharts:          {"không đọc được tệp thư viện ECharts (%s)", "kiểm tra đường dẫn sau --echarts, hoặc bỏ --echarts để dùng thư viện có sẵn trong chương trình"},
	UnknownUnit:        {"không có đơn vị mã “%s” trong data/units.toml", "sửa mã đơn vị cho đúng hoặc khai báo đơn vị trong data/units.toml%[2]s"},
	DuplicateUnit:      {"đơn vị “%s” đã có ở dòng %d của chỉ tiêu này", "mỗi đơn vị chỉ có một dòng trong một chỉ tiêu; xóa dòng thừa"},
	UnitNotInForce:     {"đơn vị “%s” không còn (hoặc chưa) hoạt động trong kỳ %s", "dùng đơn vị kế thừa hoặc sửa thời hạn của đơn vị trong data/units.toml"},
	UnitsDisagree:      {"%s ghi %s/%s nhưng tổng các đơn vị là %s/%s", "sửa số liệu của cấp cho khớp với các đơn vị, hoặc bỏ số liệu cấp để hệ thống tự cộng"},
	UnknownEntity:      {"không có đơn vị báo cáo mã “%s” trong data/entities.toml", "sửa mã successor cho đúng"},
	NoEntity:           {"không có đơn vị báo cáo (tỉnh) nào có hiệu lực trong kỳ %s", "thêm hoặc sửa from/to của [[entity]] trong data/entities.toml"},
	NotEntered:         {"chưa nhập số liệu “%s”", "thay dấu \"?\" bằng giá trị đúng, ví dụ %[1]s = %[2]s"},
	PeriodFileName:     {"tệp %s ghi kỳ %s", "sửa thành period = \"%[3]s\" cho khớp tên tệp (hoặc đổi tên tệp thành %[2]s.toml)"},
	BadBasePath:        {"base_path “%s” không hợp lệ", "base_path là đường dẫn trên chính tên miền của trang: bắt đầu và kết thúc bằng “/”, chỉ gồm chữ không dấu, số, “-”, “_”, “.”, ví dụ \"/chi-so/\""},
	BadBaseURL:         {"base_url “%s” không phải địa chỉ trang web", "viết địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://), chỉ có tên miền, ví dụ base_url = \"https://binhdinh.gov.vn\"; đường dẫn con đặt ở base_path"},
	BadRedirect:        {"đường dẫn chuyển hướng “%s” không hợp lệ", "viết đường dẫn trong trang, không có “/” ở đầu, kết thúc bằng “/” (hoặc .html), chỉ gồm chữ thường không dấu, số, “-”, “_”, “.” và “/”, ví dụ from = \"tin-cu/thang-4/\""},
	RedirectShadows:    {"“%s” là một trang đang có của site: chuyển hướng sẽ thay mất trang này", "xóa mục [[redirect]] này, hoặc sửa from thành đường dẫn cũ không còn dùng"},
	OutIsSource:        {"thư mục ghi trang “%s” chính là thư mục nguồn", "dựng vào đây sẽ xóa mất config.toml, data/, content/ và templates/; chọn một thư mục riêng, ví dụ --out %[2]s/public"},
	OutHoldsSource:     {"thư mục ghi trang “%s” chứa thư mục nguồn %s", "dựng vào đây sẽ xóa mất cả thư mục nguồn; chọn một thư mục riêng, ví dụ --out %[2]s/public"},
	OutInsideInput:     {"thư mục ghi trang “%s” nằm trong phần dữ liệu của thư mục nguồn %s", "không ghi trang vào config.toml, data/, content/, templates/, node_modules/ hay thư mục ẩn; chọn ví dụ --out %[2]s/public"},
	OutNotFolder:       {"“%s” là một tệp, không phải thư mục", "dựng vào đây sẽ xóa mất tệp này; chọn một thư mục cho trang, ví dụ --out %[2]s/public"},
	OutNotOurs:         {"thư mục “%s” đang chứa tệp không do chiso tạo ra", "dựng vào đây sẽ xóa mất các tệp đó; chọn một thư mục trống hoặc thư mục trang đã dựng trước đây (có tệp " + OutputMarker + ")"},
	OutUnreadable:      {"không kiểm tra được thư mục ghi trang “%s”", "kiểm tra lại đường dẫn và quyền truy cập thư mục"},
	OutBusy:            {"một lần dựng khác đang ghi vào “%s”", "chờ lần dựng kia xong rồi chạy lại; thư mục cũ được giữ nguyên"},
	WriteFailed:        {"không ghi được trang vào “%s”: %s", "thư mục cũ được giữ nguyên; %[3]s rồi chạy lại"},
	BuildFailed:        {"không dựng xong site vì máy từ chối ghi: %s", "dữ liệu và mẫu trang không có lỗi, thư mục trang cũ được giữ nguyên; %[2]s rồi chạy lại"},
	RedirectMissing:    {"chuyển hướng từ “%s” tới “%s”, nhưng site không có trang này", "sửa to thành đường dẫn của một trang có thật, ví dụ to = \"bai-viet/2024-04/\""},
	EntityOverlap:      {"đơn vị báo cáo “%s” và “%s” cùng có hiệu lực ngày %s", "“%[1]s” kế thừa “%[2]s” nên phải bắt đầu sau ngày “%[2]s” kết thúc: sửa from/to (hoặc successor) trong data/entities.toml"},
	UnknownUnitEntity:  {"không có tỉnh (đơn vị báo cáo) mã “%s” trong data/entities.toml", "sửa entity thành key của một [[entity]] trong data/entities.toml%[2]s"},
	PeriodDirEntity:    {"thư mục data/periods/%s/ không mang mã tỉnh nào trong data/entities.toml", "đặt tên thư mục theo key của một [[entity]], ví dụ data/periods/%[2]s/, hoặc khai báo tỉnh này trong data/entities.toml"},
	PeriodDirOwn:       {"“%s” là tỉnh của chính trang này: kỳ báo cáo của tỉnh đặt ngay trong data/periods/", "chuyển tệp thành %[2]s"},
	EntityNotInForce:   {"tỉnh “%s” không có hiệu lực trong kỳ %s", "đặt tệp vào thư mục của tỉnh có hiệu lực trong kỳ, hoặc sửa from/to của tỉnh trong data/entities.toml"},
	UnitOtherEntity:    {"đơn vị “%s” thuộc %s, không thuộc %s", "mỗi tệp chỉ ghi đơn vị của tỉnh có tệp đó: sửa mã đơn vị, hoặc sửa entity của đơn vị trong data/units.toml"},
	NationalDisagrees:  {"bảng cả nước ghi %s của %s là %s, còn %s ghi %s", "sửa một trong hai tệp cho khớp với văn bản gốc; trang in cả hai con số như đã ghi"},
	NationalDuplicate:  {"“%s” đã có ở dòng %d của bảng này", "mỗi tỉnh chỉ có một dòng trong bảng điểm cả nước; xóa dòng thừa"},
	EmptySlug:          {"đường dẫn (slug) của trang không có chữ nào dùng được", "viết slug bằng chữ không dấu, số và dấu gạch ngang, ví dụ slug = \"gioi-thieu\""},
	Internal:           {"chiso gặp lỗi nội bộ khi dựng trang", "đây không phải lỗi của bạn: gửi các tệp vừa sửa cho người quản trị"},
	LevelUnused:        {"cấp “%s” (mã %s) không có số liệu trong kỳ nào", "kiểm tra mã cấp: các tệp kỳ dùng mã nào thì khai báo đúng mã đó; nếu cấp này không dùng thì xóa"},
	UnknownRepeated:    {"%s (cùng mã này còn ở %d chỗ khác, không liệt kê)", "%[3]s; nếu mã được đổi hoặc gõ sai ở tệp khai báo thì sửa ở đó một lần"},
	SheetNotImported:   {"bảng tính %s chưa được nhập: tháng này chưa có trên trang", "điền bảng tính rồi chạy chiso import %[1]s; nếu không dùng nữa thì xóa tệp"},
	IgnoredFile:        {"tệp %s bị bỏ qua: đuôi tệp phải là %s viết thường", "đổi tên tệp thành %[3]s"},
	PageShadows:        {"trang có đường dẫn “%s/” trùng với trang %s", "đặt slug khác trong phần đầu trang (hoặc đổi tên tệp), ví dụ slug = \"%[1]s-2\""},
	NoteWithoutPeriod:  {"không có kỳ %s trong data/periods/ nên đoạn viết này không được in ở đâu", "đổi tên tệp theo một kỳ có số liệu, hoặc tạo data/periods/%[1]s.toml"},
	ReportBeforePeriod: {"báo cáo ngày %s có trước ngày kết thúc kỳ (%s)", "kiểm tra lại date trong [report]: thường là gõ nhầm năm hoặc tháng"},
	SuccessionLoop:     {"“%s” kế thừa chính nó (trực tiếp hoặc qua các mục khác)", "sửa successor thành mục mới thay thế mục này, hoặc bỏ dòng successor"},
	NotASite:           {"thư mục này không phải thư mục nguồn của một trang chiso: không có config.toml, không có data/", "chạy lệnh trong thư mục của trang, hoặc ghi thư mục đó sau --source, ví dụ chiso check --source ../chi-so"},
	BadServerRule:      {"server_rules có “%s”, không phải loại máy chủ đã biết", "chỉ ghi các loại máy chủ của cổng thông tin trong số \"apache\", \"nginx\", \"iis\", \"netlify\", ví dụ server_rules = [\"nginx\"]"},
	BadLanguage:        {"language “%s” không phải mã ngôn ngữ", "viết mã ngôn ngữ, ví dụ language = \"vi\""},
	BadJumpWarning:     {"jump_warning %s phải lớn hơn 0", "viết số điểm phần trăm, ví dụ jump_warning = 20"},
	BadPublish:         {"[publish] %s = “%s” không phải lựa chọn đã biết", "ghi %[3]s, ví dụ %[1]s = \"%[4]s\"; bỏ dòng này thì trang xuất bản đầy đủ như mặc định"},
	TemplateMissing:    {"không có tệp %s", "lấy lại tệp này từ bản gốc của chiso (thư mục templates/) rồi chạy lại"},
	ChartsScriptOld:    {"%s là bản cũ hoặc đã bị sửa: nó không bổ sung đúng các định dạng chung mà số liệu biểu đồ để trống, nên biểu đồ sẽ vẽ sai", "lấy lại tệp này từ bản gốc của chiso (thư mục templates/) rồi chạy lại"},
	DuplicateName:      {"tên “%s” đã được dùng ở %s", "đặt cho mỗi mục một tên riêng: biểu đồ, bảng và tệp tải về phân biệt các mục theo tên"},
	EmptyReport:        {"kỳ %s không có số liệu nào", "thêm các [[result]] (tỷ lệ các chỉ tiêu), mục [index] (điểm, thứ hạng Chỉ số), mục [dossiers] (tình hình giải quyết hồ sơ) hoặc các [[unit_score]] (điểm các đơn vị) của kỳ này"},
	MovedToEntities:    {"khóa “%s” không còn nằm trong config.toml", "tên tỉnh, tên miền thay đổi theo thời gian nên nay ghi trong data/entities.toml; xóa dòng này và ghi %[2]s = … trong mục [[entity]] của tỉnh"},

	// Dossier statistics, unit scores and target plans.
	DossierIdentity:    {"số hồ sơ không khớp: %s là %s nhưng %s cộng lại được %s", "kiểm tra lại với văn bản gốc; nếu văn bản gốc ghi đúng như vậy thì giữ nguyên — trang in đúng các số đã ghi, không tự sửa"},
	DossierLevelSum:    {"số hồ sơ “%s” toàn tỉnh là %s nhưng các cấp cộng lại được %s", "kiểm tra lại số của từng cấp ([[dossiers.level]]) với văn bản gốc; nếu văn bản gốc ghi đúng như vậy thì giữ nguyên"},
	DuplicateLevelRow:  {"%s đã có ở dòng %d", "mỗi cấp chỉ có một mục [[dossiers.level]]; gộp hoặc xóa mục thừa"},
	DuplicateUnitScore: {"đơn vị “%s” đã có điểm ở dòng %d", "mỗi đơn vị chỉ có một [[unit_score]] trong một kỳ; xóa dòng thừa"},
	UnitRankRange:      {"thứ hạng %d/%d của “%s” không hợp lệ", "thứ hạng phải từ 1 đến số đơn vị cùng cấp được xếp hạng (rank_of)"},
	UnknownClass:       {"xếp loại “%s” không có", "dùng một trong các xếp loại: %[2]s"},
	ClassMismatch:      {"“%s” đạt %s điểm nhưng ghi xếp loại “%s”", "theo thang điểm đã công bố, %[2]s điểm là xếp loại “%[4]s”; sửa điểm hoặc xếp loại cho khớp với văn bản gốc"},
	PlanFileName:       {"tệp %s ghi năm %d", "tệp mục tiêu đặt tên theo năm của nó: sửa year cho đúng năm của tên tệp, hoặc đổi tên tệp thành %[2]d.toml"},
	PlanNoBasis:        {"mục tiêu “%s” không có văn bản giao", "thêm basis = \"…\" (mã văn bản trong data/documents.toml) cho mục tiêu, cho nhóm hoặc ở đầu tệp"},
	DuplicatePlanned:   {"chỉ tiêu “%s” đã có ở dòng %d trong cùng nhóm", "mỗi chỉ tiêu chỉ có một mục tiêu trong một nhóm; xóa dòng thừa"},
	UnitRankOrder:      {"“%s” xếp thứ %d với %s điểm, sau “%s” xếp thứ %d với %s điểm thấp hơn", "kiểm tra lại điểm và thứ hạng với văn bản gốc; nếu văn bản gốc ghi đúng như vậy thì giữ nguyên — trang in đúng như đã ghi"},
}

// Suggestion is the "did you mean" clause added to a hint: " (có phải “x”?)".
func Suggestion(known string) string { return " (có phải “" + known + "”?)" }

// Known reports whether the table words a code; tests use it to keep the table whole.
func Known(c Code) bool { _, ok := messages[c]; return ok }

// OutputMarker is the file that marks a folder as an output of chiso build; its content
// says so to whoever opens it.
const (
	OutputMarker     = ".chiso-output"
	OutputMarkerText = "Thư mục này do chiso build tạo ra: lần dựng sau sẽ thay toàn bộ nội dung. Đừng lưu tệp của bạn ở đây.\n"
)

// osReasons words the system's refusals, with what to do about each; OSReason picks one.
var osReasons = []struct {
	err        error
	what, todo string
}{
	{syscall.ENOSPC, "ổ đĩa đã đầy", "giải phóng chỗ trống trên ổ đĩa"},
	{syscall.EDQUOT, "đã hết hạn mức dung lượng", "giải phóng chỗ trống hoặc xin thêm hạn mức"},
	{syscall.EACCES, "không có quyền truy cập", "kiểm tra quyền đọc, ghi của thư mục"},
	{syscall.EPERM, "không được phép", "kiểm tra quyền đọc, ghi của thư mục"},
	{syscall.EROFS, "ổ đĩa chỉ cho đọc", "chọn một thư mục ghi được"},
	{syscall.EISDIR, "đây là một thư mục, không phải tệp", "đổi tên hoặc xóa thư mục trùng tên tệp"},
	{syscall.ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục", "kiểm tra lại đường dẫn"},
	{syscall.ELOOP, "liên kết (symlink) vòng quanh hoặc trỏ ra ngoài thư mục nguồn", "thay liên kết bằng tệp thật nằm trong thư mục nguồn"},
	{syscall.ENAMETOOLONG, "tên tệp quá dài", "đặt tên ngắn hơn"},
	{syscall.EIO, "lỗi đọc ghi ổ đĩa", "kiểm tra ổ đĩa"},
	{fs.ErrNotExist, "không có tệp hoặc thư mục này", "kiểm tra lại tên và đường dẫn"},
	{fs.ErrPermission, "không có quyền truy cập", "kiểm tra quyền đọc, ghi của thư mục"},
}

const (
	osReasonUnknown     = "hệ thống từ chối thao tác"
	osReasonUnknownTodo = "kiểm tra ổ đĩa và quyền truy cập"
	osReasonEscapes     = "liên kết (symlink) trỏ ra ngoài thư mục nguồn"
	osReasonEscapesTodo = "thay liên kết bằng tệp thật nằm trong thư mục nguồn"
	osReasonNotRegular  = "không phải tệp thường (thư mục, đường ống hay thiết bị)"
	osReasonNotRegTodo  = "đặt ở đây một tệp văn bản thường"
)

// Crash is the one line printed when chiso itself fails (a panic): never a Go stack.
func Crash() string {
	return "lỗi: chiso gặp lỗi nội bộ và đã dừng, thư mục trang cũ được giữ nguyên — đây không phải lỗi của bạn: gửi lệnh vừa chạy và các tệp vừa sửa cho người quản trị"
}

// PreviewWrongHost answers a request to the preview under another host name.
const PreviewWrongHost = "Bản xem trước chỉ trả lời địa chỉ của máy này (127.0.0.1 hoặc localhost): mở trang bằng địa chỉ mà lệnh chiso serve đã in ra."
