package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"chiso/internal/diag"
)

// Problem is one thing wrong with a spreadsheet, at its row as the spreadsheet shows it:
// "xuat-vnpt.xlsx:dòng 7: lỗi: … — …".
type Problem struct {
	File     string
	Line     int   // row; 0 for the whole file
	More     []int // further rows the problem concerns
	Severity diag.Severity
	What     string
	Todo     string
}

func (p *Problem) String() string {
	where := p.File
	if p.Line > 0 {
		where += ":dòng " + strconv.Itoa(p.Line)
		for _, l := range p.More {
			where += ", " + strconv.Itoa(l)
		}
	}
	s := fmt.Sprintf("%s: %s: %s", where, p.Severity, p.What)
	if p.Todo != "" {
		s += " — " + p.Todo
	}
	return s
}

func (p *Problem) Error() string { return p.String() }

// Problems is a list, printed one a line.
type Problems []*Problem

// HasErrors reports whether any problem stops the import.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == diag.Error {
			return true
		}
	}
	return false
}

func (ps Problems) String() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

type code int

const (
	noHeader code = iota
	duplicateColumn
	unknownIndicator
	unknownLevel
	unknownUnit
	levelNotInForce
	unitNotInForce
	notNumber
	notInteger
	negative
	aboveDenominator
	zeroDenominator
	rateRange
	thousandsDot
	countsDisagree
	noNumbers
	onlyOneCount
	duplicateRow
	unitNeedsCounts
	noWhole
	wholeDisagrees
	unitsDisagree
	skipped
	fractions
	noData
	mappingSyntax
	mappingKey
	mappingValue
	checkFailed
	headerEmpty
	headerNumber
	headerDate
	notFilled
	periodDiffers
)

// messages words every problem: what is wrong, and what to do. Formats take the
// problem's arguments in order; the hint may pick them by index (%[2]s).
var messages = map[code]struct{ what, todo string }{
	headerEmpty:      {"ô “%s” để trống", "điền ô này rồi nhập lại với --replace; nếu không, tệp kỳ ghi \"?\" ở đó và chiso check sẽ nhắc"},
	headerNumber:     {"“%s” ghi “%s”: không phải số hợp lệ cho ô này", "điểm viết như trong báo cáo, ví dụ 88,62; thứ hạng và số tỉnh là số nguyên, ví dụ 5 và 34"},
	headerDate:       {"ngày báo cáo “%s” không đọc được", "viết ngày/tháng/năm, ví dụ 20/5/2024"},
	notFilled:        {"dòng chưa điền số liệu (%s – %s)", "điền các ô nền vàng của dòng; nếu kỳ này không có số liệu cho cấp hoặc đơn vị này thì xóa cả dòng"},
	periodDiffers:    {"bảng tính là của kỳ %s, nhưng lệnh ghi --period %s", "bỏ --period (kỳ được đọc từ ô “Kỳ báo cáo”), hoặc chọn đúng tệp"},
	noHeader:         {"không tìm thấy dòng tiêu đề cột", "bảng cần các cột Chỉ tiêu, Cấp (hoặc Đơn vị), Tử số, Mẫu số, Tỷ lệ, hoặc mỗi cột một chỉ tiêu; nếu tên cột khác, khai báo trong tệp mapping (--mapping)"},
	duplicateColumn:  {"hai cột cùng là “%s” (cột %s và %s)", "xóa hoặc đổi tên một cột, hoặc chỉ rõ cột trong tệp mapping"},
	unknownIndicator: {"không có chỉ tiêu “%s”", "sửa tên hoặc mã chỉ tiêu cho khớp data/indicators.toml%[2]s, hoặc thêm vào [indicators] của tệp mapping"},
	unknownLevel:     {"không có cấp “%s”%[3]s", "dùng một trong: %[2]s; hoặc thêm vào [levels] của tệp mapping"},
	unknownUnit:      {"không có đơn vị “%s” trong data/units.toml", "sửa tên hoặc mã đơn vị%[2]s, hoặc thêm vào [units] của tệp mapping"},
	levelNotInForce:  {"%s không còn (hoặc chưa) áp dụng trong kỳ %s", "bỏ dòng này khỏi bảng tính"},
	unitNotInForce:   {"đơn vị “%s” không còn (hoặc chưa) hoạt động trong kỳ %s", "dùng đơn vị kế thừa hoặc bỏ dòng này"},
	notNumber:        {"%s “%s” không phải là số", "viết số, ví dụ 63,4 hoặc 139.506"},
	notInteger:       {"%s “%s” phải là số nguyên", "số hồ sơ không có phần thập phân; kiểm tra lại ô này"},
	negative:         {"%s “%s” không được âm", "kiểm tra lại số liệu trích xuất"},
	aboveDenominator: {"tử số %s lớn hơn mẫu số %s", "tử số (số đạt) không thể lớn hơn mẫu số (tổng số); kiểm tra lại hai ô"},
	zeroDenominator:  {"mẫu số bằng 0: không tính được tỷ lệ", "bỏ dòng này nếu kỳ này không phát sinh hồ sơ"},
	rateRange:        {"tỷ lệ %s%% nằm ngoài khoảng 0–100", "kiểm tra lại ô tỷ lệ"},
	thousandsDot:     {"tỷ lệ “%s” được đọc là %s, ngoài khoảng 0–100: dấu chấm là dấu phân cách hàng nghìn", "viết tỷ lệ với dấu phẩy thập phân, ví dụ 99,125"},
	countsDisagree:   {"tỷ lệ ghi %s%% nhưng tính từ tử số/mẫu số được %s%%", "sửa tỷ lệ hoặc tử số/mẫu số cho khớp, hoặc để trống ô tỷ lệ"},
	noNumbers:        {"dòng của “%s” không có số liệu", "nhập tử số và mẫu số, hoặc tỷ lệ; hoặc xóa dòng"},
	onlyOneCount:     {"có %s mà không có %s", "nhập cả tử số và mẫu số, hoặc chỉ tỷ lệ"},
	duplicateRow:     {"“%s” – %s đã có ở dòng %d", "mỗi chỉ tiêu chỉ có một dòng cho mỗi cấp hoặc đơn vị; xóa dòng thừa"},
	unitNeedsCounts:  {"dòng của đơn vị “%s” chỉ có tỷ lệ", "số liệu đơn vị cần tử số và mẫu số để cộng gộp lên cấp và toàn tỉnh"},
	noWhole:          {"chỉ tiêu “%s” không có tỷ lệ toàn tỉnh", "thêm một dòng Cấp = “Toàn tỉnh”, hoặc nhập tử số/mẫu số cho mọi cấp để tự tính"},
	wholeDisagrees:   {"dòng toàn tỉnh ghi %s/%s nhưng tổng các cấp là %s/%s", "sửa số liệu cho khớp, hoặc xóa dòng toàn tỉnh để tự cộng"},
	unitsDisagree:    {"%s ghi %s/%s nhưng tổng các đơn vị là %s/%s", "sửa số liệu cho khớp, hoặc xóa dòng của cấp để tự cộng từ các đơn vị"},
	skipped:          {"bỏ qua dòng không có số liệu: “%s”", ""},
	fractions:        {"mọi tỷ lệ đều không quá 1: có phải tỷ lệ được viết dạng 0,634 thay cho 63,4%%?", "nhân 100 trong bảng tính, hoặc định dạng cột tỷ lệ là phần trăm"},
	noData:           {"bảng tính không có dòng số liệu nào", "kiểm tra trang tính (sheet) và dòng tiêu đề"},
	mappingSyntax:    {"tệp mapping sai cú pháp TOML ở dòng %d", "kiểm tra dấu ngoặc kép và dấu bằng trên dòng này"},
	mappingKey:       {"khóa “%s” không dùng được trong tệp mapping", "các khóa: sheet, header_row, [columns] (indicator, level, unit, numerator, denominator, rate), [indicators], [levels], [units]"},
	mappingValue:     {"[%s] “%s” = “%s”: không có mã này", "%[4]s"},
	checkFailed:      {"%s", "%[2]s"},
}

func (c code) problem(file string, line int, sev diag.Severity, args ...any) *Problem {
	m := messages[c]
	return &Problem{File: file, Line: line, Severity: sev, What: format(m.what, args), Todo: format(m.todo, args)}
}

// format uses as many arguments as the format asks for, explicit indexes included.
func format(f string, args []any) string {
	if f == "" {
		return ""
	}
	n, next := 0, 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			i++
			continue
		}
		next++
		if i+1 < len(f) && f[i+1] == '[' {
			if j := strings.IndexByte(f[i:], ']'); j > 2 {
				if k, err := strconv.Atoi(f[i+2 : i+j]); err == nil {
					next = k
				}
			}
		}
		n = max(n, next)
	}
	return fmt.Sprintf(f, args[:min(n, len(args))]...)
}
