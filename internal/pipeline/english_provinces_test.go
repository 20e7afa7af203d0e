package pipeline_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"chiso/internal/pipeline"
	"chiso/internal/publish"
	"chiso/internal/sitetest"
)

// checkEnglishTwin: the Vietnamese page at path vi (a folder, "so-sanh/2025-12/") has
// an English twin at en/+vi in English (lang, no Vietnamese UI word or letter in its
// main text outside lang="vi"), the two name each other by hreflang and language
// switch, and the twin is in the sitemap and in the English search index (searchable,
// true for a kind the index lists). letters: no Vietnamese letter either, on a site
// whose data have their English names (name_en); a test site may have Vietnamese ones.
func checkEnglishTwin(t *testing.T, files publish.Files, vi string, searchable, letters bool) {
	t.Helper()
	en := pipeline.EnglishDir + vi
	src, ok := files[en+"index.html"]
	if !ok {
		t.Errorf("%s has no English twin %s", vi, en)
		return
	}
	lang, alt, sw := alternates(t, src)
	if lang != "en" || sw != vi || alt["en"] != en || alt["vi"] != vi || alt["x-default"] != vi {
		t.Errorf("%s: lang %q, switch %q, hreflang %v", en, lang, sw, alt)
	}
	if _, _, viSwitch := alternates(t, files[vi+"index.html"]); viSwitch != en {
		t.Errorf("%s: language switch → %q, want its twin %s", vi, viSwitch, en)
	}
	for _, text := range englishMainText(t, src) {
		if w := vietnameseUI.FindString(text); w != "" {
			t.Errorf("%s: Vietnamese %q in %q", en, w, text)
		} else if l := vietnameseLetter.FindString(text); l != "" && letters {
			t.Errorf("%s: Vietnamese letter %q in %q", en, l, text)
		}
	}
	if !strings.Contains(string(files[pipeline.SitemapFile]), "<loc>https://binhdinh.gov.vn"+base+en+"</loc>") {
		t.Errorf("the sitemap lacks %s", en)
	}
	if searchable && !inEnglishSearch(t, files, en) {
		t.Errorf("the English search index lacks %s", en)
	}
}

// inEnglishSearch says the English search index lists the page at path.
func inEnglishSearch(t *testing.T, files publish.Files, path string) bool {
	t.Helper()
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, pipeline.EnglishDir+pipeline.SearchDir+"p/") {
			continue
		}
		var pg struct{ U string }
		if err := json.Unmarshal(files[p], &pg); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if pg.U == path {
			return true
		}
	}
	return false
}

// TestEnglishComparisons: the list of comparisons and each period's comparison have
// English twins, the provinces under their English names (the national table's by
// rule and glossary), with English charts whose embed page and CSV are the English
// edition's.
func TestEnglishComparisons(t *testing.T) {
	files, site := sample(t)
	cs := site.Comparisons()
	if len(cs) == 0 {
		t.Fatal("the sample has no comparison: the test checks nothing")
	}
	checkEnglishTwin(t, files, pipeline.ComparisonDir, true, true)
	for _, c := range cs {
		checkEnglishTwin(t, files, pipeline.ComparisonPath(c), true, true)
	}
	page := string(files["en/so-sanh/2025-12/index.html"])
	for _, want := range []string{"<h1>Provinces compared, December 2025</h1>", "<th scope=\"row\">Hanoi</th>", "Ho Chi Minh City",
		"Da Nang City", "Dak Lak Province", `<a href="/chi-so/en/bai-viet/2025-12/">Gia Lai Province</a> <span class="muted">(this site)</span>`,
		`href="/chi-so/en/nhung/so-sanh-2025-12-diem/"`, `href="/chi-so/en/du-lieu/bieu-do/so-sanh-2025-12-diem.csv"`} {
		if !strings.Contains(page, want) {
			t.Errorf("en/so-sanh/2025-12/ lacks %q", want)
		}
	}
	embed := string(files["en/nhung/so-sanh-2025-12-diem/index.html"])
	if !strings.Contains(embed, `lang="en"`) || !strings.Contains(embed, "Hanoi") {
		t.Errorf("en/nhung/so-sanh-2025-12-diem/ is not the English chart")
	}
	csv := string(files["en/du-lieu/bieu-do/so-sanh-2025-12-diem.csv"])
	if !strings.Contains(csv, "Province or city") || !strings.Contains(csv, "Ho Chi Minh City") {
		t.Errorf("en/du-lieu/bieu-do/so-sanh-2025-12-diem.csv: %.200s", csv)
	}
}

// TestEnglishEntities: every page of another province (its page, articles, ranking, unit
// scores, units) has an English twin under en/tinh/, in English, the province under its
// English name by rule; the English comparison links to them, and every page of the
// site resolves its links.
func TestEnglishEntities(t *testing.T) {
	// The units' English names (name_en); the provinces have none: theirs are by rule.
	b := entityUnitsSite(t,
		sitetest.Replace("data/units.toml", `name = "Sở Tư pháp tỉnh Gia Lai"`, `name = "Sở Tư pháp tỉnh Gia Lai"`+"\nname_en = \"Department of Justice of Gia Lai\""),
		sitetest.Replace("data/units.toml", `name = "Sở Tư pháp tỉnh Quảng Ngãi"`, `name = "Sở Tư pháp tỉnh Quảng Ngãi"`+"\nname_en = \"Department of Justice of Quang Ngai\""),
		sitetest.Replace("data/units.toml", `name = "huyện Bình Sơn"`, `name = "huyện Bình Sơn"`+"\nname_en = \"Binh Son District\""))
	vi := 0
	for _, p := range b.Files.Paths() {
		if !strings.HasPrefix(p, "tinh/") || !strings.HasSuffix(p, "/index.html") {
			continue
		}
		vi++
		// The provinces' names are English by rule; the minimal site's indicators and levels
		// have no name_en: UI words only.
		// Unit scores are not searched in either edition.
		checkEnglishTwin(t, b.Files, strings.TrimSuffix(p, "index.html"), !strings.Contains(p, "/diem-don-vi/"), false)
		if l := vietnameseLetter.FindString(titleOf(b.Files[pipeline.EnglishDir+p])); l != "" && !strings.Contains(p, "/bai-viet/") {
			t.Errorf("en/%s: Vietnamese letter %q in its title", p, l)
		}
	}
	if vi < 8 {
		t.Errorf("only %d pages under tinh/: the test checks little", vi)
	}
	b.AssertFile("en/tinh/quang-ngai/index.html", "<h1>Quang Ngai Province</h1>", "Place among the provinces",
		`<a href="/chi-so/en/tinh/quang-ngai/don-vi/qn-so-tu-phap/">Department of Justice of Quang Ngai</a>`,
		`<a href="/chi-so/en/tinh/quang-ngai/bai-viet/2024-05/">May 2024</a>`)
	b.AssertFile("en/tinh/quang-ngai/bai-viet/2024-05/index.html", "<title>Quang Ngai Province: ", `href="/chi-so/en/tinh/quang-ngai/bai-viet/2024-05/xep-hang/"`,
		`href="/chi-so/en/so-sanh/2024-05/"`)
	b.AssertFile("en/tinh/quang-ngai/bai-viet/2024-05/xep-hang/index.html", "<title>Quang Ngai Province: Ranking of units, May 2024",
		`href="/chi-so/en/tinh/quang-ngai/don-vi/qn-binh-son/"`)
	b.AssertFile("en/tinh/quang-ngai/don-vi/qn-binh-son/index.html", "<title>Quang Ngai Province: Binh Son District")
	b.AssertFile("en/so-sanh/2024-05/index.html", `<a href="/chi-so/en/tinh/quang-ngai/bai-viet/2024-05/">Quang Ngai Province</a>`,
		`<a href="/chi-so/en/tinh/dak-lak/bai-viet/2024-05/">Dak Lak Province</a>`)
	b.AssertFile("en/so-sanh/index.html", `<a href="/chi-so/en/tinh/quang-ngai/">Quang Ngai Province</a>`)
	for _, p := range b.Files.Paths() {
		if strings.HasPrefix(p, pipeline.EnglishDir) && strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			t.Run(p, func(t *testing.T) { sweepPage(t, b.Files, p) })
		}
	}
}

// titleOf is a page's <title>, without the site's title after it.
func titleOf(src []byte) string {
	s := string(src)
	i, j := strings.Index(s, "<title>"), strings.Index(s, "</title>")
	if i < 0 || j < i {
		return ""
	}
	title, _, _ := strings.Cut(s[i+len("<title>"):j], " – ")
	return title
}

// TestEnglishChartDataLinks: under every English chart, "all data" opens the English
// data page (en/du-lieu/), not the Vietnamese one; the Vietnamese charts keep theirs.
func TestEnglishChartDataLinks(t *testing.T) {
	files, _ := sample(t)
	downloads := regexp.MustCompile(`<p class="chart-downloads">.*?</p>`)
	charts := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		want, wrong := `href="`+base+`du-lieu/"`, `href="`+base+pipeline.EnglishDir+`du-lieu/"`
		if strings.HasPrefix(p, pipeline.EnglishDir) {
			want, wrong = wrong, want
		}
		for _, m := range downloads.FindAllString(string(files[p]), -1) {
			charts++
			if !strings.Contains(m, want) || strings.Contains(m, wrong) {
				t.Errorf("%s: %s, want a link %s", p, m, want)
			}
		}
	}
	if charts < 100 {
		t.Errorf("only %d charts' downloads checked", charts)
	}
}

// TestEntityRankingCut: where the open data hold several provinces' rows, every filter a
// page gives for them (the article's, and a cut ranking's for the units it leaves out)
// names the page's province, in both editions; another province's article offers no
// HTML excerpt (only the site's own have one), never the site's own of the same period.
func TestEntityRankingCut(t *testing.T) {
	// Quảng Ngãi's 30 communes in May 2024: more than a ranking table prints.
	var units, rows strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&units, "\n[[unit]]\ncode = \"qn-xa-%02d\"\nname = \"xã số %d\"\nname_en = \"Commune %d\"\nlevel = \"xa\"\nentity = \"quang-ngai\"\n", i, i, i)
		if i > 1 {
			rows.WriteString(", ")
		}
		den := 33 // 30 units: 900/1000, the level's counts
		if i <= 10 {
			den = 34
		}
		fmt.Fprintf(&rows, "{ unit = \"qn-xa-%02d\", numerator = %d, denominator = %d }", i, 29+i%3, den)
	}
	b := sitetest.Build(t, provinces, sitetest.Append("data/units.toml", units.String()),
		sitetest.Replace("data/periods/quang-ngai/2024-05.toml", "denominators = { tinh = 500, huyen = 500, xa = 1000 }",
			"denominators = { tinh = 500, huyen = 500, xa = 1000 }\nunits = ["+rows.String()+"]"))
	if b.Err != nil {
		t.Fatalf("%v\n%s", b.Err, b.Diags)
	}
	ranking := "tinh/quang-ngai/bai-viet/2024-05/xep-hang/index.html"
	b.AssertFile(ranking, "10 đơn vị khác", "<code>indicator</code> là <code>ho-so-truc-tuyen</code> và <code>entity</code> là <code>quang-ngai</code>")
	b.AssertFile("en/"+ranking, "<code>indicator</code> is <code>ho-so-truc-tuyen</code> and <code>entity</code> is <code>quang-ngai</code>")
	article := "tinh/quang-ngai/bai-viet/2024-05/index.html"
	b.AssertFile(article, "<code>period</code> là <code>2024-05</code> và <code>entity</code> là <code>quang-ngai</code>")
	b.AssertFile("en/"+article, "<code>period</code> is <code>2024-05</code> and <code>entity</code> is <code>quang-ngai</code>")
	b.AssertNotContains(article, "doan-trich.html")
	own := "bai-viet/2024-05/index.html"
	b.AssertFile(own, "<code>period</code> là <code>2024-05</code> và <code>entity</code> là <code>binh-dinh</code>", `href="/chi-so/bai-viet/2024-05/doan-trich.html"`)
}

// TestEntityUnitsWithoutPages: a unit of a province without reports of its own has no
// page: the pages that name it (its successor's) name it in plain text, in both
// editions, and every page of the site resolves its links.
func TestEntityUnitsWithoutPages(t *testing.T) {
	b := entityUnitsSite(t, sitetest.Append("data/entities.toml", `
[[entity]]
key = "kon-tum"
name = "tỉnh Kon Tum"
short = "tỉnh"
to = 2025-06-30
`), sitetest.Append("data/units.toml", `
[[unit]]
code = "kt-so-tu-phap"
name = "Sở Tư pháp tỉnh Kon Tum"
name_en = "Kon Tum Department of Justice"
level = "tinh"
entity = "kon-tum"
to = 2025-06-30
successor = "so-tu-phap"
`))
	b.AssertFile("don-vi/so-tu-phap/index.html", "Sở Tư pháp tỉnh Kon Tum", `href="/chi-so/tinh/gia-lai-cu/don-vi/gl-so-tu-phap/"`)
	b.AssertFile("en/don-vi/so-tu-phap/index.html", "Kon Tum Department of Justice", `href="/chi-so/en/tinh/gia-lai-cu/don-vi/gl-so-tu-phap/"`)
	b.AssertNoFile("tinh/kon-tum/don-vi/kt-so-tu-phap/index.html")
	for _, p := range []string{"don-vi/so-tu-phap/index.html", "en/don-vi/so-tu-phap/index.html"} {
		b.AssertNotContains(p, "kt-so-tu-phap")
	}
	for _, p := range b.Files.Paths() {
		if strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			t.Run(p, func(t *testing.T) { sweepPage(t, b.Files, p) })
		}
	}
}

// TestComparisonScoreAxis: the comparison's score chart starts its axis near the lowest
// score (the sample's 68.9 → 60), not at 0, says so in its description, and names its
// unit under the axis; its rate charts keep 0–100.
func TestComparisonScoreAxis(t *testing.T) {
	files, _ := sample(t)
	for page, desc := range map[string]string{
		"so-sanh/2025-12/index.html":    "Trục điểm bắt đầu từ 60 để thấy rõ chênh lệch.",
		"en/so-sanh/2025-12/index.html": "The score axis starts at 60 so that differences show.",
	} {
		src := string(files[page])
		i := strings.Index(src, `id="so-sanh-2025-12-diem-option">`)
		if i < 0 {
			t.Fatalf("%s: no score chart", page)
		}
		option := src[i : i+strings.Index(src[i:], "</script>")]
		for _, want := range []string{`"nameLocation":"middle"`, `"min":60`, `"max":100`} {
			if !strings.Contains(option, want) {
				t.Errorf("%s: the score chart's option lacks %s", page, want)
			}
		}
		if !strings.Contains(src, desc) {
			t.Errorf("%s: the description does not say %q", page, desc)
		}
	}
}
