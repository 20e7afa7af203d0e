package search_test

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"chiso/internal/pipeline"
	"chiso/internal/search"
)

// builtPages are the HTML pages of the sample's build, or of the site built at
// $CHISO_BENCH_OUT (e.g. a province's, for BenchmarkSearchText).
func builtPages(tb testing.TB) [][]byte {
	tb.Helper()
	var pages [][]byte
	if dir := os.Getenv("CHISO_BENCH_OUT"); dir != "" {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(p, ".html") {
				return err
			}
			b, err := os.ReadFile(p)
			pages = append(pages, b)
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
		return pages
	}
	files, probs, err := pipeline.Site(pipeline.Options{Source: os.DirFS("../.."), ECharts: []byte("/* echarts */")})
	if err != nil {
		tb.Fatalf("build: %v\n%s", err, probs)
	}
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, files[p])
		}
	}
	return pages
}

// mainScan reads every built page as the tokenizer does, and most without it; on pieces
// of HTML put together at random, it gives the tokenizer's text or leaves the page to it.
func TestMainScanAsTokenizer(t *testing.T) {
	pages := builtPages(t)
	scanned := 0
	for _, page := range pages {
		if i := bytes.Index(page, search.MainOpen); i >= 0 {
			page = page[i:]
		}
		want := search.MainTextTokens(page)
		if got, ok := search.MainScan(nil, page); ok {
			scanned++
			if string(got) != want {
				t.Fatalf("mainScan:\n%.300q\ntokenizer:\n%.300q", got, want)
			}
		}
	}
	if scanned < len(pages)*9/10 {
		t.Errorf("mainScan read %d of %d pages", scanned, len(pages))
	}
	pieces := []string{"<main>", "</main>", "<main class=x>", "<div>", "</div>", `<div class="chart-downloads">`,
		"<p class='notice-illustrative a'>", `<p class="x" class="chart-embed">`, `<p class="chart-embed" class="x">`,
		"<aside>", "</aside>", "<nav>", "</nav>", "<script>", "</script>", "</SCRIPT>", "</script >", "</scripts>",
		`<script type="application/json">`, "<!--", "-->", "<style>", "</style>", "<textarea>", "</textarea>", "<title>",
		"</title>", "</TITLE>", "<br>", "<br/>", `<img src="a"/>`, "<div/>", "<script/>", "<input disabled>", "<input disabled/>",
		`<a href="x" >`, "</a>", "<DIV>", "</Div>", "a", "b c", " ", "\n", "\r\n", "\u00a0", "&amp;", "&nbsp;", "&lt;", "&#x1F600;",
		"&", "&amp", "<", ">", "<3", "</", "</>", "</ a>", "<?x?>", "<!doctype html>", "\x00", "đạt", "\u2003", "\u0085", "=", `"`,
		"'", "/", "<span>", "</span>", `<aside class="chart-embed">`, "<template>", "</template>", "<noscript>", "</noscript>",
		`<a b="&amp;">`, `<a class="chart&#45;embed">`, `<svg viewBox="0 0 1 1">`, "<x:y>", "<a b=c>", "<p\tclass = \"chart-downloads\"\n>",
		"<a b='>'>", `<a b="`, "<a b", "<a/b>", "<a =b>", "<h2>", "</h2>", "\xff", "\xe1\xba"}
	rng := rand.New(rand.NewPCG(3, 4))
	read, withText := 0, 0
	for range 100000 {
		var b strings.Builder
		if rng.IntN(5) > 0 {
			b.WriteString("<main>")
		}
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		page := []byte(b.String())
		if got, ok := search.MainScan(nil, page); ok {
			if want := search.MainTextTokens(page); string(got) != want {
				t.Fatalf("%q:\nmainScan  %q\ntokenizer %q", page, got, want)
			}
			read++
			if len(got) > 0 {
				withText++
			}
		}
	}
	t.Logf("%d of %d pages read by mainScan; of 100000 random pieces, %d read, %d with text", scanned, len(pages), read, withText)
	if withText < 1000 {
		t.Errorf("of 100000 random pieces, mainScan read %d with text", withText)
	}
}

// BenchmarkSearchText takes every built page's text and words as searchEntryOf does:
//
//	CHISO_BENCH_OUT=/dev/shm/province go test ./internal/search -run '^$' -bench SearchText
func BenchmarkSearchText(b *testing.B) {
	pages := builtPages(b)
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			text := search.MainText(p)
			search.TextWords(text)
			if x := search.Excerpt(text); len(x) < len(text) {
				strings.Clone(x)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}

// appendFields gives the fields of unicode.IsSpace, one space apart.
func TestAppendFields(t *testing.T) {
	pieces := []string{"a", "đạt", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u0085", "\u3000", "\xff", "\xe2\x80", "88,62", "\v", "\f\r"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s, before := b.String(), []string{"", "x"}[rng.IntN(2)]
		want := strings.Join(append([]string{before}, strings.FieldsFunc(s, unicode.IsSpace)...), " ")
		if before == "" {
			want = strings.TrimPrefix(want, " ")
		}
		if got := string(search.AppendFields([]byte(before), []byte(s))); got != want {
			t.Fatalf("search.AppendFields(%q, %q) = %q, want %q", before, s, got, want)
		}
	}
}
