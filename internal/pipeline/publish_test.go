package pipeline_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"chiso/internal/pipeline"
	"chiso/internal/publish"
)

// samplePublishing builds the sample site with a [publish] table added to its config.toml.
func samplePublishing(t *testing.T, table string) publish.Files {
	t.Helper()
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return buildSample(t, withFiles(map[string]string{"config.toml": string(cfg) + "\n[publish]\n" + table + "\n"}))
}

// englishDropped is a page english = "articles" makes no English twin of: a unit's page, a
// period's ranking or unit scores (model.Publish.VietnameseOnly).
var englishDropped = regexp.MustCompile(`^en/(tinh/[^/]+/)?(don-vi/[^/]+/|bai-viet/[^/]+/(xep-hang|diem-don-vi)/)`)

// TestPublishEnglishArticles: with [publish] english = "articles" the English edition has
// no twin of the unit, ranking and unit-score pages, and keeps every other page; every
// link of the site still resolves, an English link to a Vietnamese page says so
// (hreflang="vi"), the Vietnamese pages switch to the nearest English page, the sitemap
// and the English search index name only pages that exist, and the server rules send the
// old English addresses to the Vietnamese pages.
func TestPublishEnglishArticles(t *testing.T) {
	full, _ := sample(t)
	lean := samplePublishing(t, `english = "articles"`)
	dropped := 0
	for _, p := range full.Paths() {
		_, ok := lean[p]
		switch {
		case englishDropped.MatchString(p) && strings.HasSuffix(p, "/index.html"):
			dropped++
			if ok {
				t.Errorf("%s is still made", p)
			}
		case strings.HasPrefix(p, pipeline.EnglishDir+"nhung/"): // the embeds of the dropped pages' charts go with them
		case strings.HasSuffix(p, ".html") && !ok:
			t.Errorf("%s is missing", p)
		}
	}
	if dropped < 20 {
		t.Fatalf("only %d English pages dropped", dropped)
	}
	for _, must := range []string{"en/index.html", "en/bai-viet/2025-01/index.html", "en/don-vi/index.html", "en/chi-tieu/index.html",
		"en/luu-tru/index.html", "en/du-lieu/index.html", "en/tim-kiem/index.html", "en/dinh-chinh/index.html", "en/rss.xml",
		"don-vi/bd-so-tu-phap/index.html", "bai-viet/2025-01/xep-hang/index.html"} {
		if _, ok := lean[must]; !ok {
			t.Errorf("missing %s", must)
		}
	}
	if len(lean) >= len(full) {
		t.Errorf("%d files, the full site %d", len(lean), len(full))
	}

	// Every page's links, the language switch among them, resolve.
	for _, p := range lean.Paths() {
		if !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			continue
		}
		t.Run(p, func(t *testing.T) { sweepPage(t, lean, p) })
		if !strings.HasPrefix(p, pipeline.EnglishDir) {
			continue
		}
		// An English page's link to a Vietnamese page without twin is marked hreflang="vi".
		doc, err := html.Parse(bytes.NewReader(lean[p]))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode || n.Data != "a" {
				return
			}
			href := strings.TrimPrefix(attr(n, "href"), base)
			if englishDropped.MatchString(pipeline.EnglishDir + href) {
				if attr(n, "hreflang") != "vi" {
					t.Errorf("%s links %s without hreflang=\"vi\"", p, href)
				}
			}
		})
	}

	// A Vietnamese page without twin has no alternates and switches to the nearest English page.
	for page, want := range map[string]string{
		"bai-viet/2025-01/xep-hang/index.html": "en/bai-viet/2025-01/",
		"don-vi/bd-so-tu-phap/index.html":      "en/don-vi/",
		"bai-viet/2025-01/index.html":          "en/bai-viet/2025-01/",
	} {
		_, alt, switchTo := alternates(t, lean[page])
		if switchTo != want {
			t.Errorf("%s switches to %q, want %q", page, switchTo, want)
		}
		if strings.Contains(page, "xep-hang") || strings.Contains(page, "don-vi") {
			if len(alt) > 0 {
				t.Errorf("%s has alternates %v", page, alt)
			}
		}
	}
	if !bytes.Contains(lean["en/bai-viet/2025-01/index.html"], []byte(`href="/chi-so/bai-viet/2025-01/xep-hang/" hreflang="vi"`)) {
		t.Errorf("the English article does not link the Vietnamese ranking")
	}

	// The sitemap names pages that exist, and alternates only between twins that exist.
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Href string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(lean[pipeline.SitemapFile], &sm); err != nil {
		t.Fatal(err)
	}
	root := "https://binhdinh.gov.vn" + base
	exists := func(u string) bool {
		p := strings.TrimPrefix(u, root)
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		_, ok := lean[path.Clean(p)]
		return ok
	}
	for _, u := range sm.URLs {
		if !exists(u.Loc) {
			t.Errorf("the sitemap names %s", u.Loc)
		}
		for _, l := range u.Links {
			if !exists(l.Href) {
				t.Errorf("the sitemap's %s names %s", u.Loc, l.Href)
			}
		}
	}

	// The English search index holds English pages that exist.
	found := 0
	for _, p := range lean.Paths() {
		if !strings.HasPrefix(p, pipeline.EnglishDir+pipeline.SearchDir+"p/") {
			continue
		}
		var entries []struct {
			U string `json:"u"`
		}
		if err := json.Unmarshal(lean[p], &entries); err != nil {
			var one struct {
				U string `json:"u"`
			}
			if err := json.Unmarshal(lean[p], &one); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			entries = append(entries, one)
		}
		for _, e := range entries {
			found++
			if !strings.HasPrefix(e.U, pipeline.EnglishDir) || !exists(root+e.U) {
				t.Errorf("%s: the English search finds %s", p, e.U)
			}
		}
	}
	if found == 0 {
		t.Errorf("no English search entries read")
	}

	// The old English addresses go to the Vietnamese pages.
	if !bytes.Contains(lean["_redirects"], []byte("/chi-so/en/don-vi/bd-so-tu-phap/ /chi-so/don-vi/bd-so-tu-phap/ 301")) {
		t.Errorf("_redirects does not send en/don-vi/bd-so-tu-phap/ on:\n%.500s", lean["_redirects"])
	}
}

// TestPublishShareCards: with [publish] share_cards = "articles" only the articles and the
// quarter and year summaries (both editions) have a card of their own; every other page's
// og:image and twitter:image is a card that exists (the site's).
func TestPublishShareCards(t *testing.T) {
	full, _ := sample(t)
	lean := samplePublishing(t, `share_cards = "articles"`)
	own := regexp.MustCompile(`^(en/)?(bai-viet/[^/]+|tong-hop/[^/]+)/` + pipeline.ShareCardName + `$`)
	kept, dropped := 0, 0
	for _, p := range full.Paths() {
		if path.Base(p) != pipeline.ShareCardName {
			continue
		}
		_, ok := lean[p]
		switch {
		case own.MatchString(p):
			kept++
			if !ok {
				t.Errorf("%s is missing", p)
			}
		default:
			dropped++
			if ok {
				t.Errorf("%s is still drawn", p)
			}
		}
	}
	if kept < 20 || dropped < 20 {
		t.Errorf("%d cards kept, %d dropped", kept, dropped)
	}
	checkCards(t, lean)
	if !bytes.Contains(lean["don-vi/bd-so-tu-phap/index.html"], []byte(`<meta property="og:image" content="https://binhdinh.gov.vn/chi-so/`+pipeline.ShareImage+`">`)) {
		t.Errorf("a unit's page does not show the site's card")
	}
}

// checkCards asserts every page's og:image and twitter:image is a file of the site.
func checkCards(t *testing.T, files publish.Files) {
	t.Helper()
	root := "https://binhdinh.gov.vn" + base
	meta := regexp.MustCompile(`<meta (?:property="og:image"|name="twitter:image") content="([^"]*)">`)
	pages := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range meta.FindAllSubmatch(files[p], -1) {
			pages++
			img := strings.TrimPrefix(string(m[1]), root)
			if _, ok := files[img]; !ok {
				t.Errorf("%s shows the card %s, which is not made", p, m[1])
			}
		}
	}
	if pages < 100 {
		t.Errorf("only %d og:image and twitter:image read", pages)
	}
}

// TestPublishNoEmbeds: with [publish] embeds = false no nhung/ page is made, in either
// edition, and no chart links or offers one; the charts' CSVs stay.
func TestPublishNoEmbeds(t *testing.T) {
	full, _ := sample(t)
	lean := samplePublishing(t, `embeds = false`)
	embeds, csvs := 0, 0
	for _, p := range full.Paths() {
		_, ok := lean[p]
		switch {
		case strings.HasPrefix(p, pipeline.EmbedDir), strings.HasPrefix(p, pipeline.EnglishDir+pipeline.EmbedDir):
			embeds++
			if ok {
				t.Errorf("%s is still made", p)
			}
		case strings.HasSuffix(p, ".csv"), strings.HasSuffix(p, ".html"):
			csvs++
			if !ok {
				t.Errorf("%s is missing", p)
			}
		}
	}
	if embeds < 20 || csvs < 20 {
		t.Fatalf("%d embeds, %d CSV and pages in the full site", embeds, csvs)
	}
	for _, p := range lean.Paths() {
		if bytes.Contains(lean[p], []byte("/"+pipeline.EmbedDir)) || bytes.Contains(lean[p], []byte("<iframe")) {
			t.Errorf("%s names an embed", p)
		}
	}
}

// TestPublishAllLean: the three choices together leave a site whose every link, card and
// language switch resolves.
func TestPublishAllLean(t *testing.T) {
	lean := samplePublishing(t, "english = \"articles\"\nshare_cards = \"articles\"\nembeds = false")
	for _, p := range lean.Paths() {
		if strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			t.Run(p, func(t *testing.T) { sweepPage(t, lean, p) })
		}
	}
	checkCards(t, lean)
}
