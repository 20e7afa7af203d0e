package pipeline_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"chiso/internal/load"
	"chiso/internal/pipeline"
)

// onRequestOnly are the folders of files a build makes that the preview's pages on
// request do not (they come from the preview's background build).
var onRequestOnly = []string{pipeline.EmbedDir, pipeline.DataDir, pipeline.SearchDir,
	pipeline.EnglishDir + pipeline.DataDir, pipeline.EnglishDir + pipeline.SearchDir, pipeline.EnglishDir + pipeline.EmbedDir}

// TestPagesOnRequest: every page the preview renders on request from the model is the
// build's page, byte for byte — first as loaded, then after a period file, the editor's
// paragraphs of an article and a Markdown page are saved and read again alone
// (load.Reload), against a full build of the edited site.
func TestPagesOnRequest(t *testing.T) {
	lib := []byte("// echarts")
	src := withFiles(nil)
	site, loaded := load.Site(src)
	if probs := pipeline.Recheck(src, site, loaded); probs.HasErrors() {
		t.Fatal(probs)
	}
	pages, probs := pipeline.NewPages(pipeline.Options{Source: src, ECharts: lib}, site, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	samePages(t, "as loaded", src, lib, pages)

	edits := map[string][2]string{
		"data/periods/2024-04.toml":   {"whole = 95\nlevels = { tinh = 95, huyen = 97, xa = 93 }", "whole = 96\nlevels = { tinh = 95, huyen = 97, xa = 93 }"},
		"content/gioi-thieu.md":       {"## Nguồn số liệu", "## Nguồn số liệu đã sửa"},
		"content/bai-viet/2024-04.md": {"Từ kết quả nêu trên", "Từ kết quả đã sửa nêu trên"},
	}
	files := map[string]string{}
	for name, e := range edits {
		data, err := fs.ReadFile(src, name)
		if err != nil || !bytes.Contains(data, []byte(e[0])) {
			t.Fatalf("%s: %v, or no %q", name, err, e[0])
		}
		files[name] = strings.Replace(string(data), e[0], e[1], 1)
	}
	edited := withFiles(files)
	var names []string
	for name := range edits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ok, probs := load.Reload(edited, site, name)
		if !ok || probs.HasErrors() {
			t.Fatalf("Reload %s: %v %v", name, ok, probs)
		}
	}
	pages, probs = pipeline.NewPages(pipeline.Options{Source: edited, ECharts: lib}, site, pages)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	samePages(t, "after the saves", edited, lib, pages)
	for file, want := range map[string]string{"gioi-thieu/index.html": "Nguồn số liệu đã sửa", "bai-viet/2024-04/index.html": "Từ kết quả đã sửa nêu trên"} {
		if page, _, _ := pages.Render(file); !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s does not show the saved %q", file, want)
		}
	}
}

// samePages builds src and compares every page with the one rendered on request.
func samePages(t *testing.T, when string, src fs.FS, lib []byte, pages *pipeline.Pages) {
	t.Helper()
	built, _, err := pipeline.Site(pipeline.Options{Source: src, ECharts: lib})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range built {
		names = append(names, name)
	}
	sort.Strings(names)
	rendered := 0
	for _, name := range names {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page, ok, probs := pages.Render(name)
		if len(probs) > 0 {
			t.Fatalf("%s: %s: %v", when, name, probs)
		}
		if !ok {
			if !builtOnly(name, built[name]) {
				t.Errorf("%s: %s is not rendered on request", when, name)
			}
			continue
		}
		rendered++
		if !bytes.Equal(page, built[name]) {
			t.Errorf("%s: %s differs from the build's:\n%s", when, name, firstDiff(page, built[name]))
		}
	}
	if rendered < 50 {
		t.Errorf("%s: only %d pages rendered on request", when, rendered)
	}
	t.Logf("%s: %d pages rendered on request, all the build's", when, rendered)
}

// builtOnly: a file only a build makes (an embed, the data or search page, a fragment of
// an article for a CMS, a redirect page).
func builtOnly(name string, data []byte) bool {
	for _, dir := range onRequestOnly {
		if strings.HasPrefix(name, dir) {
			return true
		}
	}
	return strings.HasSuffix(name, "/"+pipeline.FragmentName) || bytes.Contains(data, []byte(`http-equiv="refresh"`))
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "rendered: …" + string(a[from:min(len(a), i+200)]) + "\nbuilt:    …" + string(b[from:min(len(b), i+200)])
}

// TestPagesToDir: the preview's full build from its loaded model and parsed templates
// writes what ToDir writes from the sources, byte for byte, with pages rendered on
// request meanwhile.
func TestPagesToDir(t *testing.T) {
	opts := pipeline.Options{Source: minimalSite(t), ECharts: []byte("// echarts")}
	site, loaded := load.Site(opts.Source)
	if probs := pipeline.Recheck(opts.Source, site, loaded); probs.HasErrors() {
		t.Fatal(probs)
	}
	pages, probs := pipeline.NewPages(opts, site, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	dir := t.TempDir()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, f := range []string{"index.html", "bai-viet/2024-04/index.html", "en/index.html"} {
			pages.Render(f)
		}
	}()
	if _, probs, err := pages.ToDir(filepath.Join(dir, "preview")); err != nil {
		t.Fatal(err, probs)
	}
	<-done
	if _, probs, err := pipeline.ToDir(opts, filepath.Join(dir, "build")); err != nil {
		t.Fatal(err, probs)
	}
	read := func(root string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	got, want := read(filepath.Join(dir, "preview")), read(filepath.Join(dir, "build"))
	if len(want) < 50 || len(got) != len(want) {
		t.Errorf("%d files from the model, %d from the sources", len(got), len(want))
	}
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs", p)
		}
	}
}
