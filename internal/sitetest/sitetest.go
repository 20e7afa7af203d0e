// Package sitetest gives tests a small valid site: the broken-input corpus's minimal site
// (internal/pipeline/testdata/minimal) with the repository's templates/.
//
// Build is a files-in, assertions-out harness in the manner of Hugo's integration tests: a
// test states only the files it is about, inline, laid over that base; the site is built
// in memory; the test asserts on output paths and contents and on diagnostics.
//
//	b := sitetest.Build(t, `
//	-- data/redirects.toml --
//	[[redirect]]
//	from = "tin-cu/"
//	to = "bai-viet/2024-04/"
//	`, sitetest.Replace("data/periods/2024-04.toml", "whole = 76", "whole = 77"))
//	b.AssertFile("tin-cu/index.html", `url=https://binhdinh.gov.vn/chi-so/bai-viet/2024-04/`)
//	b.AssertNoFile("bai-viet/2024-06/index.html")
//	b.AssertDiag(b.Line("data/periods/2024-04.toml", "whole = 77"), "cảnh báo", "…")
//
// When the data format changes, the base fixture changes, not the tests: a test names a
// whole file only when that file is its subject, and otherwise edits the base with
// Replace or Set, which fail loudly when the text they edit is no longer there.
//
// Minimal (below) puts the same base site on disk, for the commands and the preview.
package sitetest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"chiso/internal/diag"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// root is the repository, found from this file so any package's test can call Minimal.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// BaseDir is the base site's folder, relative to the repository.
const BaseDir = "internal/pipeline/testdata/minimal"

// Minimal copies the minimal site and templates/ into a new temporary folder.
func Minimal(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	CopyTree(t, filepath.Join(root(), BaseDir), dir)
	CopyTree(t, filepath.Join(root(), "templates"), filepath.Join(dir, "templates"))
	return dir
}

// CopyTree copies the folder from into to.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	baseOnce  sync.Once
	baseFiles map[string][]byte
	baseErr   error
)

// base reads the base site once per test binary; every Source gets its own copy.
func base() (map[string][]byte, error) {
	baseOnce.Do(func() {
		baseFiles = map[string][]byte{}
		add := func(dir, prefix string) {
			if baseErr != nil {
				return
			}
			fsys := os.DirFS(dir)
			baseErr = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(fsys, p)
				baseFiles[path.Join(prefix, p)] = data
				return err
			})
		}
		add(filepath.Join(root(), BaseDir), "")
		add(filepath.Join(root(), "templates"), "templates")
	})
	return baseFiles, baseErr
}

// Edit changes one file of the base site before the build.
type Edit struct {
	file string
	do   func(t testing.TB, old []byte, exists bool) ([]byte, bool)
}

// Replace replaces the first occurrence of old by new in file; the test fails if file
// lacks old, so a fixture that changed under a test is noticed, not silently skipped.
func Replace(file, old, new string) Edit {
	return Edit{file, func(t testing.TB, data []byte, exists bool) ([]byte, bool) {
		t.Helper()
		if !exists || !strings.Contains(string(data), old) {
			t.Fatalf("sitetest.Replace: %s has no %q (did the base site in %s change?)", file, old, BaseDir)
		}
		return []byte(strings.Replace(string(data), old, new, 1)), true
	}}
}

// Set gives a top-level key of a TOML file a value (written as TOML: `"text"`, `10`):
// the line `key = …` is replaced, or the key is added before the first table.
func Set(file, key, value string) Edit {
	return Edit{file, func(t testing.TB, data []byte, exists bool) ([]byte, bool) {
		t.Helper()
		lines := strings.Split(string(data), "\n")
		line := key + " = " + value
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[") {
				lines = append(lines[:i], append([]string{line}, lines[i:]...)...)
				return []byte(strings.Join(lines, "\n")), true
			}
			if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == key {
				lines[i] = line
				return []byte(strings.Join(lines, "\n")), true
			}
		}
		return []byte(strings.TrimRight(string(data), "\n") + "\n" + line + "\n"), true
	}}
}

// Append adds text at the end of a file of the base site (a new [[indicator]], a new
// [[result]]).
func Append(file, text string) Edit {
	return Edit{file, func(t testing.TB, data []byte, exists bool) ([]byte, bool) {
		t.Helper()
		if !exists {
			t.Fatalf("sitetest.Append: the base site has no %s", file)
		}
		return []byte(strings.TrimRight(string(data), "\n") + "\n\n" + strings.TrimLeft(text, "\n")), true
	}}
}

// Delete removes file from the base site.
func Delete(file string) Edit {
	return Edit{file, func(t testing.TB, _ []byte, exists bool) ([]byte, bool) {
		t.Helper()
		if !exists {
			t.Fatalf("sitetest.Delete: the base site has no %s", file)
		}
		return nil, false
	}}
}

// Source is the base site with files (txtar: "-- name --" lines, each followed by the
// file's text; text before the first is a comment) laid over it, then edits applied.
func Source(t testing.TB, files string, edits ...Edit) fstest.MapFS {
	t.Helper()
	b, err := base()
	if err != nil {
		t.Fatalf("sitetest: reading the base site: %v", err)
	}
	m := fstest.MapFS{}
	for k, v := range b {
		m[k] = &fstest.MapFile{Data: v}
	}
	for _, f := range ParseTxtar(files) {
		m[f.Name] = &fstest.MapFile{Data: []byte(f.Data)}
	}
	for _, e := range edits {
		old, ok := m[e.file]
		var data []byte
		if ok {
			data = old.Data
		}
		if data, keep := e.do(t, data, ok); keep {
			m[e.file] = &fstest.MapFile{Data: data}
		} else {
			delete(m, e.file)
		}
	}
	return m
}

// TxtarFile is one "-- name --" section.
type TxtarFile struct {
	Name, Data string
}

// ParseTxtar splits an archive in the txtar form: a line "-- name --" starts a file, which
// runs to the next such line; text before the first is a comment and is dropped.
func ParseTxtar(src string) []TxtarFile {
	var out []TxtarFile
	for _, line := range strings.SplitAfter(src, "\n") {
		l := strings.TrimRight(line, "\r\n")
		if name, ok := strings.CutPrefix(l, "-- "); ok && strings.HasSuffix(name, " --") {
			out = append(out, TxtarFile{Name: strings.TrimSpace(strings.TrimSuffix(name, " --"))})
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].Data += line
		}
	}
	return out
}

// FakeECharts stands in for the chart library: the Go tests check our files, the browser
// tests run the real one.
var FakeECharts = []byte("/* echarts */")

// Result is one build: its files (nil when the build failed) and its diagnostics.
type Result struct {
	t      testing.TB
	Source fstest.MapFS
	Files  publish.Files
	Diags  diag.List
	Err    error
}

// Build builds Source(t, files, edits...) in memory. A build that fails is not a test
// failure by itself: assert on its diagnostics, or call AssertClean.
func Build(t testing.TB, files string, edits ...Edit) *Result {
	t.Helper()
	src := Source(t, files, edits...)
	out, probs, err := pipeline.Site(pipeline.Options{Source: src, ECharts: FakeECharts})
	return &Result{t: t, Source: src, Files: out, Diags: probs, Err: err}
}

// AssertClean fails the test unless the build succeeded without a diagnostic.
func (r *Result) AssertClean() {
	r.t.Helper()
	if r.Err != nil || len(r.Diags) > 0 {
		r.t.Fatalf("build: %v\n%s", r.Err, r.Diags)
	}
}

// AssertFailed fails the test unless the build stopped.
func (r *Result) AssertFailed() {
	r.t.Helper()
	if r.Err == nil {
		r.t.Fatalf("the build succeeded; want it stopped\n%s", r.Diags)
	}
}

// File is the text of a built file; the test fails if it was not built.
func (r *Result) File(name string) string {
	r.t.Helper()
	if r.Err != nil {
		r.t.Fatalf("build failed, no %s: %v\n%s", name, r.Err, r.Diags)
	}
	data, ok := r.Files[name]
	if !ok {
		r.t.Fatalf("%s was not built; built files under %s/: %s", name, path.Dir(name), r.near(name))
	}
	return string(data)
}

// near lists the built files in the same folder, to make a failure useful.
func (r *Result) near(name string) string {
	dir := path.Dir(name)
	var out []string
	for _, p := range r.Files.Paths() {
		if path.Dir(p) == dir || strings.HasPrefix(p, dir+"/") && strings.Count(strings.TrimPrefix(p, dir+"/"), "/") == 1 {
			out = append(out, p)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "…")
	}
	return strings.Join(out, ", ")
}

// AssertFile asserts name was built and holds every one of texts. An HTML file is also
// searched as its visible text (tags dropped, entities decoded, spaces collapsed), so a
// phrase split by <strong> is still found.
func (r *Result) AssertFile(name string, texts ...string) {
	r.t.Helper()
	data := r.File(name)
	var plain string
	for _, s := range texts {
		if strings.Contains(data, s) {
			continue
		}
		if plain == "" {
			plain = Text(data)
		}
		if !strings.Contains(plain, s) {
			r.t.Errorf("%s lacks %q; its text:\n%s", name, s, excerpt(plain))
		}
	}
}

// AssertNotContains asserts name was built and holds none of texts, neither in its source
// nor in its visible text.
func (r *Result) AssertNotContains(name string, texts ...string) {
	r.t.Helper()
	data := r.File(name)
	plain := Text(data)
	for _, s := range texts {
		if i := strings.Index(data, s); i >= 0 {
			r.t.Errorf("%s holds %q: …%s…", name, s, around(data, i, len(s)))
		} else if i := strings.Index(plain, s); i >= 0 {
			r.t.Errorf("%s holds %q in its text: …%s…", name, s, around(plain, i, len(s)))
		}
	}
}

// AssertNoFile asserts name was not built.
func (r *Result) AssertNoFile(name string) {
	r.t.Helper()
	if r.Err != nil {
		r.t.Fatalf("build failed: %v\n%s", r.Err, r.Diags)
	}
	if _, ok := r.Files[name]; ok {
		r.t.Errorf("%s was built; want it absent", name)
	}
}

// AssertDiag asserts a diagnostic at pos ("file:line" or "file:line:col"), of severity
// ("lỗi" or "cảnh báo"), whose line holds msg.
func (r *Result) AssertDiag(pos, severity, msg string) {
	r.t.Helper()
	AssertDiag(r.t, r.Diags, pos, severity, msg)
}

// AssertNoDiag asserts no diagnostic line holds text.
func (r *Result) AssertNoDiag(text string) {
	r.t.Helper()
	for _, d := range r.Diags {
		if strings.Contains(d.String(), text) {
			r.t.Errorf("unwanted diagnostic: %s", d)
		}
	}
}

// Line is "file:N", N the line of the source file that holds text: a test names the
// line it means by its content, so a diagnostic's position is checked exactly without
// the test knowing the base fixture's line numbers.
func (r *Result) Line(file, text string) string {
	r.t.Helper()
	return Line(r.t, r.Source, file, text)
}

// Line is Result.Line for a Source.
func Line(t testing.TB, src fstest.MapFS, file, text string) string {
	t.Helper()
	f, ok := src[file]
	if !ok {
		t.Fatalf("sitetest.Line: no %s in the source", file)
	}
	for i, l := range strings.Split(string(f.Data), "\n") {
		if strings.Contains(l, text) {
			return fmt.Sprintf("%s:%d", file, i+1)
		}
	}
	t.Fatalf("sitetest.Line: %s has no line holding %q", file, text)
	return ""
}

// AssertDiag is Result.AssertDiag for a list from elsewhere (pipeline.ToDir, pipeline.Check).
func AssertDiag(t testing.TB, l diag.List, pos, severity, msg string) {
	t.Helper()
	for _, d := range l {
		p := d.Pos.String()
		if (p == pos || strings.HasPrefix(p, pos+":")) && d.Severity.String() == severity && strings.Contains(d.String(), msg) {
			return
		}
	}
	t.Errorf("no diagnostic “%s: %s: …%s…”; got:\n%s", pos, severity, msg, l)
}

func excerpt(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

func around(s string, i, n int) string {
	from, to := max(0, i-80), min(len(s), i+n+80)
	for from > 0 && !utf8Start(s[from]) {
		from--
	}
	for to < len(s) && !utf8Start(s[to]) {
		to++
	}
	return s[from:to]
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
