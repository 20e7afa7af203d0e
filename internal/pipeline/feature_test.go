package pipeline_test

// Feature tests on the harness (internal/sitetest): each states only the files it is
// about, laid over the minimal site (testdata/minimal), builds in memory and asserts on
// what is written and what is said. The sample site in data/ is left to the whole-site
// sweeps (site_test.go, opendata_test.go).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"chiso/internal/pipeline"
	"chiso/internal/search"
	"chiso/internal/sitetest"
)

const april = "data/periods/2024-04.toml"

// TestFailedBuildKeepsOutput: a data error stops the build, names its file and line, and
// leaves the output folder as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	good := sitetest.Source(t, "")
	if _, probs, err := pipeline.ToDir(pipeline.Options{Source: good, ECharts: sitetest.FakeECharts}, out); err != nil {
		t.Fatalf("%v\n%s", err, probs)
	}
	before := readTree(t, out)
	broken := sitetest.Source(t, "", sitetest.Replace(april, "whole = 76", "whole = 176"))
	_, probs, err := pipeline.ToDir(pipeline.Options{Source: broken, ECharts: sitetest.FakeECharts}, out)
	if err == nil {
		t.Fatal("a rate of 176% was accepted")
	}
	sitetest.AssertDiag(t, probs, sitetest.Line(t, broken, april, "whole = 176")+":1", "lỗi", "tỷ lệ 176% nằm ngoài khoảng 0–100")
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the output changed: %d files, then %d", len(before), len(after))
	}
	for p, data := range before {
		if !bytes.Equal(data, after[p]) {
			t.Errorf("%s changed", p)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
}

// TestWarningStillBuilds: a warning (a rate with three decimals) is said at its line and the
// site is built all the same.
func TestWarningStillBuilds(t *testing.T) {
	b := sitetest.Build(t, "", sitetest.Replace(april, "whole = 95\n", "whole = 95.555\n"))
	if b.Err != nil {
		t.Fatalf("a warning stopped the build: %v\n%s", b.Err, b.Diags)
	}
	b.AssertDiag(b.Line(april, "whole = 95.555")+":1", "cảnh báo", "tỷ lệ 95,555 có quá hai chữ số thập phân")
	b.AssertFile("bai-viet/2024-04/index.html", "Hồ sơ dịch vụ công trực tuyến")
}

// TestRedirectKeepsURL: a page that disappears is lost unless a redirect covers it; the
// redirect page sends readers and crawlers on without script and stays out of the sitemap.
func TestRedirectKeepsURL(t *testing.T) {
	want := map[string]bool{"tin-cu/thang-4/": true, "bai-viet/2024-04/": true}
	plain := sitetest.Build(t, "")
	plain.AssertClean()
	if lost := lostURLs(want, plain.Files); len(lost) != 1 || lost[0] != "tin-cu/thang-4/" {
		t.Errorf("without a redirect, lost %v; want [tin-cu/thang-4/]", lost)
	}
	// Without server_rules, only the files that do nothing until a webmaster uses them:
	// IIS without URL Rewrite, or Apache without AllowOverride FileInfo, answer 500 for a
	// folder that holds web.config or .htaccess.
	plain.AssertNoFile("web.config")
	plain.AssertNoFile(".htaccess")
	plain.AssertFile("nginx-redirects.conf", "location ~")
	moved := sitetest.Build(t, `
-- data/redirects.toml --
[[redirect]]
from = "tin-cu/thang-4/"
to = "bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen"
`, sitetest.Set("config.toml", "server_rules", `["apache", "nginx", "iis", "netlify", "nginx"]`))
	moved.AssertClean()
	if lost := lostURLs(want, moved.Files); len(lost) != 0 {
		t.Errorf("lost %v with a redirect", lost)
	}
	target := baseURL + base + "bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen"
	moved.AssertFile("tin-cu/thang-4/index.html",
		`<meta http-equiv="refresh" content="0; url=`+target+`">`,
		`<link rel="canonical" href="`+target+`">`,
		`<a href="`+base+`bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen">`,
		`<meta name="robots" content="noindex">`)
	moved.AssertNotContains("tin-cu/thang-4/index.html", "<script")
	moved.AssertNotContains("sitemap.xml", "tin-cu/")
	// The server rules (internal/redirect) answer it with a real redirect, before the
	// moved downloads; a server without them still has the page.
	moved.AssertFile(".htaccess", `RedirectMatch 301 "^/chi-so/tin-cu/thang-4/$" "/chi-so/bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen"`,
		`RedirectMatch 301 "^/chi-so/du-lieu/bieu-do/([^/]+?)(?:\.echarts\.json|\.json)$" "/chi-so/du-lieu/bieu-do/$1.csv"`)
	moved.AssertFile("nginx-redirects.conf", `location ~ "^/chi-so/tin-cu/thang-4/$" { return 301 "/chi-so/bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen"; }`)
	moved.AssertFile("web.config", `<match url="^tin-cu/thang-4/$" />`)
	moved.AssertFile("_redirects", "/chi-so/tin-cu/thang-4/ /chi-so/bai-viet/2024-04/#chi-tieu-ho-so-truc-tuyen 301!\n", "/chi-so/du-lieu/ky/2024-04.csv /chi-so/du-lieu/ 301!\n")
	if strings.Index(string(moved.Files[".htaccess"]), "tin-cu") > strings.Index(string(moved.Files[".htaccess"]), "du-lieu/ky") {
		t.Error(".htaccess: the page rule after the downloads'")
	}
}

// TestRedirectToNowhere: a redirect to a page the build does not write is an error at
// its line, not a redirect into a 404.
func TestRedirectToNowhere(t *testing.T) {
	b := sitetest.Build(t, `
-- data/redirects.toml --
[[redirect]]
from = "tin-cu/thang-4/"
to = "bai-viet/2024-06/"
`)
	b.AssertFailed()
	b.AssertDiag(b.Line("data/redirects.toml", "to = "), "lỗi", "bai-viet/2024-06/")
}

const hostile = `</script><script>alert(1)</script><!--`

// TestJSONLDHostile: a hostile site title and index name reach JSON-LD, OpenGraph and
// feeds as plain text, never as markup that ends the <script>.
func TestJSONLDHostile(t *testing.T) {
	b := sitetest.Build(t, "",
		sitetest.Set("config.toml", "title", strconv.Quote(hostile)),
		sitetest.Set("config.toml", "index_name", strconv.Quote(hostile)))
	b.AssertClean()
	ld := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	found, articles := 0, 0
	for _, p := range b.Files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range ld.FindAllSubmatch(b.Files[p], -1) {
			found++
			body := m[1]
			if bytes.Contains(body, []byte("<")) {
				t.Errorf("%s: JSON-LD holds a raw <: %.120s", p, body)
			}
			var v map[string]any
			if err := json.Unmarshal(body, &v); err != nil {
				t.Errorf("%s: JSON-LD: %v", p, err)
				continue
			}
			if v["@type"] == "NewsArticle" {
				if !strings.HasPrefix(p, pipeline.EnglishDir) { // the English twins carry their own
					articles++
				}
				if h, _ := v["headline"].(string); !strings.Contains(h, hostile) {
					t.Errorf("%s: headline lost the index name: %q", p, h)
				}
			}
		}
		doc, err := html.Parse(bytes.NewReader(b.Files[p]))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "script" && attr(n, "src") == "" {
				if ty := attr(n, "type"); ty != "application/json" && ty != "application/ld+json" {
					t.Errorf("%s: executable inline script %q", p, text(n))
				}
			}
			if n.Type == html.ElementNode && n.Data == "meta" && attr(n, "property") == "og:site_name" && attr(n, "content") != hostile {
				t.Errorf("%s: og:site_name %q", p, attr(n, "content"))
			}
		})
	}
	if articles != 2 || found <= articles {
		t.Errorf("%d JSON-LD blocks, %d of them NewsArticle; want one on each of the 2 articles and others elsewhere", found, articles)
	}
	for _, feed := range []string{"atom.xml", "rss.xml"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(b.Files[feed]))
		if err != nil {
			t.Errorf("%s with a hostile title: %v", feed, err)
		} else if !strings.Contains(f.Title, hostile) {
			t.Errorf("%s: title %q, want the site title as text", feed, f.Title)
		}
	}
}

// TestSearchIndex: the index lists exactly the pages of the site, each found by the words
// a reader types for it (unaccented, figures as written), stated here from the fixture,
// not from the index.
func TestSearchIndex(t *testing.T) {
	b := sitetest.Build(t, `
-- data/units.toml --
[[unit]]
code = "so-tu-phap"
name = "Sở Tư pháp"
level = "tinh"
`)
	b.AssertClean()
	var ix struct {
		V     int
		Kinds []string
		Pages int
	}
	if err := json.Unmarshal([]byte(b.File("tim-kiem/index.json")), &ix); err != nil {
		t.Fatal(err)
	}
	type page struct {
		K       int
		U, T, X string
	}
	byPath := map[string]int{}
	pages := make([]page, ix.Pages)
	for i := range pages {
		if err := json.Unmarshal([]byte(b.File(fmt.Sprintf("tim-kiem/p/%d.json", i))), &pages[i]); err != nil {
			t.Fatal(err)
		}
		byPath[pages[i].U] = i
	}
	// finds lists the pages a folded word leads to.
	finds := func(word string) map[string]bool {
		var shard map[string][]int
		if err := json.Unmarshal([]byte(b.File("tim-kiem/w/"+search.Key(word)+".json")), &shard); err != nil {
			t.Fatalf("%s: %v", word, err)
		}
		out := map[string]bool{}
		id := 0
		for _, v := range shard[word] {
			id += v >> 1
			out[pages[id].U] = true
		}
		return out
	}
	// path → kind, title, words a reader types that must find it.
	want := map[string][3]string{
		"bai-viet/2024-04/":               {"Bài viết", "", "88,62 dat ho so truc tuyen"},
		"bai-viet/2024-05/":               {"Bài viết", "", "2024 thang"},
		"chi-tieu/ho-so-truc-tuyen/":      {"Chỉ tiêu", "Hồ sơ dịch vụ công trực tuyến", "tiep nhan truc tuyen"},
		"chi-tieu/thanh-toan-truc-tuyen/": {"Chỉ tiêu", "Thanh toán trực tuyến", "thanh toan"},
		"chi-tieu/so-hoa-ho-so/":          {"Chỉ tiêu", "Số hóa thành phần hồ sơ", "so hoa"},
		"chi-tieu/dvc-phat-sinh-ho-so/":   {"Chỉ tiêu", "Dịch vụ công trực tuyến có phát sinh hồ sơ", "phat sinh"},
		"don-vi/so-tu-phap/":              {"Đơn vị", "Sở Tư pháp, tỉnh Bình Định", "tu phap"},
		"gioi-thieu/":                     {"Trang", "Giới thiệu", "gioi thieu"},
	}
	for path, w := range want {
		i, ok := byPath[path]
		if !ok {
			t.Errorf("no page file for %s", path)
			continue
		}
		if k := pages[i].K; k >= len(ix.Kinds) || ix.Kinds[k] != w[0] {
			t.Errorf("%s: kind %d of %q, want %q", path, k, ix.Kinds, w[0])
		}
		if w[1] != "" && pages[i].T != w[1] {
			t.Errorf("%s: title %q, want %q", path, pages[i].T, w[1])
		}
		for _, word := range strings.Fields(w[2]) {
			if !finds(word)[path] {
				t.Errorf("%s: “%s” does not find it", path, word)
			}
		}
	}
	// Every page of the site that a reader may look for is there, and nothing else.
	for path := range byPath {
		if b.Files[path+"index.html"] == nil {
			t.Errorf("the index lists %s, which the site does not have", path)
		}
	}
	if len(byPath) < len(want) {
		t.Errorf("%d pages indexed, want at least %d", len(byPath), len(want))
	}
}

// TestLowerIsBetterWording: an indicator where less is better states its target as a
// ceiling: "tỷ lệ tối đa" when met, "không được vượt quá" when not.
func TestLowerIsBetterWording(t *testing.T) {
	b := sitetest.Build(t, "",
		sitetest.Append("data/indicators.toml", `
[[indicator]]
key = "ho-so-tre-han"
name = "Hồ sơ giải quyết trễ hạn"
short = "Hồ sơ trễ hạn"
counts = "hồ sơ"
definition = "Tỷ lệ hồ sơ giải quyết quá hạn."
higher_is_better = false

  [[indicator.target]]
  value = 10
  from = 2024-01-01
  to = 2024-12-31
  basis = "nq-02-2024"
`),
		sitetest.Append(april, `
[[result]]
indicator = "ho-so-tre-han"
whole = 8
levels = { tinh = 5, huyen = 9, xa = 12 }
`),
		sitetest.Append("data/periods/2024-05.toml", `
[[result]]
indicator = "ho-so-tre-han"
whole = 12.5
levels = { tinh = 6, huyen = 14, xa = 15 }
`))
	b.AssertClean()
	// April: 8% against at most 10%: met. May: 12,5%: not met.
	b.AssertFile("bai-viet/2024-04/index.html", "8%", "(tỷ lệ tối đa 10%)")
	b.AssertNotContains("bai-viet/2024-04/index.html", "không được vượt quá", "phải đạt tỷ lệ 10%")
	b.AssertFile("bai-viet/2024-05/index.html", "12,5%", "(không được vượt quá 10%)")
	b.AssertNotContains("bai-viet/2024-05/index.html", "tỷ lệ tối đa", "phải đạt tỷ lệ 10%")
	// The verdict in the data, wording aside: met in April, not in May.
	recs := readCSV(t, []byte(b.File("du-lieu/ket-qua.csv")))
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	met := map[string]string{}
	for _, r := range recs[1:] {
		if r[col["indicator"]] == "ho-so-tre-han" && r[col["level"]] == "" && r[col["unit"]] == "" {
			met[r[col["period"]]] = r[col["met"]]
		}
	}
	if met["2024-04"] != "true" || met["2024-05"] != "false" {
		t.Errorf("met: %v, want 2024-04 true, 2024-05 false", met)
	}
	// The higher-is-better indicators keep their wording beside it.
	b.AssertFile("bai-viet/2024-04/index.html", "(tỷ lệ 50%)", "(phải đạt tỷ lệ 100%)")
	b.AssertFile("chi-tieu/ho-so-tre-han/index.html", "Tỷ lệ càng thấp càng tốt.")
	b.AssertNotContains("chi-tieu/ho-so-tre-han/index.html", "Tỷ lệ càng cao càng tốt.")
}

// TestIllustrativeSaysSo: a period marked illustrative says so on its article; an
// official one does not.
func TestIllustrativeSaysSo(t *testing.T) {
	const note = "không phải số liệu chính thức"
	b := sitetest.Build(t, "", sitetest.Set("data/periods/2024-05.toml", "illustrative", "true"))
	b.AssertClean()
	b.AssertFile("bai-viet/2024-05/index.html", note)
	b.AssertNotContains("bai-viet/2024-04/index.html", note)
}

// TestUnitsAreOptional: without data/units.toml there is no unit page and no "Đơn vị" in
// the menu; with one unit, its page is there.
func TestUnitsAreOptional(t *testing.T) {
	none := sitetest.Build(t, "")
	none.AssertClean()
	none.AssertNoFile("don-vi/index.html")
	none.AssertNotContains("index.html", `href="/chi-so/don-vi/"`)

	one := sitetest.Build(t, `
-- data/units.toml --
[[unit]]
code = "so-tu-phap"
name = "Sở Tư pháp"
level = "tinh"
`)
	one.AssertClean()
	one.AssertFile("index.html", `href="/chi-so/don-vi/"`)
	one.AssertFile("don-vi/so-tu-phap/index.html", "Sở Tư pháp")
}
