package pipeline_test

// Tests of the open-data step on the sample site: every download is there and says what
// the pages say, feeds and sitemap parse, the Data Package is complete, JSON-LD resists
// hostile text, every URL honours base_path, published URLs never disappear.

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"chiso/internal/model"
	"chiso/internal/opendata"
	"chiso/internal/pipeline"
	"chiso/internal/publish"
	"chiso/internal/search"
	"chiso/internal/sitemap"
)

const baseURL = "https://binhdinh.gov.vn"

var (
	sampleOnce  sync.Once
	sampleFiles publish.Files
	sampleSite  *model.Site
)

// sample builds the repository's site once for all the tests of this file.
func sample(t *testing.T) (publish.Files, *model.Site) {
	t.Helper()
	sampleOnce.Do(func() {
		sampleFiles = buildSample(t, repo)
		sampleSite, _ = pipeline.Check(repo)
	})
	if sampleFiles == nil {
		t.Fatal("sample did not build")
	}
	return sampleFiles, sampleSite
}

// readCSV reads one of our CSV files: it must start with a UTF-8 BOM.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatal("CSV without BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a machine number: %v", s, err)
	}
	return f
}

// TestResultsCSVEqualsModel: the whole dataset holds, for every period and indicator,
// the model's whole, level and unit figures, counts, target and verdict.
func TestResultsCSVEqualsModel(t *testing.T) {
	files, site := sample(t)
	recs := readCSV(t, files["du-lieu/ket-qua.csv"])
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	type key struct{ period, indicator, level, unit string }
	rows := map[key][]string{}
	for _, r := range recs[1:] {
		k := key{r[col["period"]], r[col["indicator"]], r[col["level"]], r[col["unit"]]}
		if _, dup := rows[k]; dup {
			t.Errorf("row %v twice", k)
		}
		rows[k] = r
	}
	want := 0
	for _, rep := range site.Reports {
		for _, res := range rep.Results {
			want += 1 + len(res.Levels) + len(res.Units)
			p, ind := rep.Period.Key(), res.Indicator.Key
			whole := rows[key{p, ind, "", ""}]
			if whole == nil {
				t.Fatalf("%s %s: no whole row", p, ind)
			}
			if v := num(t, whole[col["value"]]); v != res.Whole {
				t.Errorf("%s %s: value %v, model %v", p, ind, v, res.Whole)
			}
			if res.Target != nil {
				if num(t, whole[col["target"]]) != res.Target.Value || whole[col["met"]] != strconv.FormatBool(res.Met) {
					t.Errorf("%s %s: target %s met %s", p, ind, whole[col["target"]], whole[col["met"]])
				}
			}
			if res.Count != nil && (whole[col["numerator"]] != fmt.Sprint(res.Count.Num) || whole[col["denominator"]] != fmt.Sprint(res.Count.Den)) {
				t.Errorf("%s %s: counts %s/%s", p, ind, whole[col["numerator"]], whole[col["denominator"]])
			}
			for _, lr := range res.Levels {
				r := rows[key{p, ind, lr.Level.Key, ""}]
				if r == nil || num(t, r[col["value"]]) != lr.Rate {
					t.Errorf("%s %s %s: %v, model %v", p, ind, lr.Level.Key, r, lr.Rate)
				}
			}
			for _, ur := range res.Units {
				r := rows[key{p, ind, "", ur.Unit.Code}] // a unit's level is in don-vi
				if r == nil || num(t, r[col["value"]]) != ur.Rate() || r[col["numerator"]] != fmt.Sprint(ur.Count.Num) || r[col["denominator"]] != fmt.Sprint(ur.Count.Den) {
					t.Errorf("%s %s %s: %v", p, ind, ur.Unit.Code, r)
				}
			}
		}
	}
	if len(recs)-1 != want {
		t.Errorf("%d rows, model has %d figures", len(recs)-1, want)
	}
	// Each report's source file and status are in ky-bao-cao, once.
	reports := readCSV(t, files["du-lieu/ky-bao-cao.csv"])
	if len(reports)-1 != len(site.Reports) {
		t.Errorf("ky-bao-cao: %d rows, %d reports", len(reports)-1, len(site.Reports))
	}
	for i, rep := range site.Reports {
		r := reports[i+1]
		if r[0] != rep.Period.Key() || !slices.Contains(r, rep.File) || !slices.Contains(r, strconv.FormatBool(rep.Illustrative)) {
			t.Errorf("ky-bao-cao row %d: %q, report %s %s", i+1, r, rep.Period.Key(), rep.File)
		}
	}
}

// cellNumber reads a table cell printed the Vietnamese way ("63,4%", "88,62 điểm",
// "1.234") and how many decimals it shows.
func cellNumber(s string) (float64, int, bool) {
	m := regexp.MustCompile(`^-?[0-9.]+(,[0-9]+)?`).FindString(s)
	if m == "" {
		return 0, 0, false
	}
	dec := 0
	if i := strings.IndexByte(m, ','); i >= 0 {
		dec = len(m) - i - 1
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(m, ".", ""), ",", "."), 64)
	return f, dec, err == nil
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return strings.TrimSpace(b.String())
}

// TestChartCSVMatchesTable: on every page, the CSV of each chart has the chart table's
// rows and columns, and each number rounds to the cell printed under the chart; a
// comparison's chart, whose table is the ranking table, has its provinces and values.
func TestChartCSVMatchesTable(t *testing.T) {
	files, _ := sample(t)
	charts := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(files[p]))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(fig *html.Node) {
			if fig.Type != html.ElementNode || fig.Data != "figure" || !strings.Contains(attr(fig, "class"), "chart") {
				return
			}
			charts++
			id := attr(fig, "id")
			// An English page's chart has its CSV under en/, its cells in English (63.4%).
			dir, en := "du-lieu/bieu-do/", strings.HasPrefix(p, pipeline.EnglishDir)
			if en {
				dir = pipeline.EnglishDir + dir
			}
			data, ok := files[dir+id+".csv"]
			if !ok && strings.HasPrefix(id, "xep-hang-") {
				// A ranking's chart prints its figures in the ranking table: no CSV, no embed.
				if bytes.Contains(files[p], []byte(`/du-lieu/bieu-do/`+id+`.csv"`)) || !bytes.Contains(files["nhung/"+id+"/index.html"], []byte(`http-equiv="refresh"`)) {
					t.Errorf("%s: ranking chart %s links a CSV or keeps its embed page", p, id)
				}
				return
			}
			if !ok {
				t.Errorf("%s: chart %s has no CSV", p, id)
				return
			}
			recs := readCSV(t, data)
			if strings.HasPrefix(id, "so-sanh-") {
				// A comparison's chart prints its figures in the ranking table (rank, province,
				// value and counts; the national average in the paragraph above): its rows
				// against the CSV's province and value.
				compareRanking(t, p, id, fig, recs, en)
				return
			}
			var table [][]string
			walk(fig, func(tr *html.Node) {
				if tr.Type != html.ElementNode || tr.Data != "tr" {
					return
				}
				var row []string
				for c := tr.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && (c.Data == "th" || c.Data == "td") {
						row = append(row, text(c))
					}
				}
				table = append(table, row)
			})
			if len(table) != len(recs) {
				t.Fatalf("%s %s: table %d rows, CSV %d", p, id, len(table), len(recs))
			}
			for i := range table {
				if len(table[i]) != len(recs[i]) {
					t.Fatalf("%s %s row %d: %q vs %q", p, id, i, table[i], recs[i])
				}
				for j := range table[i] {
					cell, csvCell := table[i][j], recs[i][j]
					switch {
					case i == 0 && j == 0:
						// corner: may be empty on the page, "Hạng mục" in the file
					case j == 0 && (cell == csvCell+" (trang này)" || en && cell == csvCell+" (this site)"):
						// the site's own province, labelled on the page (chart.Highlight), plain in the data
					case i == 0 || j == 0:
						if cell != csvCell {
							t.Errorf("%s %s: header %q vs %q", p, id, cell, csvCell)
						}
					case cell == "–":
						if csvCell != "" {
							t.Errorf("%s %s [%d,%d]: gap on page, %q in CSV", p, id, i, j, csvCell)
						}
					default:
						if en {
							cell = strings.NewReplacer(".", ",", ",", ".").Replace(cell)
						}
						v, dec, ok := cellNumber(cell)
						if !ok {
							t.Errorf("%s %s: cell %q", p, id, cell)
							continue
						}
						if d := math.Abs(num(t, csvCell) - v); d > 0.5*math.Pow10(-dec)+1e-9 {
							t.Errorf("%s %s [%d,%d]: page %q, CSV %s", p, id, i, j, cell, csvCell)
						}
					}
				}
			}
		})
	}
	if charts < 20 {
		t.Errorf("only %d charts checked", charts)
	}
}

// pageOf maps a URL path under the base to the built file serving it.
func pageOf(p string) string {
	p, _, _ = strings.Cut(p, "#")
	p, _, _ = strings.Cut(p, "?")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

var sizeLink = regexp.MustCompile(`<a href="([^"]+)"[^>]*>[^<]*</a>&nbsp;<span class="muted">\(([^)]*)\)</span>`)

// TestDataPageListsEveryDownload: the data page links each download with its true size,
// and lists every file under du-lieu/.
func TestDataPageListsEveryDownload(t *testing.T) {
	files, _ := sample(t)
	page := string(files["du-lieu/index.html"])
	listed := map[string]bool{}
	for _, m := range sizeLink.FindAllStringSubmatch(page, -1) {
		path := pageOf(strings.TrimPrefix(html.UnescapeString(m[1]), base))
		data, ok := files[path]
		if !ok {
			t.Errorf("data page links %s: not built", m[1])
			continue
		}
		listed[path] = true
		if want := pipeline.FileSize(len(data)); m[2] != want {
			t.Errorf("%s: page says %s, file is %s", path, m[2], want)
		}
	}
	for _, p := range files.Paths() {
		// A chart's CSV is linked under the chart, not on this page.
		if strings.HasPrefix(p, "du-lieu/") && !strings.HasPrefix(p, "du-lieu/bieu-do/") && p != "du-lieu/index.html" && p != "du-lieu/datapackage.json" && !listed[p] {
			t.Errorf("%s is not listed on the data page", p)
		}
	}
	for _, want := range []string{"rss.xml", "atom.xml", "sitemap.xml", "tim-kiem/index.json"} {
		if !listed[want] {
			t.Errorf("%s is not listed", want)
		}
	}
	if !strings.Contains(page, "datapackage.json") || !strings.Contains(page, "BOM") || !strings.Contains(page, "dấu chấm thập phân") {
		t.Error("conventions or datapackage.json missing from the data page")
	}
}

// TestDownloadLinksResolve: every link to a download, feed, embed or fragment on every
// page names a built file.
func TestDownloadLinksResolve(t *testing.T) {
	files, _ := sample(t)
	href := regexp.MustCompile(`(?:href|src)="([^"]+)"`)
	n := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range href.FindAllStringSubmatch(string(files[p]), -1) {
			u := html.UnescapeString(m[1])
			u = strings.TrimPrefix(u, baseURL)
			if !strings.HasPrefix(u, base) {
				continue
			}
			rel := strings.TrimPrefix(u, base)
			if !(strings.HasPrefix(rel, "du-lieu/") || strings.HasPrefix(rel, "nhung/") || strings.HasSuffix(rel, ".xml") ||
				strings.HasSuffix(rel, "doan-trich.html") || strings.HasSuffix(rel, ".json")) {
				continue
			}
			n++
			if _, ok := files[pageOf(rel)]; !ok {
				t.Errorf("%s links %s: not built", p, m[1])
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d download links", n)
	}
}

// TestFeeds reads every feed with a real parser.
func TestFeeds(t *testing.T) {
	files, site := sample(t)
	parse := func(name string) *gofeed.Feed {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, it := range f.Items {
			if _, ok := files[pageOf(strings.TrimPrefix(it.Link, baseURL+base))]; !ok || !strings.HasPrefix(it.Link, baseURL+base) {
				t.Errorf("%s: item link %s", name, it.Link)
			}
		}
		return f
	}
	for _, name := range []string{"rss.xml", "atom.xml"} {
		f := parse(name)
		if len(f.Items) != len(site.Reports) {
			t.Errorf("%s: %d items, %d reports", name, len(f.Items), len(site.Reports))
		}
		if last := site.Reports[len(site.Reports)-1]; !strings.Contains(f.Items[0].Link, last.Period.Key()) {
			t.Errorf("%s: newest first, got %s", name, f.Items[0].Link)
		}
		if f.Items[0].PublishedParsed == nil {
			t.Errorf("%s: no date", name)
		}
	}
	for _, ind := range site.Indicators {
		f := parse("chi-tieu/" + ind.Key + "/rss.xml")
		if len(f.Items) == 0 || !strings.Contains(f.Items[0].Description, ind.Name) {
			t.Errorf("%s feed: %d items", ind.Key, len(f.Items))
		}
	}
	head := string(files["index.html"])
	for _, want := range []string{`rel="alternate" type="application/rss&#43;xml"`, `href="/chi-so/atom.xml"`} {
		if !strings.Contains(head, want) {
			t.Errorf("home page head lacks %s", want)
		}
	}
}

// TestSitemap: sitemap.xml parses; every loc is a built page under the base URL; the 404
// page, embeds and fragments are left out; robots.txt names it.
func TestSitemap(t *testing.T) {
	files, _ := sample(t)
	var doc struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range doc.URLs {
		rel, ok := strings.CutPrefix(u.Loc, baseURL+base)
		if !ok {
			t.Errorf("loc %s outside the site", u.Loc)
			continue
		}
		if seen[rel] {
			t.Errorf("%s twice", rel)
		}
		seen[rel] = true
		if _, ok := files[pageOf(rel)]; !ok {
			t.Errorf("loc %s: not built", u.Loc)
		}
		if strings.Contains(rel, "404") || strings.HasPrefix(rel, "nhung/") || strings.HasSuffix(rel, ".html") {
			t.Errorf("loc %s should not be listed", u.Loc)
		}
	}
	for _, must := range []string{"", "bai-viet/2024-04/", "du-lieu/", "tim-kiem/"} {
		if !seen[must] {
			t.Errorf("sitemap lacks %q", must)
		}
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: "+baseURL+base+"sitemap.xml") {
		t.Error("robots.txt does not name the sitemap")
	}
}

// TestSitemapSplit: a site over the protocol's limits (lowered here) gets a sitemap
// index at sitemap.xml naming sitemap-1.xml, …, beside it, which robots.txt and the data
// page still point at; every page of the unsplit sitemap is in exactly one part, in order.
func TestSitemapSplit(t *testing.T) {
	site := minimalSite(t)
	build := func() publish.Files {
		files, probs, err := pipeline.Site(pipeline.Options{Source: site, ECharts: fakeECharts})
		if err != nil {
			t.Fatalf("build: %v\n%s", err, probs)
		}
		return files
	}
	locs := func(data []byte) []string {
		var doc struct {
			XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
			URLs    []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		var out []string
		for _, u := range doc.URLs {
			out = append(out, u.Loc)
		}
		return out
	}
	whole := build()
	want := locs(whole[pipeline.SitemapFile])
	if _, ok := whole["sitemap-1.xml"]; ok || len(want) < 10 {
		t.Fatalf("unsplit: %d URLs, parts written: %v", len(want), ok)
	}

	defer func(u, b int) { sitemap.MaxURLs, sitemap.MaxBytes = u, b }(sitemap.MaxURLs, sitemap.MaxBytes)
	sitemap.MaxURLs = len(want)/3 + 1
	files := build()
	var idx struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(files[pipeline.SitemapFile], &idx); err != nil {
		t.Fatalf("index: %v\n%s", err, files[pipeline.SitemapFile])
	}
	if len(idx.Sitemaps) != 3 {
		t.Fatalf("%d parts for %d URLs at %d a part", len(idx.Sitemaps), len(want), sitemap.MaxURLs)
	}
	var got []string
	for i, s := range idx.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if !strings.HasSuffix(s.Loc, "/"+name) || !strings.HasPrefix(s.Loc, "http") {
			t.Errorf("part %d indexed as %s", i+1, s.Loc)
		}
		part := locs(files[name])
		if len(part) > sitemap.MaxURLs {
			t.Errorf("%s: %d URLs", name, len(part))
		}
		got = append(got, part...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the parts list\n%v\nthe whole site is\n%v", got, want)
	}
	if _, ok := files[fmt.Sprintf("sitemap-%d.xml", len(idx.Sitemaps)+1)]; ok {
		t.Error("a part beyond the index")
	}
	if !strings.Contains(string(files[pipeline.RobotsFile]), "/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", files[pipeline.RobotsFile])
	}
}

var (
	namePattern  = regexp.MustCompile(`^[-a-z0-9._/]+$`)
	tableTypes   = map[string]bool{"string": true, "number": true, "integer": true, "boolean": true, "date": true, "yearmonth": true, "datetime": true, "year": true}
	mediaPattern = regexp.MustCompile(`^(.+)/(.+)$`)
)

// TestDataPackage checks datapackage.json against the Data Package spec (v1): required
// resources with name and path, names in the allowed pattern, Table Schema fields with a
// name and a known type, licences, sources with titles, and files that are what the
// descriptor says (bytes, sha256).
func TestDataPackage(t *testing.T) {
	files, site := sample(t)
	var p opendata.Package
	if err := json.Unmarshal(files["du-lieu/datapackage.json"], &p); err != nil {
		t.Fatal(err)
	}
	if !namePattern.MatchString(p.Name) || p.Title == "" || len(p.Resources) == 0 {
		t.Fatalf("package name %q title %q, %d resources", p.Name, p.Title, len(p.Resources))
	}
	if len(p.Licenses) != 1 || p.Licenses[0].Name != site.Config.Licence {
		t.Errorf("licenses %+v", p.Licenses)
	}
	if want := opendata.Created(site).Format("2006-01-02T15:04:05Z"); p.Created != want {
		t.Errorf("created %s, want the newest report's date %s", p.Created, want)
	}
	if len(p.Sources) < 2 {
		t.Errorf("%d sources", len(p.Sources))
	}
	for _, s := range p.Sources {
		if s.Title == "" {
			t.Error("source without title")
		}
	}
	names := map[string]bool{}
	for _, r := range p.Resources {
		if r.Name == "" || r.Path == "" || !namePattern.MatchString(r.Name) || names[r.Name] {
			t.Errorf("resource name %q path %q", r.Name, r.Path)
		}
		names[r.Name] = true
		if !mediaPattern.MatchString(r.Mediatype) || strings.HasPrefix(r.Path, "/") || strings.Contains(r.Path, "..") {
			t.Errorf("%s: mediatype %q path %q", r.Name, r.Mediatype, r.Path)
		}
		data, ok := files["du-lieu/"+r.Path]
		if !ok {
			t.Errorf("%s: %s not built", r.Name, r.Path)
			continue
		}
		if r.Bytes != len(data) || r.Hash != opendata.Hash(data) {
			t.Errorf("%s: bytes/hash do not match the file", r.Name)
		}
		if r.Format != "csv" {
			continue
		}
		if r.Profile != "tabular-data-resource" || r.Schema == nil || len(r.Schema.Fields) == 0 {
			t.Fatalf("%s: no schema", r.Name)
		}
		head := readCSV(t, data)[0]
		for i, f := range r.Schema.Fields {
			if f.Name == "" || !tableTypes[f.Type] || head[i] != f.Name {
				t.Errorf("%s field %d: %+v (header %q)", r.Name, i, f, head[i])
			}
		}
	}
	// Every code in a foreign-key column is a key of the lookup it names.
	tables := map[string][][]string{}
	for _, r := range p.Resources {
		if r.Format == "csv" {
			tables[r.Name] = readCSV(t, files["du-lieu/"+r.Path])
		}
	}
	column := func(recs [][]string, name string) int {
		return slices.Index(recs[0], name)
	}
	nkeys := 0
	for _, r := range p.Resources {
		if r.Schema == nil {
			continue
		}
		for _, k := range r.Schema.ForeignKeys {
			ref := k.Reference.Resource
			if ref == "" {
				ref = r.Name
			}
			lookup, rows := tables[ref], tables[r.Name]
			if lookup == nil || column(lookup, k.Reference.Fields) < 0 || column(rows, k.Fields) < 0 {
				t.Errorf("%s: foreign key %s → %s.%s names no column", r.Name, k.Fields, ref, k.Reference.Fields)
				continue
			}
			keys := map[string]bool{}
			for _, l := range lookup[1:] {
				keys[l[column(lookup, k.Reference.Fields)]] = true
			}
			for i, row := range rows[1:] {
				if v := row[column(rows, k.Fields)]; v != "" && !keys[v] {
					t.Errorf("%s row %d: %s %q is not in %s", r.Name, i+2, k.Fields, v, ref)
				}
			}
			nkeys++
		}
	}
	if nkeys < 10 {
		t.Errorf("only %d foreign keys in the descriptor", nkeys)
	}
	for _, want := range []string{"ket-qua", "chi-tieu", "cap", "don-vi", "dia-phuong", "ky", "van-ban", "ky-bao-cao", "diem-chi-so", "muc-tieu", "chi-so-xlsx"} {
		if !names[want] {
			t.Errorf("no resource %s", want)
		}
	}
}

// TestWorkbookSample: the workbook's results sheet is the results CSV, every cell of
// every row: the same text, the same number, the same truth value (a sheet stores true
// as 1) or the same date (a sheet stores a date as a day number).
func TestWorkbookSample(t *testing.T) {
	files, _ := sample(t)
	f, err := excelize.OpenReader(bytes.NewReader(files["du-lieu/chi-so.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("ket-qua", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, files["du-lieu/ket-qua.csv"])
	if len(rows) != len(recs) {
		t.Fatalf("sheet %d rows, CSV %d", len(rows), len(recs))
	}
	bad := 0
	for i, rec := range recs {
		if len(rows[i]) > len(rec) {
			t.Errorf("row %d: sheet has %d cells, CSV %d", i+1, len(rows[i]), len(rec))
		}
		for j, want := range rec {
			got := ""
			if j < len(rows[i]) {
				got = rows[i][j] // GetRows leaves out a row's empty cells at its end
			}
			if !sameCell(got, want) && bad < 20 {
				bad++
				t.Errorf("row %d, column %s: sheet %q, CSV %q", i+1, recs[0][j], got, want)
			}
		}
	}
}

func sameCell(sheet, csv string) bool {
	if sheet == csv {
		return true
	}
	switch csv {
	case "true":
		return sheet == "1" || sheet == "TRUE"
	case "false":
		return sheet == "0" || sheet == "FALSE"
	}
	a, errA := strconv.ParseFloat(sheet, 64)
	if _, err := time.Parse("2006-01-02", csv); err == nil && errA == nil {
		d, err := excelize.ExcelDateToTime(a, false)
		return err == nil && d.Format("2006-01-02") == csv
	}
	b, errB := strconv.ParseFloat(csv, 64)
	return errA == nil && errB == nil && a == b
}

// configWith is config.toml with some keys replaced.
func configWith(t *testing.T, set map[string]string) string {
	t.Helper()
	src, err := fs.ReadFile(repo, "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		k, _, ok := strings.Cut(l, "=")
		if v, hit := set[strings.TrimSpace(k)]; ok && hit {
			lines[i] = strings.TrimSpace(k) + " = " + strconv.Quote(v)
		}
	}
	return strings.Join(lines, "\n")
}

// TestBasePath builds the sample at the host's root and under /chi-so/ and sweeps every
// URL in HTML, XML, JSON and text files: each internal one carries the base path (or the
// base URL with it) and names a built file.
func TestBasePath(t *testing.T) {
	redirects := "[[redirect]]\nfrom = \"tin-cu/thang-4/\"\nto = \"bai-viet/2024-04/\"\n"
	for _, bp := range []string{"/", "/chi-so/"} {
		t.Run(bp, func(t *testing.T) {
			files := buildSample(t, withFiles(map[string]string{
				"config.toml":         configWith(t, map[string]string{"base_path": bp}),
				"data/redirects.toml": redirects,
			}))
			n := 0
			check := func(file, u string) {
				n++
				if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "mailto:") {
					return
				}
				if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
					rel, ok := strings.CutPrefix(u, baseURL+bp)
					if !ok {
						if !externalOK(u) {
							t.Errorf("%s: %s is outside %s%s", file, u, baseURL, bp)
						}
						return
					}
					u = bp + rel
				}
				if !strings.HasPrefix(u, "/") {
					t.Errorf("%s: relative URL %q", file, u)
					return
				}
				rel, ok := strings.CutPrefix(u, bp)
				if !ok {
					t.Errorf("%s: %s lacks the base path %s", file, u, bp)
					return
				}
				if _, ok := files[pageOf(rel)]; !ok {
					t.Errorf("%s: %s names no built file", file, u)
				}
			}
			for _, p := range files.Paths() {
				data := files[p]
				switch {
				case strings.HasSuffix(p, ".html"):
					sweepHTMLURLs(t, p, data, check)
				case strings.HasSuffix(p, ".xml"):
					sweepXMLURLs(t, p, data, check)
				case strings.HasSuffix(p, ".json"):
					sweepJSONURLs(t, p, data, check, bp)
				case p == "robots.txt":
					_, u, _ := strings.Cut(string(data), "Sitemap: ")
					check(p, strings.TrimSpace(u))
				}
			}
			if n < 1000 {
				t.Errorf("only %d URLs swept", n)
			}
		})
	}
}

// externalOK are the only other hosts files may name: vocabularies and licence deeds,
// never something a reader's browser loads.
func externalOK(u string) bool {
	for _, h := range []string{"https://schema.org", "https://creativecommons.org/", "https://opendatacommons.org/", "http://www.w3.org/", "http://www.sitemaps.org/"} {
		if strings.HasPrefix(u, h) {
			return true
		}
	}
	return false
}

func sweepHTMLURLs(t *testing.T, file string, data []byte, check func(file, u string)) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, a := range []string{"href", "src", "action", "data-index"} {
			if v, ok := attrOK(n, a); ok {
				check(file, v)
			}
		}
		if v, ok := attrOK(n, "data-base"); ok {
			check(file, v) // the base itself
		}
		if n.Data == "meta" {
			c := attr(n, "content")
			switch {
			case attr(n, "http-equiv") == "refresh":
				_, u, _ := strings.Cut(c, "url=")
				check(file, u)
			case strings.HasSuffix(attr(n, "property"), ":url"), strings.HasSuffix(attr(n, "property"), ":image"), attr(n, "name") == "twitter:image":
				check(file, c)
			}
		}
		if n.Data == "textarea" && strings.Contains(attr(n, "class"), "embed-code") {
			frag, err := html.ParseFragment(strings.NewReader(text(n)), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
			if err != nil || len(frag) != 1 || frag[0].Data != "iframe" {
				t.Errorf("%s: embed code is not one iframe: %q", file, text(n))
				return
			}
			check(file, attr(frag[0], "src"))
		}
		if n.Data == "script" && attr(n, "type") == "application/ld+json" {
			sweepJSONURLs(t, file, []byte(text(n)), check, "")
		}
	})
}

func sweepXMLURLs(t *testing.T, file string, data []byte, check func(file, u string)) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var in string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			in = e.Name.Local
			for _, a := range e.Attr {
				if a.Name.Local == "href" {
					check(file, a.Value)
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(e)); s != "" && (in == "loc" || in == "link" || in == "guid" || in == "id") {
				check(file, s)
			}
		case xml.EndElement:
			in = ""
		}
	}
}

// sweepJSONURLs checks every string that is a URL; the search index's page paths are
// relative to the base (the script adds it), so they are checked with it.
func sweepJSONURLs(t *testing.T, file string, data []byte, check func(file, u string), bp string) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, y := range x {
				visit(y)
			}
		case []any:
			if file == "tim-kiem/index.json" && len(x) == 5 {
				if p, ok := x[1].(string); ok {
					check(file, bp+p)
				}
			}
			for _, y := range x {
				visit(y)
			}
		case string:
			if strings.HasPrefix(x, "http://") || strings.HasPrefix(x, "https://") {
				check(file, strings.Split(x, "?q=")[0])
			}
		}
	}
	visit(v)
}

// TestURLsNeverDisappear: every URL ever published (testdata/urls.golden) is still
// served, by its page or by a redirect page from data/redirects.toml; and every page the
// sample builds is in the list. The list only grows, by hand: no flag writes it, so a
// removed page can never drop out of it unnoticed. To publish a new page, add its line;
// to retire one, add a [[redirect]].
func TestURLsNeverDisappear(t *testing.T) {
	files, _ := sample(t)
	const golden = "testdata/urls.golden"
	want := goldenURLs(t, golden)
	if len(want) < 100 {
		t.Fatalf("only %d URLs in %s", len(want), golden)
	}
	if lost := lostURLs(want, files); len(lost) > 0 {
		t.Errorf("published URLs no longer served: add a [[redirect]] to data/redirects.toml for each (never remove a line from %s):\n%s",
			golden, strings.Join(lost, "\n"))
	}
	var added []string
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") && !want[urlPath(p)] {
			added = append(added, urlPath(p))
		}
	}
	if len(added) > 0 {
		t.Errorf("%d pages are built but not in %s: once they are meant to be published for good, add these lines to it by hand (no flag writes the list):\n%s",
			len(added), golden, strings.Join(added, "\n"))
	}
}

// TestLostURLs: the check above fails for a page that is gone and passes once a
// redirect serves it.
func TestLostURLs(t *testing.T) {
	files := publish.Files{"index.html": nil, "bai-viet/2024-04/index.html": nil, "404.html": nil}
	want := map[string]bool{"": true, "bai-viet/2024-04/": true, "bai-viet/2024-03/": true, "404.html": true}
	if lost := lostURLs(want, files); len(lost) != 1 || lost[0] != "bai-viet/2024-03/" {
		t.Errorf("lost %v, want [bai-viet/2024-03/]", lost)
	}
	files["bai-viet/2024-03/index.html"] = nil // the redirect page
	if lost := lostURLs(want, files); len(lost) != 0 {
		t.Errorf("lost %v with the page served", lost)
	}
}

func urlPath(file string) string {
	if file == "index.html" {
		return ""
	}
	if d, ok := strings.CutSuffix(file, "/index.html"); ok {
		return d + "/"
	}
	return file
}

func goldenURLs(t *testing.T, name string) map[string]bool {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(src), "\n") {
		if l != "" || len(out) == 0 {
			out[l] = true // the first line is "" (the home page)
		}
	}
	return out
}

func lostURLs(want map[string]bool, files publish.Files) []string {
	var lost []string
	for p := range want {
		if _, ok := files[pageOf(p)]; !ok {
			lost = append(lost, p)
		}
	}
	sort.Strings(lost)
	return lost
}

// TestFragments: the CMS fragment of each article is its body alone, links absolute, no
// script, with the data source line.
func TestFragments(t *testing.T) {
	files, site := sample(t)
	for _, r := range site.Reports {
		p := "bai-viet/" + r.Period.Key() + "/" + pipeline.FragmentName
		src := string(files[p])
		if src == "" {
			t.Errorf("%s missing", p)
			continue
		}
		for _, bad := range []string{"<html", "<head", "<body", "<script", "<nav", "<h1"} {
			if strings.Contains(src, bad) {
				t.Errorf("%s contains %s", p, bad)
			}
		}
		for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(src, -1) {
			if !strings.HasPrefix(m[1], baseURL+base) {
				t.Errorf("%s: link %q is not absolute", p, m[1])
			}
		}
		if !strings.Contains(src, "Nguồn dữ liệu") || !strings.Contains(src, r.File) {
			t.Errorf("%s: no source line naming %s", p, r.File)
		}
	}
}

var canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)

// TestEmbeds: each chart's embed page holds the chart, its table, a canonical link and a
// link back to the page it comes from, and is kept out of search engines.
func TestEmbeds(t *testing.T) {
	files, _ := sample(t)
	n := 0
	for _, p := range files.Paths() {
		id, ok := strings.CutPrefix(p, "du-lieu/bieu-do/")
		if !ok || !strings.HasSuffix(id, ".csv") {
			continue
		}
		id = strings.TrimSuffix(id, ".csv")
		n++
		page := string(files["nhung/"+id+"/index.html"])
		var meta struct{ Page string }
		if m := canonical.FindStringSubmatch(page); m != nil {
			meta.Page = html.UnescapeString(m[1])
		}
		for _, must := range []string{`<figure class="chart" id="` + id + `">`, `<table class="chart-table">`, `<meta name="robots" content="noindex">`,
			`<link rel="canonical" href="` + meta.Page + `">`, `href="` + meta.Page + `" target="_blank"`, `<h1 class="embed-title">`} {
			if !strings.Contains(page, must) {
				t.Errorf("nhung/%s/: lacks %s", id, must)
			}
		}
		if !strings.HasPrefix(meta.Page, baseURL+base) || !strings.HasSuffix(meta.Page, "#"+id) {
			t.Errorf("%s: page %q", id, meta.Page)
		}
		if !strings.Contains(page, `href="`+baseURL+base+"du-lieu/bieu-do/"+id+`.csv"`) {
			t.Errorf("nhung/%s/: does not link its CSV", id)
		}
	}
	if n < 20 {
		t.Errorf("only %d charts", n)
	}
}

// TestSearchIndexSample: the index lists every article, indicator, unit and page, folded;
// the payload a search costs on the sample is logged.
// The sample's search finds every article, indicator, unit and page by its full text:
// "88,62" (the April 2024 score, written the Vietnamese way) and "Gia Lai" among them, and
// no two results share a title.
func TestSearchIndexSample(t *testing.T) {
	files, site := sample(t)
	data := files["tim-kiem/index.json"]
	var ix struct {
		V     int
		Kinds []string
		Pages int
		Keys  []string
	}
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	type page struct {
		K       int
		U, T, X string
	}
	pages := make([]page, ix.Pages)
	titles := map[string]string{}
	for i := range pages {
		if err := json.Unmarshal(files[fmt.Sprintf("tim-kiem/p/%d.json", i)], &pages[i]); err != nil {
			t.Fatalf("p/%d.json: %v", i, err)
		}
		if other, ok := titles[pages[i].T]; ok {
			t.Errorf("%s and %s share the title %q", other, pages[i].U, pages[i].T)
		}
		titles[pages[i].T] = pages[i].U
	}
	if min := len(site.Reports) + len(site.Indicators) + len(site.Units) + len(site.Pages); ix.Pages < min {
		t.Errorf("%d pages indexed, want at least %d", ix.Pages, min)
	}
	find := func(word string) []string {
		var shard map[string][]int
		if err := json.Unmarshal(files["tim-kiem/w/"+search.Key(word)+".json"], &shard); err != nil {
			t.Fatalf("%s: %v", word, err)
		}
		var out []string
		id := 0
		for _, v := range shard[word] {
			id += v >> 1
			out = append(out, pages[id].U)
		}
		return out
	}
	if got := find("88,62"); !slices.Contains(got, "bai-viet/2024-04/") {
		t.Errorf("“88,62” finds %v, not the April 2024 article", got)
	}
	if len(find("gia")) == 0 || len(find("lai")) == 0 {
		t.Error("“Gia Lai” finds nothing")
	}
	if got := find("phap"); len(got) < 2 {
		t.Errorf("“pháp” finds %v", got)
	}
	gz := gzipLen(data)
	for _, w := range []string{"gia", "lai"} {
		gz += gzipLen(files["tim-kiem/w/"+search.Key(w)+".json"])
	}
	for i := range min(10, len(pages)) {
		gz += gzipLen(files[fmt.Sprintf("tim-kiem/p/%d.json", i)])
	}
	t.Logf("search on the sample: %d pages; first search for “Gia Lai” fetches index.json, 2 word files and 10 pages: %d bytes gzipped, plus search.js %d gzipped",
		ix.Pages, gz, gzipLen(files["assets/search.js"]))
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// compareRanking checks a comparison chart's ranking table against its CSV (province, value,
// national average): the same provinces in the same order, the same values as printed.
func compareRanking(t *testing.T, p, id string, fig *html.Node, recs [][]string, en bool) {
	t.Helper()
	var rows [][2]string
	walk(fig, func(tr *html.Node) {
		if tr.Type != html.ElementNode || tr.Data != "tr" || tr.Parent == nil || tr.Parent.Data != "tbody" {
			return
		}
		var name, value string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data == "th" {
				name = text(c)
			} else if c.Data == "td" && name != "" && value == "" && c.FirstChild != nil {
				value = strings.TrimSpace(c.FirstChild.Data) // the rate, before the counts
			}
		}
		rows = append(rows, [2]string{name, value})
	})
	if len(rows) != len(recs)-1 {
		t.Fatalf("%s %s: ranking table %d rows, CSV %d", p, id, len(rows), len(recs)-1)
	}
	for i, row := range rows {
		rec := recs[i+1]
		if name := row[0]; name != rec[0] && name != rec[0]+" (trang này)" && !(en && name == rec[0]+" (this site)") {
			t.Errorf("%s %s row %d: %q vs %q", p, id, i, name, rec[0])
		}
		cell := row[1]
		if cell == "–" {
			if rec[1] != "" {
				t.Errorf("%s %s row %d: gap on page, %q in CSV", p, id, i, rec[1])
			}
			continue
		}
		if en {
			cell = strings.NewReplacer(".", ",", ",", ".").Replace(cell)
		}
		v, dec, ok := cellNumber(cell)
		if !ok {
			t.Errorf("%s %s: cell %q", p, id, cell)
			continue
		}
		if d := math.Abs(num(t, rec[1]) - v); d > 0.5*math.Pow10(-dec)+1e-9 {
			t.Errorf("%s %s row %d: page %q, CSV %s", p, id, i, cell, rec[1])
		}
	}
}
