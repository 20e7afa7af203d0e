package pipeline_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"chiso/internal/sitetest"
)

// sizePolicySite is the minimal site with 14 months (1/2023–2/2024) of one indicator's
// results for 31 units: 30 communes and one department, plus a commune that starts in
// 1/2024 (two periods). Long enough for a unit page and a ranking to leave rows to the
// open data.
func sizePolicySite(t *testing.T) *sitetest.Result {
	var units, periods strings.Builder
	units.WriteString("-- data/units.toml --\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&units, "[[unit]]\ncode = \"x%02d\"\nname = \"UBND xã Số %d\"\nlevel = \"xa\"\n\n", i, i)
	}
	units.WriteString("[[unit]]\ncode = \"so-tu-phap\"\nname = \"Sở Tư pháp\"\nlevel = \"tinh\"\n\n")
	units.WriteString("[[unit]]\ncode = \"x-moi\"\nname = \"UBND xã Mới\"\nlevel = \"xa\"\nfrom = 2024-01-01\n\n")
	for m := 0; m < 14; m++ {
		key := fmt.Sprintf("%d-%02d", 2023+m/12, m%12+1)
		fmt.Fprintf(&periods, "-- data/periods/%s.toml --\nperiod = %q\nsource_system = \"Hệ thống\"\n\n", key, key)
		fmt.Fprintf(&periods, "[report]\ntype = \"Báo cáo\"\nnumber = \"%d/BC-VPUBND\"\ndate = %d-%02d-20\nissuer = \"Văn phòng UBND tỉnh\"\n\n", 100+m, 2023+(m+1)/12, (m+1)%12+1)
		periods.WriteString("[[result]]\nindicator = \"dvc-phat-sinh-ho-so\"\nunits = [\n")
		for i := 1; i <= 30; i++ {
			fmt.Fprintf(&periods, "  { unit = \"x%02d\", numerator = %d, denominator = 100 },\n", i, (i*7+m*3)%101)
		}
		fmt.Fprintf(&periods, "  { unit = \"so-tu-phap\", numerator = %d, denominator = 50 },\n", 30+m)
		if m >= 12 {
			fmt.Fprintf(&periods, "  { unit = \"x-moi\", numerator = %d, denominator = 40 },\n", 20+m)
		}
		periods.WriteString("]\n\n")
	}
	b := sitetest.Build(t, units.String()+periods.String(),
		sitetest.Delete("data/periods/2024-04.toml"), sitetest.Delete("data/periods/2024-05.toml"))
	// The site reports one indicator of four: warnings, not errors.
	if b.Err != nil {
		t.Fatalf("build: %v\n%s", b.Err, b.Diags)
	}
	return b
}

// sectionOf is the part of page from the element with id to the end of its section.
func sectionOf(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no element with id %q", id)
	}
	j := strings.Index(page[i:], "</section>")
	if j < 0 {
		j = len(page) - i
	}
	return page[i : i+j]
}

var periodRow = regexp.MustCompile(`<tr><th scope="row"><a href="/chi-so/bai-viet/[0-9-]+/">`)

// TestUnitPageShowsRecentPeriods: a unit's page prints its last 6 periods in each
// indicator's table and draws its last 12; the rest is in du-lieu/ket-qua.csv, which the
// page links with the unit's code. A unit with fewer periods shows them all, without the
// note.
func TestUnitPageShowsRecentPeriods(t *testing.T) {
	b := sizePolicySite(t)
	page := b.File("don-vi/x07/index.html")
	history := sectionOf(t, page, "qua-cac-ky")
	if n := len(periodRow.FindAllString(history, -1)); n != 6 {
		t.Errorf("history table: %d periods, want the last 6", n)
	}
	for _, want := range []string{`href="/chi-so/bai-viet/2024-02/">02/2024</a>`, `href="/chi-so/bai-viet/2023-09/">9/2023</a>`} {
		if !strings.Contains(history, want) {
			t.Errorf("history table lacks %s", want)
		}
	}
	if strings.Contains(history, `href="/chi-so/bai-viet/2023-08/"`) {
		t.Error("history table still prints 8/2023, the 7th period back")
	}
	b.AssertFile("don-vi/x07/index.html",
		"6 kỳ gần nhất. Số liệu của cả 14 kỳ, từ tháng 01/2023: bảng kết quả (CSV), các dòng có cột unit là x07",
		`<a href="/chi-so/du-lieu/ket-qua.csv" type="text/csv" download>`,
		"12 tệp dữ liệu kỳ báo cáo")
	// The chart: 12 periods, 3/2023 to 2/2024, in its JSON and its table.
	var env struct {
		Option struct {
			BaseOption struct {
				XAxis []struct{ Data []string } `json:"xAxis"`
			} `json:"baseOption"`
		} `json:"option"`
	}
	opt := regexp.MustCompile(`(?s)<script type="application/json" id="don-vi-x07-option">(.*?)</script>`).FindStringSubmatch(page)
	if opt == nil {
		t.Fatal("no chart on the unit page")
	}
	if err := json.Unmarshal([]byte(opt[1]), &env); err != nil {
		t.Fatal(err)
	}
	if x := env.Option.BaseOption.XAxis; len(x) != 1 || len(x[0].Data) != 12 || x[0].Data[0] != "3/2023" || x[0].Data[11] != "02/2024" {
		t.Errorf("chart periods: %v, want the 12 from 3/2023 to 02/2024", x)
	}
	if n := strings.Count(page, `<tr><th scope="row">`) - 6 - 1; n != 12 { // minus history and the latest table
		t.Errorf("chart table: %d rows, want 12", n)
	}
	// The rows the page leaves out are in the open data.
	b.AssertFile("du-lieu/ket-qua.csv", "2023-01,binh-dinh,dvc-phat-sinh-ho-so,,x07,")

	// Two periods: both shown, no note.
	b.AssertNotContains("don-vi/x-moi/index.html", "kỳ gần nhất. Số liệu của cả")
	if n := len(periodRow.FindAllString(sectionOf(t, b.File("don-vi/x-moi/index.html"), "qua-cac-ky"), -1)); n != 2 {
		t.Errorf("x-moi: %d periods, want 2", n)
	}
}

// TestRankingPrintsEndsOfLongLevels: a level of more than 25 units prints its first and
// last 10 in the ranking table, says how many are left out and where they are (the chart
// draws them all; ket-qua.csv has every rank); a short level prints every unit.
func TestRankingPrintsEndsOfLongLevels(t *testing.T) {
	b := sizePolicySite(t)
	page := b.File("bai-viet/2024-02/xep-hang/index.html")
	unitRow := regexp.MustCompile(`<tr><td>\d+</td><th scope="row"><a href="/chi-so/don-vi/([^/]+)/">`)
	var communes, departments int
	for _, m := range unitRow.FindAllStringSubmatch(page, -1) {
		if strings.HasPrefix(m[1], "x") {
			communes++
		} else {
			departments++
		}
	}
	if communes != 20 || departments != 1 {
		t.Errorf("ranking table rows: %d communes, %d departments; want 20 of 31 communes and the 1 department", communes, departments)
	}
	b.AssertFile("bai-viet/2024-02/xep-hang/index.html",
		"… 11 đơn vị khác, hạng 11–",
		"các dòng có cột period là 2024-02 và indicator là dvc-phat-sinh-ho-so (cột rank)",
		"Bảng dưới biểu đồ có các đơn vị đầu và cuối; số liệu của mọi đơn vị ở dữ liệu mở.",
		"Số liệu đầy đủ ở bảng dưới biểu đồ.") // the department's level: every unit printed
	// The chart still draws all 31 communes.
	opt := regexp.MustCompile(`(?s)<script type="application/json" id="xep-hang-2024-02-dvc-phat-sinh-ho-so-xa-option">(.*?)</script>`).FindStringSubmatch(page)
	if opt == nil {
		t.Fatal("no chart of the communes")
	}
	if n := strings.Count(opt[1], "UBND xã "); n != 31 {
		t.Errorf("communes' chart: %d units, want 31", n)
	}
}
