package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"chiso/internal/diag"
	"chiso/internal/render"
	"chiso/internal/write"
)

// Editors change the wording in templates/*.html. Go's template errors name the file and
// line but speak Go ("can't evaluate field Titel in type *render.Page"); renderProblem
// turns them into the editor's one line, in Vietnamese, at the template's line and column.

// undefinedTemplate is html/template's word for a part asked for by name that no file
// defines (ExecuteTemplate, Lookup).
var undefinedTemplate = regexp.MustCompile(`^html/template: "([^"]*)" is undefined$`)

var templateLoc = regexp.MustCompile(`(?:html/)?template: ?([^\s:]+):(\d+)(?::(\d+))?: (.*)$`)

func renderProblem(src fs.FS, err error) diag.Diagnostic {
	var own diag.List // a problem the template package words itself (a missing file)
	if errors.As(err, &own) && len(own) > 0 {
		return own[0]
	}
	if d, ok := writeFailed(err); ok {
		return d
	}
	msg := err.Error()
	m := templateLoc.FindStringSubmatch(msg)
	if m == nil {
		// Not a template: a page whose Markdown failed names its file first.
		if file, _, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(file, "content/") {
			return diag.Diagnostic{Pos: diag.Pos{File: file}, Severity: diag.Error, Code: diag.Template,
				Args: []any{"không dựng được trang", "chạy lại `chiso check`; nếu lỗi còn, báo cho người quản trị kèm dòng này"}}
		}
		if m := undefinedTemplate.FindStringSubmatch(msg); m != nil {
			// chiso asks templates/ for a part by name and the site's copy has none: the
			// folder is older (or newer) than the binary, not a slip on a line.
			return diag.Diagnostic{Pos: diag.Pos{File: "templates/"}, Severity: diag.Error, Code: diag.Template,
				Args: []any{fmt.Sprintf("không có mẫu “%s” mà phiên bản chiso này cần; thư mục templates/ cũ hơn (hoặc mới hơn) chương trình", m[1]),
					"lấy thư mục templates/ đi kèm phiên bản chiso đang dùng, rồi chép lại những chữ đã sửa; hoặc thêm {{define \"" + m[1] + "\"}}…{{end}} vào một tệp trong templates/wording/"}}
		}
		return buildFailed(err)
	}
	file, detail := m[1], m[4]
	line, _ := strconv.Atoi(m[2])
	pos := diag.Pos{File: file, Line: line}
	if m[3] != "" {
		// Go counts the column in bytes from 0; editors count characters from 1.
		col, _ := strconv.Atoi(m[3])
		pos.Col = col + 1
		if text, err := fs.ReadFile(src, file); err == nil {
			if lines := strings.Split(string(text), "\n"); line >= 1 && line <= len(lines) && col <= len(lines[line-1]) {
				pos.Col = utf8.RuneCountInString(lines[line-1][:col]) + 1
			}
		}
	}
	what, todo := explainTemplate(detail)
	if text, err := fs.ReadFile(src, file); err == nil && m[3] == "" {
		what, todo = placeParseError(string(text), &pos, detail, what, todo)
	}
	if todo == "" {
		todo = "sửa dòng này (chỉ sửa chữ nằm ngoài {{ }}) hoặc lấy lại bản gốc của " + file
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: diag.Template, Args: []any{what, todo}}
}

// buildFailed words a failure that is neither the data's nor a template's, so that the
// editor does not hunt for a slip in templates/: the system refused a write (a full disk),
// or chiso itself failed (a bug: said so, never in Go's words).
func buildFailed(err error) diag.Diagnostic {
	var errno syscall.Errno
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) || errors.As(err, &errno) {
		pos := diag.Pos{File: "chiso"}
		if pathErr != nil {
			pos.File = pathErr.Path
		}
		what, todo := diag.OSReason(err)
		return diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: diag.BuildFailed, Args: []any{what, todo}}
	}
	return diag.Diagnostic{Pos: diag.Pos{File: "chiso"}, Severity: diag.Error, Code: diag.Internal}
}

var (
	quotedName = regexp.MustCompile(`"([^"]*)"`)
	wrongArgs  = regexp.MustCompile(`wrong number of args for (\S+): want (\d+) got (\d+)`)
	atNode     = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: `)
)

// explainTemplate words one error of text/template or html/template.
func explainTemplate(detail string) (what, todo string) {
	node := ""
	if m := atNode.FindStringSubmatch(detail); m != nil {
		node = m[1]
		detail = detail[len(m[0]):]
	}
	name := ""
	if m := quotedName.FindStringSubmatch(detail); m != nil {
		name = m[1]
	}
	switch {
	case strings.HasPrefix(detail, "can't evaluate field "):
		field := strings.Fields(strings.TrimPrefix(detail, "can't evaluate field "))[0]
		return fmt.Sprintf("không có trường “.%s”", field),
			"sửa lại tên trường cho đúng (phân biệt chữ hoa, chữ thường), ví dụ .Title"
	case strings.HasPrefix(detail, "map has no entry for key"):
		return fmt.Sprintf("không có khóa “%s”", name), "sửa lại tên khóa cho đúng"
	case strings.HasPrefix(detail, "function ") && strings.HasSuffix(detail, "not defined"):
		return fmt.Sprintf("không có hàm “%s”", name),
			"dùng một hàm có sẵn (rate, score, int, date, month, monthLong, url, …: xem README) hoặc sửa lại chính tả"
	case strings.Contains(detail, `unexpected "}" in`):
		return "thiếu một dấu “}”: lệnh phải đóng bằng “}}”", "viết lệnh với đủ hai dấu ngoặc nhọn mỗi bên, ví dụ {{.Title}}"
	case strings.Contains(detail, "unclosed action"):
		return "lệnh “{{” chưa được đóng bằng “}}”", "thêm “}}” vào cuối lệnh"
	case strings.Contains(detail, "unexpected EOF"):
		return "một lệnh {{if}}, {{range}}, {{with}} hoặc {{define}} chưa có {{end}} trước khi hết tệp",
			"thêm {{end}} vào chỗ đoạn đó kết thúc"
	case strings.Contains(detail, "unexpected {{end}}"):
		return "thừa một {{end}}", "xóa {{end}} thừa hoặc thêm lệnh mở đầu tương ứng"
	case strings.Contains(detail, "unexpected {{else}}"):
		return "{{else}} nằm ngoài {{if}} hoặc {{range}}", "đặt {{else}} giữa {{if …}} và {{end}}"
	case strings.HasPrefix(detail, "no such template"):
		return fmt.Sprintf("không có mẫu “%s”", name), "sửa tên trong {{template \"…\"}} cho đúng tên một {{define}}"
	case wrongArgs.MatchString(detail):
		m := wrongArgs.FindStringSubmatch(detail)
		return fmt.Sprintf("hàm “%s” cần %s giá trị nhưng được %s", m[1], m[2], m[3]), "sửa lại số giá trị đưa vào hàm"
	case strings.HasPrefix(detail, "error calling t: "+write.NoEnglish):
		return fmt.Sprintf("chưa có bản tiếng Anh của “%s” trong %s", name, render.UIFile),
			fmt.Sprintf("thêm vào %s một dòng \"%s\" = \"…\" với chữ tiếng Anh", render.UIFile, name)
	case strings.HasPrefix(detail, "error calling "):
		fn := strings.TrimSuffix(strings.Fields(strings.TrimPrefix(detail, "error calling "))[0], ":")
		return fmt.Sprintf("hàm “%s” không dùng được với giá trị này", fn), "kiểm tra giá trị đưa vào hàm"
	case strings.Contains(detail, "nil pointer evaluating") || strings.Contains(detail, "nil data"):
		return fmt.Sprintf("“%s” không có ở trang này", node), "bọc đoạn này trong {{with …}} … {{end}} hoặc {{if …}} … {{end}}"
	case strings.HasPrefix(detail, "undefined variable"):
		return fmt.Sprintf("biến “%s” chưa được gán", name), "gán biến trước khi dùng, ví dụ {{$x := .Title}}"
	case strings.Contains(detail, "bad character"):
		return "ký tự lạ trong lệnh {{ }}", "trong {{ }} chỉ viết lệnh; chữ thường để bên ngoài"
	case strings.Contains(detail, "context") || strings.Contains(detail, "unfinished") || strings.Contains(detail, "ends in"):
		return "thẻ HTML, thuộc tính hoặc dấu ngoặc kép chưa được đóng quanh lệnh này", "đóng thẻ hoặc dấu ngoặc kép cho đúng"
	case strings.Contains(detail, "wrong type for value") || strings.Contains(detail, "can't handle") || strings.Contains(detail, "incompatible types"):
		return fmt.Sprintf("giá trị “%s” không đúng loại cho lệnh này", node), "xem lại bản gốc của mẫu"
	}
	return "lệnh {{ }} trên dòng này không hợp lệ", ""
}

var (
	oneBrace = regexp.MustCompile(`\{\{[^{}]*\}([^}]|$)`)
	action   = regexp.MustCompile(`\{\{-?\s*(if|range|with|define|block|end)\b`)
)

// placeParseError moves a parse error to where the editor slipped, when Go's line is
// only where it noticed: an action closed with one brace, or the {{if}} that lacks its
// {{end}} (Go reports the end of the file).
func placeParseError(src string, pos *diag.Pos, detail, what, todo string) (string, string) {
	lines := strings.Split(src, "\n")
	if pos.Line >= 1 && pos.Line <= len(lines) && !strings.Contains(detail, "unexpected EOF") {
		line := lines[pos.Line-1]
		if loc := oneBrace.FindStringIndex(line); loc != nil {
			act := strings.TrimRight(line[loc[0]:loc[1]], "<>\"' ")
			if !strings.HasSuffix(act, "}") {
				act = act[:strings.LastIndex(act, "}")+1]
			}
			pos.Col = utf8.RuneCountInString(line[:loc[0]]) + 1
			return fmt.Sprintf("lệnh “%s” chỉ có một dấu “}” để đóng", act), fmt.Sprintf("viết %s}", act)
		}
	}
	if strings.Contains(detail, "unexpected EOF") {
		type open struct {
			line, col int
			text      string
		}
		var stack []open
		for i, line := range lines {
			for _, m := range action.FindAllStringSubmatchIndex(line, -1) {
				if line[m[2]:m[3]] == "end" {
					if len(stack) > 0 {
						stack = stack[:len(stack)-1]
					}
					continue
				}
				text := line[m[0]:]
				if j := strings.Index(text, "}}"); j >= 0 {
					text = text[:j+2]
				}
				stack = append(stack, open{i + 1, utf8.RuneCountInString(line[:m[0]]) + 1, text})
			}
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			pos.Line, pos.Col = top.line, top.col
			if len(stack) > 1 || top.text != "" && !strings.Contains(top.text, "define") {
				return fmt.Sprintf("lệnh “%s” chưa có {{end}}", top.text), "thêm {{end}} vào chỗ đoạn này kết thúc"
			}
			return fmt.Sprintf("lệnh “%s” chưa có {{end}}: có lẽ một {{if}}, {{range}} hoặc {{with}} bên trong đã dùng mất {{end}} của nó", top.text),
				"kiểm tra mỗi {{if}}, {{range}}, {{with}} trong đoạn này có {{end}} riêng"
		}
	}
	return what, todo
}
