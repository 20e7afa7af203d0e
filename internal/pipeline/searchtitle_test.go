package pipeline_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"chiso/internal/search"
	"chiso/internal/sitetest"
)

// searchTitles maps each indexed path to the title its search result shows.
func searchTitles(t *testing.T, b *sitetest.Result) map[string]string {
	t.Helper()
	var ix struct{ Pages int }
	if err := json.Unmarshal([]byte(b.File("tim-kiem/index.json")), &ix); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i := 0; i < ix.Pages; i++ {
		var p struct{ U, T string }
		if err := json.Unmarshal([]byte(b.File(fmt.Sprintf("tim-kiem/p/%d.json", i))), &p); err != nil {
			t.Fatal(err)
		}
		out[p.U] = p.T
	}
	return out
}

// TestSearchTitles: search results name an article by its period and figures, not by the
// official headline every month shares; a unit with its province; and "(cũ)" marks a unit
// or province that ended while its name lives on. The news lists show the same titles,
// the article page keeps its official headline.
func TestSearchTitles(t *testing.T) {
	b := sitetest.Build(t, `
-- data/entities.toml --
[[entity]]
key = "gia-lai-cu"
name = "tỉnh Gia Lai"
short = "tỉnh"
source_tag = "gialai.gov.vn"
to = 2025-06-30
successor = "gia-lai"

[[entity]]
key = "gia-lai"
name = "tỉnh Gia Lai"
short = "tỉnh"
source_tag = "gialai.gov.vn"
from = 2025-07-01
-- data/units.toml --
[[unit]]
code = "gl-cu-so-tu-phap"
name = "Sở Tư pháp"
level = "tinh"
to = 2025-06-30
successor = "gl-so-tu-phap"

[[unit]]
code = "gl-so-tu-phap"
name = "Sở Tư pháp"
level = "tinh"
from = 2025-07-01

[[unit]]
code = "an-nhon-cu"
name = "phường An Nhơn"
level = "xa"
from = 2025-07-01
to = 2025-09-30
successor = "an-nhon"

[[unit]]
code = "an-nhon"
name = "phường An Nhơn"
level = "xa"
from = 2025-10-01

[[unit]]
code = "so-y-te"
name = "Sở Y tế"
level = "tinh"
`)
	b.AssertClean()
	got := searchTitles(t, b)
	want := map[string]string{
		"bai-viet/2024-04/":          "Tháng 4/2024: 3/4 chỉ tiêu đạt, 88,62 điểm, hạng 2/63",
		"bai-viet/2024-05/":          "Tháng 5/2024: 3/4 chỉ tiêu đạt, 88,19 điểm, hạng 2/63",
		"don-vi/gl-cu-so-tu-phap/":   "Sở Tư pháp, tỉnh Gia Lai (cũ)",
		"don-vi/gl-so-tu-phap/":      "Sở Tư pháp, tỉnh Gia Lai",
		"don-vi/an-nhon-cu/":         "Phường An Nhơn (cũ), tỉnh Gia Lai",
		"don-vi/an-nhon/":            "Phường An Nhơn, tỉnh Gia Lai",
		"don-vi/so-y-te/":            "Sở Y tế, tỉnh Gia Lai",
		"chi-tieu/ho-so-truc-tuyen/": "Hồ sơ dịch vụ công trực tuyến",
	}
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s: search title %q, want %q", path, got[path], w)
		}
	}
	seen := map[string]string{}
	for path, title := range got {
		if other, dup := seen[title]; dup {
			t.Errorf("%s and %s share the search title %q", other, path, title)
		}
		seen[title] = path
	}
	// Ranked by the official headline: "4" (as in "tháng 4/2024") puts April first, not
	// May, whose short title holds "3/4".
	var shard map[string][]int
	if err := json.Unmarshal([]byte(b.File("tim-kiem/w/"+search.Key("4")+".json")), &shard); err != nil {
		t.Fatal(err)
	}
	paths := make([]string, len(got))
	for i := range paths {
		var p struct{ U string }
		json.Unmarshal([]byte(b.File(fmt.Sprintf("tim-kiem/p/%d.json", i))), &p)
		paths[i] = p.U
	}
	inTitle := map[string]bool{}
	id := 0
	for _, v := range shard["4"] {
		id += v >> 1
		inTitle[paths[id]] = v&1 == 1
	}
	if !inTitle["bai-viet/2024-04/"] || inTitle["bai-viet/2024-05/"] {
		t.Errorf("“4” in the title of April: %v, of May: %v; want true, false", inTitle["bai-viet/2024-04/"], inTitle["bai-viet/2024-05/"])
	}
	// Lists: the short title links the article; its page keeps the official headline.
	b.AssertFile("bai-viet/2024-05/index.html", `<a href="/chi-so/bai-viet/2024-04/">Tháng 4/2024: 3/4 chỉ tiêu đạt, 88,62 điểm, hạng 2/63</a>`)
	b.AssertFile("luu-tru/2024/index.html", `<a href="/chi-so/bai-viet/2024-05/">Tháng 5/2024: 3/4 chỉ tiêu đạt, 88,19 điểm, hạng 2/63</a>`)
	b.AssertFile("bai-viet/2024-04/index.html", `<h1>Kết quả thực hiện 04 chỉ tiêu`)
}
