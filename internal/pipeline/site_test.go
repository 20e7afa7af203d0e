package pipeline_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// repo is the sample site at the repository root.
var repo = os.DirFS("../..")

// overlay serves files from over first, then from base: a site with a few files changed.
type overlay struct {
	base fs.FS
	over fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.over.Open(name)
	}
	return o.base.Open(name)
}

// Glob lists files of both, so a test can add a period file.
func (o overlay) Glob(pattern string) ([]string, error) {
	a, err := fs.Glob(o.base, pattern)
	if err != nil {
		return nil, err
	}
	b, _ := fs.Glob(o.over, pattern)
	seen := map[string]bool{}
	var out []string
	for _, n := range append(a, b...) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, nil
}

func withFiles(files map[string]string) fs.FS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return overlay{repo, m}
}

// fakeECharts stands in for the library: the Go tests check our files, the browser tests
// run the real one.
var fakeECharts = []byte("/* echarts */")

func buildSample(t testing.TB, src fs.FS) publish.Files {
	t.Helper()
	files, probs, err := pipeline.Site(pipeline.Options{Source: src, ECharts: fakeECharts})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, probs)
	}
	return files
}

const base = "/chi-so/" // config.toml's base_path

// TestSiteSweep renders the whole sample site and checks every page: links and assets
// resolve, charts come with their table and valid JSON, no third-party host is named,
// nothing is escaped twice, and the page has its language, title and one h1.
func TestSiteSweep(t *testing.T) {
	files := buildSample(t, repo)
	pages := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "/"+pipeline.FragmentName) { // fragments: opendata_test.go
			continue
		}
		pages++
		t.Run(p, func(t *testing.T) { sweepPage(t, files, p) })
	}
	if pages < 20 {
		t.Errorf("only %d pages built", pages)
	}
	for _, must := range []string{"index.html", "bai-viet/2024-04/index.html", "chi-tieu/ho-so-truc-tuyen/index.html",
		"luu-tru/index.html", "luu-tru/2024/index.html", "gioi-thieu/index.html", "phuong-phap-tinh/index.html", "404.html",
		"assets/site.css", "assets/site.js", "assets/charts.js", pipeline.EChartsPath(fakeECharts),
		"en/index.html", "en/bai-viet/2024-04/index.html", "en/chi-tieu/ho-so-truc-tuyen/index.html", "en/chi-tieu/index.html",
		"en/luu-tru/index.html", "en/luu-tru/2024/index.html", "en/gioi-thieu/index.html", "en/rss.xml", "en/atom.xml"} {
		if _, ok := files[must]; !ok {
			t.Errorf("missing %s", must)
		}
	}
}

func sweepPage(t *testing.T, files publish.Files, p string) {
	src := files[p]
	for _, bad := range []string{"&amp;amp;", "&amp;#", "&amp;lt;", "&amp;quot;", "ZgotmplZ", "<no value>", "%!"} {
		if bytes.Contains(src, []byte(bad)) {
			t.Errorf("contains %q", bad)
		}
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var h1, titles int
	lang := ""
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "html":
			lang = attr(n, "lang")
		case "h1":
			h1++
		case "title":
			titles++
		case "figure":
			if strings.Contains(attr(n, "class"), "chart") {
				checkChart(t, n)
			}
		}
		for _, a := range []string{"href", "src", "action", "poster", "data-echarts"} {
			if v, ok := attrOK(n, a); ok {
				checkLink(t, files, p, n.Data, v)
			}
		}
	})
	// The English edition lives under en/ (english.go), every other page is Vietnamese.
	if want := "vi"; lang != want && !(strings.HasPrefix(p, pipeline.EnglishDir) && lang == "en") {
		t.Errorf("lang=%q", lang)
	} else if strings.HasPrefix(p, pipeline.EnglishDir) && lang != "en" {
		t.Errorf("English page with lang=%q", lang)
	}
	if h1 != 1 || titles != 1 {
		t.Errorf("%d h1, %d title", h1, titles)
	}
}

// checkChart asserts the chart's JSON parses and its numbers come with a table.
func checkChart(t *testing.T, fig *html.Node) {
	var table, canvas bool
	var option string
	walk(fig, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.Data == "table":
			table = true
		case n.Data == "div" && strings.Contains(attr(n, "class"), "chart-canvas"):
			canvas = attr(n, "data-option") == attr(fig, "id")+"-option"
		case n.Data == "script" && attr(n, "type") == "application/json" && n.FirstChild != nil:
			option = n.FirstChild.Data
		}
	})
	if !table || !canvas {
		t.Errorf("chart %s: table=%v canvas=%v", attr(fig, "id"), table, canvas)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(option), &v); err != nil {
		t.Errorf("chart %s: option is not JSON: %v", attr(fig, "id"), err)
	}
}

func checkLink(t *testing.T, files publish.Files, page, tag, v string) {
	switch {
	case strings.HasPrefix(v, "#"), strings.HasPrefix(v, "mailto:"):
		return
	case strings.HasPrefix(v, "https://binhdinh.gov.vn/chi-so/"):
		v = strings.TrimPrefix(v, "https://binhdinh.gov.vn")
	case strings.Contains(v, "://") || strings.HasPrefix(v, "//"):
		t.Errorf("<%s> names another host: %s", tag, v)
		return
	}
	if !strings.HasPrefix(v, base) {
		t.Errorf("<%s> link outside the base path %s: %s", tag, base, v)
		return
	}
	target := strings.TrimPrefix(v, base)
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if _, ok := files[path.Clean(target)]; !ok {
		t.Errorf("broken link from %s: %s", page, v)
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string { v, _ := attrOK(n, key); return v }

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// TestNoThirdPartyHosts: our own assets name no other host either.
func TestNoThirdPartyHosts(t *testing.T) {
	files := buildSample(t, repo)
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, "assets/vendor/") {
			continue
		}
		for _, host := range []string{"cdn.jsdelivr", "unpkg.com", "cdnjs.", "fonts.googleapis", "fonts.gstatic", "go-echarts.github.io", "googletagmanager", "google-analytics"} {
			if bytes.Contains(files[p], []byte(host)) {
				t.Errorf("%s names %s", p, host)
			}
		}
	}
}

// TestDeterministic: the same input gives byte-identical output, in memory and on disk.
func TestDeterministic(t *testing.T) {
	a, b := buildSample(t, repo), buildSample(t, repo)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	dir := t.TempDir()
	for _, out := range []string{"one", "two"} {
		if _, probs, err := pipeline.ToDir(pipeline.Options{Source: repo, ECharts: fakeECharts}, filepath.Join(dir, out)); err != nil {
			t.Fatalf("%v\n%s", err, probs)
		}
	}
	one, two := readTree(t, filepath.Join(dir, "one")), readTree(t, filepath.Join(dir, "two"))
	if len(one) != len(a) || len(two) != len(a) {
		t.Fatalf("on disk: %d and %d files, in memory %d", len(one), len(two), len(a))
	}
	for p, data := range one {
		if !bytes.Equal(data, two[p]) || !bytes.Equal(data, a[p]) {
			t.Errorf("%s differs on disk", p)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == publish.Marker { // the marker is publish's, not the site's
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSampleIsClean: the sample checks without errors or warnings. Its July 2025 crosses
// the merger of Bình Định into Gia Lai, where the whole rates change by more than
// jump_warning: figures of another province are not a jump and must not be warned about.
func TestSampleIsClean(t *testing.T) {
	if _, probs := pipeline.Check(repo); len(probs) > 0 {
		t.Errorf("the sample has problems:\n%s", probs)
	}
}
