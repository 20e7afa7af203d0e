package pipeline_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

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
		if !strings.HasSuffix(p, "index.html") || strings.HasPrefix(strings.TrimPrefix(p, pipeline.EnglishDir), pipeline.EmbedDir) { // embeds: noindex, no twins
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
		if strings.HasPrefix(p, pipeline.EnglishDir) && strings.HasSuffix(p, "index.html") && !strings.HasPrefix(p, pipeline.EnglishDir+pipeline.EmbedDir) { // embeds are noindex
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

// TestHostileEnglish: the English names (name_en, short_en, definition_en, title_en,
// index_name_en), the glossary and content/en/ are editors' text like any other: the
// English pages and feeds escape them in every context.
func TestHostileEnglish(t *testing.T) {
	m := poison(t, minimalSite(t))
	n := 0
	hostile := func() string {
		h := hostileText[n%len(hostileText)] + fmt.Sprint(" en", n)
		n++
		return strconv.Quote(h)
	}
	after := func(file, key string, add ...string) {
		re := regexp.MustCompile(`(?m)^(` + key + ` = "[^"\n]*")$`)
		src := re.ReplaceAllStringFunc(string(m[file].Data), func(line string) string {
			for _, k := range add {
				line += "\n" + k + " = " + hostile()
			}
			return line
		})
		m[file] = &fstest.MapFile{Data: []byte(src)}
	}
	after("config.toml", "title", "title_en", "index_name_en", "index_short_en")
	after("data/indicators.toml", "name", "name_en", "short_en", "counts_en", "definition_en")
	after("data/levels.toml", "name", "name_en")
	after("data/entities.toml", "name", "name_en", "short_en", "note_en")
	m["data/glossary.toml"] = &fstest.MapFile{Data: []byte("[[term]]\nvi = \"Văn phòng Chính phủ\"\nen = " + hostile() + "\n")}
	m["content/en/gioi-thieu.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = " + hostile() + "\n+++\n\n" +
		strings.Join(hostileText, "\n\n") + "\n\n[x](javascript:alert(1))\n")}
	files, probs, err := pipeline.Site(pipeline.Options{Source: m})
	if err != nil {
		t.Fatalf("the poisoned site did not build: %v\n%s", err, probs)
	}
	markup := regexp.MustCompile(`(?i)<script>alert|<img src=x|(href|src|action)="\s*javascript:`)
	pages := 0
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, pipeline.EnglishDir) {
			continue
		}
		data := files[p]
		if m := markup.Find(data); m != nil && !strings.HasSuffix(p, ".csv") { // a chart's CSV is data, checked below
			t.Errorf("%s: %q came out as markup", p, m)
		}
		switch {
		case strings.HasSuffix(p, ".csv"):
			recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Errorf("%s: %v", p, err)
			}
			for i, rec := range recs {
				for _, cell := range rec {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						if _, err := strconv.ParseFloat(cell, 64); err != nil {
							t.Errorf("%s row %d: %q would run as a formula", p, i+1, cell)
						}
					}
				}
			}
		case strings.HasSuffix(p, ".html"):
			pages++
			checkTree(t, p, data)
			if bytes.Contains(data, []byte("{{.Site")) && !bytes.Contains(data, []byte("{{.Site.Config}}")) {
				t.Errorf("%s: a template in the data was executed", p)
			}
		case strings.HasSuffix(p, ".xml"):
			for d := xml.NewDecoder(bytes.NewReader(data)); ; {
				if _, err := d.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s: not XML: %v", p, err)
					}
					break
				}
			}
		}
	}
	if pages < 8 || n < 10 {
		t.Errorf("only %d English pages checked, %d fields poisoned", pages, n)
	}
	if !bytes.Contains(files["en/gioi-thieu/index.html"], []byte("<p>' onmouseover='alert(1)</p>")) {
		t.Errorf("the English page's hostile text is not shown as text:\n%s", files["en/gioi-thieu/index.html"])
	}
}
