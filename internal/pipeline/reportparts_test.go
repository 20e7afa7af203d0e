package pipeline_test

// Pages, links and downloads of the dossier statistics, unit scores and target plans.

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"chiso/internal/publish"
)

const illustrativeNotice = "Số liệu trên trang này được tạo ra để minh họa cách trình bày"

func page(t *testing.T, files publish.Files, path string) string {
	t.Helper()
	b, ok := files[path+"index.html"]
	if !ok {
		t.Fatalf("no page %s", path)
	}
	return string(b)
}

func TestTargetPlanPage(t *testing.T) {
	files, _ := sample(t)
	plan := page(t, files, "muc-tieu/2026/")
	for _, want := range []string{
		"<h1>Chỉ tiêu cải cách thủ tục hành chính được giao năm 2026</h1>",
		illustrativeNotice,
		"Theo Quyết định số MH-01/QĐ-UBND ngày 15/01/2026 của UBND tỉnh, năm 2026 toàn tỉnh phải đạt:",
		"“Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến”: tối thiểu 100% (theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ).",
		"<h2>Các sở, ban, ngành</h2>",
		"năm 2026 UBND các xã, phường phải đạt:",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("muc-tieu/2026/ lacks %q", want)
		}
	}
	// Linked from where targets are shown: the list of indicators and each indicator.
	for _, from := range []string{"chi-tieu/", "chi-tieu/ho-so-truc-tuyen/"} {
		if !strings.Contains(page(t, files, from), `href="/chi-so/muc-tieu/2026/"`) {
			t.Errorf("%s does not link to muc-tieu/2026/", from)
		}
	}
}

// A year's targets are published before any of its results: a plan for a year without
// periods builds its page, and an official plan is not flagged.
func TestTargetPlanBeforeResults(t *testing.T) {
	files := buildSample(t, withFiles(map[string]string{"data/targets/2030.toml": `year = 2030
basis = "qd-766-2022"

[[target]]
indicator = "dvc-phat-sinh-ho-so"
value = 100
`}))
	p := page(t, files, "muc-tieu/2030/")
	if !strings.Contains(p, "năm 2030 toàn tỉnh phải đạt:") || strings.Contains(p, illustrativeNotice) {
		t.Errorf("muc-tieu/2030/:\n%s", p)
	}
	if !strings.Contains(page(t, files, "muc-tieu/2026/"), `href="/chi-so/muc-tieu/2030/"`) {
		t.Error("the 2026 plan does not link to the 2030 plan")
	}
}

func TestUnitScoresPage(t *testing.T) {
	files, _ := sample(t)
	p := page(t, files, "bai-viet/2025-12/diem-don-vi/")
	for _, want := range []string{
		illustrativeNotice,
		"Cấp tỉnh: 2 đơn vị xếp loại xuất sắc: Sở Tư pháp (95,42 điểm) và Sở Tài chính (91,08 điểm); 3 đơn vị xếp loại tốt:",
		"phường Quy Nhơn 89,12 điểm (xếp thứ 1/12)",
		`<tr><td>1/12</td><th scope="row"><a href="/chi-so/don-vi/gl-quy-nhon/">phường Quy Nhơn</a></th><td>89,12</td><td class="text">tốt</td></tr>`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("diem-don-vi lacks %q", want)
		}
	}
	if !strings.Contains(page(t, files, "bai-viet/2025-12/"), `href="/chi-so/bai-viet/2025-12/diem-don-vi/"`) {
		t.Error("the article of 12/2025 does not link to its unit scores")
	}
	// Each unit's page keeps its scores over time.
	if u := page(t, files, "don-vi/gl-quy-nhon/"); !strings.Contains(u, `<a href="/chi-so/bai-viet/2025-12/diem-don-vi/">tháng 12/2025</a> <span class="tag-illustrative">minh họa</span></th><td>89,12</td><td>1/12</td><td class="text">tốt</td>`) {
		t.Error("the unit page of phường Quy Nhơn lacks its score of 12/2025")
	}
	if _, ok := files["bai-viet/2025-11/diem-don-vi/index.html"]; ok {
		t.Error("a unit-score page for a period without unit scores")
	}
}

func TestDossiersInArticleAndDownloads(t *testing.T) {
	files, _ := sample(t)
	a := page(t, files, "bai-viet/2025-11/")
	if !strings.Contains(a, "Trong tháng 11/2025, toàn tỉnh tiếp nhận 48.215 hồ sơ, trong đó 29.412 hồ sơ trực tuyến (đạt 61%)") {
		t.Error("the article of 11/2025 lacks its dossier sentence")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["du-lieu/ho-so.csv"], []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var nov [][]string
	for _, r := range rows {
		if r[0] == "2025-11" {
			nov = append(nov, r)
		}
	}
	// The whole first (no level), then each level; a figure not given is an empty cell.
	if len(rows) != 7 || len(nov) != 3 || nov[0][2] != "" || nov[1][2] != "tinh" || nov[0][3] != "48215" || nov[1][12] != "" {
		t.Errorf("ho-so.csv: %q", rows)
	}
	// A period holding only dossiers has an article of its own kind.
	q3 := page(t, files, "bai-viet/2025-q3/")
	for _, want := range []string{
		"<h1>Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính trên địa bàn tỉnh trong quý III năm 2025</h1>",
		"Trong quý III/2025, toàn tỉnh tiếp nhận 139.506 hồ sơ",
		illustrativeNotice,
	} {
		if !strings.Contains(q3, want) {
			t.Errorf("bai-viet/2025-q3/ lacks %q", want)
		}
	}
	for _, name := range []string{"du-lieu/diem-don-vi.csv", "du-lieu/muc-tieu-giao.json"} {
		if len(files[name]) == 0 {
			t.Errorf("no %s", name)
		}
	}
	if !bytes.Contains(files["du-lieu/datapackage.json"], []byte(`"ho-so"`)) {
		t.Error("the data package does not list ho-so")
	}
}
