package load

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"chiso/internal/diag"
	"chiso/internal/vietnamese"
)

// explainSyntax words a TOML syntax error from BurntSushi/toml (English) as what is wrong
// and what to do, in Vietnamese, using the text of the offending line to give the exact
// fix where the slip is a usual one: a decimal comma, a date written d/m/yyyy, a missing
// "=", text without quotes.
func explainSyntax(msg, line string) (what, todo string) {
	key, value := splitAssignment(line)
	quoted := fmt.Sprintf("%s = %q", key, strings.TrimSpace(value))
	switch {
	case decimalComma.MatchString(line):
		n := decimalComma.FindStringSubmatch(line)[1]
		return fmt.Sprintf("số “%s” viết dấu phẩy thập phân", n),
			fmt.Sprintf("trong tệp dữ liệu dùng dấu chấm thập phân: viết %s thay cho %s", strings.Replace(n, ",", ".", 1), n)
	case strings.Contains(msg, "cannot contain newlines") || strings.Contains(msg, "expected '\"'") ||
		strings.Contains(msg, `expected "'"`):
		return "chuỗi chưa được đóng: thiếu dấu ngoặc kép ở cuối",
			"thêm dấu \" vào cuối giá trị trên dòng này"
	case strings.Contains(msg, `expected '"""'`) || strings.Contains(msg, `expected "'''"`):
		return "chuỗi nhiều dòng chưa được đóng", "thêm \"\"\" vào sau dòng cuối của đoạn văn"
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "already created"):
		name := alreadyDefined.FindStringSubmatch(msg)
		k := key
		if len(name) > 1 {
			parts := strings.Split(name[1], ".")
			k = parts[len(parts)-1]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "[") && !strings.HasPrefix(strings.TrimSpace(line), "[[") {
			return fmt.Sprintf("mục [%s] được khai báo hai lần", k),
				"mỗi mục [ … ] chỉ có một lần trong tệp; gộp hai mục làm một"
		}
		return fmt.Sprintf("khóa “%s” được khai báo hai lần trong cùng một mục", k),
			"xóa dòng thừa, chỉ giữ một giá trị"
	case slashDate.MatchString(value):
		m := slashDate.FindStringSubmatch(value)
		return fmt.Sprintf("ngày “%s” phải viết theo dạng năm-tháng-ngày", strings.TrimSpace(value)),
			fmt.Sprintf("sửa thành %s = %s-%02s-%02s", key, m[3], m[2], m[1])
	case strings.Contains(msg, "invalid datetime"):
		if d, ok := looseDate(value); ok {
			return fmt.Sprintf("ngày “%s” không hợp lệ", strings.TrimSpace(value)), fmt.Sprintf("sửa thành %s = %s", key, d)
		}
		return fmt.Sprintf("ngày “%s” không có thật hoặc viết sai", strings.TrimSpace(value)),
			"viết năm-tháng-ngày với tháng và ngày hai chữ số, ví dụ 2024-05-20"
	case strings.Contains(msg, "but got '%'") && strings.Contains(line, "="):
		return "tỷ lệ không kèm dấu %", fmt.Sprintf("sửa thành %s = %s", key, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "%")))
	case strings.Contains(msg, "to end with a newline"):
		return "sau giá trị còn chữ thừa",
			"mỗi dòng chỉ có một khóa = giá trị; chữ phải nằm trong dấu ngoặc kép, ví dụ " + quoted
	case strings.Contains(msg, "found '\\n'") || strings.Contains(msg, "expected value") && strings.Contains(msg, "EOF"):
		return "thiếu giá trị sau dấu “=”", fmt.Sprintf("ghi giá trị sau dấu bằng, ví dụ %s = 63.4, hoặc xóa dòng này", key)
	case strings.Contains(msg, "expected value but found"):
		if v := strings.TrimSpace(value); v == "True" || v == "False" || v == "tru" || v == "fals" {
			return fmt.Sprintf("“%s” không phải giá trị đúng/sai", v), fmt.Sprintf("viết chữ thường: %s = true hoặc %s = false", key, key)
		}
		return fmt.Sprintf("chữ “%s” chưa nằm trong dấu ngoặc kép", strings.TrimSpace(value)), "sửa thành " + quoted
	case strings.Contains(msg, "expected '.' or '='"):
		if strings.Contains(line, "=") {
			return fmt.Sprintf("tên khóa “%s” có khoảng trắng hoặc chữ có dấu", strings.TrimSpace(strings.SplitN(line, "=", 2)[0])),
				"tên khóa chỉ gồm chữ không dấu, chữ số, dấu - và _, ví dụ source_system"
		}
		k, rest := splitFirstWord(line)
		return "thiếu dấu “=” giữa khóa và giá trị", fmt.Sprintf("sửa thành %s = %s", k, rest)
	case strings.Contains(msg, "table name") || strings.Contains(msg, "table array name"):
		return "tên mục thiếu dấu “]” đóng", "viết tên mục trong ngoặc vuông, ví dụ [index] hoặc [[result]]"
	case strings.Contains(msg, "inline table terminator"):
		return "bảng { … } thiếu dấu phẩy hoặc dấu “}”", "các cặp trong { … } cách nhau bằng dấu phẩy, ví dụ { tinh = 95, xa = 93 }"
	case strings.Contains(msg, "array terminator"):
		return "danh sách [ … ] thiếu dấu phẩy hoặc dấu “]”", "các phần tử trong [ … ] cách nhau bằng dấu phẩy"
	case strings.Contains(msg, "newlines not allowed within inline tables"):
		return "bảng { … } phải nằm trên một dòng", "đưa cả { … } lên cùng một dòng"
	case strings.Contains(msg, "invalid escape"):
		return "dấu \\ trong chuỗi", "viết \\\\ thay cho \\, hoặc dùng dấu /"
	case strings.Contains(msg, "key name appears blank") || strings.Contains(msg, "keys cannot start"):
		return "thiếu tên khóa trước dấu “=”", "viết tên khóa ở đầu dòng, ví dụ whole = 95"
	case strings.Contains(msg, "out of range"):
		return fmt.Sprintf("số “%s” quá lớn", strings.TrimSpace(value)),
			"kiểm tra lại số liệu: có thể gõ thừa chữ số; số nguyên không quá 18 chữ số"
	case strings.Contains(msg, "float") || strings.Contains(msg, "expected a digit") || strings.Contains(msg, "number"):
		return fmt.Sprintf("số “%s” viết sai", strings.TrimSpace(value)),
			"số dùng dấu chấm thập phân và không có dấu phân cách hàng nghìn, ví dụ 63.4 hoặc 139506"
	case strings.Contains(msg, "NULL bytes") || strings.Contains(msg, "UTF-8"):
		return "tệp không được mã hóa UTF-8 (có thể là UTF-16)", "lưu lại tệp với bảng mã UTF-8"
	case strings.Contains(msg, "unexpected EOF"):
		return "tệp kết thúc giữa chừng", "kiểm tra dòng cuối: có thể thiếu giá trị hoặc dấu ngoặc đóng"
	case strings.Contains(msg, "control character"):
		return "dòng có ký tự điều khiển không nhìn thấy", "xóa rồi gõ lại dòng này"
	}
	return "dòng này không đúng cú pháp TOML", "kiểm tra dấu ngoặc kép, dấu bằng và dấu ngoặc vuông trên dòng này"
}

var (
	decimalComma   = regexp.MustCompile(`=\s*(?:\{[^}]*=\s*)?(-?\d+,\d+)\b`)
	slashDate      = regexp.MustCompile(`^\s*"?(\d{1,2})/(\d{1,2})/(\d{4})"?\s*$`)
	alreadyDefined = regexp.MustCompile(`Key '([^']*)'`)
	looseDateRe    = regexp.MustCompile(`^\s*"?(\d{4})-(\d{1,2})-(\d{1,2})"?\s*$`)
)

// looseDate turns 2024-7-18 into 2024-07-18 when it is a real day.
func looseDate(s string) (string, bool) {
	m := looseDateRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return realDate(m[1], m[2], m[3])
}

func realDate(y, m, d string) (string, bool) {
	s := fmt.Sprintf("%s-%02s-%02s", y, m, d)
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", false
	}
	return s, true
}

// splitAssignment splits `key = value # comment` into key and value (comment dropped
// only when the value is not a string).
func splitAssignment(line string) (key, value string) {
	k, v, ok := strings.Cut(line, "=")
	if !ok {
		return strings.TrimSpace(line), ""
	}
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "\"") {
		if i := strings.Index(v, "#"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
	}
	return strings.TrimSpace(k), v
}

func splitFirstWord(line string) (string, string) {
	line = strings.TrimSpace(line)
	i := strings.IndexAny(line, " \t\"'")
	if i < 0 {
		return line, "…"
	}
	return line[:i], strings.TrimSpace(line[i:])
}

// notUTF8 places the first byte that is not UTF-8, so the editor sees which line was
// typed in another encoding.
func notUTF8(name string, src []byte) diag.Pos { return diag.InvalidUTF8(name, src) }

// numberHint turns a number typed as text the Vietnamese way ("95,5%", "11.946") into
// what the file should say (95.5, 11946), for the wrong-type hint; "" when it is not one.
func numberHint(s string, integer bool) string {
	v, ok := vietnamese.ParseNumber(s)
	if !ok {
		return ""
	}
	if integer {
		if v != float64(int64(v)) {
			return ""
		}
		return fmt.Sprintf("%d", int64(v))
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.6f", v), "0"), ".")
}
