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
	NoWhole          Code = "no-whole"
	WholeOutside     Code = "whole-outside"
	ResultMissing    Code = "result-missing"
	DuplicateResult  Code = "duplicate-result"
	Jump             Code = "jump"
	NearName         Code = "near-name"
	ScoreRange       Code = "score-range"
	RankRange        Code = "rank-range"
	GroupSum         Code = "group-sum"
	TooManyDecimals  Code = "too-many-decimals"
	NoPeriods        Code = "no-periods"
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

	// The command line and the disk (internal/publish, main.go).
	OutIsSource    Code = "out-is-source"
	OutHoldsSource Code = "out-holds-source"
	OutInsideInput Code = "out-inside-input"
	OutNotFolder   Code = "out-not-folder"
	OutNotOurs     Code = "out-not-ours"
	OutUnreadable  Code = "out-unreadable"
	OutBusy        Code = "out-busy"
	WriteFailed    Code = "write-failed"

	// Size limits (internal/load/limits.go).
	TemplateMissing    Code = "template-missing"
	Internal           Code = "internal"
	IgnoredFile        Code = "ignored-file"
	PageShadows        Code = "page-shadows"
	NoteWithoutPeriod  Code = "note-without-period"
	ReportBeforePeriod Code = "report-before-period"
	SuccessionLoop     Code = "succession-loop"
	EmptySlug          Code = "empty-slug"
	EntityOverlap      Code = "entity-overlap"
	BadLanguage        Code = "bad-language"
	BadJumpWarning     Code = "bad-jump-warning"
	DuplicateName      Code = "duplicate-name"
	FileTooLarge       Code = "file-too-large"
	StringTooLong      Code = "string-too-long"
	TooDeep            Code = "too-deep"
)

var messages = map[Code]message{
	ReadFailed:         {"không đọc được tệp: %s", "%[2]s"},
	IgnoredFile:        {"tệp %s bị bỏ qua: đuôi tệp phải là %s viết thường", "đổi tên tệp thành %[3]s"},
	PageShadows:        {"trang có đường dẫn “%s/” trùng với trang %s", "đặt slug khác trong phần đầu trang (hoặc đổi tên tệp), ví dụ slug = \"%[1]s-2\""},
	NoteWithoutPeriod:  {"không có kỳ %s trong data/periods/ nên đoạn viết này không được in ở đâu", "đổi tên tệp theo một kỳ có số liệu, hoặc tạo data/periods/%[1]s.toml"},
	ReportBeforePeriod: {"báo cáo ngày %s có trước ngày kết thúc kỳ (%s)", "kiểm tra lại date trong [report]: thường là gõ nhầm năm hoặc tháng"},
	EntityOverlap:      {"đơn vị báo cáo “%s” và “%s” cùng có hiệu lực ngày %s", "sửa from/to trong data/entities.toml để mỗi ngày chỉ có một tỉnh"},
	EmptySlug:          {"đường dẫn (slug) của trang không có chữ nào dùng được", "viết slug bằng chữ không dấu, số và dấu gạch ngang, ví dụ slug = \"gioi-thieu\""},
	SuccessionLoop:     {"“%s” kế thừa chính nó (trực tiếp hoặc qua các mục khác)", "sửa successor thành mục mới thay thế mục này, hoặc bỏ dòng successor"},
	BadLanguage:        {"language “%s” không phải mã ngôn ngữ", "viết mã ngôn ngữ, ví dụ language = \"vi\""},
	BadJumpWarning:     {"jump_warning %s phải lớn hơn 0", "viết số điểm phần trăm, ví dụ jump_warning = 20"},
	Internal:           {"chiso gặp lỗi nội bộ khi dựng trang", "đây không phải lỗi của bạn: gửi các tệp vừa sửa cho người quản trị"},
	TemplateMissing:    {"không có tệp %s", "lấy lại tệp này từ bản gốc của chiso (thư mục templates/) rồi chạy lại"},
	DuplicateName:      {"tên “%s” đã được dùng ở %s", "đặt cho mỗi mục một tên riêng: biểu đồ, bảng và tệp tải về phân biệt các mục theo tên"},
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
	BadPeriod:          {"kỳ báo cáo “%s” không hợp lệ", "viết kỳ theo dạng \"năm-tháng\", ví dụ period = \"2024-04\""},
	BadKey:             {"mã “%s” không hợp lệ", "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ \"ho-so-truc-tuyen\""},
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
	NoTarget:           {"chỉ tiêu “%s” không có mục tiêu áp dụng cho kỳ %s", "thêm một [[indicator.target]] có from/to bao trùm kỳ này trong data/indicators.toml"},
	TargetOverlap:      {"hai mục tiêu của chỉ tiêu “%s” cùng áp dụng cho ngày %s", "sửa from/to để các mục tiêu không chồng lên nhau"},
	LevelNotInForce:    {"cấp “%s” không còn (hoặc chưa) áp dụng trong kỳ %s", "bỏ cấp này khỏi kỳ báo cáo hoặc sửa thời hạn của cấp trong data/levels.toml"},
	LevelMissing:       {"thiếu số liệu “%s” cho chỉ tiêu “%s”", "thêm giá trị của cấp này (levels hoặc numerators/denominators)"},
	NoWhole:            {"chỉ tiêu “%s” không có tỷ lệ toàn tỉnh", "ghi whole = … hoặc khai báo numerators/denominators của mọi cấp để hệ thống tự tính"},
	WholeOutside:       {"tỷ lệ toàn tỉnh %s%% nằm ngoài khoảng tỷ lệ các cấp (%s%%–%s%%)", "tỷ lệ chung là tỷ lệ gộp nên phải nằm giữa các cấp; kiểm tra lại số liệu"},
	ResultMissing:      {"kỳ %s thiếu chỉ tiêu “%s”", "thêm một [[result]] cho chỉ tiêu này nếu có số liệu"},
	DuplicateResult:    {"chỉ tiêu “%s” đã có ở dòng %d", "mỗi chỉ tiêu chỉ có một [[result]] trong một kỳ"},
	Jump:               {"tỷ lệ “%s” %s %s điểm phần trăm so với kỳ %s (%s%% → %s%%)", "mức cảnh báo là %[7]s điểm (jump_warning trong config.toml); kiểm tra lại số liệu, nếu đúng thì bỏ qua cảnh báo này"},
	NearName:           {"“%s” gần giống “%s”", "có phải là “%[2]s”? Sửa lại chính tả nếu nhầm"},
	ScoreRange:         {"điểm %s nằm ngoài khoảng 0–100", "kiểm tra lại điểm chỉ số"},
	RankRange:          {"thứ hạng %d/%d không hợp lệ", "thứ hạng phải từ 1 đến số tỉnh, thành phố được xếp hạng (rank_of)"},
	GroupSum:           {"tổng điểm các nhóm là %s, khác điểm tổng %s", "kiểm tra lại điểm từng nhóm; các nhóm sẽ không được in cho đến khi khớp"},
	TooManyDecimals:    {"tỷ lệ %s có quá một chữ số thập phân", "làm tròn đến một chữ số thập phân như văn bản gốc, hoặc khai báo tử số/mẫu số"},
	NoPeriods:          {"không có tệp kỳ báo cáo nào trong data/periods/", "tạo một tệp, ví dụ data/periods/2024-04.toml"},
	FrontMatter:        {"phần đầu trang (front matter) sai: %s", "phần đầu nằm giữa hai dòng +++ và viết theo cú pháp TOML"},
	Template:           {"mẫu trang lỗi: %s", "%[2]s"},
	NoECharts:          {"không tìm thấy thư viện ECharts (%s)", "chạy `make site` (hoặc `npm ci`) một lần để cài thư viện biểu đồ"},
	UnknownUnit:        {"không có đơn vị mã “%s” trong data/units.toml", "sửa mã đơn vị cho đúng hoặc khai báo đơn vị trong data/units.toml%[2]s"},
	DuplicateUnit:      {"đơn vị “%s” đã có ở dòng %d của chỉ tiêu này", "mỗi đơn vị chỉ có một dòng trong một chỉ tiêu; xóa dòng thừa"},
	UnitNotInForce:     {"đơn vị “%s” không còn (hoặc chưa) hoạt động trong kỳ %s", "dùng đơn vị kế thừa hoặc sửa thời hạn của đơn vị trong data/units.toml"},
	UnitsDisagree:      {"%s ghi %s/%s nhưng tổng các đơn vị là %s/%s", "sửa số liệu của cấp cho khớp với các đơn vị, hoặc bỏ số liệu cấp để hệ thống tự cộng"},
	UnknownEntity:      {"không có đơn vị báo cáo mã “%s” trong data/entities.toml", "sửa mã successor cho đúng"},
	NoEntity:           {"không có đơn vị báo cáo (tỉnh) nào có hiệu lực trong kỳ %s", "thêm hoặc sửa from/to của [[entity]] trong data/entities.toml"},
	NotEntered:         {"chưa nhập số liệu “%s”", "thay dấu \"?\" bằng số liệu của kỳ này, ví dụ %[1]s = %[2]s"},
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
	RedirectMissing:    {"chuyển hướng từ “%s” tới “%s”, nhưng site không có trang này", "sửa to thành đường dẫn của một trang có thật, ví dụ to = \"bai-viet/2024-04/\""},
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
