package pipeline_test

import (
	"regexp"
	"strings"
	"testing"

	"chiso/internal/pipeline"
	"chiso/internal/sitetest"
)

// provinces is the minimal site (Bình Định, becoming the new Gia Lai on 1/7/2025) beside
// three other provinces: the old Gia Lai, which merges into the new one, Quảng Ngãi and
// Đắk Lắk. May 2024: every province gives counts of "ho-so-truc-tuyen" and an index score.
const provinces = `
-- data/entities.toml --
[[entity]]
key = "binh-dinh"
name = "tỉnh Bình Định"
short = "tỉnh"
source_tag = "binhdinh.gov.vn"
to = 2025-06-30
successor = "gia-lai"

[[entity]]
key = "gia-lai"
name = "tỉnh Gia Lai"
short = "tỉnh"
from = 2025-07-01

[[entity]]
key = "gia-lai-cu"
name = "tỉnh Gia Lai"
short = "tỉnh"
to = 2025-06-30
successor = "gia-lai"

[[entity]]
key = "quang-ngai"
name = "tỉnh Quảng Ngãi"
short = "tỉnh"

[[entity]]
key = "dak-lak"
name = "tỉnh Đắk Lắk"
short = "tỉnh"
-- data/units.toml --
[[unit]]
code = "gl-so-tu-phap"
name = "Sở Tư pháp tỉnh Gia Lai"
level = "tinh"
entity = "gia-lai-cu"
to = 2025-06-30
-- data/periods/gia-lai-cu/2024-05.toml --
period = "2024-05"
[index]
score = 85.5
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { huyen = 900, xa = 900 }
denominators = { huyen = 1000, xa = 1000 }
units = [{ unit = "gl-so-tu-phap", numerator = 900, denominator = 1000 }]
-- data/periods/quang-ngai/2024-05.toml --
period = "2024-05"
[index]
score = 85.5
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { tinh = 450, huyen = 450, xa = 900 }
denominators = { tinh = 500, huyen = 500, xa = 1000 }
-- data/periods/dak-lak/2024-05.toml --
period = "2024-05"
[index]
score = 90.1
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { tinh = 90, huyen = 90, xa = 90 }
denominators = { tinh = 100, huyen = 100, xa = 100 }
-- data/periods/2025-07.toml --
period = "2025-07"
[index]
score = 80.2
-- data/periods/quang-ngai/2025-07.toml --
period = "2025-07"
[index]
score = 82.4
`

// rows lists a table's rows as "rank name value", in order, from the page's visible text.
func tableRows(t *testing.T, page, caption string) []string {
	t.Helper()
	i := strings.Index(page, caption)
	if i < 0 {
		t.Fatalf("no table %q", caption)
	}
	tbody := page[i:]
	tbody = tbody[strings.Index(tbody, "<tbody>"):strings.Index(tbody, "</tbody>")]
	var out []string
	for _, tr := range strings.Split(tbody, "<tr")[1:] {
		out = append(out, sitetest.Text("<tr"+tr))
	}
	return out
}

func TestEntitiesCompared(t *testing.T) {
	b := sitetest.Build(t, provinces)
	if b.Err != nil {
		t.Fatalf("%v\n%s", b.Err, b.Diags)
	}
	// Each province's rate is pooled from its own counts only: the old Gia Lai's 2700/3000.
	b.AssertFile("tinh/gia-lai-cu/bai-viet/2024-05/index.html", "90%")
	got := strings.Join(tableRows(t, b.File("tinh/quang-ngai/index.html"), "Điểm chỉ số và tỷ lệ các chỉ tiêu của tỉnh Quảng Ngãi"), " | ")
	if want := "Tháng 7/2025 82,4 – – – – | Tháng 5/2024 85,5 90% – – –"; got != want {
		t.Errorf("Quảng Ngãi's periods:\n got %s\nwant %s", got, want)
	}
	b.AssertFile("tinh/gia-lai-cu/index.html", "xếp thứ 3/4 về điểm tháng 5/2024 với 85,5 điểm (bình quân cả nước 87,32 điểm)")
	page := b.File("so-sanh/2024-05/index.html")
	if !strings.Contains(page, "assets/vendor/echarts-") {
		t.Error("the comparison's charts have no chart library")
	}
	// Index scores best first; Gia Lai and Quảng Ngãi tie and share the rank, in name order.
	got = strings.Join(tableRows(t, page, "Điểm chỉ số các tỉnh, tháng 5/2024"), " | ")
	if want := "1 Tỉnh Đắk Lắk 90,1 | 2 Tỉnh Bình Định (trang này) 88,19 | 3 Tỉnh Gia Lai 85,5 | 3 Tỉnh Quảng Ngãi 85,5"; got != want {
		t.Errorf("scores:\n got %s\nwant %s", got, want)
	}
	// Rates: three provinces at 90% share the second place, in Vietnamese order (Đ after
	// D, before G; by bytes it would come last).
	got = strings.Join(tableRows(t, page, "Xếp hạng các tỉnh theo “Hồ sơ trực tuyến”, tháng 5/2024"), " | ")
	if want := "1 Tỉnh Bình Định (trang này) 95,3% 24.002/ 25.191 | 2 Tỉnh Đắk Lắk 90% 270/ 300 | 2 Tỉnh Gia Lai 90% 2.700/ 3.000 | 2 Tỉnh Quảng Ngãi 90% 1.800/ 2.000"; got != want {
		t.Errorf("rates:\n got %s\nwant %s", got, want)
	}
	// National averages: the mean of the scores; the rate pooled over the provinces'
	// counts, 28772/30491 = 94,4% (the mean of the rates would be 91,3%).
	b.AssertFile("so-sanh/2024-05/index.html", "Bình quân cả nước: 87,32 điểm", "Bình quân cả nước: 94,4% (tỷ lệ gộp")
	b.AssertFile("bai-viet/2024-05/index.html", "Tỉnh Bình Định xếp thứ 2/4 về điểm tháng 5/2024 với 88,19 điểm")
	b.AssertFile("so-sanh/index.html", "Tháng 5/2024", "Tháng 7/2025", `href="/chi-so/tinh/quang-ngai/"`)
	// Unit pages are the site's own units'; another province's unit is on its reports.
	b.AssertNoFile("don-vi/gl-so-tu-phap/index.html")
	b.AssertFile("tinh/gia-lai-cu/bai-viet/2024-05/index.html", "cấp tỉnh đạt 90%", "<title>Tỉnh Gia Lai: Kết quả thực hiện 01 chỉ tiêu")
	// The merger: the old Gia Lai is not in July 2025, the new one is, and the new Gia Lai's
	// article does not compare with Bình Định's May.
	july := b.File("so-sanh/2025-07/index.html")
	if strings.Contains(july, "gia-lai-cu") || strings.Contains(july, "Bình Định") {
		t.Error("a merged province is compared after the merger")
	}
	got = strings.Join(tableRows(t, july, "Điểm chỉ số các tỉnh, tháng 7/2025"), " | ")
	if want := "1 Tỉnh Quảng Ngãi 82,4 | 2 Tỉnh Gia Lai (trang này) 80,2"; got != want {
		t.Errorf("July:\n got %s\nwant %s", got, want)
	}
	b.AssertFile("bai-viet/2025-07/index.html", "bài viết không so sánh với các kỳ trước, vốn là số liệu của tỉnh Bình Định")
	b.AssertNotContains("tinh/gia-lai-cu/index.html", "tháng 7/2025")
	b.AssertFile("index.html", "So với các tỉnh", "Tỉnh Gia Lai xếp thứ 2/2 về điểm tháng 7/2025")
	b.AssertNoFile("tinh/gia-lai/index.html") // the site's own keeps the site's own pages
	// Every province's figures are in the one dataset, with their entity in every row.
	b.AssertFile("du-lieu/ket-qua.csv", "2024-05,quang-ngai,ho-so-truc-tuyen,tinh,,90,450,500",
		"2024-05,gia-lai-cu,ho-so-truc-tuyen,,gl-so-tu-phap,90,900,1000", "2024-05,dak-lak,ho-so-truc-tuyen,,,90,270,300")
	b.AssertFile("du-lieu/ky-bao-cao.csv", "2025-07,quang-ngai,")
}

// TestNationalTable: a province's site carrying every province's score of a period gets
// the same ranking, by the table's ranks, with the average as stated.
func TestNationalTable(t *testing.T) {
	b := sitetest.Build(t, `
-- data/national/2024-04.toml --
period = "2024-04"
source = "Văn phòng Chính phủ"
national_average = 83.1
[[province]]
name = "tỉnh Quảng Ninh"
score = 90.1
rank = 1
[[province]]
name = "thành phố Hải Phòng"
score = 86.3
rank = 3
[[province]]
entity = "binh-dinh"
score = 88.62
rank = 2
`)
	b.AssertClean()
	page := b.File("so-sanh/2024-04/index.html")
	got := strings.Join(tableRows(t, page, "Điểm chỉ số các tỉnh, tháng 4/2024"), " | ")
	if want := "1 Tỉnh Quảng Ninh 90,1 | 2 Tỉnh Bình Định (trang này) 88,62 | 3 Thành phố Hải Phòng 86,3"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	b.AssertFile("so-sanh/2024-04/index.html", "Bình quân cả nước: 83,1 điểm (như nguồn công bố)", "Theo bảng điểm cả nước của Văn phòng Chính phủ")
	b.AssertFile("bai-viet/2024-04/index.html", "Tỉnh Bình Định xếp thứ 2/3 về điểm tháng 4/2024 với 88,62 điểm (bình quân cả nước 83,1 điểm)")
	b.AssertFile("index.html", "Tỉnh Bình Định xếp thứ 2/3 về điểm tháng 4/2024")
	if regexp.MustCompile(`so-sanh/2024-05/`).MatchString(b.File("index.html")) {
		t.Error("a period without a table is compared")
	}
}

// entityUnitsSite is the provinces' site with units: the old Gia Lai's department (taken
// over by the new Gia Lai's), Quảng Ngãi's department and district with scores; edits
// change it further.
func entityUnitsSite(t *testing.T, edits ...sitetest.Edit) *sitetest.Result {
	t.Helper()
	b := sitetest.Build(t, provinces+`
-- data/periods/gia-lai-cu/2024-04.toml --
period = "2024-04"
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { huyen = 800, xa = 800 }
denominators = { huyen = 1000, xa = 1000 }
units = [{ unit = "gl-so-tu-phap", numerator = 800, denominator = 1000 }]
`, append([]sitetest.Edit{
		sitetest.Replace("data/units.toml", "entity = \"gia-lai-cu\"\nto = 2025-06-30", "entity = \"gia-lai-cu\"\nto = 2025-06-30\nsuccessor = \"so-tu-phap\""),
		sitetest.Append("data/units.toml", `
[[unit]]
code = "so-tu-phap"
name = "Sở Tư pháp"
level = "tinh"
from = 2025-07-01

[[unit]]
code = "qn-so-tu-phap"
name = "Sở Tư pháp tỉnh Quảng Ngãi"
level = "tinh"
entity = "quang-ngai"

[[unit]]
code = "qn-binh-son"
name = "huyện Bình Sơn"
level = "huyen"
entity = "quang-ngai"
to = 2025-06-30
`),
		sitetest.Replace("data/periods/quang-ngai/2024-05.toml", "denominators = { tinh = 500, huyen = 500, xa = 1000 }",
			"denominators = { tinh = 500, huyen = 500, xa = 1000 }\nunits = [{ unit = \"qn-so-tu-phap\", numerator = 450, denominator = 500 }, { unit = \"qn-binh-son\", numerator = 450, denominator = 500 }]"),
		sitetest.Append("data/periods/quang-ngai/2024-05.toml", `
[[unit_score]]
unit = "qn-so-tu-phap"
score = 91.5
class = "xuất sắc"
`),
		sitetest.Append("data/periods/2025-07.toml", `
[[result]]
indicator = "dvc-phat-sinh-ho-so"
numerators = { tinh = 70, xa = 70 }
denominators = { tinh = 100, xa = 100 }
units = [{ unit = "so-tu-phap", numerator = 70, denominator = 100 }]
`)}, edits...)...)
	if b.Err != nil {
		t.Fatalf("%v\n%s", b.Err, b.Diags)
	}
	return b
}

// TestEntityUnits: another province's units have their pages under its folder, listed on
// its page and linked from its ranking, each with that province's periods only. The old
// Gia Lai's Department of Justice hands over to the new Gia Lai's (the site's own) on
// 1/7/2025: two pages, two series, each linking the other.
func TestEntityUnits(t *testing.T) {
	b := entityUnitsSite(t)
	// The old Gia Lai's unit: its own periods only (April and May 2024), from its own
	// reports, charted under its own chart.
	old := "tinh/gia-lai-cu/don-vi/gl-so-tu-phap/index.html"
	b.AssertFile(old, "<title>Tỉnh Gia Lai: Sở Tư pháp tỉnh Gia Lai", "Kỳ gần nhất: tháng 5/2024", "90%", "80%",
		`href="/chi-so/tinh/gia-lai-cu/bai-viet/2024-04/"`, `id="don-vi-gl-so-tu-phap"`,
		`href="/chi-so/don-vi/so-tu-phap/"`, `href="/chi-so/tinh/gia-lai-cu/">Tỉnh Gia Lai</a>`)
	b.AssertNotContains(old, "Kỳ gần nhất: tháng 7/2025", "70%")
	// Its chart has a CSV but no embed page, nor a link to one (issue 9).
	b.AssertNoFile("nhung/don-vi-gl-so-tu-phap/index.html")
	b.AssertFile("du-lieu/bieu-do/don-vi-gl-so-tu-phap.csv", "5/2024,90")
	b.AssertFile(old, `href="/chi-so/du-lieu/bieu-do/don-vi-gl-so-tu-phap.csv"`)
	b.AssertNotContains(old, "nhung/don-vi-gl-so-tu-phap", `class="chart-embed"`)
	// The new Gia Lai's: July 2025 only, and the unit it took over from.
	new := "don-vi/so-tu-phap/index.html"
	b.AssertFile(new, "Kỳ gần nhất: tháng 7/2025", "70%", `href="/chi-so/tinh/gia-lai-cu/don-vi/gl-so-tu-phap/"`)
	b.AssertNotContains(new, `href="/chi-so/tinh/gia-lai-cu/bai-viet/2024-05/"`, "Kỳ gần nhất: tháng 5/2024", "90%", `id="don-vi-so-tu-phap"`)
	b.AssertFile("don-vi/index.html", `href="/chi-so/don-vi/so-tu-phap/"`)
	b.AssertNotContains("don-vi/index.html", "gl-so-tu-phap", "qn-so-tu-phap")
	// Quảng Ngãi: its page lists its units by level, its article links its ranking, the
	// ranking links the units' pages.
	b.AssertFile("tinh/quang-ngai/index.html", "Các đơn vị", "Cấp tỉnh", `<a href="/chi-so/tinh/quang-ngai/don-vi/qn-so-tu-phap/">Sở Tư pháp tỉnh Quảng Ngãi</a>`,
		`<a href="/chi-so/tinh/quang-ngai/don-vi/qn-binh-son/">huyện Bình Sơn</a> <span class="muted">(đến 30/6/2025)</span>`)
	b.AssertNotContains("tinh/quang-ngai/index.html", "gl-so-tu-phap")
	b.AssertFile("tinh/quang-ngai/bai-viet/2024-05/index.html", `href="/chi-so/tinh/quang-ngai/bai-viet/2024-05/xep-hang/"`)
	b.AssertFile("tinh/quang-ngai/bai-viet/2024-05/xep-hang/index.html", "<title>Tỉnh Quảng Ngãi: Xếp hạng các đơn vị, tháng 5/2024",
		`href="/chi-so/tinh/quang-ngai/don-vi/qn-binh-son/"`, "Cả tỉnh: 90%")
	b.AssertFile("tinh/quang-ngai/don-vi/qn-binh-son/index.html", "<title>Tỉnh Quảng Ngãi: Huyện Bình Sơn", "90%", "hạng 1/1")
	// Its unit scores: the period's page under its folder, and on the unit's page.
	b.AssertFile("tinh/quang-ngai/bai-viet/2024-05/diem-don-vi/index.html", "<title>Tỉnh Quảng Ngãi: Điểm và xếp loại các đơn vị, tháng 5/2024",
		`href="/chi-so/tinh/quang-ngai/don-vi/qn-so-tu-phap/"`, "91,5")
	b.AssertFile("tinh/quang-ngai/don-vi/qn-so-tu-phap/index.html", `href="/chi-so/tinh/quang-ngai/bai-viet/2024-05/diem-don-vi/"`, "91,5", "xuất sắc")
	// Charts of another province's ranking are its own, not the site's of the same period.
	b.AssertFile("tinh/quang-ngai/bai-viet/2024-05/xep-hang/index.html", `id="xep-hang-quang-ngai-2024-05-ho-so-truc-tuyen-tinh"`)
	// A new ranking chart had no embed page before: no redirect for one (the site's own keep theirs).
	b.AssertNoFile("nhung/xep-hang-quang-ngai-2024-05-ho-so-truc-tuyen-tinh/index.html")
	b.AssertFile("nhung/xep-hang-2025-07-dvc-phat-sinh-ho-so-tinh/index.html", `http-equiv="refresh"`)
	b.AssertNoFile("tinh/dak-lak/don-vi/index.html")
	// Search names each unit with its own province, "(cũ)" for the one merged away.
	titles := searchTitles(t, b)
	for path, want := range map[string]string{
		"tinh/quang-ngai/don-vi/qn-binh-son/":   "Huyện Bình Sơn, tỉnh Quảng Ngãi",
		"tinh/gia-lai-cu/don-vi/gl-so-tu-phap/": "Sở Tư pháp tỉnh Gia Lai, tỉnh Gia Lai (cũ)",
		"don-vi/so-tu-phap/":                    "Sở Tư pháp, tỉnh Gia Lai",
	} {
		if titles[path] != want {
			t.Errorf("%s: search title %q, want %q", path, titles[path], want)
		}
	}
	// Every page of the site: links resolve, one title, one h1.
	for _, p := range b.Files.Paths() {
		if strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			t.Run(p, func(t *testing.T) { sweepPage(t, b.Files, p) })
		}
	}
}

// TestComparisonOwnHighlighted: on the comparison's charts the site's own province is
// singled out by its bar's colour and outline and, not by colour alone, in words on the
// axis, in the chart's table (the ranking table) and in its description.
// Another province's page and the chart's data name it plainly.
func TestComparisonOwnHighlighted(t *testing.T) {
	b := sitetest.Build(t, provinces)
	if b.Err != nil {
		t.Fatalf("%v\n%s", b.Err, b.Diags)
	}
	page := b.File("so-sanh/2024-05/index.html")
	for _, id := range []string{"so-sanh-2024-05-diem", "so-sanh-2024-05-ho-so-truc-tuyen"} {
		i := strings.Index(page, `<figure class="chart" id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no chart %s", id)
		}
		fig := page[i : i+strings.Index(page[i:], "</figure>")]
		if strings.Count(fig, `"itemStyle":{"borderColor":"#1F1F1F","borderWidth":2,"color":"#D55E00"}`) != 1 {
			t.Errorf("%s: the own province's bar is not singled out once", id)
		}
		// The chart's table is the ranking table (one table per chart, not two of the same rows).
		if !strings.Contains(fig, `"Tỉnh Bình Định (trang này)"`) || !strings.Contains(fig, `<tr class="own"><td class="num">`) || !strings.Contains(fig, `Tỉnh Bình Định</a> <span class="muted">(trang này)</span></th>`) {
			t.Errorf("%s: the own province is not named as such on the axis and in the chart's table", id)
		}
		if strings.Contains(fig, `class="chart-table"`) || strings.Count(fig, "<table") != 1 {
			t.Errorf("%s: the figures are printed in more than one table", id)
		}
		if !strings.Contains(fig, "Thanh của tỉnh Bình Định (trang này) có màu cam, viền đậm.") {
			t.Errorf("%s: the description does not say which bar is the site's", id)
		}
		// Axis (in the JSON), table, description (the paragraph; charts.js gives it to ECharts).
		if strings.Count(fig, "(trang này)") != 3 {
			t.Errorf("%s: %d mentions of (trang này)", id, strings.Count(fig, "(trang này)"))
		}
	}
	if !strings.Contains(page, `<tr class="own"><td class="num">2</td><th scope="row"><a href="/chi-so/bai-viet/2024-05/">Tỉnh Bình Định</a> <span class="muted">(trang này)</span>`) {
		t.Error("the no-JS ranking table does not mark the own province")
	}
	b.AssertFile("du-lieu/bieu-do/so-sanh-2024-05-diem.csv", "Tỉnh Bình Định,88.19")
	b.AssertNotContains("du-lieu/bieu-do/so-sanh-2024-05-diem.csv", "trang này")
	// July 2025: the own province is the new Gia Lai; the old one is not in the ranking.
	july := b.File("so-sanh/2025-07/index.html")
	if !strings.Contains(july, `"Tỉnh Gia Lai (trang này)"`) || strings.Count(july, `"borderColor":"#1F1F1F","borderWidth":2`) != 1 {
		t.Error("July: the new Gia Lai is not singled out once")
	}
}

// TestTwoEntities: the site's own province and one other, whose report has units but no
// index score: its page lists its units, each unit's page leads back to it; the two are
// compared by rate, the site's own singled out.
func TestTwoEntities(t *testing.T) {
	b := sitetest.Build(t, `
-- data/units.toml --
[[unit]]
code = "qn-so-tu-phap"
name = "Sở Tư pháp tỉnh Quảng Ngãi"
level = "tinh"
entity = "quang-ngai"
-- data/periods/quang-ngai/2024-05.toml --
period = "2024-05"
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { tinh = 45, huyen = 450, xa = 900 }
denominators = { tinh = 50, huyen = 500, xa = 1000 }
units = [{ unit = "qn-so-tu-phap", numerator = 45, denominator = 50 }]
`, sitetest.Append("data/entities.toml", `
[[entity]]
key = "quang-ngai"
name = "tỉnh Quảng Ngãi"
short = "tỉnh"
`))
	if b.Err != nil {
		t.Fatalf("%v\n%s", b.Err, b.Diags)
	}
	b.AssertFile("tinh/quang-ngai/index.html", `<a href="/chi-so/tinh/quang-ngai/don-vi/qn-so-tu-phap/">Sở Tư pháp tỉnh Quảng Ngãi</a>`)
	b.AssertFile("tinh/quang-ngai/don-vi/qn-so-tu-phap/index.html", `<a href="/chi-so/tinh/quang-ngai/">Tỉnh Quảng Ngãi</a>`, "90%", "hạng 1/1")
	b.AssertNoFile("don-vi/index.html") // the site's own has no units
	got := strings.Join(tableRows(t, b.File("so-sanh/2024-05/index.html"), "Xếp hạng các tỉnh theo “Hồ sơ trực tuyến”, tháng 5/2024"), " | ")
	if want := "1 Tỉnh Bình Định (trang này) 95,3% 24.002/ 25.191 | 2 Tỉnh Quảng Ngãi 90% 1.395/ 1.550"; got != want {
		t.Errorf("rates:\n got %s\nwant %s", got, want)
	}
	b.AssertFile("so-sanh/2024-05/index.html", `"Tỉnh Bình Định (trang này)"`)
	for _, p := range b.Files.Paths() {
		if strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "/"+pipeline.FragmentName) {
			t.Run(p, func(t *testing.T) { sweepPage(t, b.Files, p) })
		}
	}
}
