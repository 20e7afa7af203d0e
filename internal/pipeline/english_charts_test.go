package pipeline_test

import (
	"bytes"
	"encoding/json"
	"html"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"chiso/internal/pipeline"
	"chiso/internal/shareimage"
)

var (
	enFigure = regexp.MustCompile(`(?s)<figure class="chart" id="([a-z][a-z0-9-]*)">.*?</figure>`)
	enOption = regexp.MustCompile(`(?s)<script type="application/json" id="[a-z0-9-]+-option">(.*?)</script>`)
	// Vietnamese words the charts' UI and wording use; none may reach an English chart.
	viChartWords = []string{"Kỳ", "Mục tiêu", "Cả tỉnh", "Chỉ tiêu", "Tỷ lệ", "điểm", "Điểm", "Hạng", "tháng", "quý", "cấp",
		"Biểu đồ", "Số liệu", "Nhúng", "Mã nhúng", "bản nhúng", "toàn bộ", "Bảng", "Nguồn", "giấy phép", "tỉnh", "qua các kỳ"}
	// A Vietnamese decimal comma: 63,4% or 88,62 (an English thousands comma has three digits after it).
	viDecimal = regexp.MustCompile(`\d,\d{1,2}(\D|$)`)
	// A Vietnamese period on a chart axis: 4/2024.
	viPeriod = regexp.MustCompile(`(^|[^0-9/])\d{1,2}/20\d\d`)
)

// vietnameseIn lists what in s is Vietnamese: UI words, letters with Vietnamese marks, a
// decimal comma, a d/yyyy period.
func vietnameseIn(s string) []string {
	var out []string
	for _, w := range viChartWords {
		if strings.Contains(s, w) {
			out = append(out, w)
		}
	}
	for _, r := range s {
		if r >= 0xC0 && r <= 0x1EFF && !strings.ContainsRune("×", r) {
			out = append(out, string(r))
			break
		}
	}
	if m := viDecimal.FindString(s); m != "" {
		out = append(out, m)
	}
	if m := viPeriod.FindString(s); m != "" {
		out = append(out, m)
	}
	return out
}

// TestEnglishCharts: every English page that has a Vietnamese twin with charts shows
// the same charts (same ids), and every chart on an English page — caption, description,
// option JSON, fallback table, links — its embed page and its CSV under en/ are in English
// (no Vietnamese UI word, mark, decimal comma or d/yyyy period; the sample's names all
// have name_en). The Vietnamese twin's chart of the same id differs.
func TestEnglishCharts(t *testing.T) {
	files, _ := sample(t)
	charts := 0
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, pipeline.EnglishDir) {
			continue
		}
		isPage := strings.HasSuffix(p, ".html")
		isCSV := strings.HasPrefix(p, pipeline.EnglishDir+pipeline.ChartDataDir)
		if !isPage && !isCSV {
			continue
		}
		src := string(files[p])
		if isCSV {
			for _, rec := range readCSV(t, files[p]) {
				for _, cell := range rec {
					if bad := vietnameseIn(cell); len(bad) > 0 {
						t.Errorf("%s: Vietnamese in an English chart file: %q", p, bad)
					}
				}
			}
			continue
		}
		if strings.HasPrefix(p, pipeline.EnglishDir+pipeline.EmbedDir) {
			if bad := vietnameseIn(chartText(t, p, src)); len(bad) > 0 {
				t.Errorf("%s: Vietnamese in an English chart file: %q", p, bad)
			}
			continue
		}
		enIDs := map[string]bool{}
		for _, m := range enFigure.FindAllStringSubmatch(src, -1) {
			charts++
			enIDs[m[1]] = true
			fig := m[0]
			if bad := vietnameseIn(chartText(t, p, fig)); len(bad) > 0 {
				t.Errorf("%s #%s: Vietnamese in an English chart: %q", p, m[1], bad)
			}
			for _, f := range []string{pipeline.EnglishDir + pipeline.EmbedDir + m[1] + "/index.html", pipeline.EnglishDir + pipeline.ChartDataDir + m[1] + ".csv"} {
				if strings.Contains(fig, "/"+f[:strings.LastIndex(f, "/")+1]) || strings.Contains(fig, "/"+f) {
					if _, ok := files[f]; !ok {
						t.Errorf("%s #%s links %s, which is not built", p, m[1], f)
					}
				}
			}
		}
		vi := files[strings.TrimPrefix(p, pipeline.EnglishDir)]
		for _, m := range enFigure.FindAllStringSubmatch(string(vi), -1) {
			if !enIDs[m[1]] {
				t.Errorf("%s lacks the chart #%s of its Vietnamese twin", p, m[1])
			} else if strings.Contains(src, m[0]) {
				t.Errorf("%s #%s is the Vietnamese chart", p, m[1])
			}
		}
	}
	if charts < 10 {
		t.Errorf("only %d charts on English pages", charts)
	}
	// The article of April 2024 as a reader sees it without JavaScript.
	art := string(files[pipeline.EnglishDir+"bai-viet/2024-04/index.html"])
	for _, want := range []string{
		"<figcaption id=\"bai-2024-04-muc-tieu-title\">Rates for the province as a whole against the targets, April 2024</figcaption>",
		"<th scope=\"col\">Indicator</th><th scope=\"col\">Whole province</th><th scope=\"col\">Target</th>",
		"<th scope=\"row\">Online payments</th><td>76%</td><td>45%</td>",
		"<th scope=\"row\">Reused digitised data</th><td>44.7%</td><td>50%</td>",
		"Horizontal bar chart by administrative level (provincial level, district level and commune level) of each indicator in April 2024",
		`"labels":[["95%","63.4%"`,
	} {
		if !strings.Contains(art, want) {
			t.Errorf("English April 2024 article lacks %q", want)
		}
	}
	home := string(files[pipeline.EnglishDir+"index.html"])
	for _, want := range []string{`"Apr 2024"`, `"88.62 points"`, `{"name":"Gia Lai Province","xAxis":"Jul 2025"}`, `"Rank of 34 provinces and cities"`} {
		if !strings.Contains(home, want) {
			t.Errorf("English home's charts lack %s", want)
		}
	}
}

// stripURLs drops href and src values: the Vietnamese path segments kept under en/
// (en/chi-tieu/…, du-lieu/bieu-do/…) are addresses, not words.
var urlAttr = regexp.MustCompile(`(href|src)=("[^"]*"|&#34;[^&]*&#34;)`)

func stripURLs(s string) string { return urlAttr.ReplaceAllString(s, "") }

// chartText is what a reader reads of a chart's markup: its text without addresses, and
// the option JSON's strings instead of the JSON.
func chartText(t *testing.T, page, src string) string {
	t.Helper()
	var strs strings.Builder
	src = enOption.ReplaceAllStringFunc(src, func(script string) string {
		var v any
		if err := json.Unmarshal([]byte(enOption.FindStringSubmatch(script)[1]), &v); err != nil {
			t.Errorf("%s: option JSON: %v", page, err)
		}
		strs.WriteString(jsonStrings(v))
		return ""
	})
	return html.UnescapeString(stripURLs(src)) + " " + strs.String()
}

// jsonStrings joins every string value of v but legend icons (path://…).
func jsonStrings(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if !strings.HasPrefix(x, "path://") {
				b.WriteString(x + " ")
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

// TestEnglishShareCards: an English article or indicator page's og:image is its own card
// under en/, a 1200×630 PNG other than its Vietnamese twin's, whose alt (the card's text)
// is English with English figures; pages without figures keep the site's card, which has
// no text.
func TestEnglishShareCards(t *testing.T) {
	files, _ := sample(t)
	ogImage := regexp.MustCompile(`<meta property="og:image" content="https://binhdinh\.gov\.vn/chi-so/([^"]*)">`)
	ogAlt := regexp.MustCompile(`<meta property="og:image:alt" content="([^"]*)">`)
	for page, wantAlt := range map[string]string{
		"bai-viet/2024-04/":          "Binh Dinh Province, April 2024: results of 7 indicators of service to citizens and businesses; 3/7 indicators met their targets; 88.62 index score; 2/63 national rank",
		"chi-tieu/ho-so-truc-tuyen/": "; 94.1% whole province, December 2025; 50% target",
		"":                           "",
	} {
		en := string(files[pipeline.EnglishDir+page+"index.html"])
		m := ogImage.FindStringSubmatch(en)
		if m == nil {
			t.Fatalf("en/%s: no og:image", page)
		}
		if page == "" {
			if m[1] != pipeline.ShareImage {
				t.Errorf("English home's card is %s, want the site's %s", m[1], pipeline.ShareImage)
			}
			continue
		}
		if want := pipeline.EnglishDir + page + pipeline.ShareCardName; m[1] != want {
			t.Errorf("en/%s: og:image %s, want %s", page, m[1], want)
		}
		card := files[m[1]]
		img, err := png.Decode(bytes.NewReader(card))
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		if b := img.Bounds(); b.Dx() != shareimage.Width || b.Dy() != shareimage.Height {
			t.Errorf("%s: %v", m[1], b)
		}
		if bytes.Equal(card, files[page+pipeline.ShareCardName]) {
			t.Errorf("%s is the Vietnamese card", m[1])
		}
		alt := html.UnescapeString(ogAlt.FindStringSubmatch(en)[1])
		if !strings.Contains(alt, wantAlt) {
			t.Errorf("en/%s: card text %q, want it to hold %q", page, alt, wantAlt)
		}
		if bad := vietnameseIn(alt); len(bad) > 0 {
			t.Errorf("en/%s: Vietnamese on the English card: %q", page, bad)
		}
	}
}

// Issue 9: the sample's April 2024 card, Vietnamese and English, is at most 24 KB (16
// colours; it was 37 KB) and decodes to the card's size.
func TestSampleCardSmall(t *testing.T) {
	files, _ := sample(t)
	for _, p := range []string{"bai-viet/2024-04/" + pipeline.ShareCardName, pipeline.EnglishDir + "bai-viet/2024-04/" + pipeline.ShareCardName} {
		card := files[p]
		if len(card) == 0 || len(card) > 24<<10 {
			t.Errorf("%s: %d bytes, want 1 to %d", p, len(card), 24<<10)
			continue
		}
		img, err := png.Decode(bytes.NewReader(card))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if b := img.Bounds(); b.Dx() != shareimage.Width || b.Dy() != shareimage.Height {
			t.Errorf("%s: %v", p, b)
		}
	}
}
