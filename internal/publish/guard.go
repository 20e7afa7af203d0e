package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"chiso/internal/diag"
)

// Marker is the file every output folder of ours holds: a folder that has it may be
// replaced by the next build, any other non-empty folder is someone's work.
const Marker = diag.OutputMarker

// legacyMarker is a file every output built before the marker existed holds, with
// content only we write: such a folder is ours too.
const legacyMarker = "assets/vendor/ECHARTS-LICENSE.txt"

// sourceInputs are the names under a source folder that a build reads, or that hold
// someone's work: an output may never be one of them or lie inside one.
var sourceInputs = map[string]bool{"config.toml": true, "data": true, "content": true, "templates": true, "node_modules": true}

// CheckOut refuses an output folder whose replacement would destroy anything but an
// earlier output: the source itself, a folder holding it, one of its inputs, a file, or
// a folder of someone else's files. The answer is a diagnostic for the command line.
func CheckOut(source, out string) *diag.Diagnostic {
	refuse := func(code diag.Code) *diag.Diagnostic {
		return &diag.Diagnostic{Pos: diag.Pos{File: out}, Severity: diag.Error, Code: code, Args: []any{out, source}}
	}
	src, err := resolve(source)
	if err != nil {
		return refuse(diag.OutUnreadable)
	}
	dst, err := resolve(out)
	if err != nil {
		return refuse(diag.OutUnreadable)
	}
	switch {
	case dst == src:
		return refuse(diag.OutIsSource)
	case within(dst, src):
		return refuse(diag.OutHoldsSource)
	case within(src, dst):
		rel, _ := filepath.Rel(src, dst)
		first := strings.Split(rel, string(filepath.Separator))[0]
		if sourceInputs[first] || strings.HasPrefix(first, ".") {
			return refuse(diag.OutInsideInput)
		}
	}
	info, err := os.Lstat(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return refuse(diag.OutUnreadable)
	}
	if !info.IsDir() {
		return refuse(diag.OutNotFolder)
	}
	entries, err := os.ReadDir(dst)
	if err != nil {
		return refuse(diag.OutUnreadable)
	}
	if len(entries) == 0 || isOurs(dst) {
		return nil
	}
	return refuse(diag.OutNotOurs)
}

func isOurs(dir string) bool {
	if info, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && info.Mode().IsRegular() {
		return true
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(legacyMarker)))
	return err == nil && strings.HasPrefix(string(b), "Apache ECharts") && strings.Contains(string(b), "no third-party host is contacted")
}

// resolve makes p absolute with every symbolic link in its existing part followed, so
// "public" and a link to the source compare as what they are.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p lies strictly inside dir.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
