package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"chiso/internal/vietnamese"
)

// foldCases reads testdata/fold.txt, which e2e/opendata.test.mjs also runs through
// search.js: the two folds must agree on every line.
func foldCases(t *testing.T) [][2]string {
	t.Helper()
	src, err := os.ReadFile("testdata/fold.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, line := range strings.Split(string(src), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		out = append(out, [2]string{in, want})
	}
	return out
}

func TestFoldTable(t *testing.T) {
	for _, c := range foldCases(t) {
		for _, in := range []string{c[0], norm.NFD.String(c[0])} {
			if got := vietnamese.Fold(in); got != c[1] {
				t.Errorf("Fold(%q) = %q, want %q", in, got, c[1])
			}
		}
	}
}

func TestIndexJSON(t *testing.T) {
	ix := &Index{Kinds: []string{"Bài viết"}, Entries: []Entry{
		{Path: "bai-viet/2024-04/", Title: `Tháng 4 "],[" </script>`, Summary: strings.Repeat("Đạt mục tiêu ", 40), Extra: "chưa đạt"},
	}}
	out, err := ix.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		V     int
		Kinds []string
		Pages [][]any
	}
	if err := json.Unmarshal(out, &f); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("</script")) {
		t.Error("</script> not escaped")
	}
	p := f.Pages[0]
	if p[2] != `Tháng 4 "],[" </script>` {
		t.Errorf("title = %q", p[2])
	}
	if s := p[3].(string); len([]rune(s)) > MaxSummary || !strings.HasSuffix(s, "…") {
		t.Errorf("summary not cut: %q", s)
	}
	if folded := p[4].(string); !strings.Contains(folded, "thang 4") || !strings.Contains(folded, "chua dat") || !strings.Contains(folded, "dat muc tieu") {
		t.Errorf("folded = %q", folded)
	}
}

// synthetic makes a site's index of n pages shaped like the sample's: per 100 pages,
// 10 articles (long official titles and leads), 2 indicators and 88 units.
func synthetic(n int) *Index { return syntheticMix(n, 10) }

// syntheticMix is synthetic with articles per 100 pages (100: every page an article,
// the worst case: long titles and leads).
func syntheticMix(n, articles int) *Index {
	rng := rand.New(rand.NewPCG(1, 2)) // fixed seed: the same figures every run
	ix := &Index{Kinds: []string{"Bài viết", "Chỉ tiêu", "Đơn vị", "Trang"}}
	title := "Kết quả thực hiện 07 chỉ tiêu liên quan đến “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” trên địa bàn tỉnh trong tháng %d năm %d"
	lead := "(binhdinh.gov.vn) - Văn phòng UBND tỉnh đã ban hành Báo cáo số %d/BC-VPUBND ngày 20/%d/%d đánh giá về tình hình, kết quả thực hiện 07 chỉ tiêu liên quan đến “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” trên địa bàn tỉnh trong tháng %d năm %d"
	for i := 0; i < n; i++ {
		switch r := i % 100; {
		case r < articles:
			m, y := i%12+1, 2000+i/12
			ix.Entries = append(ix.Entries, Entry{Kind: 0, Path: fmt.Sprintf("bai-viet/%d-%02d/", y, m),
				Title: fmt.Sprintf(title, m, y), Summary: fmt.Sprintf(lead, 300+i%500, m, y, m, y),
				Extra: fmt.Sprintf("tháng %d/%d; đạt: Hồ sơ trực tuyến, Thanh toán trực tuyến, Số hóa hồ sơ; chưa đạt: Kết quả điện tử, Tái sử dụng dữ liệu số hóa", m, y)})
		case r < articles+2:
			ix.Entries = append(ix.Entries, Entry{Kind: 1, Path: fmt.Sprintf("chi-tieu/chi-tieu-%d/", i),
				Title:   "Thanh toán trực tuyến phí, lệ phí thực hiện thủ tục hành chính",
				Summary: "Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến trên tổng số hồ sơ có phí, lệ phí.", Extra: "Thanh toán trực tuyến"})
		default:
			name := "xã " + place(rng) + ", huyện " + place(rng)
			ix.Entries = append(ix.Entries, Entry{Kind: 2, Path: "don-vi/" + vietnamese.Slug(name) + fmt.Sprint(i) + "/",
				Title: name, Summary: "Cấp xã"})
		}
	}
	return ix
}

// syllables of Vietnamese place names, so unit names vary as real ones do (gzip would
// flatter a list of repeated names).
var syllables = strings.Fields("An Bình Cát Đức Giang Hà Hải Hòa Hưng Khánh Lâm Lộc Long Minh Mỹ Nam Nghĩa Nhơn Ninh Phong Phú Phước Quang Sơn Tân Thạnh Thành Thắng Thịnh Thuận Tiến Trung Tường Vinh Xuân Yên Đăk Ơ Krông Ea Bông Lắk Pơ Rô Ia Grai Chư Păh Mang Yang Kbang Kông Chro")

func place(rng *rand.Rand) string {
	return syllables[rng.IntN(len(syllables))] + " " + syllables[rng.IntN(len(syllables))]
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestPayload states what a search costs: the index is fetched once, on the first
// keystroke, and parsed whole. It fails if a 10,000-page site's index grows past 1 MB
// gzipped, or if the worst case — 10,000 articles, the longest entries — passes 1 MB
// gzipped or 12 MB to parse (the cut summary keeps an entry near 1.1 KB).
func TestPayload(t *testing.T) {
	const maxGzip, maxRaw = 1 << 20, 12 << 20
	for _, n := range []int{100, 1000, 10000} {
		out, err := synthetic(n).JSON()
		if err != nil {
			t.Fatal(err)
		}
		gz := gzipSize(out)
		t.Logf("synthetic site of %5d pages: index %8d bytes, %7d gzipped (%d bytes a page gzipped)", n, len(out), gz, gz/n)
		if n == 10000 && gz > maxGzip {
			t.Errorf("10,000 pages: %d bytes gzipped, over 1 MB", gz)
		}
	}
	out, err := syntheticMix(10000, 100).JSON()
	if err != nil {
		t.Fatal(err)
	}
	gz := gzipSize(out)
	t.Logf("worst case, 10000 articles:   index %8d bytes, %7d gzipped", len(out), gz)
	if gz > maxGzip || len(out) > maxRaw {
		t.Errorf("worst case, 10,000 articles: %d bytes (limit %d), %d gzipped (limit %d)", len(out), maxRaw, gz, maxGzip)
	}
}

func BenchmarkIndexJSON10000(b *testing.B) {
	ix := synthetic(10000)
	var size, gz int
	for b.Loop() {
		out, _ := ix.JSON()
		size = len(out)
	}
	out, _ := ix.JSON()
	gz = gzipSize(out)
	b.ReportMetric(float64(size), "bytes")
	b.ReportMetric(float64(gz), "gzip-bytes")
}
