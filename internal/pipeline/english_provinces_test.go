package pipeline_test

import (
	"encoding/json"
	"strings"
	"testing"

	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// checkEnglishTwin: the Vietnamese page at path vi (a folder, "so-sanh/2025-12/") has
// an English twin at en/+vi in English (lang, no Vietnamese UI word or letter in its
// main text outside lang="vi"), the two name each other by hreflang and language
// switch, and the twin is in the sitemap and in the English search index (searchable,
// true for a kind the index lists).
func checkEnglishTwin(t *testing.T, files publish.Files, vi string, searchable bool) {
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
		} else if l := vietnameseLetter.FindString(text); l != "" {
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
	checkEnglishTwin(t, files, pipeline.ComparisonDir, true)
	for _, c := range cs {
		checkEnglishTwin(t, files, pipeline.ComparisonPath(c), true)
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
