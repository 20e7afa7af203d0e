package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"html/template"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chiso/internal/golden"
)

// -update never rewrites a golden file: it writes testdata/NAME.golden.new, prints the
// difference and fails; a person reads it and moves the file over (see internal/golden).
// CI never runs it.
var update = flag.Bool("update", false, "write testdata/*.golden.new for review and print the difference")

// viRate stands in for vietnamese.Rate: one decimal at most, decimal comma.
func viRate(v float64) string {
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	return strings.Replace(s, ".", ",", 1)
}

// viScore: two decimals at most.
func viScore(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	return strings.Replace(s, ".", ",", 1)
}

func f(v float64) *float64 { return &v }

func barChart() Chart {
	return Chart{
		ID:           "ho-so-truc-tuyen",
		Kind:         Bar,
		Title:        "Tỷ lệ hồ sơ trực tuyến theo cấp",
		Description:  "Tỷ lệ hồ sơ trực tuyến toàn tỉnh tăng từ 48,2% lên 63,4%; chỉ tiêu 50% năm 2024 và 60% năm 2025.",
		CategoryName: "Kỳ",
		Categories:   []string{"11/2024", "12/2024", "1/2025"},
		Series: []Series{
			{Name: "Toàn tỉnh", Values: []*float64{f(48.2), f(55.04), f(63.4)}},
			{Name: "Cấp tỉnh", Values: []*float64{f(70), f(71.25), f(75)}},
			{Name: "Cấp huyện", Values: []*float64{f(30.1), f(35), nil}},
			{Name: "Chỉ tiêu", Target: true, Values: []*float64{f(50), f(50), f(60)}},
		},
		Unit:   "%",
		Format: viRate,
		YMin:   f(0),
		YMax:   f(100),
	}
}

func lineChart() Chart {
	return Chart{
		ID:          "diem-766",
		Kind:        Line,
		Title:       "Điểm Bộ chỉ số 766",
		Description: "Điểm của tỉnh tăng từ 74,5 lên 88,62 điểm.",
		Categories:  []string{"Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"},
		Series: []Series{
			{Name: "Bình Định", Values: []*float64{f(74.5), f(80.1), nil, f(88.62)}},
			{Name: "Trung bình cả nước", Values: []*float64{f(70), f(72.35), f(75.5), f(78)}},
			{Name: "Mức tốt", Target: true, Values: []*float64{f(80), f(80), f(80), f(80)}},
		},
		Unit:   " điểm",
		Format: viScore,
	}
}

func horizontalChart() Chart {
	return Chart{
		ID:           "chi-tieu-thang-4",
		Kind:         Bar,
		Horizontal:   true,
		Title:        "Các chỉ tiêu tháng 4/2024",
		Description:  "Cấp tỉnh đạt 3 trên 4 chỉ tiêu.",
		CategoryName: "Chỉ tiêu",
		Categories:   []string{"Hồ sơ trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Cấp kết quả điện tử"},
		Series: []Series{
			{Name: "Cấp tỉnh", Values: []*float64{f(63.4), f(45.1), f(88), f(100)}},
			{Name: "Chỉ tiêu", Target: true, Values: []*float64{f(50), f(45), f(80), f(100)}},
		},
		Unit:   "%",
		Format: viRate,
		YMax:   f(100),
	}
}

// TestGolden: the JSON envelope of three charts, as a person read it against the charts'
// data above (each file's first line says who and when).
func TestGolden(t *testing.T) {
	for name, c := range map[string]Chart{"bar": barChart(), "line": lineChart(), "horizontal": horizontalChart()} {
		t.Run(name, func(t *testing.T) {
			r, err := Render(c)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, r.JSON, "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			golden.Check(t, filepath.Join("testdata", name+".golden"), got.Bytes(), *update)
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, mk := range []func() Chart{barChart, lineChart, horizontalChart} {
		first, err := Render(mk())
		if err != nil {
			t.Fatal(err)
		}
		h1, err := first.HTML()
		if err != nil {
			t.Fatal(err)
		}
		// Map iteration order is random on every range; many runs would expose any
		// order leaking into the output.
		for range 50 {
			again, err := Render(mk())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.JSON, again.JSON) {
				t.Fatalf("%s: JSON differs between runs:\n%s\n%s", first.ID, first.JSON, again.JSON)
			}
			h2, _ := again.HTML()
			if h1 != h2 {
				t.Fatalf("%s: HTML differs between runs", first.ID)
			}
		}
	}
}

func TestEnvelopeShape(t *testing.T) {
	c := barChart()
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		AxisSuffix string     `json:"axisSuffix"`
		Labels     [][]string `json:"labels"`
		Option     struct {
			BaseOption map[string]json.RawMessage `json:"baseOption"`
			Media      []json.RawMessage          `json:"media"`
		} `json:"option"`
	}
	// As drawn: with the defaults charts.js puts back.
	full, err := Expand(r.JSON, c.Description)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(full, &env); err != nil {
		t.Fatal(err)
	}
	if env.AxisSuffix != "%" {
		t.Errorf("axisSuffix = %q, want %%", env.AxisSuffix)
	}
	if len(env.Labels) != len(c.Series) {
		t.Fatalf("%d label rows for %d series", len(env.Labels), len(c.Series))
	}
	for _, k := range []string{"series", "xAxis", "yAxis", "legend", "tooltip", "grid", "aria", "color"} {
		if _, ok := env.Option.BaseOption[k]; !ok {
			t.Errorf("baseOption has no %q", k)
		}
	}
	for _, k := range []string{"title", "toolbox"} {
		if _, ok := env.Option.BaseOption[k]; ok {
			t.Errorf("baseOption has %q; the page shows the title as HTML", k)
		}
	}
	if len(env.Option.Media) == 0 {
		t.Error("no media rules")
	}
	if bytes.Contains(r.JSON, []byte("__f__")) {
		t.Error("JSON holds a function marker")
	}
	// A point unit names the axis instead of following each tick.
	r2, _ := Render(lineChart())
	if !bytes.Contains(r2.JSON, []byte(`"axisSuffix":""`)) || !bytes.Contains(r2.JSON, []byte(`"name":"điểm"`)) {
		t.Errorf("line chart: want empty axisSuffix and an axis named điểm:\n%s", r2.JSON)
	}
}

// The figures a reader sees must be Format's: in the table, and in the labels the draw
// script shows. The package itself must not format a number.
func TestTableUsesFormat(t *testing.T) {
	c := barChart()
	c.Format = func(v float64) string { return "«" + strconv.FormatFloat(v*10, 'f', -1, 64) + "»" }
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	tb := r.Table
	if tb.Caption != c.Title || tb.Corner != "Kỳ" {
		t.Errorf("caption %q, corner %q", tb.Caption, tb.Corner)
	}
	if strings.Join(tb.Columns, "|") != "Toàn tỉnh|Cấp tỉnh|Cấp huyện|Chỉ tiêu" {
		t.Errorf("columns %q", tb.Columns)
	}
	if len(tb.Rows) != 3 || tb.Rows[2].Label != "1/2025" {
		t.Fatalf("rows %+v", tb.Rows)
	}
	if got, want := tb.Rows[0].Cells[0], "«482»%"; got != want {
		t.Errorf("cell = %q, want %q", got, want)
	}
	if got := tb.Rows[2].Cells[2]; got != "–" {
		t.Errorf("missing value cell = %q, want an en dash", got)
	}
	var env struct{ Labels [][]string }
	if err := json.Unmarshal(r.JSON, &env); err != nil {
		t.Fatal(err)
	}
	for j, row := range tb.Rows {
		for i, cell := range row.Cells {
			label := env.Labels[i][j]
			if label == "" {
				label = "–"
			}
			if label != cell {
				t.Errorf("series %d, category %d: label %q, table %q", i, j, label, cell)
			}
		}
	}
	if got := env.Labels[2][2]; got != "" {
		t.Errorf("gap label = %q, want empty", got)
	}
}

var hostile = []string{
	"</script><script>alert(1)</script>",
	`"; alert(1); "`,
	"<!--<script>",
	"a\u2028b\u2029c",
	"&amp; & <b>",
	"__f__function(){alert(1)}__f__",
	"x___f___f__y",
	"]]></x>",
}

func hostileChart() Chart {
	c := barChart()
	c.ID = "hostile"
	c.Title = strings.Join(hostile, " ")
	c.Description = strings.Join(hostile, " | ")
	c.CategoryName = hostile[0]
	c.Categories = []string{hostile[0], hostile[5], hostile[3]}
	for i := range c.Series {
		c.Series[i].Name = hostile[i] + strconv.Itoa(i)
	}
	c.Unit = " " + hostile[6]
	c.Format = func(v float64) string { return viRate(v) + hostile[1] + hostile[5] }
	return c
}

func TestHostileStringsStayText(t *testing.T) {
	c := hostileChart()
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029", "__f__"} {
		if bytes.Contains(r.JSON, []byte(bad)) {
			t.Errorf("JSON holds %q raw:\n%s", bad, r.JSON)
		}
	}
	// Every string comes back whole once the zero-width spaces are removed.
	var env struct {
		Labels [][]string
		Option struct {
			BaseOption struct {
				Series []struct{ Name string }
				XAxis  []struct{ Data []string }
				Aria   struct{ Label struct{ Description string } }
			}
		}
	}
	if err := json.Unmarshal(r.JSON, &env); err != nil {
		t.Fatal(err)
	}
	plain := func(s string) string { return strings.ReplaceAll(s, "\u200b", "") }
	for i, s := range env.Option.BaseOption.Series {
		if plain(s.Name) != c.Series[i].Name {
			t.Errorf("series name %q, want %q", s.Name, c.Series[i].Name)
		}
	}
	if got := env.Option.BaseOption.XAxis[0].Data; len(got) != 3 || plain(got[0]) != hostile[0] || plain(got[1]) != hostile[5] {
		t.Errorf("categories %q", got)
	}
	// The description is not in the JSON: charts.js reads it from the figure's paragraph,
	// which html/template escapes (TestHostileHTML).
	if d := env.Option.BaseOption.Aria.Label.Description; d != "" {
		t.Errorf("description in the JSON: %q", d)
	}
	if want := c.Format(48.2) + c.Unit; plain(env.Labels[0][0]) != want {
		t.Errorf("label %q, want %q", env.Labels[0][0], want)
	}
	// The table keeps the text exactly; html/template escapes it.
	if r.Table.Columns[0] != c.Series[0].Name {
		t.Errorf("table column %q", r.Table.Columns[0])
	}
}

var scriptRe = regexp.MustCompile(`(?s)<script type="application/json" id="([a-z0-9-]+)">(.*?)</script>`)

// The figure markup, alone and inside a page template, keeps hostile text out of markup
// and the envelope intact inside <script type="application/json">.
func TestHostileHTML(t *testing.T) {
	r, err := Render(hostileChart())
	if err != nil {
		t.Fatal(err)
	}
	fig, err := r.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := template.Must(template.New("page").Parse(
		`<!doctype html><body><h1>{{.Title}}</h1>{{.HTML}}<script type="application/json" id="direct">{{.Script}}</script></body>`))
	var b bytes.Buffer
	if err := page.Execute(&b, r); err != nil {
		t.Fatal(err)
	}
	for name, html := range map[string]string{"figure": string(fig), "page": b.String()} {
		if strings.Contains(html, "<script>") || strings.Contains(html, "<!--") || strings.Contains(html, "<b>") {
			t.Errorf("%s: hostile markup got through:\n%s", name, html)
		}
		closes := strings.Count(strings.ToLower(html), "</script")
		opens := strings.Count(strings.ToLower(html), "<script")
		if opens != closes {
			t.Errorf("%s: %d <script but %d </script", name, opens, closes)
		}
		ms := scriptRe.FindAllStringSubmatch(html, -1)
		if len(ms) == 0 {
			t.Fatalf("%s: no JSON script element:\n%s", name, html)
		}
		for _, m := range ms {
			if strings.Contains(m[2], "__f__") {
				t.Errorf("%s: script #%s holds __f__", name, m[1])
			}
			if m[2] != string(r.JSON) {
				t.Errorf("%s: script #%s holds\n%s\nwant\n%s", name, m[1], m[2], r.JSON)
			}
		}
	}
	if !strings.Contains(string(fig), `<script type="application/json" id="hostile-option">`) ||
		!strings.Contains(string(fig), `data-option="hostile-option"`) ||
		!strings.Contains(string(fig), `<figcaption id="hostile-title">`) ||
		!strings.Contains(string(fig), `aria-describedby="hostile-desc"`) {
		t.Errorf("figure does not follow the markup contract:\n%s", fig)
	}
	if !strings.Contains(string(fig), "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("table text not escaped as expected:\n%s", fig)
	}
}

func TestNeutralise(t *testing.T) {
	for _, s := range []string{"", "plain", "__f__", "___f___", "__f__f__f__", "_f__f__", "__f____f__", "a__f__b__f__c"} {
		got := neutralise(s)
		if strings.Contains(got, "__f__") {
			t.Errorf("neutralise(%q) = %q still holds the marker", s, got)
		}
		if strings.ReplaceAll(got, "\u200b", "") != s {
			t.Errorf("neutralise(%q) = %q changes the visible text", s, got)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := barChart().Validate(); err != nil {
		t.Fatalf("valid chart: %v", err)
	}
	cases := []struct {
		name string
		edit func(*Chart)
		want string
	}{
		{"empty id", func(c *Chart) { c.ID = "" }, "ID must match"},
		{"upper case id", func(c *Chart) { c.ID = "Chart-1" }, "ID must match"},
		{"id starting with digit", func(c *Chart) { c.ID = "1-chart" }, "ID must match"},
		{"id with underscore", func(c *Chart) { c.ID = "a_b" }, "ID must match"},
		{"id with space", func(c *Chart) { c.ID = "a b" }, "ID must match"},
		{"id with quote", func(c *Chart) { c.ID = `a"b` }, "ID must match"},
		{"id with vietnamese letter", func(c *Chart) { c.ID = "biểu-đồ" }, "ID must match"},
		{"id with newline", func(c *Chart) { c.ID = "a\n" }, "ID must match"},
		{"long id", func(c *Chart) { c.ID = "a" + strings.Repeat("b", 64) }, "longer than"},
		{"too few values", func(c *Chart) { c.Series[1].Values = c.Series[1].Values[:2] }, `"Cấp tỉnh" has 2 values for 3 categories`},
		{"too many values", func(c *Chart) { c.Series[0].Values = append(c.Series[0].Values, f(1)) }, "has 4 values for 3 categories"},
		{"no format", func(c *Chart) { c.Format = nil }, "Format is nil"},
		{"no categories", func(c *Chart) { c.Categories = nil; c.Series = nil }, "no Categories"},
		{"no series", func(c *Chart) { c.Series = nil }, "no Series"},
		{"unnamed series", func(c *Chart) { c.Series[0].Name = "" }, "has no Name"},
		{"same name twice", func(c *Chart) { c.Series[1].Name = c.Series[0].Name }, "used twice"},
		{"NaN", func(c *Chart) { nan := 0.0; nan /= nan; c.Series[0].Values[1] = &nan }, "is NaN"},
		{"no title", func(c *Chart) { c.Title = "" }, "Title is empty"},
		{"no description", func(c *Chart) { c.Description = "" }, "Description is empty"},
		{"bad bounds", func(c *Chart) { c.YMin, c.YMax = f(100), f(0) }, "not below"},
		{"unknown kind", func(c *Chart) { c.Kind = 7 }, "unknown Kind"},
		{"horizontal line", func(c *Chart) { c.Kind = Line; c.Horizontal = true }, "only for Bar"},
		{"highlight not a category", func(c *Chart) { c.Highlight = "2/2025" }, `highlight "2/2025", which is not a category`},
		{"highlight on a line", func(c *Chart) { c.Kind = Line; c.Highlight = "12/2024" }, "Highlight is only for Bar"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := barChart()
			tc.edit(&c)
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tc.want)
			}
			if _, err := Render(c); err == nil {
				t.Fatal("Render accepted an invalid chart")
			}
		})
	}
}

func TestTargetAndLabels(t *testing.T) {
	r, err := Render(barChart())
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Option struct {
			BaseOption struct {
				Series []struct {
					Type      string
					Step      string
					LineStyle struct{ Type string }
					Label     *struct{ Show bool }
					Data      []any // a value alone
				}
			}
		}
	}
	if err := json.Unmarshal(r.JSON, &env); err != nil {
		t.Fatal(err)
	}
	s := env.Option.BaseOption.Series
	if len(s) != 4 {
		t.Fatalf("%d series", len(s))
	}
	for i := range 3 {
		if s[i].Type != "bar" || s[i].Label == nil || !s[i].Label.Show {
			t.Errorf("series %d: %+v, want a labelled bar", i, s[i])
		}
	}
	if s[3].Type != "line" || s[3].Step != "middle" || s[3].LineStyle.Type != "dashed" {
		t.Errorf("target: %+v, want a dashed step line", s[3])
	}
	if s[2].Data[2] != "-" {
		t.Errorf("gap = %v, want \"-\"", s[2].Data[2])
	}
	// Many bars: no value labels (they would overlap; tooltip and table carry them).
	c := barChart()
	for range 10 {
		c.Categories = append(c.Categories, "x"+strconv.Itoa(len(c.Categories)))
		for i := range c.Series {
			c.Series[i].Values = append(c.Series[i].Values, f(1))
		}
	}
	r, err = Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(r.JSON, []byte(`"label":{"show":true`)) {
		t.Error("39 bars still get value labels")
	}
}

func BenchmarkRender(b *testing.B) {
	months := make([]string, 24)
	for i := range months {
		months[i] = strconv.Itoa(i%12+1) + "/" + strconv.Itoa(2024+i/12)
	}
	series := []Series{{Name: "Toàn tỉnh"}, {Name: "Cấp tỉnh"}, {Name: "Cấp huyện"}, {Name: "Cấp xã"}, {Name: "Chỉ tiêu", Target: true}}
	for i := range series {
		for j := range months {
			series[i].Values = append(series[i].Values, f(float64(30+i*10)+float64(j)*0.7))
		}
	}
	c := Chart{ID: "bench", Kind: Bar, Title: "T", Description: "D", Categories: months, Series: series, Unit: "%", Format: viRate}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(c); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBreaks(t *testing.T) {
	v := 50.0
	c := Chart{ID: "xu-huong", Kind: Line, Title: "T", Description: "D", Categories: []string{"6/2025", "7/2025"},
		Series: []Series{{Name: "Cả tỉnh", Values: []*float64{&v, &v}}}, Unit: "%", Format: func(f float64) string { return "x" },
		Breaks: []Break{{Category: "7/2025", Label: "</script>Gia Lai mới"}}}
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.JSON), `"markLine"`) || !strings.Contains(string(r.JSON), `"xAxis":"7/2025"`) ||
		!strings.Contains(string(r.JSON), `\u003c/script\u003eGia Lai mới`) {
		t.Errorf("break not drawn, or its label not escaped:\n%s", r.JSON)
	}
	c.Breaks = []Break{{Category: "8/2025", Label: "x"}}
	if _, err := Render(c); err == nil {
		t.Error("a break at an unknown category was accepted")
	}
	c.Kind, c.Breaks = Bar, []Break{{Category: "7/2025", Label: "x"}}
	if _, err := Render(c); err == nil {
		t.Error("a break on a bar chart was accepted")
	}
}

// A line is not joined across a break: each series is drawn as one ECharts series per
// stretch, all under its name, each with values only in its stretch, and its labels too.
func TestBreakSplitsLines(t *testing.T) {
	c := Chart{ID: "xu-huong", Kind: Line, Title: "T", Description: "D", Unit: "%", Format: viRate,
		Categories: []string{"5/2025", "6/2025", "7/2025", "8/2025"},
		Series: []Series{
			{Name: "Cả tỉnh", Values: []*float64{f(90), f(91), f(80), f(81)}},
			{Name: "Cấp huyện", Values: []*float64{f(70), f(71), nil, nil}},
			{Name: "Mục tiêu", Target: true, Values: []*float64{f(50), f(50), f(60), f(60)}},
		},
		Breaks: []Break{{Category: "7/2025", Label: "Tỉnh Gia Lai"}}}
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Labels [][]string
		Roles  []int
		Option struct {
			BaseOption struct {
				Series []struct {
					Name string
					Data []any // a value alone
				}
			}
		}
	}
	if err := json.Unmarshal(r.JSON, &env); err != nil {
		t.Fatal(err)
	}
	type part struct {
		name   string
		values string
	}
	var got []part
	for _, s := range env.Option.BaseOption.Series {
		var vs []string
		for _, d := range s.Data {
			vs = append(vs, fmtValue(d))
		}
		got = append(got, part{s.Name, strings.Join(vs, " ")})
	}
	want := []part{
		{"Cả tỉnh", "90 91 - -"}, {"Cả tỉnh", "- - 80 81"},
		{"Cấp huyện", "70 71 - -"}, // no empty second stretch
		{"Mục tiêu", "50 50 - -"}, {"Mục tiêu", "- - 60 60"},
	}
	if len(got) != len(want) {
		t.Fatalf("series %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("series %d = %v, want %v", i, got[i], want[i])
		}
	}
	if strings.Join(env.Labels[1], "|") != "||80%|81%" || len(env.Labels) != 5 {
		t.Errorf("labels = %q", env.Labels)
	}
	if !slices.Equal(env.Roles, []int{0, 0, 1, -1, -1}) {
		t.Errorf("roles = %v", env.Roles)
	}
	if n := strings.Count(string(r.JSON), `"markLine"`); n != 1 {
		t.Errorf("%d mark lines, want the break drawn once", n)
	}
	// The table keeps one column per series, every value in it.
	if len(r.Table.Columns) != 3 || r.Table.Rows[2].Cells[0] != "80%" || r.Table.Rows[0].Cells[0] != "90%" {
		t.Errorf("table = %+v", r.Table)
	}
}

func fmtValue(v any) string {
	if n, ok := v.(float64); ok {
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return v.(string)
}

// A horizontal bar chart asks for a height that grows with its bars; the target is a
// mark per category, not a line joining them; a score axis keeps its tick and a rank axis
// whole numbers.
func TestHorizontalHeightAndAxes(t *testing.T) {
	c := horizontalChart()
	r1, _ := Render(c)
	c.Series = append([]Series{{Name: "Cấp xã", Values: []*float64{f(1), f(2), f(3), f(4)}}}, c.Series...)
	r2, _ := Render(c)
	h := func(r Rendered) int {
		var env struct{ Height int }
		if err := json.Unmarshal(r.JSON, &env); err != nil {
			t.Fatal(err)
		}
		return env.Height
	}
	if h(r1) < 240 || h(r2) <= h(r1) {
		t.Errorf("heights %d, %d: want at least 240 and taller with more bars", h(r1), h(r2))
	}
	if !strings.Contains(string(r1.JSON), `"opacity":0`) {
		t.Errorf("target on a horizontal chart is drawn as a visible line:\n%s", r1.JSON)
	}
	l := lineChart()
	l.Tick, l.WholeNumbers = 5, true
	r, err := Render(l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.JSON), `"minInterval":1`) || !strings.Contains(string(r.JSON), `"interval":5`) {
		t.Errorf("tick or whole numbers missing:\n%s", r.JSON)
	}
	l.Tick = -1
	if _, err := Render(l); err == nil {
		t.Error("a negative tick was accepted")
	}
	if h(r) != 0 {
		t.Errorf("a line chart asks for height %d", h(r))
	}
}

// TestHorizontalAxisName: a horizontal chart's value-axis name (a unit of words, " điểm")
// sits centred under the tick labels with room kept below the plot, not at the axis' end
// where a phone's width cut it ("điể…"); a "%" chart has no name and keeps its layout.
func TestHorizontalAxisName(t *testing.T) {
	c := horizontalChart()
	plain, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	c.Unit = " điểm"
	named, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	js := string(named.JSON)
	for _, want := range []string{`"name":"điểm","nameLocation":"middle","nameGap":26`, `"bottom":"24"`} {
		if !strings.Contains(js, want) {
			t.Errorf("named axis lacks %s:\n%s", want, js)
		}
	}
	if strings.Contains(string(plain.JSON), "nameLocation") || !strings.Contains(string(plain.JSON), `"bottom":"8"`) {
		t.Errorf("a %% chart's axis changed:\n%s", plain.JSON)
	}
	var a, b struct{ Height int }
	if json.Unmarshal(plain.JSON, &a) != nil || json.Unmarshal(named.JSON, &b) != nil || b.Height != a.Height+24 {
		t.Errorf("heights %d, %d: the named axis gets 24px more", a.Height, b.Height)
	}
}

// TestHighlight: the highlighted category's bar, and only it, has a colour of its own with
// an outline; the other bars stay bare values.
func TestHighlight(t *testing.T) {
	c := horizontalChart()
	c.Highlight, c.HighlightNote = "Thanh toán trực tuyến", " (trang này)"
	r, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Option struct {
			BaseOption struct {
				Series []struct {
					Type string            `json:"type"`
					Data []json.RawMessage `json:"data"`
				} `json:"series"`
			} `json:"baseOption"`
		} `json:"option"`
	}
	if err := json.Unmarshal(r.JSON, &env); err != nil {
		t.Fatal(err)
	}
	bars := env.Option.BaseOption.Series[0]
	if bars.Type != "bar" || len(bars.Data) != 4 {
		t.Fatalf("first series: %s with %d points", bars.Type, len(bars.Data))
	}
	want := `{"itemStyle":{"borderColor":"#1F1F1F","borderWidth":2,"color":"#D55E00"},"value":45.1}`
	for i, d := range bars.Data {
		switch {
		case i == 1 && string(d) != want:
			t.Errorf("highlighted bar: %s\nwant %s", d, want)
		case i != 1 && strings.Contains(string(d), "itemStyle"):
			t.Errorf("bar %d is highlighted too: %s", i, d)
		}
	}
	// Said in words on the axis and in the table; the data keep the plain name.
	if !bytes.Contains(r.JSON, []byte(`"Thanh toán trực tuyến (trang này)"`)) || r.Table.Rows[1].Label != "Thanh toán trực tuyến (trang này)" {
		t.Errorf("no note on the axis or in the table: %q", r.Table.Rows[1].Label)
	}
	if c.Categories[1] != "Thanh toán trực tuyến" || r.Table.Rows[0].Label != "Hồ sơ trực tuyến" {
		t.Error("the note went into the data or onto another category")
	}
	// Without Highlight, no bar has a style of its own.
	plain, _ := Render(horizontalChart())
	if bytes.Contains(plain.JSON, []byte(`"borderColor"`)) {
		t.Error("a chart without Highlight singles a bar out")
	}
}
