package pipeline_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/pipeline"
)

// TestBuildFailureWording: a failure that is not the editor's is not worded as a template
// problem. A full disk names itself and says the old site stays; a bug says it is one;
// neither shows Go's text. A template's error keeps its own wording at its line.
func TestBuildFailureWording(t *testing.T) {
	src := fstest.MapFS{"templates/article.html": {Data: []byte("{{define \"content\"}}\n{{.Titel}}\n{{end}}\n")}}
	cases := []struct {
		name string
		err  error
		want string // the whole line
	}{
		{"full disk", fmt.Errorf("du-lieu/ket-qua.xlsx: %w", &fs.PathError{Op: "write", Path: "/srv/chi-so/du-lieu/ket-qua.xlsx", Err: syscall.ENOSPC}),
			"/srv/chi-so/du-lieu/ket-qua.xlsx: lỗi: không dựng xong site vì máy từ chối ghi: ổ đĩa đã đầy — dữ liệu và mẫu trang không có lỗi, thư mục trang cũ được giữ nguyên; giải phóng chỗ trống trên ổ đĩa rồi chạy lại"},
		{"full disk without a path", fmt.Errorf("xlsx: %w", syscall.ENOSPC),
			"chiso: lỗi: không dựng xong site vì máy từ chối ghi: ổ đĩa đã đầy — dữ liệu và mẫu trang không có lỗi, thư mục trang cũ được giữ nguyên; giải phóng chỗ trống trên ổ đĩa rồi chạy lại"},
		{"a bug", errors.New(`chart "so-sanh-2024-05-diem": series 0 has no Name`),
			"chiso: lỗi: chiso gặp lỗi nội bộ khi dựng trang — đây không phải lỗi của bạn: gửi các tệp vừa sửa cho người quản trị"},
		{"templates older than chiso", errors.New(`html/template: "corrections-feed-name" is undefined`),
			"templates/: lỗi: mẫu trang lỗi: không có mẫu “corrections-feed-name” mà phiên bản chiso này cần; thư mục templates/ cũ hơn (hoặc mới hơn) chương trình — lấy thư mục templates/ đi kèm phiên bản chiso đang dùng, rồi chép lại những chữ đã sửa; hoặc thêm {{define \"corrections-feed-name\"}}…{{end}} vào một tệp trong templates/wording/"},
		{"a template", errors.New(`template: templates/article.html:2:2: executing "content" at <.Titel>: can't evaluate field Titel in type *render.Page`),
			"templates/article.html:2:3: lỗi: mẫu trang lỗi: không có trường “.Titel” — sửa lại tên trường cho đúng (phân biệt chữ hoa, chữ thường), ví dụ .Title"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := pipeline.RenderProblem(src, c.err)
			if got := d.String(); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if d.Code != diag.Template && strings.Contains(d.String(), "templates/") || d.Code == diag.Template && !strings.HasPrefix(d.String(), "templates/") {
				t.Error("a failure that is not a template's points at templates/")
			}
		})
	}
}
