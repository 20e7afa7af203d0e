package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
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

// files builds ix and fails the test on error.
func files(t testing.TB, ix *Index) map[string][]byte {
	t.Helper()
	fs, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// postings decodes one word's pages from its word file: ids, and which have it in the title.
func postings(t *testing.T, fs map[string][]byte, word string) (ids []int, inTitle []bool) {
	t.Helper()
	var shard map[string][]int
	if err := json.Unmarshal(fs["w/"+Key(word)+".json"], &shard); err != nil {
		t.Fatalf("w/%s.json: %v", Key(word), err)
	}
	id := 0
	for _, v := range shard[word] {
		id += v >> 1
		ids = append(ids, id)
		inTitle = append(inTitle, v&1 == 1)
	}
	return ids, inTitle
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("Tỉnh Gia Lai đạt 88,62 điểm; 139.506 hồ sơ, tháng 4/2024."), "|")
	want := "tinh|gia|lai|dat|88,62|diem|139.506|ho|so|thang|4|2024"
	if got != want {
		t.Errorf("Words = %s, want %s", got, want)
	}
	for w, k := range map[string]string{"thanh": "tha", "88,62": "886", "4": "4", "xa": "xa", "139.506": "139"} {
		if Key(w) != k {
			t.Errorf("Key(%q) = %q, want %q", w, Key(w), k)
		}
	}
}

func TestFiles(t *testing.T) {
	ix := &Index{Kinds: []string{"Bài viết", "Đơn vị"}, Pages: []Page{
		{Kind: 0, Path: "bai-viet/2024-04/", Title: "Tháng 4/2024", Text: "Tỉnh Bình Định đạt 88,62 điểm, chưa đạt </script> mục tiêu."},
		{Kind: 1, Path: "don-vi/gl-so-tu-phap/", Title: "Sở Tư pháp (từ 01/7/2025)", Text: "Tỉnh Gia Lai. Đạt."},
	}}
	fs := files(t, ix)
	var head struct {
		V     int
		Kinds []string
		Pages int
		Keys  []string
	}
	if err := json.Unmarshal(fs["index.json"], &head); err != nil {
		t.Fatal(err)
	}
	if head.V != Version || head.Pages != 2 || len(head.Kinds) != 2 {
		t.Errorf("index.json = %+v", head)
	}
	for _, k := range head.Keys {
		if fs["w/"+k+".json"] == nil {
			t.Errorf("key %q listed without its file", k)
		}
	}
	if ids, title := postings(t, fs, "dat"); !slices.Equal(ids, []int{0, 1}) || title[0] || title[1] {
		t.Errorf("dat: %v %v, want pages 0 and 1, not in titles", ids, title)
	}
	if ids, _ := postings(t, fs, "88,62"); !slices.Equal(ids, []int{0}) {
		t.Errorf("88,62: %v", ids)
	}
	if ids, title := postings(t, fs, "phap"); !slices.Equal(ids, []int{1}) || !title[0] {
		t.Errorf("phap: %v %v, want page 1 in its title", ids, title)
	}
	var page struct {
		K       int
		U, T, X string
	}
	if err := json.Unmarshal(fs["p/0.json"], &page); err != nil || page.U != "bai-viet/2024-04/" || !strings.Contains(page.X, "88,62") {
		t.Errorf("p/0.json = %+v, %v", page, err)
	}
	for name, b := range fs {
		if bytes.Contains(b, []byte("</script")) {
			t.Errorf("%s: </script> not escaped", name)
		}
	}
	again := files(t, ix)
	for name := range fs {
		if !bytes.Equal(fs[name], again[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// synthetic makes a site of n pages shaped like the sample's: per 100 pages, 10 articles
// (long official titles and a text of about 4,000 characters), 2 indicators and 88 units
// (their results over a year).
func synthetic(n int) *Index {
	rng := rand.New(rand.NewPCG(1, 2)) // fixed seed: the same figures every run
	ix := &Index{Kinds: []string{"Bài viết", "Chỉ tiêu", "Đơn vị"}}
	title := "Kết quả thực hiện 07 chỉ tiêu liên quan đến “Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công trực tuyến” trên địa bàn tỉnh trong tháng %d năm %d"
	item := "Chỉ tiêu “%s”: toàn tỉnh đạt %d,%d%% (%d.%03d/%d.%03d hồ sơ), %s mục tiêu %d%% được Chính phủ giao tại Nghị quyết số 02/NQ-CP ngày 05/01/2024. Trong đó, cấp tỉnh đạt %d,%d%%, cấp xã đạt %d,%d%%. "
	names := []string{"Hồ sơ trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ", "Kết quả điện tử", "Tái sử dụng dữ liệu số hóa", "DVC có hồ sơ trực tuyến", "TTHC có thanh toán trực tuyến"}
	for i := 0; i < n; i++ {
		var text strings.Builder
		switch r := i % 100; {
		case r < 10:
			m, y := i%12+1, 2000+i/12
			fmt.Fprintf(&text, "(gialai.gov.vn) - Tỉnh Gia Lai trong tháng %d/%d đạt %d,%02d điểm, xếp thứ %d/34. ", m, y, 70+rng.IntN(30), rng.IntN(100), 1+rng.IntN(34))
			for range 3 {
				for _, nm := range names {
					fmt.Fprintf(&text, item, nm, rng.IntN(100), rng.IntN(10), rng.IntN(99), rng.IntN(1000), 1+rng.IntN(99), rng.IntN(1000),
						[]string{"đạt", "chưa đạt"}[rng.IntN(2)], 50+rng.IntN(50), rng.IntN(100), rng.IntN(10), rng.IntN(100), rng.IntN(10))
				}
			}
			ix.Pages = append(ix.Pages, Page{Kind: 0, Path: fmt.Sprintf("bai-viet/%d-%02d/", y, m), Title: fmt.Sprintf(title, m, y), Text: text.String()})
		case r < 12:
			ix.Pages = append(ix.Pages, Page{Kind: 1, Path: fmt.Sprintf("chi-tieu/chi-tieu-%d/", i),
				Title: "Thanh toán trực tuyến phí, lệ phí thực hiện thủ tục hành chính",
				Text:  "Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến trên tổng số hồ sơ có phí, lệ phí. " + strings.Repeat("Tháng 4/2025: 63,4%, mục tiêu 50%, đạt. ", 20)})
		default:
			name := "Xã " + place(rng) + ", tỉnh Gia Lai"
			fmt.Fprintf(&text, "%s. Cấp xã, hoạt động từ ngày 01/7/2025. ", name)
			for m := 1; m <= 12; m++ {
				for _, nm := range names {
					fmt.Fprintf(&text, "%s tháng %d/2025: %d,%d%% hạng %d/135 %s. ", nm, m, rng.IntN(100), rng.IntN(10), 1+rng.IntN(135), []string{"Đạt", "Chưa đạt"}[rng.IntN(2)])
				}
			}
			ix.Pages = append(ix.Pages, Page{Kind: 2, Path: "don-vi/" + vietnamese.Slug(name) + fmt.Sprint(i) + "/", Title: name, Text: text.String()})
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

// firstSearch is what a reader's first search for query fetches: index.json, the word
// files of its words and the pages of the first screen of results (all words' pages
// intersected, at most PerScreen), in bytes gzipped.
func firstSearch(t testing.TB, fs map[string][]byte, query string) (gz int, results int) {
	gz = gzipSize(fs["index.json"])
	var pages map[int]bool
	for _, w := range Words(query) {
		file := fs["w/"+Key(w)+".json"]
		gz += gzipSize(file)
		var shard map[string][]int
		if err := json.Unmarshal(file, &shard); err != nil {
			t.Fatal(err)
		}
		here := map[int]bool{}
		for word, list := range shard {
			if !strings.HasPrefix(word, w) {
				continue
			}
			id := 0
			for _, v := range list {
				id += v >> 1
				if pages == nil || pages[id] {
					here[id] = true
				}
			}
		}
		pages = here
	}
	ids := make([]int, 0, len(pages))
	for id := range pages {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids[:min(len(ids), PerScreen)] {
		gz += gzipSize(fs[fmt.Sprintf("p/%d.json", id)])
	}
	return gz, len(ids)
}

// TestPayload states what a first search costs, and fails if on 10,000 pages it passes
// 300 KB gzipped: the words' files must stay small as the site grows.
func TestPayload(t *testing.T) {
	for _, n := range []int{100, 10000} {
		fs := files(t, synthetic(n))
		total := 0
		for _, b := range fs {
			total += len(b)
		}
		for _, q := range []string{"Gia Lai", "63,4", "thanh toán"} {
			gz, found := firstSearch(t, fs, q)
			t.Logf("%5d pages (%d files, %d bytes): first search %-12q %6d bytes gzipped, %d pages found", n, len(fs), total, q, gz, found)
			if n == 10000 && gz > 300<<10 {
				t.Errorf("10,000 pages, %q: %d bytes gzipped, over 300 KB", q, gz)
			}
		}
	}
}

func BenchmarkFiles10000(b *testing.B) {
	ix := synthetic(10000)
	for b.Loop() {
		files(b, ix)
	}
}

// TestWordsAsPattern holds the hand-written scanner to the pattern search.js uses, on
// strings with every kind of separator, mark and digit next to each other.
func TestWordsAsPattern(t *testing.T) {
	pieces := []string{"a", "Đạt", "88", ",", ".", " ", "62", "٣", "Ⅻ", "²", "x", "-", "…", "\u0301", "\n", ",,", "1.", ".5", "ß", "日本",
		"\u00a0", "\u2002", "\u2028", "İ", "Ǆ", "ﬁ", "“", "–", "Ỹ", "\u0323", "\u0340", "e\u0302", "\xff", "K", "Ω", "Ⓐ", "¼", "ʰ", "\t"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := wordPattern.FindAllString(vietnamese.Fold(s), -1)
		if got := Words(s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
	}
}

// TextWords gives Words' distinct words in their order, call after call on the same core's
// table, past the size at which the table starts again.
func TestTextWordsAsWords(t *testing.T) {
	pieces := []string{"a", "Đạt", "đạt", "88", ",", ".", " ", "62", "٣", "x", "-", "\u0301", "\n", "1.", ".5", "ß", "日本", "\u00a0",
		"“", "Ỹ", "e\u0302", "\xff", "Ω", "Gia Lai", "Sở Tư pháp"}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			for range 5 * (1 - min(i%3, 1)) { // words without end: the table fills up
				b.WriteString(" w" + strconv.Itoa(rng.IntN(1<<30)))
			}
		}
		s := b.String()
		var want []string
		for _, w := range Words(s) {
			if !slices.Contains(want, w) {
				want = append(want, w)
			}
		}
		got := TextWords(s)
		if len(got) != cap(got) {
			t.Fatalf("TextWords(%q): %d words in room for %d", s, len(got), cap(got))
		}
		var values []string
		for _, h := range got {
			values = append(values, h.Value())
		}
		if !slices.Equal(values, want) {
			t.Fatalf("TextWords(%q) = %q, want %q", s, values, want)
		}
	}
}

// cut gives what []rune gives, bytes not UTF-8 and U+FFFD included.
func TestCutAsRunes(t *testing.T) {
	pieces := []string{"a", "đạt", "日本", "\xff", "\ufffd", " ", "\xe1\xba", "😀"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s, n := b.String(), rng.IntN(10)
		if got, want := cut(s, n), cutRunes(s, n); got != want {
			t.Fatalf("cut(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
}
