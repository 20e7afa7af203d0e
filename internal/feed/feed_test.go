package feed

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

const hostile = `</script><script>alert(1)</script> & "quotes" ]]>`

func sample() *Feed {
	day := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	return &Feed{Title: "Chỉ số " + hostile, Description: "Tin bài", Link: "https://example.vn/chi-so/",
		Self: "https://example.vn/chi-so/rss.xml", Language: "vi", Author: "Ban biên tập", Updated: day,
		Items: []Item{{Title: "Tháng 4/2024 " + hostile, Link: "https://example.vn/chi-so/bai-viet/2024-04/",
			Summary: "Đạt 95%", Content: `<p>Đạt <a href="https://example.vn/chi-so/">95%</a></p>`,
			Published: day, Author: "Dũng Linh", Category: []string{"Số liệu minh họa"}}}}
}

// TestParse reads both formats back with a real feed parser.
func TestParse(t *testing.T) {
	f := sample()
	rss, err := f.RSS()
	if err != nil {
		t.Fatal(err)
	}
	f.Self = "https://example.vn/chi-so/atom.xml"
	atom, err := f.Atom()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"rss": rss, "atom": atom} {
		if bytes.Contains(data, []byte("<script>")) {
			t.Errorf("%s: markup not escaped", name)
		}
		got, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, data)
		}
		if got.FeedType != name {
			t.Errorf("%s: parsed as %s", name, got.FeedType)
		}
		if got.Title != f.Title || len(got.Items) != 1 {
			t.Fatalf("%s: title %q, %d items", name, got.Title, len(got.Items))
		}
		it := got.Items[0]
		if it.Title != f.Items[0].Title || it.Link != f.Items[0].Link || it.PublishedParsed == nil || !it.PublishedParsed.Equal(f.Items[0].Published) {
			t.Errorf("%s: item %q %q %v", name, it.Title, it.Link, it.PublishedParsed)
		}
		if !strings.Contains(it.Description, "Đạt 95%") {
			t.Errorf("%s: description %q", name, it.Description)
		}
		if got.Language != "vi" {
			t.Errorf("%s: language %q", name, got.Language)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := sample().RSS()
	b, _ := sample().RSS()
	if !bytes.Equal(a, b) {
		t.Error("two RSS writes differ")
	}
}
