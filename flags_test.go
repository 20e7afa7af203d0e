package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestFlagErrorsInVietnamese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--outt", "x"}, "chiso build: không có tùy chọn “--outt” (có phải “--out”?) — các tùy chọn của lệnh build: --cache-dir, --echarts, --no-cache, --out, --source"},
		{[]string{"check", "--json=maybe"}, "chiso check: giá trị “maybe” của --json không hợp lệ"},
		{[]string{"new", "--period"}, "chiso new: tùy chọn --period cần một giá trị viết ngay sau nó: kỳ cần tạo"},
		{[]string{"build", "public"}, "chiso build: thừa “public”"},
		{[]string{"chek"}, "không có lệnh “chek” (có phải “check”?) — các lệnh: new, import, new-year, check, build, serve, help"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(c.args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		got := stderr.String()
		if !strings.HasPrefix(got, c.want) || strings.Contains(got, "flag") || strings.Count(got, "\n") != 1 {
			t.Errorf("%v: got %q, want one line starting %q", c.args, got, c.want)
		}
	}
}
