package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
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

// TestOutGuard: an --out whose replacement would destroy the source or someone's files is
// refused with one Vietnamese line and exit status 2, and nothing on disk changes.
func TestOutGuard(t *testing.T) {
	parent := t.TempDir()
	src := filepath.Join(parent, "site")
	os.Rename(minimal(t), src)
	os.WriteFile(filepath.Join(parent, "notes.txt"), []byte("của người khác"), 0o644)
	os.MkdirAll(filepath.Join(parent, "other"), 0o755)
	os.WriteFile(filepath.Join(parent, "other", "a.txt"), []byte("a"), 0o644)
	os.MkdirAll(filepath.Join(src, ".git"), 0o755)
	os.Symlink(src, filepath.Join(parent, "link-to-site"))
	cases := []struct{ out, want string }{
		{src, "chính là thư mục nguồn"},
		{filepath.Join(parent, "link-to-site"), "chính là thư mục nguồn"},
		{parent, "chứa thư mục nguồn"},
		{"/", "chứa thư mục nguồn"},
		{filepath.Join(src, "data"), "nằm trong phần dữ liệu của thư mục nguồn"},
		{filepath.Join(src, "templates", "x"), "nằm trong phần dữ liệu của thư mục nguồn"},
		{filepath.Join(src, ".git"), "nằm trong phần dữ liệu của thư mục nguồn"},
		{filepath.Join(src, "config.toml"), "nằm trong phần dữ liệu của thư mục nguồn"},
		{filepath.Join(parent, "notes.txt"), "là một tệp, không phải thư mục"},
		{filepath.Join(parent, "other"), "đang chứa tệp không do chiso tạo ra"},
	}
	before := snapshot(t, parent)
	for _, c := range cases {
		code, stdout, stderr := runCmd("build", "--source", src, "--out", c.out, "--echarts", filepath.Join(src, "config.toml"))
		if code != 2 || !strings.Contains(stderr, c.want) || !strings.HasPrefix(stderr, c.out+": lỗi: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("--out %s: exit %d, stderr %q, stdout %q; want exit 2 and one line saying %q", c.out, code, stderr, stdout, c.want)
		}
	}
	if after := snapshot(t, parent); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("files changed although every build was refused")
	}
	// What is allowed: the usual public/ inside the source, an empty folder, and an
	// earlier output, which is marked as ours.
	for _, out := range []string{filepath.Join(src, "public"), filepath.Join(parent, "empty"), filepath.Join(src, "public")} {
		os.MkdirAll(filepath.Join(parent, "empty"), 0o755)
		if code, _, stderr := runCmd("build", "--source", src, "--out", out, "--echarts", filepath.Join(src, "config.toml")); code != 0 {
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
