package pipeline_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"chiso/internal/pipeline"
)

// alternates reads a page's <html lang> and its <link rel="alternate" hreflang> links.
func alternates(t *testing.T, src []byte) (lang string, alt map[string]string, switchTo string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	alt = map[string]string{}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.Data == "html":
			lang = attr(n, "lang")
		case n.Data == "link" && attr(n, "rel") == "alternate" && attr(n, "hreflang") != "":
			alt[attr(n, "hreflang")] = strings.TrimPrefix(attr(n, "href"), "https://binhdinh.gov.vn"+base)
		case n.Data == "p" && attr(n, "class") == "lang-switch":
			walk(n, func(a *html.Node) {
				if a.Type == html.ElementNode && a.Data == "a" {
					switchTo = strings.TrimPrefix(attr(a, "href"), base)
				}
			})
		}
	})
	return lang, alt, switchTo
}

// TestEnglishEdition: every article has an English twin under en/ with lang="en"; twins
// name each other with hreflang (vi, en, x-default = vi) and link each other from the
// language switch; a Vietnamese page without a twin switches to the English home.
func TestEnglishEdition(t *testing.T) {
	files, site := sample(t)
	for _, r := range site.Reports {
		vi := "bai-viet/" + r.Period.Key() + "/"
		if _, ok := files[pageOf("en/"+vi)]; !ok {
			t.Errorf("no English article for %s", r.Period.Key())
		}
	}
	twins := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, "index.html") || strings.HasPrefix(p, pipeline.EmbedDir) {
			continue
		}
		lang, alt, sw := alternates(t, files[p])
		if lang == "" { // fragments, redirects
			continue
		}
		if !strings.HasPrefix(p, pipeline.EnglishDir) {
			if len(alt) == 0 {
				if sw != pipeline.EnglishDir {
					t.Errorf("%s: no twin, switch to %q, want the English home", p, sw)
				}
				continue
			}
		}
		twins++
		self := strings.TrimSuffix(p, "index.html")
		viPath := strings.TrimPrefix(self, pipeline.EnglishDir)
		want := map[string]string{"vi": viPath, "en": pipeline.EnglishDir + viPath, "x-default": viPath}
		for k, v := range want {
			if alt[k] != v {
				t.Errorf("%s: hreflang %s → %q, want %q", p, k, alt[k], v)
			}
		}
		other := want["en"]
		if lang == "en" {
			other = viPath
		}
		if sw != other {
			t.Errorf("%s (lang %s): language switch → %q, want %q", p, lang, sw, other)
		}
		if _, ok := files[pageOf(other)]; !ok {
			t.Errorf("%s: twin %s is not built", p, other)
		}
	}
	if twins < 2*len(site.Reports) {
		t.Errorf("only %d pages with a twin for %d reports", twins, len(site.Reports))
	}
}

// TestEnglishFeedsAndSitemap: en/rss.xml and en/atom.xml list every English article and
// nothing else; the sitemap lists every English page; the search index (Vietnamese) none.
func TestEnglishFeedsAndSitemap(t *testing.T) {
	files, site := sample(t)
	var rss struct {
		Channel struct {
			Language string `xml:"language"`
			Items    []struct {
				Link string `xml:"link"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(files[pipeline.EnglishRSS], &rss); err != nil {
		t.Fatal(err)
	}
	if rss.Channel.Language != "en" || len(rss.Channel.Items) != len(site.Reports) {
		t.Errorf("en/rss.xml: language %q, %d items for %d reports", rss.Channel.Language, len(rss.Channel.Items), len(site.Reports))
	}
	for _, it := range rss.Channel.Items {
		if !strings.HasPrefix(it.Link, "https://binhdinh.gov.vn"+base+pipeline.EnglishDir+"bai-viet/") {
			t.Errorf("en/rss.xml links to %s", it.Link)
		}
	}
	if !bytes.Contains(files[pipeline.EnglishAtom], []byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`)) &&
		!bytes.Contains(files[pipeline.EnglishAtom], []byte(`xml:lang="en"`)) {
		t.Errorf("en/atom.xml is not an English feed")
	}
	sitemap := string(files[pipeline.SitemapFile])
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, pipeline.EnglishDir) && strings.HasSuffix(p, "index.html") {
			loc := "<loc>https://binhdinh.gov.vn" + base + strings.TrimSuffix(p, "index.html") + "</loc>"
			if !strings.Contains(sitemap, loc) {
				t.Errorf("sitemap lacks %s", loc)
			}
		}
	}
	if bytes.Contains(files[pipeline.SearchIndex], []byte(`"`+pipeline.EnglishDir)) {
		t.Errorf("the Vietnamese search index lists English pages")
	}
}

// TestEnglishContentPages: a page with content/en/NAME.md shows its English text; one
// without says it is in Vietnamese and links to it.
func TestEnglishContentPages(t *testing.T) {
	files, _ := sample(t)
	has := func(p string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !bytes.Contains(files[p], []byte(w)) {
				t.Errorf("%s lacks %q", p, w)
			}
		}
	}
	has("en/gioi-thieu/index.html", "<h1>About</h1>", "Index of Service to Citizens and Businesses")
	has("en/phuong-phap-tinh/index.html", `This page is available in Vietnamese only: <a href="/chi-so/phuong-phap-tinh/" hreflang="vi" lang="vi">`)
}
