package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot is every path under dir with its content's hash: what must not change.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		} else {
			out[rel] = d.Type().String()
		}
		return nil
	})
	return out
}

// TestOutGuard: every --out whose replacement would destroy the source or someone's files
// (issue 11, case 1) is refused with exactly one Vietnamese line naming it, exit status 2
// and nothing written on stdout, and every file beside it, the earlier output included,
// stays byte for byte as it was.
func TestOutGuard(t *testing.T) {
	parent := t.TempDir()
	src := filepath.Join(parent, "site")
	os.Rename(minimal(t), src)
	os.WriteFile(filepath.Join(parent, "notes.txt"), []byte("của người khác"), 0o644)
	os.MkdirAll(filepath.Join(parent, "other"), 0o755)
	os.WriteFile(filepath.Join(parent, "other", "a.txt"), []byte("a"), 0o644)
	os.MkdirAll(filepath.Join(src, ".git"), 0o755)
	os.WriteFile(filepath.Join(src, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.Symlink(src, filepath.Join(parent, "link-to-site"))
	echarts := filepath.Join(src, "config.toml") // any readable file: no build gets that far
	// The earlier output that every refused build would have replaced.
	if code, _, stderr := runCmd("build", "--source", src, "--out", filepath.Join(src, "public"), "--echarts", echarts); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	before := snapshot(t, parent)
	if before[filepath.Join("site", "public", "index.html")] == "" {
		t.Fatal("the earlier output has no index.html: the test would check nothing")
	}

	// {src} and {parent} stand for the folders; in stands for the working directory
	// (relative paths as an editor types them); source is --source ("" = {src}).
	const (
		isSource   = "thư mục ghi trang “%[1]s” chính là thư mục nguồn — dựng vào đây sẽ xóa mất config.toml, data/, content/ và templates/; chọn một thư mục riêng, ví dụ --out %[2]s/public"
		holds      = "thư mục ghi trang “%[1]s” chứa thư mục nguồn %[2]s — dựng vào đây sẽ xóa mất cả thư mục nguồn; chọn một thư mục riêng, ví dụ --out %[2]s/public"
		inside     = "thư mục ghi trang “%[1]s” nằm trong phần dữ liệu của thư mục nguồn %[2]s — không ghi trang vào config.toml, data/, content/, templates/, node_modules/ hay thư mục ẩn; chọn ví dụ --out %[2]s/public"
		aFile      = "“%[1]s” là một tệp, không phải thư mục — dựng vào đây sẽ xóa mất tệp này; chọn một thư mục cho trang, ví dụ --out %[2]s/public"
		notOurs    = "thư mục “%[1]s” đang chứa tệp không do chiso tạo ra — dựng vào đây sẽ xóa mất các tệp đó; chọn một thư mục trống hoặc thư mục trang đã dựng trước đây (có tệp .chiso-output)"
		unreadable = "không kiểm tra được thư mục ghi trang “%[1]s” — kiểm tra lại đường dẫn và quyền truy cập thư mục"
	)
	cases := []struct{ name, in, source, out, want string }{
		{"nguon", "", "", "{src}", isSource},
		{"lien-ket-toi-nguon", "", "", "{parent}/link-to-site", isSource},
		{"cham", "{src}", ".", ".", isSource},
		{"thu-muc-cha", "", "", "{parent}", holds},
		{"goc", "", "", "/", holds},
		{"hai-cham", "{src}", ".", "..", holds},
		{"data", "", "", "{src}/data", inside},
		{"data-tuong-doi", "{src}", ".", "data", inside},
		{"trong-templates", "", "", "{src}/templates/x", inside},
		{"git", "", "", "{src}/.git", inside},
		{"config", "", "", "{src}/config.toml", inside},
		{"tep", "", "", "{parent}/notes.txt", aFile},
		{"thu-muc-nguoi-khac", "", "", "{parent}/other", notOurs},
		{"duoi-mot-tep", "", "", "{parent}/notes.txt/x", unreadable},
	}
	expand := strings.NewReplacer("{src}", src, "{parent}", parent).Replace
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			source := src
			if c.source != "" {
				source = c.source
			}
			if c.in != "" {
				t.Chdir(expand(c.in))
			}
			out := expand(c.out)
			code, stdout, stderr := runCmd("build", "--source", source, "--out", out, "--echarts", echarts)
			want := out + ": lỗi: " + fmt.Sprintf(c.want, out, source) + "\n"
			if code != 2 || stdout != "" || stderr != want {
				t.Errorf("--source %s --out %s: exit %d, stdout %q\nstderr %q\nwant exit 2 and %q", source, out, code, stdout, stderr, want)
			}
			if after := snapshot(t, parent); !maps.Equal(after, before) {
				t.Errorf("--out %s: files changed although the build was refused", out)
			}
		})
	}
	// What is allowed: the usual public/ inside the source, an empty folder, and an
	// earlier output, which is marked as ours.
	for _, out := range []string{filepath.Join(src, "public"), filepath.Join(parent, "empty"), filepath.Join(parent, "empty")} {
		os.MkdirAll(filepath.Join(parent, "empty"), 0o755)
		if code, _, stderr := runCmd("build", "--source", src, "--out", out, "--echarts", echarts); code != 0 {
			t.Errorf("--out %s: exit %d: %s", out, code, stderr)
		}
	}
}

// TestNoStackTrace: a panic anywhere in a command becomes one Vietnamese line.
func TestNoStackTrace(t *testing.T) {
	var out, errs bytes.Buffer
	code := safely(&errs, func() int { var m map[string]int; m["x"] = 1; return 0 })
	_ = out
	if code == 0 || strings.Contains(errs.String(), "goroutine") || !strings.Contains(errs.String(), "lỗi nội bộ") || strings.Count(errs.String(), "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}

// A command run in a folder that is not a site (no config.toml, no data/) says so in one
// line, with the folder's full name, instead of listing every file that is missing.
func TestNotASite(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range [][]string{{"check", "--source", dir}, {"build", "--source", dir, "--out", filepath.Join(t.TempDir(), "public")}} {
		code, out, errs := runCmd(cmd...)
		want := dir + ": lỗi: thư mục này không phải thư mục nguồn của một trang chiso: không có config.toml, không có data/ — chạy lệnh trong thư mục của trang, hoặc ghi thư mục đó sau --source, ví dụ chiso check --source ../chi-so\n"
		if code != 2 || errs != want || out != "" {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q", cmd[0], code, out, errs)
		}
	}
}
