package pipeline_test

import (
	"bytes"
	"encoding/json"
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
	has("en/phuong-phap-tinh/index.html", "<h1>Method</h1>", "The whole-province rate is a pooled rate")
	// Every page of the sample is translated: one more page without content/en/.
	files = buildSample(t, withFiles(map[string]string{"content/huong-dan.md": "+++\ntitle = \"Hướng dẫn\"\nsummary = \"Cách đọc trang.\"\n+++\n\nNội dung.\n"}))
	has("en/huong-dan/index.html", `This page is available in Vietnamese only: <a href="/chi-so/huong-dan/" hreflang="vi" lang="vi">`)
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
			checkCSVInert(t, p, data)
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

// englishKinds are the page kinds whose English twins are built from the Vietnamese
// page's body (english.go): units, rankings, unit scores, targets, quarters, data and
// search; and the corrections log (english_corrections.go).
var englishKinds = regexp.MustCompile(`^(don-vi/([^/]+/)?|(.+/)?bai-viet/[^/]+/xep-hang/|bai-viet/[^/]+/diem-don-vi/|muc-tieu/[^/]+/|tong-hop/[^/]+/|du-lieu/|tim-kiem/|dinh-chinh/)index\.html$`)

// vietnameseUI are words of the layouts' Vietnamese that an English page must not show.
var vietnameseUI = regexp.MustCompile(`\b(Chỉ tiêu|chỉ tiêu|Đơn vị|đơn vị|Tháng|tháng|đạt|Đạt|Kỳ|kỳ|Tỷ lệ|tỷ lệ|Mục tiêu|mục tiêu|Xếp hạng|xếp hạng|hạng|Tổng hợp|Dữ liệu|dữ liệu|Tìm|Trang chủ|của|các|bảng|tệp|Nguồn|Điểm|Cả|trong|theo)\b`)

// vietnameseLetter is a letter English never uses: a Vietnamese word left untranslated.
var vietnameseLetter = regexp.MustCompile(`[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĂÂĐÊÔƠƯ]`)

// englishMainText is the text of a page's <main> outside elements marked lang="vi" (the
// Vietnamese chart an English page shows until it has its own), by element.
func englishMainText(t *testing.T, src []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var visit func(n *html.Node, in bool)
	visit = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || attr(n, "lang") == "vi" || attr(n, "hreflang") == "vi" {
				return
			}
			if n.Data == "main" {
				in = true
			}
		}
		if n.Type == html.TextNode && in && strings.TrimSpace(n.Data) != "" {
			out = append(out, strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, in)
		}
	}
	visit(doc, false)
	return out
}

// TestEnglishUnitRankingSummaryDataSearch: every unit page, the units' list, every
// period's ranking and unit scores, every year's targets, every quarter's and year's summary, the data page
// and the search page has an English twin at en/+path, in English (no Vietnamese UI word
// in its main text outside a part marked lang="vi"), whose language switch and hreflang name the
// Vietnamese page and back (the twin links themselves: TestEnglishEdition).
func TestEnglishUnitRankingSummaryDataSearch(t *testing.T) {
	files, site := sample(t)
	untranslated := map[string]bool{} // content pages without content/en/: the search page lists them by their title
	for _, pg := range site.Pages {
		if pg.English == nil {
			untranslated[pg.Title] = true
		}
	}
	kinds := map[string]int{}
	for _, p := range files.Paths() {
		m := englishKinds.FindStringSubmatch(p)
		if m == nil || strings.HasPrefix(p, pipeline.EnglishDir) {
			continue
		}
		kind := strings.SplitN(p, "/", 2)[0]
		if strings.Contains(p, "/xep-hang/") {
			kind = "xep-hang"
		}
		if strings.Contains(p, "/diem-don-vi/") {
			kind = "diem-don-vi"
		}
		kinds[kind]++
		en := pipeline.EnglishDir + p
		src, ok := files[en]
		if !ok {
			t.Errorf("%s has no English twin %s", p, en)
			continue
		}
		lang, alt, sw := alternates(t, src)
		self := strings.TrimSuffix(p, "index.html")
		if lang != "en" || sw != self || alt["en"] != pipeline.EnglishDir+self || alt["vi"] != self {
			t.Errorf("%s: lang %q, switch %q, hreflang %v", en, lang, sw, alt)
		}
		if _, _, viSwitch := alternates(t, files[p]); viSwitch != pipeline.EnglishDir+self {
			t.Errorf("%s: language switch → %q, want its twin", p, viSwitch)
		}
		for _, text := range englishMainText(t, src) {
			if untranslated[text] {
				continue
			}
			if w := vietnameseUI.FindString(text); w != "" {
				t.Errorf("%s: Vietnamese %q in %q", en, w, text)
			} else if l := vietnameseLetter.FindString(text); l != "" {
				t.Errorf("%s: Vietnamese letter %q in %q", en, l, text)
			}
		}
	}
	for _, k := range []string{"don-vi", "xep-hang", "diem-don-vi", "muc-tieu", "tong-hop", "du-lieu", "tim-kiem", "dinh-chinh"} {
		if kinds[k] == 0 {
			t.Errorf("the sample has no %s page: the test checks nothing for it (%v)", k, kinds)
		}
	}
	// The English unit page is in English from the data: name_en, dates, periods, numbers.
	unit := string(files["en/don-vi/bd-so-tu-phap/index.html"])
	for _, want := range []string{"<h1>Department of Justice (until 30 June 2025)</h1>", "Latest period: <a href=\"/chi-so/en/bai-viet/2025-06/\">June 2025</a>",
		`<a href="/chi-so/en/don-vi/gl-so-tu-phap/">Department of Justice</a>`, `<a href="/chi-so/en/tim-kiem/">Search</a>`} {
		if !strings.Contains(unit, want) {
			t.Errorf("en/don-vi/bd-so-tu-phap/ lacks %q", want)
		}
	}
	if !regexp.MustCompile(`<td class="num">\d+\.\d%<br><span class="muted">rank \d/\d</span>`).MatchString(unit) {
		t.Errorf("en/don-vi/bd-so-tu-phap/: no rate written the English way (94.5%%, rank 4/6)")
	}
}

// TestEnglishFeedsOnDataPages: both data pages list the English feeds (news and
// corrections) with their sizes.
func TestEnglishFeedsOnDataPages(t *testing.T) {
	files, _ := sample(t)
	for _, p := range []string{"du-lieu/index.html", "en/du-lieu/index.html"} {
		for _, feed := range []string{pipeline.EnglishRSS, pipeline.EnglishAtom, pipeline.EnglishDir + pipeline.CorrectionsRSS, pipeline.EnglishDir + pipeline.CorrectionsAtom} {
			re := regexp.MustCompile(`<a href="/chi-so/` + regexp.QuoteMeta(feed) + `" type="application/(rss|atom)&#43;xml">(RSS|Atom)</a>&nbsp;<span class="muted">\([0-9.,]+ (KB|bytes?)\)</span>`)
			if !re.Match(files[p]) {
				t.Errorf("%s does not list %s with its size", p, feed)
			}
		}
	}
}

// TestEnglishSearch: the English search page reads its own index of English pages only
// (units, rankings, quarters included), with its kinds and messages in English.
func TestEnglishSearch(t *testing.T) {
	files, _ := sample(t)
	page := string(files["en/tim-kiem/index.html"])
	for _, want := range []string{`data-index="/chi-so/en/tim-kiem/index.json"`, `data-base="/chi-so/"`, `action="/chi-so/en/tim-kiem/"`,
		`data-msg-found="Found {n} pages with “{q}”"`, "<h3>Unit</h3>", "<h3>Ranking of units</h3>", "<h3>Quarter summary</h3>"} {
		if !strings.Contains(page, want) {
			t.Errorf("en/tim-kiem/ lacks %q", want)
		}
	}
	if _, ok := files[pipeline.EnglishDir+pipeline.SearchIndex]; !ok {
		t.Fatalf("no %s", pipeline.EnglishDir+pipeline.SearchIndex)
	}
	kinds := map[string]int{}
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, pipeline.EnglishDir+pipeline.SearchDir+"p/") {
			continue
		}
		var pg struct {
			U string `json:"u"`
		}
		if err := json.Unmarshal(files[p], &pg); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !strings.HasPrefix(pg.U, pipeline.EnglishDir) {
			t.Errorf("%s: the English index lists %q", p, pg.U)
		}
		kinds[strings.SplitN(strings.TrimPrefix(pg.U, pipeline.EnglishDir), "/", 2)[0]]++
	}
	if kinds["don-vi"] == 0 || kinds["tong-hop"] == 0 || kinds["bai-viet"] == 0 || kinds["chi-tieu"] == 0 {
		t.Errorf("English index pages by folder: %v", kinds)
	}
}

// TestSitemapAlternates: sitemap.xml names, for every page with a twin, both languages
// and x-default (the Vietnamese page) as xhtml:link; a page without one has none.
func TestSitemapAlternates(t *testing.T) {
	files, _ := sample(t)
	var doc struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Rel      string `xml:"rel,attr"`
				HrefLang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files[pipeline.SitemapFile], &doc); err != nil {
		t.Fatal(err)
	}
	root := "https://binhdinh.gov.vn" + base
	listed := map[string]bool{}
	for _, u := range doc.URLs {
		listed[strings.TrimPrefix(u.Loc, root)] = true
	}
	twins := 0
	for _, u := range doc.URLs {
		p := strings.TrimPrefix(u.Loc, root)
		vi := strings.TrimPrefix(p, pipeline.EnglishDir)
		got := map[string]string{}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", p, l.Rel)
			}
			got[l.HrefLang] = strings.TrimPrefix(l.Href, root)
		}
		if !listed[vi] || !listed[pipeline.EnglishDir+vi] {
			if len(got) > 0 {
				t.Errorf("%s has no twin but alternates %v", p, got)
			}
			continue
		}
		twins++
		want := map[string]string{"vi": vi, "en": pipeline.EnglishDir + vi, "x-default": vi}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(u.Links) != 3 {
			t.Errorf("%s: alternates %v, want %v", p, got, want)
		}
		// The page's own <link rel="alternate"> say the same.
		if _, alt, _ := alternates(t, files[pageOf(p)]); fmt.Sprint(alt) != fmt.Sprint(want) {
			t.Errorf("%s: sitemap %v, page %v", p, want, alt)
		}
	}
	if twins < 200 {
		t.Errorf("only %d sitemap entries with twins", twins)
	}
}
